"""Committee reports: the list, a report laid out as councils lay them out, its appendix files,
and the verifying officer's pages ("Reports to verify" and verifying one implication).

Read pages are open to anonymous visitors where the policy allows (published, non-exempt reports of
public bodies); the report policy decides every report shown, including the appendix files and the
PDF and Word versions (``reports_documents.py``). Drafting pages are in ``reports_manage.py``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import F, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate, require
from preventhub.core.policies import grants_for
from preventhub.governance import policies
from preventhub.governance.appendix_sources import may_read_copy
from preventhub.governance.forms.reports import ReportFilterForm, VerifyForm
from preventhub.governance.models import Appendix, Implication, Report, ReportStatus
from preventhub.governance.services import reports as services
from preventhub.governance.services.reports_files import content_type_for, extension_of
from preventhub.governance.services.reports_layout import ReportLayout, build_layout

from .common import optional_url

TEMPLATES = "governance/reports"
MARKED_APPENDIX_DOWNLOADED = register(
    "governance.marked_appendix_downloaded", "Marked appendix downloaded"
)


# The list -----------------------------------------------------------------------------------------


def report_list(request: HttpRequest) -> HttpResponse:
    """Every report the user may see, newest first, filtered by body and status and searched by
    title. Queries (plus, when signed in, the session, the user and their roles): the bodies for the
    filter, a count and one page of reports with their bodies."""
    reports = policies.reports.visible_to(request.user)
    bodies = policies.bodies.visible_to(request.user).order_by("name")
    form = ReportFilterForm(request.GET or None, bodies=bodies)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("q"):
            reports = reports.filter(title__icontains=data["q"].strip())
        if data.get("body"):
            reports = reports.filter(body=data["body"])
        if data.get("status"):
            reports = reports.filter(status=data["status"])
    rows = reports.select_related("body").order_by("-created_at", "-pk")
    return render(
        request,
        f"{TEMPLATES}/list.html",
        {
            "form": form,
            "errors": error_list(form) if form.is_bound else [],
            "filtered": form.is_bound and any(v for k, v in request.GET.items() if k != "page"),
            "can_draft": policies.can_draft_reports(request.user),
            "to_verify": bool(getattr(request.user, "person_id", None)),
            **paginate(request, rows),
        },
    )


# A report -----------------------------------------------------------------------------------------


def get_report(request: HttpRequest, public_id: Any) -> Report:
    queryset = policies.reports.visible_to(request.user).select_related("body", "author")
    return policies.reports.get_or_404(request, queryset=queryset, public_id=public_id)


def load_layout(request: HttpRequest, report: Report) -> ReportLayout:
    """The report's parts and the agenda items it is on, laid out. Queries: recommendations;
    implications with their officers; appendices with their terms of reference; the agenda items
    the user may see with their meetings; (terms appendices only) which of those terms the user may
    read."""
    user = request.user
    recommendations = list(report.recommendations.order_by("number"))
    implications = list(report.implications.select_related("verifier"))
    appendices = list(report.appendices.select_related("terms", "terms__body"))
    items = list(
        policies.agenda_items.visible_to(user)
        .filter(report=report)
        .select_related("meeting")
        .order_by("meeting__starts_at", "pk")
    )
    terms_ids = {a.terms_id for a in appendices if a.terms_id}
    readable = (
        set(policies.terms.visible_to(user).filter(pk__in=terms_ids).values_list("pk", flat=True))
        if terms_ids
        else set()
    )
    for appendix in appendices:
        appendix.href = (
            appendix_href(appendix, readable)
            if may_read_copy(user, appendix.source_kind, appendix.marking)
            else ""
        )
    return build_layout(
        report,
        recommendations=recommendations,
        implications=implications,
        appendices=appendices,
        agenda_items=items,
    )


def appendix_href(appendix: Appendix, readable_terms: set[int]) -> str:
    """Where an appendix is read: its file (or frozen copy), its terms if readable, or its link."""
    if appendix.file or appendix.snapshot:
        return reverse("governance:appendix_download", args=[appendix.public_id])
    if appendix.terms_id:
        terms = appendix.terms if appendix.terms_id in readable_terms else None
        return optional_url("governance:terms_detail", terms.public_id) if terms else ""
    return appendix.url


def report_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A report laid out as councils lay them out. Constant queries: the report (with its body and
    author), its parts (see ``load_layout``) and, for those who draft reports, its history."""
    report = get_report(request, public_id)
    layout = load_layout(request, report)
    user = request.user
    can_draft = policies.can_draft_reports(user)
    person_id = getattr(user, "person_id", None)
    in_verification = report.status in services.IN_VERIFICATION
    mine = [
        n
        for n in layout.implications
        if person_id
        and n.implication.verifier_id == person_id
        and not n.implication.is_verified
        and in_verification
    ]
    unverified = [
        n.implication
        for n in layout.implications
        if n.implication.is_required and not n.implication.is_verified
    ]
    return render(
        request,
        f"{TEMPLATES}/detail.html",
        {
            "report": report,
            "layout": layout,
            # The report policy's CHANGE rule: drafters change anything not yet published.
            "can_change": can_draft and report.status != ReportStatus.PUBLISHED,
            "can_publish": policies.can_manage_governance(user)
            and report.status == ReportStatus.VERIFIED,
            "is_draft": report.status == ReportStatus.DRAFT,
            "is_published": report.status == ReportStatus.PUBLISHED,
            "mine": mine,
            "unverified": unverified,
            "unverified_names": services.joined(unverified) if unverified else "",
            "history": record_history(report) if can_draft else None,
        },
    )


