"""Assessments: the list, an assessment with its contributions and coverage, adding, changing
and recording agreement. OFFICIAL-SENSITIVE assessments are missing (404, audited) for anyone
without ``risk.view_sensitive``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action
from preventhub.governance import policies as governance_policies

from .. import policies, services
from ..coverage import contribution_count, coverage
from ..forms.assessments import AgreeForm, AssessmentForm
from ..models import RiskAssessment
from .common import manage_required, to, view_required

TEMPLATES = "risk/assessments"


@view_required
def assessment_list(request: HttpRequest) -> HttpResponse:
    """Queries: a count and one page of assessments, each with its contributions counted in SQL
    (a subquery per row of the page, so the count needs no grouping)."""
    rows = (
        policies.assessments.visible_to(request.user)
        .annotate(contribution_count=contribution_count())
        .order_by("-period_start", "-id")
    )
    # Ten a page: assessments are yearly, so a page is a decade of one partnership's.
    context = {
        "can_manage": policies.can_manage(request.user),
        **paginate(request, rows, per_page=10),
    }
    return render(request, f"{TEMPLATES}/list.html", context)


def _assessment(request: HttpRequest, public_id: Any, action: str = Action.VIEW) -> RiskAssessment:
    queryset = policies.assessments.visible_to(request.user, action).select_related(
        "agreed_at_meeting__body", "agreed_by"
    )
    return policies.assessments.get_or_404(request, action, queryset=queryset, public_id=public_id)


@view_required
def assessment_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    assessment = _assessment(request, public_id)
    user = request.user
    contributions = (
        policies.contributions.visible_to(user)
        .filter(assessment=assessment)
        .select_related("organisation", "requested_from")
        .order_by("organisation__name", "id")
    )
    can_manage = policies.can_manage(user)
    context = {
        "assessment": assessment,
        "can_manage": can_manage,
        "can_contribute": policies.assessments.can(user, policies.CONTRIBUTE, assessment),
        "risk_count": policies.risks.visible_to(user).filter(assessment=assessment).count(),
        "meeting_visible": _visible(
            user, assessment.agreed_at_meeting, governance_policies.meetings
        ),
        "resolution_visible": _visible(user, assessment.agreed_by, governance_policies.resolutions),
        "history": record_history(assessment) if can_manage else None,
        **paginate(request, contributions),
    }
    return render(request, f"{TEMPLATES}/detail.html", context)


def _visible(user: Any, record: Any, policy: Any) -> bool:
    return record is not None and policy.can(user, Action.VIEW, record)


@view_required
def assessment_coverage(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the assessment and one GROUP BY over its contributions."""
    assessment = _assessment(request, public_id)
    contributions = policies.contributions.visible_to(request.user).filter(assessment=assessment)
    context = {"assessment": assessment, "sectors": coverage(contributions)}
    return render(request, f"{TEMPLATES}/coverage.html", context)


@manage_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        AssessmentForm,
        template=f"{TEMPLATES}/form.html",
        save=lambda form: services.create_assessment(actor=request.user, data=form.values()),
        success=lambda assessment: to("assessment_detail", assessment),
        message=lambda assessment: f"{assessment.title} has been added.",
        context={"assessment": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    assessment = _assessment(request, public_id, Action.CHANGE)
    return form_page(
        request,
        AssessmentForm,
        template=f"{TEMPLATES}/form.html",
        record=assessment,
        initial={name: getattr(assessment, name) for name in services.ASSESSMENT_FIELDS},
        save=lambda form: services.update_assessment(
            actor=request.user,
            assessment=assessment,
            data=form.values(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("assessment_detail", assessment),
        message="The assessment has been changed.",
        context={"assessment": assessment},
    )


def _agree_choices(request: HttpRequest) -> dict[str, QuerySet[Any]]:
    """The meetings and resolutions the user may see (chosen by type-ahead)."""
    return {
        "meetings": governance_policies.meetings.visible_to(request.user),
        "resolutions": governance_policies.resolutions.visible_to(request.user),
    }


@manage_required
@require_http_methods(["GET", "POST"])
def assessment_agree(request: HttpRequest, public_id: Any) -> HttpResponse:
    assessment = _assessment(request, public_id, policies.AGREE)
    return form_page(
        request,
        AgreeForm,
        template=f"{TEMPLATES}/agree.html",
        record=assessment,
        form_kwargs=_agree_choices(request),
        save=lambda form: services.agree_assessment(
            actor=request.user,
            assessment=assessment,
            agreed_on=form.cleaned_data.get("agreed_on"),
            meeting=form.cleaned_data.get("meeting"),
            resolution=form.cleaned_data.get("resolution"),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("assessment_detail", assessment),
        message="The assessment has been recorded as agreed.",
        context={"assessment": assessment},
    )
