"""Drafting committee reports (the Prevent lead and democratic services): the report, its
recommendations, implications and appendices, sending the implications for verification, and
publishing (democratic services).

Every page needs sign-in, then ``can_draft_reports`` (publishing: ``can_manage_governance``) and a
report the policy lets the user change: published reports are not changed, so their change pages
are 404. Views parse the form, call one service and render; the service's validation errors and a
concurrent edit come back onto the form as GOV.UK errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from preventhub.core.policies import Action, policy_for, restrict
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.forms.reports import (
    AppendixForm,
    ConfirmForm,
    ImplicationForm,
    PublishForm,
    RecommendationForm,
    RecommendationOrderForm,
    ReportForm,
)
from preventhub.governance.models import (
    AgendaItem,
    Appendix,
    Implication,
    MeetingStatus,
    Recommendation,
    Report,
)
from preventhub.governance.services import reports as services
from preventhub.governance.services.reports_layout import implication_heading

from .common import form_context, posted, require, save

TEMPLATES = "governance/reports"


def draft_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in first, then ``can_draft_reports`` or 404."""

    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require(policies.can_draft_reports(request.user))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _report(request: HttpRequest, public_id: Any) -> Report:
    queryset = policies.reports.visible_to(request.user, Action.CHANGE).select_related("body")
    return policies.reports.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _part[M: Model](request: HttpRequest, model: type[M], public_id: Any) -> M:
    """A recommendation, implication or appendix of a report the user may change (404 otherwise,
    and a denial of an existing one is audited, as in the API)."""
    queryset = restrict(
        model._default_manager.select_related("report", "report__body"), request.user, Action.CHANGE
    )
    return policy_for(model).get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _to_report(report: Report, anchor: str = "") -> HttpResponse:
    response = redirect("governance:report_detail", public_id=report.public_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


def _people(request: HttpRequest) -> QuerySet[Any]:
    return directory_policies.people.visible_to(request.user).order_by("name")


def _bodies(request: HttpRequest) -> QuerySet[Any]:
    return policies.bodies.visible_to(request.user).order_by("name")


def _version(form: Any) -> int | None:
    return form.cleaned_data.get("version")


# The report ---------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    form = ReportForm(*posted(request), bodies=_bodies(request), people=_people(request))
    if request.method == "POST" and form.is_valid():
        report = save(form, lambda: services.create_report(actor=request.user, data=form.changes()))
        if report is not None:
            messages.success(
                request,
                "The report has been drafted. Add its recommendations, implications and "
                "appendices below.",
            )
            return _to_report(report)
    return render(request, f"{TEMPLATES}/form.html", form_context(form, report=None))


@draft_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    form = ReportForm(
        *posted(request), bodies=_bodies(request), people=_people(request), report=report
    )
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_report(
                actor=request.user,
                report=report,
                data=form.changes(),
                expected_version=_version(form),
            ),
            record=report,
        )
        if saved is not None:
            return _to_report(report)
    return render(request, f"{TEMPLATES}/form.html", form_context(form, report=report))


