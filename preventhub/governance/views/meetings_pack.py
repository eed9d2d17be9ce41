"""The agenda pack (HTML and tagged PDF) and a body's iCal feed.

The PDF is the pack a council publishes: every report whole, with its appendices appended and a
contents page (``services/agenda_pack.py``); the web page gives each item's summary and
recommendations with links to the report and its appendices. The public pack leaves exempt items
out, whoever asks for it, noting "Exempt: Schedule 12A paragraph N" in their place. The full pack,
for people who may see exempt items, includes them and marks them "NOT FOR PUBLICATION".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.roles import Cap
from preventhub.core.documents import pdf_response, render_pdf
from preventhub.core.pages import require
from preventhub.core.policies import grants_for
from preventhub.governance import policies
from preventhub.governance.models import (
    AgendaItem,
    Appendix,
    Implication,
    Meeting,
    MeetingStatus,
    ReportStatus,
)
from preventhub.governance.services import meetings as services
from preventhub.governance.services.agenda_pack import (
    PackEntry,
    pack_appendix,
    render_pack_pdf,
    withheld_title,
)
from preventhub.governance.services.reports_layout import ReportLayout, build_layout
from preventhub.governance.services.terms_documents import TEMPLATE as TERMS_PDF
from preventhub.governance.services.terms_documents import document_context

from . import meetings_ical as ical
from .reports import appendix_href

TEMPLATES = "governance/meetings"
# How far back the calendar feed goes: calendar apps show what is coming and what just happened;
# a feed of every meeting ever held would grow without limit.
ICAL_HISTORY = dt.timedelta(days=366)


def _pack(request: HttpRequest, public_id: Any, *, full: bool) -> dict[str, Any]:
    """What a pack holds. Queries: the meeting; the items; (public pack) the exempt items' numbers;
    the published reports with their recommendations, implications and appendices (four); (only
    for a terms appendix with no frozen copy) the terms the user may read; the members on the
    day."""
    grants = grants_for(request.user)
    if full:
        require(request, grants.has(Cap.GOVERNANCE_VIEW_EXEMPT), Cap.GOVERNANCE_VIEW_EXEMPT)
    queryset = policies.meetings.visible_to(request.user).select_related("body", "municipal_year")
    meeting = policies.meetings.get_or_404(request, queryset=queryset, public_id=public_id)
    published = meeting.agenda_published_at is not None
    require(request, published or grants.has(Cap.GOVERNANCE_VIEW_DRAFTS), "view draft agenda")
    visible = policies.agenda_items.visible_to(request.user).filter(meeting=meeting)
    if not full:
        visible = visible.filter(is_exempt=False)
    items = list(visible.select_related("presenting_officer").order_by("order", "id"))
    for item in items:
        item.meeting = meeting  # the report's front sheet gives the meeting date
    layouts = _layouts(request, items, full=full)
    entries = [
        PackEntry(
            number=item.number,
            title=item.title,
            anchor=f"item-{item.public_id}",
            item=item,
            exempt_paragraph=item.exempt_paragraph,
            layout=layouts.get(item.report_id) if item.report_id else None,
            report_follows=bool(item.report_id) and item.report_id not in layouts,
        )
        for item in items
    ]
    if not full:
        entries = _with_withheld(meeting, items, entries)
    return {
        "meeting": meeting,
        "body": meeting.body,
        "items": items,
        "entries": entries,
        "members": services.expected_members(meeting),
        "full": full,
        "title": f"{meeting.body.name}: agenda, {timezone.localtime(meeting.starts_at):%-d %B %Y}",
    }


def _with_withheld(meeting: Meeting, items: list[Any], entries: list[PackEntry]) -> list[PackEntry]:
    """The public pack notes each exempt item in its place: its number and the paragraph of
    Schedule 12A only, never its title (read past the item policy for those two values alone, as
    the council's published agenda gives them)."""
    exempt = (
        AgendaItem._default_manager.filter(meeting=meeting, is_exempt=True)
        .order_by("order", "id")
        .values("id", "order", "number", "exempt_paragraph", "public_id")
    )
    keyed = [((item.order, item.pk), entry) for item, entry in zip(items, entries, strict=True)]
    for row in exempt:
        keyed.append(
            (
                (row["order"], row["id"]),
                PackEntry(
                    number=row["number"],
                    title=withheld_title(row["exempt_paragraph"]),
                    anchor=f"item-{row['public_id']}",
                    withheld=True,
                    exempt_paragraph=row["exempt_paragraph"],
                ),
            )
        )
    return [entry for _key, entry in sorted(keyed, key=lambda pair: pair[0])]


def _layouts(request: HttpRequest, items: list[Any], *, full: bool) -> dict[int, ReportLayout]:
    """Each published report on the items, laid out in full, by report id: one query for the
    reports and one each for their recommendations, implications and appendices."""
    ids = [item.report_id for item in items if item.report_id]
    if not ids:
        return {}
    reports = policies.reports.visible_to(request.user).filter(
        pk__in=ids, status=ReportStatus.PUBLISHED
    )
    if not full:
        reports = reports.filter(is_exempt=False)
    # One prefetch per call: the stubs cannot type one call given Prefetches of two models.
    reports = (
        reports.select_related("body", "author")
        .prefetch_related("recommendations")
        .prefetch_related(
            Prefetch("implications", queryset=Implication.objects.select_related("verifier"))
        )
        .prefetch_related(
            Prefetch("appendices", queryset=Appendix.objects.select_related("terms__body"))
        )
    )
    on_item = {item.report_id: item for item in items if item.report_id}
    readable = _readable_terms(request, reports)
    layouts = {}
    for report in reports:
        appendices = list(report.appendices.all())
        for appendix in appendices:
            appendix.href = appendix_href(appendix, readable)
        layouts[report.pk] = build_layout(
            report,
            recommendations=list(report.recommendations.all()),
            implications=list(report.implications.all()),
            appendices=appendices,
            agenda_items=[on_item[report.pk]],
        )
    return layouts


def _readable_terms(request: HttpRequest, reports: Any) -> set[int]:
    """Terms of reference appendices with no frozen copy (reports published before copies were
    kept) are shown live, to readers who may see that version."""
    ids = {a.terms_id for r in reports for a in r.appendices.all() if a.terms_id and not a.snapshot}
    if not ids:
        return set()
    visible = policies.terms.visible_to(request.user).filter(pk__in=ids)
    return set(visible.values_list("pk", flat=True))


def _add_appendices(entries: list[PackEntry]) -> None:
    """Read each appendix for the PDF: its file, its frozen copy or (none kept) its live terms."""
    for entry in entries:
        if entry.layout is None:
            continue
        for appendix in entry.layout.appendices:
            live = None
            terms = appendix.terms
            if terms is not None and not appendix.snapshot and appendix.href:
                live = render_pdf(TERMS_PDF, document_context(terms, None))
            anchor = f"{entry.anchor}-appendix-{appendix.public_id}"
            pack = pack_appendix(appendix, anchor=anchor, terms_pdf=live)
            appendix.pack_note = pack.note
            entry.appendices.append(pack)


def agenda_pack(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The public agenda pack as a web page."""
    context = _pack(request, public_id, full=False)
    context["pdf_url"] = reverse("governance:agenda_pack_pdf", args=[public_id])
    return render(request, f"{TEMPLATES}/pack.html", context)


def agenda_pack_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The public agenda pack as a tagged PDF/UA file, every report whole, appendices appended."""
    context = _pack(request, public_id, full=False)
    _add_appendices(context["entries"])
    return pdf_response(render_pack_pdf(context), context["title"])


@login_required
def agenda_pack_full(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The full pack, exempt items included (governance.view_exempt)."""
    context = _pack(request, public_id, full=True)
    context["pdf_url"] = reverse("governance:agenda_pack_full_pdf", args=[public_id])
    return render(request, f"{TEMPLATES}/pack.html", context)


@login_required
def agenda_pack_full_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    context = _pack(request, public_id, full=True)
    _add_appendices(context["entries"])
    return pdf_response(render_pack_pdf(context), f"{context['title']} full")


def body_ical(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A body's meetings as an iCalendar feed (RFC 5545), from a year ago onwards: open to anyone
    for a public body, so calendar apps can subscribe without signing in. Queries: the body and
    its meetings."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    since = timezone.now() - ICAL_HISTORY
    meetings: list[Meeting] = list(
        policies.meetings.visible_to(request.user)
        .filter(body=body, starts_at__gte=since)
        .order_by("starts_at", "pk")
    )
    host = request.get_host().split(":")[0]
    events = [
        ical.event(
            uid=f"{m.public_id}@{host}",
            stamp=m.updated_at,
            starts=m.starts_at,
            summary=body.name,
            location=m.venue,
            cancelled=m.status == MeetingStatus.CANCELLED,
            url=request.build_absolute_uri(
                reverse("governance:meeting_detail", args=[m.public_id])
            ),
            sequence=m.version - 1,
        )
        for m in meetings
    ]
    content = ical.calendar(name=body.name, events=events)
    response = HttpResponse(content.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