def appendix_download(request: HttpRequest, public_id: Any) -> HttpResponseBase:
    """An uploaded appendix, or the copy of a terms of reference appendix frozen when its report
    was published, for those who may see its report (the same policy as the report: the file is
    never served from a public media URL). Queries: the appendix within the reports the
    user may see."""
    appendix = policies.appendices.get_or_404(
        request,
        queryset=Appendix.objects.select_related("report")
        .exclude(file="", snapshot="")
        .visible_to(request.user),
        public_id=public_id,
    )
    if not may_read_copy(request.user, appendix.source_kind, appendix.marking):
        # A marked copy (an OFFICIAL-SENSITIVE assessment) is read only by those its source
        # allows, even where the report itself is open to them.
        record_event(
            actor=request.user,
            action="access.denied",
            obj=appendix.report,
            changes={"action": [None, "view"], "path": [None, request.path]},
        )
        raise Http404("No such appendix.")
    if appendix.marking:
        record_event(
            actor=request.user,
            action=MARKED_APPENDIX_DOWNLOADED,
            obj=appendix.report,
            changes={"appendix": [None, f"{appendix.letter} ({appendix.marking_label})"]},
        )
    # A terms of reference appendix of a published report is the copy frozen at publication.
    stored = appendix.snapshot or appendix.file
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404("The appendix file is missing.") from None
    extension = extension_of(stored.name or "")
    filename = (
        f"appendix-{slugify(appendix.letter)}-{slugify(appendix.title)[:60] or 'file'}.{extension}"
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type_for(stored.name or ""),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# The verifying officer ----------------------------------------------------------------------------


@login_required
def reports_to_verify(request: HttpRequest) -> HttpResponse:
    """The implications the signed-in officer has been asked to verify: waiting ones first, then the
    ones they verified. Only their own. Queries: a count and one page of implications with their
    reports and bodies."""
    person_id = getattr(request.user, "person_id", None)
    # Officers such as the finance officer verify implications without holding any role, so being
    # asked to verify one is enough to have this page.
    asked = bool(person_id) and Implication.objects.filter(verifier_id=person_id).exists()
    require(request, asked or bool(grants_for(request.user).roles), "verify")
    rows: QuerySet[Implication] = Implication.objects.none()
    if person_id:
        rows = (
            Implication.objects.select_related("report", "report__body")
            .order_by(F("verified_on").desc(nulls_first=True), "-report__updated_at", "pk")
            .visible_to(request.user, policies.VERIFY)
        )
    page = paginate(request, rows)
    for implication in page["page"].object_list:
        implication.waiting = (
            not implication.is_verified and implication.report.status in services.IN_VERIFICATION
        )
    return render(request, f"{TEMPLATES}/to_verify.html", {"linked": bool(person_id), **page})


def _my_implication(request: HttpRequest, public_id: Any) -> Implication:
    """An implication the signed-in officer was asked to verify (404, audited, for anyone else)."""
    queryset = Implication.objects.select_related("report", "report__body", "verifier").visible_to(
        request.user, policies.VERIFY
    )
    return policies.implications.get_or_404(
        request, policies.VERIFY, queryset=queryset, public_id=public_id
    )


@login_required
@require_http_methods(["GET", "POST"])
def implication_verify(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The verifying officer reads the implication, corrects it if need be and verifies it; their
    name and job title are recorded with the date."""
    implication = _my_implication(request, public_id)
    report = implication.report
    waiting = not implication.is_verified and report.status in services.IN_VERIFICATION
    if request.method == "POST":
        require(request, waiting, "verify")
    return form_page(
        request,
        VerifyForm,
        template=f"{TEMPLATES}/verify.html",
        record=report,
        initial={"text": implication.text},
        save=lambda form: services.verify_implication(
            actor=request.user,
            implication=implication,
            text=form.cleaned_data["text"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=reverse("governance:reports_to_verify"),
        message=lambda done: f"You have verified the {str(done).lower()} of {report.title}.",
        context={
            "implication": implication,
            "report": report,
            "heading": implication.label,
            "waiting": waiting,
            "person": implication.verifier,
        },
    )
