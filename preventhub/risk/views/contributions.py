"""Partner contributions: adding one, asking a partner for one, giving a requested one, the
requests waiting for you, and downloading an attached file."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Organisation
from preventhub.governance.services.reports_files import content_type_for

from .. import policies, services
from ..forms.assessments import ContributionForm, RequestForm, RespondForm
from ..inbox import contributions_requested
from ..models import Contribution, RiskAssessment
from .common import manage_required, people, to

TEMPLATES = "risk/contributions"


def _assessment(request: HttpRequest, public_id: Any, action: str) -> RiskAssessment:
    return policies.assessments.get_or_404(request, action, public_id=public_id)


def _organisations(user: Any) -> Any:
    allowed = policies.contributing_organisations(user)
    organisations = directory_policies.organisations.visible_to(user)
    return organisations if allowed is None else organisations.filter(pk__in=allowed)


@login_required
@require_http_methods(["GET", "POST"])
def contribution_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The Prevent lead records any partner's contribution; a partner lead their own
    organisation's (anyone else: 404, audited)."""
    assessment = _assessment(request, public_id, policies.CONTRIBUTE)
    organisations = _organisations(request.user)
    only: Organisation | None = organisations.first() if organisations.count() == 1 else None
    return form_page(
        request,
        ContributionForm,
        template=f"{TEMPLATES}/add.html",
        files=True,
        form_kwargs={"organisations": organisations},
        initial={"organisation": only, "received_on": timezone.localdate()},
        save=lambda form: services.add_contribution(
            actor=request.user,
            assessment=assessment,
            organisation=form.cleaned_data["organisation"],
            received_on=form.cleaned_data["received_on"],
            summary=form.cleaned_data.get("summary") or "",
            attachment=form.cleaned_data.get("attachment"),
        ),
        success=to("assessment_detail", assessment),
        message="The contribution has been added.",
        context={"assessment": assessment},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def contribution_request(request: HttpRequest, public_id: Any) -> HttpResponse:
    assessment = _assessment(request, public_id, Action.VIEW)
    return form_page(
        request,
        RequestForm,
        template=f"{TEMPLATES}/request.html",
        form_kwargs={
            "organisations": directory_policies.organisations.visible_to(request.user),
            "people": people(request.user),
        },
        save=lambda form: services.request_contribution(
            actor=request.user,
            assessment=assessment,
            organisation=form.cleaned_data["organisation"],
            person=form.cleaned_data["person"],
            due_on=form.cleaned_data.get("due_on"),
        ),
        success=to("assessment_detail", assessment),
        message=lambda c: f"{c.requested_from} has been asked for a contribution.",
        context={"assessment": assessment},
    )


def _contribution(request: HttpRequest, public_id: Any, action: str) -> Contribution:
    queryset = policies.contributions.visible_to(request.user, action).select_related(
        "assessment", "organisation", "requested_from"
    )
    return policies.contributions.get_or_404(
        request, action, queryset=queryset, public_id=public_id
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_respond(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Give a requested contribution (the inbox task's page), or correct one already given."""
    contribution = _contribution(request, public_id, Action.CHANGE)
    assessment_visible = policies.assessments.can(
        request.user, Action.VIEW, contribution.assessment
    )
    return form_page(
        request,
        RespondForm,
        template=f"{TEMPLATES}/respond.html",
        files=True,
        record=contribution,
        initial={
            "received_on": contribution.received_on or timezone.localdate(),
            "summary": contribution.summary,
        },
        save=lambda form: services.update_contribution(
            actor=request.user,
            contribution=contribution,
            received_on=form.cleaned_data["received_on"],
            summary=form.cleaned_data.get("summary") or "",
            attachment=form.cleaned_data.get("attachment"),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda c: (
            to("assessment_detail", c.assessment)
            if assessment_visible
            else reverse("risk:my_contributions")
        ),
        message="Thank you: your contribution has been saved.",
        context={"contribution": contribution, "assessment_visible": assessment_visible},
    )


@login_required
def my_contributions(request: HttpRequest) -> HttpResponse:
    """Contributions requested from the signed-in person and not yet given. Queries: a count and
    one page with the assessment and organisation."""
    rows = (
        contributions_requested(request.user)
        .select_related("assessment", "organisation")
        .order_by("due_on", "id")
    )
    return render(request, f"{TEMPLATES}/mine.html", paginate(request, rows))


@login_required
def contribution_file(request: HttpRequest, public_id: Any) -> HttpResponseBase:
    contribution = _contribution(request, public_id, Action.VIEW)
    stored = contribution.attachment
    if not stored:
        raise Http404("No file.")
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404("No file.") from None
    extension = PurePath(stored.name or "").suffix
    filename = f"contribution-{contribution.organisation.name}{extension}".replace(" ", "-")
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type_for(stored.name or ""),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
