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

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from preventhub.accounts.roles import Cap
from preventhub.core.forms import VersionedForm
from preventhub.core.pages import capability_required, form_page, require
from preventhub.core.policies import Action, policy_for, restrict
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.appendix_sources import attachable_for
from preventhub.governance.forms.reports import (
    AppendixForm,
    AttachDocumentForm,
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
from preventhub.governance.services.reports_attach import attach_document
from preventhub.governance.services.reports_layout import implication_heading

from .common import to

TEMPLATES = "governance/reports"


# Sign-in first, then drafting reports (governance.manage or governance.reports), or an audited 404.
draft_required = capability_required(
    Cap.GOVERNANCE_MANAGE, Cap.GOVERNANCE_REPORTS, partnership=True
)


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


def _report_page(
    request: HttpRequest,
    form_class: Any,
    template: str,
    report: Report,
    save: Any,
    message: str,
    anchor: str = "",
    **options: Any,
) -> HttpResponse:
    """A page changing a report or one of its parts: every change checks the report's version and
    returns to the report (at ``anchor``) with a success banner."""
    return form_page(
        request,
        form_class,
        template=f"{TEMPLATES}/{template}",
        record=options.pop("record", report),
        save=save,
        success=options.pop("success", to("report_detail", report, anchor)),
        message=message,
        context={"report": report, **options.pop("context", {})},
        **options,
    )


def _people(request: HttpRequest) -> QuerySet[Any]:
    return directory_policies.people.visible_to(request.user).order_by("name")


def _bodies(request: HttpRequest) -> QuerySet[Any]:
    return policies.bodies.visible_to(request.user).order_by("name")


def _version(form: Any) -> int | None:
    return form.cleaned_data.get("version")


def _remove_page(
    request: HttpRequest,
    part: Recommendation | Implication | Appendix,
    remove: Callable[[int | None], Any],
    anchor: str,
    thing: str,
    text: str,
) -> HttpResponse:
    """Confirm removing a part of the report (``thing``, quoting its ``text``); the removal checks
    the report's version the user saw, and the page returns to the report's ``anchor`` list."""
    kind = type(part)._meta.verbose_name
    return _report_page(
        request,
        VersionedForm,
        "remove.html",
        part.report,
        lambda form: remove(_version(form)),
        f"The {kind} has been removed.",
        anchor,
        context={"thing": thing, "text": text},
    )


# The report ---------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        ReportForm,
        template=f"{TEMPLATES}/form.html",
        form_kwargs={"bodies": _bodies(request), "people": _people(request)},
        save=lambda form: services.create_report(actor=request.user, data=form.changes()),
        success=lambda report: to("report_detail", report),
        message="The report has been drafted. Add its recommendations, implications and "
        "appendices below.",
        context={"report": None},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    return _report_page(
        request,
        ReportForm,
        "form.html",
        report,
        lambda form: services.update_report(
            actor=request.user, report=report, data=form.changes(), expected_version=_version(form)
        ),
        "The report has been changed.",
        form_kwargs={"bodies": _bodies(request), "people": _people(request), "report": report},
    )


# Recommendations ----------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    return _report_page(
        request,
        RecommendationForm,
        "recommendation_form.html",
        report,
        lambda form: services.add_recommendation(
            actor=request.user,
            report=report,
            text=form.cleaned_data["text"],
            expected_version=_version(form),
        ),
        "The recommendation has been added.",
        "recommendations",
        context={"recommendation": None},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    recommendation = _part(request, Recommendation, public_id)
    report = recommendation.report
    return _report_page(
        request,
        RecommendationForm,
        "recommendation_form.html",
        report,
        lambda form: services.change_recommendation(
            actor=request.user,
            recommendation=recommendation,
            text=form.cleaned_data["text"],
            expected_version=_version(form),
        ),
        "The recommendation has been changed.",
        "recommendations",
        initial={"text": recommendation.text},
        context={"recommendation": recommendation},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendation_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    recommendation = _part(request, Recommendation, public_id)
    return _remove_page(
        request,
        recommendation,
        lambda version: services.remove_recommendation(
            actor=request.user, recommendation=recommendation, expected_version=version
        ),
        "recommendations",
        f"recommendation 1.{recommendation.number}",
        recommendation.text,
    )


@draft_required
@require_http_methods(["GET", "POST"])
def recommendations_reorder(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    return _report_page(
        request,
        RecommendationOrderForm,
        "reorder.html",
        report,
        lambda form: services.reorder_recommendations(
            actor=request.user,
            report=report,
            positions=form.positions(),
            expected_version=_version(form),
        ),
        "The recommendations have been reordered.",
        "recommendations",
        form_kwargs={"recommendations": list(report.recommendations.order_by("number"))},
    )


# Implications -------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def implication_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    report = _report(request, public_id)
    return _report_page(
        request,
        ImplicationForm,
        "implication_form.html",
        report,
        lambda form: services.add_implication(
            actor=request.user, report=report, data=form.changes(), expected_version=_version(form)
        ),
        "The implication has been added.",
        "implications",
        form_kwargs={"people": _people(request)},
        context={"implication": None},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def implication_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    implication = _part(request, Implication, public_id)
    report = implication.report
    return _report_page(
        request,
        ImplicationForm,
        "implication_form.html",
        report,
        lambda form: services.change_implication(
            actor=request.user,
            implication=implication,
            data=form.changes(),
            expected_version=_version(form),
        ),
        "The implication has been changed.",
        "implications",
        form_kwargs={"people": _people(request), "implication": implication},
        context={"implication": implication, "heading": implication.label},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def implication_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    implication = _part(request, Implication, public_id)
    return _remove_page(
        request,
        implication,
        lambda version: services.remove_implication(
            actor=request.user, implication=implication, expected_version=version
        ),
        "implications",
        f"the {str(implication).lower()}",
        implication.text,
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

    def add(form: AppendixForm) -> Any:
        data = form.cleaned_data
        return services.add_appendix(
            actor=request.user,
            report=report,
            letter=data["letter"],
            title=data["title"],
            file=data.get("file"),
            terms=data.get("terms"),
            url=data.get("url") or "",
            # No version check: adding an appendix cannot overwrite anyone's change (its letter is
            # checked under the report's lock), and an upload should not be lost to another edit.
            expected_version=None,
        )

    return _report_page(
        request,
        AppendixForm,
        "appendix_form.html",
        report,
        add,
        "The appendix has been added.",
        "appendices",
        form_kwargs={"terms": _terms(request)},
        initial={"letter": services.next_appendix_letter(report)},
        files=True,
    )


@draft_required
@require_http_methods(["GET", "POST"])
def appendix_attach(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Attach an agreed document another module keeps (the risk assessment, the partnership plan)
    as it stands now. Offered: the newest documents of each registered kind the user may attach."""
    report = _report(request, public_id)

    def attach(form: AttachDocumentForm) -> Any:
        chosen = form.chosen()
        return attach_document(
            actor=request.user,
            report=report,
            letter=form.cleaned_data["letter"],
            title=form.cleaned_data.get("title") or "",
            kind=chosen.kind,
            document_id=chosen.public_id,
            expected_version=None,  # as for an upload: adding cannot overwrite anyone's change
        )

    return _report_page(
        request,
        AttachDocumentForm,
        "appendix_attach.html",
        report,
        attach,
        "The document has been attached as an appendix.",
        "appendices",
        form_kwargs={"documents": attachable_for(request.user)},
        initial={"letter": services.next_appendix_letter(report)},
    )


@draft_required
@require_http_methods(["GET", "POST"])
def appendix_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    appendix = _part(request, Appendix, public_id)
    return _remove_page(
        request,
        appendix,
        lambda version: services.remove_appendix(
            actor=request.user, appendix=appendix, expected_version=version
        ),
        "appendices",
        f"appendix {appendix.letter}",
        appendix.title,
    )


# The workflow -------------------------------------------------------------------------------------


@draft_required
@require_http_methods(["GET", "POST"])
def report_request_implications(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Send the implications to their verifying officers."""
    report = _report(request, public_id)
    implications = list(report.implications.select_related("verifier"))
    return _report_page(
        request,
        VersionedForm,
        "request_implications.html",
        report,
        lambda form: services.request_implications(
            actor=request.user, report=report, expected_version=_version(form)
        ),
        "The implications have been sent to the verifying officers.",
        context={
            "implications": [(implication_heading(i), i) for i in implications],
            "no_email": sorted(
                {i.verifier.name for i in implications if i.verifier and not i.verifier.email}
            ),
        },
    )


@draft_required
@require_http_methods(["GET", "POST"])
def report_publish(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Publish a verified report on an agenda item of a meeting of its body (democratic
    services)."""
    require(request, policies.can_manage_governance(request.user), Cap.GOVERNANCE_MANAGE)
    report = _report(request, public_id)
    # Only free items of the body's upcoming meetings (scheduled: not yet held, not cancelled).
    items = policies.agenda_items.visible_to(request.user, Action.CHANGE).filter(
        meeting__body_id=report.body_id,
        meeting__status=MeetingStatus.SCHEDULED,
        report__isnull=True,
    ) | AgendaItem.objects.filter(report=report)
    items = items.select_related("meeting").order_by("-meeting__starts_at", "order", "pk")
    return _report_page(
        request,
        PublishForm,
        "publish.html",
        report,
        lambda form: services.publish_report(
            actor=request.user,
            report=report,
            agenda_item=form.cleaned_data["agenda_item"],
            expected_version=_version(form),
        ),
        "The report has been published.",
        form_kwargs={"items": items},
        context={"unverified": services.required_unverified(report)},
    )