# Recommendations ----------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    form = RecommendationForm(*posted(request), initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        added = save(
            form,
            lambda: services.add_recommendation(
                actor=request.user,
                report=report,
                text=form.cleaned_data["text"],
                expected_version=_version(form),
            ),
            record=report,
        )
        if added is not None:
            return _to_report(report, "recommendations")
    return render(
        request,
        f"{TEMPLATES}/recommendation_form.html",
        form_context(form, report=report, recommendation=None),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    recommendation = _part(request, Recommendation, public_id)
    report = recommendation.report
    form = RecommendationForm(
        *posted(request), initial={"text": recommendation.text, "version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.change_recommendation(
                actor=request.user,
                recommendation=recommendation,
                text=form.cleaned_data["text"],
                expected_version=_version(form),
            ),
            record=report,
        )
        if saved is not None:
            return _to_report(report, "recommendations")
    return render(
        request,
        f"{TEMPLATES}/recommendation_form.html",
        form_context(form, report=report, recommendation=recommendation),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    recommendation = _part(request, Recommendation, public_id)
    report = recommendation.report
    form = ConfirmForm(*posted(request), initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: (
                services.remove_recommendation(
                    actor=request.user,
                    recommendation=recommendation,
                    expected_version=_version(form),
                )
                or True
            ),
            record=report,
        )
        if done is not None:
            return _to_report(report, "recommendations")
    return render(
        request,
        f"{TEMPLATES}/remove.html",
        form_context(
            form,
            report=report,
            thing=f"recommendation 1.{recommendation.number}",
            text=recommendation.text,
        ),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendations_reorder(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    recommendations = list(report.recommendations.order_by("number"))
    form = RecommendationOrderForm(
        *posted(request), recommendations=recommendations, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: (
                services.reorder_recommendations(
                    actor=request.user,
                    report=report,
                    positions=form.positions(),
                    expected_version=_version(form),
                )
                or True
            ),
            record=report,
        )
        if done is not None:
            return _to_report(report, "recommendations")
    return render(request, f"{TEMPLATES}/reorder.html", form_context(form, report=report))


# Implications -------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def implication_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    form = ImplicationForm(
        *posted(request), people=_people(request), initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        added = save(
            form,
            lambda: services.add_implication(
                actor=request.user,
                report=report,
                data=form.changes(),
                expected_version=_version(form),
            ),
            record=report,
        )
        if added is not None:
            return _to_report(report, "implications")
    return render(
        request,
        f"{TEMPLATES}/implication_form.html",
        form_context(form, report=report, implication=None),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def implication_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    implication = _part(request, Implication, public_id)
    report = implication.report
    form = ImplicationForm(
        *posted(request),
        people=_people(request),
        implication=implication,
        initial={"version": report.version},
    )
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.change_implication(
                actor=request.user,
                implication=implication,
                data=form.changes(),
                expected_version=_version(form),
            ),
            record=report,
        )
        if saved is not None:
            return _to_report(report, "implications")
    return render(
        request,
        f"{TEMPLATES}/implication_form.html",
        form_context(form, report=report, implication=implication, heading=implication.label),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def implication_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    implication = _part(request, Implication, public_id)
    report = implication.report
    form = ConfirmForm(*posted(request), initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: (
                services.remove_implication(
                    actor=request.user, implication=implication, expected_version=_version(form)
                )
                or True
            ),
            record=report,
        )
        if done is not None:
            return _to_report(report, "implications")
    return render(
        request,
        f"{TEMPLATES}/remove.html",
        form_context(
            form, report=report, thing=f"the {str(implication).lower()}", text=implication.text
        ),
    )


# Appendices ---------------------------------------------------------------------------------------


def _terms(request: HttpRequest) -> QuerySet[Any]:
    return (
        policies.terms.visible_to(request.user)
        .select_related("body")
        .order_by("body__name", "-number")
    )


@draft_required
@require_http_methods(["GET", "POST"])
def appendix_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    # No version check: adding an appendix cannot overwrite anyone's change (its number is checked
    # under the report's lock), and a file upload form should not be lost to an unrelated edit.
    form = AppendixForm(
        *posted(request, files=True),
        terms=_terms(request),
        initial={"letter": services.next_appendix_letter(report)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = save(
            form,
            lambda: services.add_appendix(
                actor=request.user,
                report=report,
                letter=data["letter"],
                title=data["title"],
                file=data.get("file"),
                terms=data.get("terms"),
                url=data.get("url") or "",
                expected_version=None,
            ),
            record=report,
        )
        if added is not None:
            return _to_report(report, "appendices")
    return render(request, f"{TEMPLATES}/appendix_form.html", form_context(form, report=report))


@draft_required
@require_http_methods(["GET", "POST"])
def appendix_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    appendix = _part(request, Appendix, public_id)
    report = appendix.report
    form = ConfirmForm(*posted(request), initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: (
                services.remove_appendix(
                    actor=request.user, appendix=appendix, expected_version=_version(form)
                )
                or True
            ),
            record=report,
        )
        if done is not None:
            return _to_report(report, "appendices")
    return render(
        request,
        f"{TEMPLATES}/remove.html",
        form_context(form, report=report, thing=f"appendix {appendix.letter}", text=appendix.title),
    )


# The workflow -------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def report_request_implications(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Send the implications to their verifying officers."""
    report = _report(request, public_id)
    implications = list(report.implications.select_related("verifier"))
    form = ConfirmForm(*posted(request), initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: services.request_implications(
                actor=request.user, report=report, expected_version=_version(form)
            ),
            record=report,
        )
        if done is not None:
            messages.success(request, "The implications have been sent to the verifying officers.")
            return _to_report(report)
    return render(
        request,
        f"{TEMPLATES}/request_implications.html",
        form_context(
            form,
            report=report,
            implications=[(implication_heading(i), i) for i in implications],
            no_email=sorted(
                {i.verifier.name for i in implications if i.verifier and not i.verifier.email}
            ),
        ),
    )


@draft_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Publish a verified report on an agenda item of a meeting of its body (democratic
    services)."""
    require(policies.can_manage_governance(request.user))
    report = _report(request, public_id)
    # Only free items of the body's upcoming meetings (scheduled: not yet held, not cancelled).
    items = policies.agenda_items.visible_to(request.user, Action.CHANGE).filter(
        meeting__body_id=report.body_id,
        meeting__status=MeetingStatus.SCHEDULED,
        report__isnull=True,
    ) | AgendaItem.objects.filter(report=report)
    items = items.select_related("meeting").order_by("-meeting__starts_at", "order", "pk")
    form = PublishForm(*posted(request), items=items, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: services.publish_report(
                actor=request.user,
                report=report,
                agenda_item=form.cleaned_data["agenda_item"],
                expected_version=_version(form),
            ),
            record=report,
        )
        if done is not None:
            messages.success(request, "The report has been published.")
            return _to_report(report)
    return render(
        request,
        f"{TEMPLATES}/publish.html",
        form_context(form, report=report, unverified=services.required_unverified(report)),
    )
