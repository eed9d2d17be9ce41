"""The agenda pack (HTML and tagged PDF) and a body's iCal feed.

The public pack leaves exempt items out entirely, whoever asks for it: it is the document the
council publishes. The full pack, for people who may see exempt items, includes them and marks them
"NOT FOR PUBLICATION".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.roles import Cap
from preventhub.core.documents import pdf_response, render_pdf
from preventhub.core.policies import grants_for
from preventhub.governance import policies
from preventhub.governance.models import Meeting, MeetingStatus, ReportStatus
from preventhub.governance.services import meetings as services

from . import meetings_ical as ical
from .bodies import require

TEMPLATES = "governance/meetings"
# How far back the calendar feed goes: calendar apps show what is coming and what just happened;
# a feed of every meeting ever held would grow without limit.
ICAL_HISTORY = dt.timedelta(days=366)


def _pack(request: HttpRequest, public_id: Any, *, full: bool) -> dict[str, Any]:
    """What a pack shows. Queries: the meeting; the items; their published reports with their
    recommendations (two); the body's members on the day."""
    grants = grants_for(request.user)
    if full:
        require(grants.has(Cap.GOVERNANCE_VIEW_EXEMPT))
    queryset = policies.meetings.visible_to(request.user).select_related("body", "municipal_year")
    meeting = policies.meetings.get_or_404(request, queryset=queryset, public_id=public_id)
    require(meeting.agenda_published_at is not None or grants.has(Cap.GOVERNANCE_VIEW_DRAFTS))
    items = policies.agenda_items.visible_to(request.user).filter(meeting=meeting)
    if not full:
        items = items.filter(is_exempt=False)
    items = list(items.select_related("presenting_officer").order_by("order", "id"))
    reports = policies.reports.visible_to(request.user).filter(
        pk__in=[item.report_id for item in items if item.report_id], status=ReportStatus.PUBLISHED
    )
    if not full:
        reports = reports.filter(is_exempt=False)
    by_id = (
        {r.pk: r for r in reports.prefetch_related("recommendations")}
        if any(i.report_id for i in items)
        else {}
    )
    for item in items:
        item.pack_report = by_id.get(item.report_id)
    return {
        "meeting": meeting,
        "body": meeting.body,
        "items": items,
        "members": services.expected_members(meeting),
        "full": full,
        "title": f"{meeting.body.name}: agenda, {timezone.localtime(meeting.starts_at):%-d %B %Y}",
    }


def agenda_pack(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The public agenda pack as a web page."""
    context = _pack(request, public_id, full=False)
    context["pdf_url"] = reverse("governance:agenda_pack_pdf", args=[public_id])
    return render(request, f"{TEMPLATES}/pack.html", context)


def agenda_pack_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The public agenda pack as a tagged PDF/UA file."""
    context = _pack(request, public_id, full=False)
    return pdf_response(render_pdf(f"{TEMPLATES}/pack_pdf.html", context), context["title"])


@login_required
def agenda_pack_full(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The full pack, exempt items included (governance.view_exempt)."""
    context = _pack(request, public_id, full=True)
    context["pdf_url"] = reverse("governance:agenda_pack_full_pdf", args=[public_id])
    return render(request, f"{TEMPLATES}/pack.html", context)


@login_required
def agenda_pack_full_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    context = _pack(request, public_id, full=True)
    return pdf_response(
        render_pdf(f"{TEMPLATES}/pack_pdf.html", context), f"{context['title']} full"
    )


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
