"""Meetings: the list (overall and per body), a meeting's page and a body's attendance.

Read pages are open to anonymous visitors where the policy allows (meetings of public bodies,
published agendas without exempt items); the policies decide every row shown. Change pages are in
``meetings_manage.py``, the agenda pack and the iCal feed in ``meetings_pack.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from preventhub.accounts.roles import Cap
from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.pages import paginate
from preventhub.core.policies import grants_for
from preventhub.directory.models import MunicipalYear
from preventhub.governance import policies
from preventhub.governance.forms.meetings import MeetingFilterForm
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    Declaration,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from preventhub.governance.services import meetings as services

from .common import optional_url


@dataclass
class AgendaRow:
    """An agenda item on the meeting page, with its report when the reader may see it."""

    item: AgendaItem
    report_visible: bool
    report_url: str


TEMPLATES = "governance/meetings"


def years_with_meetings(meetings: QuerySet[Meeting]) -> QuerySet[MunicipalYear]:
    """The municipal years of meetings the user may see (one query). A year's label is on every
    public meeting page, so visitors without directory access may filter by it."""
    # EXISTS per year (a handful of years, each an index seek) rather than IN over every meeting.
    return MunicipalYear._default_manager.filter(
        Exists(meetings.filter(municipal_year=OuterRef("pk")))
    ).order_by("-starts_on")


def _filtered(
    request: HttpRequest, meetings: QuerySet[Meeting], bodies: Any
) -> tuple[MeetingFilterForm, QuerySet[Meeting]]:
    form = MeetingFilterForm(
        request.GET or None, bodies=bodies, years=years_with_meetings(meetings)
    )
    if not form.is_bound or not form.is_valid():
        return form, meetings
    data = form.cleaned_data
    if data.get("body"):
        meetings = meetings.filter(body=data["body"])
    if data.get("status"):
        meetings = meetings.filter(status=data["status"])
    if data.get("year"):
        meetings = meetings.filter(municipal_year=data["year"])
    if data.get("date_from"):
        meetings = meetings.filter(starts_at__date__gte=data["date_from"])
    if data.get("date_to"):
        meetings = meetings.filter(starts_at__date__lte=data["date_to"])
    return form, meetings


def _list(request: HttpRequest, body: Body | None) -> HttpResponse:
    meetings = policies.meetings.visible_to(request.user)
    if body is not None:
        meetings = meetings.filter(body=body)
    bodies = None if body is not None else policies.bodies.visible_to(request.user).order_by("name")
    form, filtered = _filtered(request, meetings, bodies)
    rows = services.with_attendance_counts(
        filtered.select_related("body", "municipal_year").order_by("-starts_at", "pk")
    )
    context = {
        "body": body,
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "filtered": form.is_bound and any(v for k, v in request.GET.items() if k != "page"),
        "can_manage": policies.can_manage_governance(request.user),
        "statuses": MeetingStatus,
        **paginate(request, rows),
    }
    return render(request, f"{TEMPLATES}/list.html", context)


def meeting_list(request: HttpRequest) -> HttpResponse:
    """Every meeting the user may see, newest first. Queries (plus, when signed in, the session,
    the user and their roles): the bodies and the municipal years for the filters, a count and one
    page of meetings with their body, year and attendance figures."""
    return _list(request, None)


def body_meetings(request: HttpRequest, public_id: Any) -> HttpResponse:
    """One body's meetings. Queries: the body, the municipal years, a count and one page."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    return _list(request, body)


# A meeting --------------------------------------------------------------------------------------


def _minutes(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    grants = grants_for(request.user)
    status = meeting.minutes_status
    visible = (
        status in policies.PUBLIC_MINUTES
        or (status != MinutesStatus.NONE and grants.has(Cap.GOVERNANCE_VIEW_DRAFTS))
        # Democratic services need the way in to start the minutes of a held meeting.
        or policies.can_manage_governance(request.user)
    )
    url = optional_url("governance:minutes_detail", meeting.public_id) if visible else ""
    return {"label": meeting.get_minutes_status_display(), "visible": visible, "url": url}


def meeting_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A meeting with its agenda, attendance and declarations. Constant queries: the meeting (with
    body and year); the agenda items the user may see (with officer and report); which of their
    reports the user may see; attendance; declarations; (managers) the record history."""
    queryset = policies.meetings.visible_to(request.user).select_related("body", "municipal_year")
    meeting = policies.meetings.get_or_404(request, queryset=queryset, public_id=public_id)
    grants = grants_for(request.user)
    items = list(
        policies.agenda_items.visible_to(request.user)
        .filter(meeting=meeting)
        .select_related("presenting_officer", "report")
        .order_by("order", "id")
    )
    report_ids = {item.report_id for item in items if item.report_id}
    readable = (
        set(
            policies.reports.visible_to(request.user)
            .filter(pk__in=report_ids)
            .values_list("pk", flat=True)
        )
        if report_ids
        else set()
    )
    agenda = [
        AgendaRow(
            item=item,
            report_visible=item.report_id in readable,
            report_url=optional_url("governance:report_detail", item.report.public_id)
            if item.report is not None and item.report_id in readable
            else "",
        )
        for item in items
    ]
    attendance = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("person__name")
    )
    item_ids = [item.pk for item in items]
    # A declaration about an item the user may not see (exempt, or on an unpublished agenda) is
    # left out with the item: its nature could disclose the item.
    declarations = list(
        Declaration.objects.filter(meeting=meeting)
        .filter(Q(item__isnull=True) | Q(item__in=item_ids))
        .select_related("person", "item")
        .order_by("item__order", "id")
    )
    can_manage = policies.can_manage_governance(request.user)
    published = meeting.agenda_published_at is not None
    sees_drafts = grants.has(Cap.GOVERNANCE_VIEW_DRAFTS)
    context = {
        "meeting": meeting,
        "body": meeting.body,
        "items": agenda,
        "agenda_visible": published or sees_drafts,
        "attendance": _grouped(attendance),
        "attendance_count": len(attendance),
        "declarations": declarations,
        "minutes": _minutes(request, meeting),
        "can_manage": can_manage,
        "sees_exempt": grants.has(Cap.GOVERNANCE_VIEW_EXEMPT),
        "pack_visible": bool(items) and (published or sees_drafts),
        "is_cancelled": meeting.status == MeetingStatus.CANCELLED,
        "is_scheduled": meeting.status == MeetingStatus.SCHEDULED,
        "can_mark_held": meeting.status == MeetingStatus.SCHEDULED
        and services.local_date(meeting) <= timezone.localdate(),
        "history": record_history(meeting) if can_manage else None,
    }
    return render(request, f"{TEMPLATES}/detail.html", context)


ATTENDANCE_HEADINGS = [
    (AttendanceStatus.PRESENT, "Present"),
    (AttendanceStatus.SUBSTITUTE, "Present as substitutes"),
    (AttendanceStatus.APOLOGIES, "Apologies"),
    (AttendanceStatus.ABSENT, "Absent"),
    (AttendanceStatus.IN_ATTENDANCE, "Also in attendance"),
]


def _grouped(attendance: list[Attendance]) -> list[dict[str, Any]]:
    """Attendance as minutes set it out: present, substitutes, apologies, absent, in attendance."""
    groups = []
    for status, heading in ATTENDANCE_HEADINGS:
        rows = [a for a in attendance if a.status == status]
        if rows:
            groups.append({"heading": heading, "rows": rows, "status": status})
    return groups


# Attendance statistics --------------------------------------------------------------------------


def body_attendance(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Attendance at a body's meetings, per person and in total, leaving out cancelled meetings.
    Queries: the body; the municipal years; the meeting counts; the totals; a count and one page of
    people (each figure is an SQL aggregate, whatever the number of meetings)."""
    body = policies.bodies.get_or_404(request, public_id=public_id)
    meetings = policies.meetings.visible_to(request.user).filter(body=body)
    years = years_with_meetings(meetings)
    form = MeetingFilterForm(request.GET or None, years=years)
    del form.fields["status"]
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("year"):
            meetings = meetings.filter(municipal_year=data["year"])
        if data.get("date_from"):
            meetings = meetings.filter(starts_at__date__gte=data["date_from"])
        if data.get("date_to"):
            meetings = meetings.filter(starts_at__date__lte=data["date_to"])
    counts = meetings.aggregate(
        held=Count("pk", filter=Q(status=MeetingStatus.HELD)),
        scheduled=Count("pk", filter=Q(status=MeetingStatus.SCHEDULED)),
        cancelled=Count("pk", filter=Q(status=MeetingStatus.CANCELLED)),
    )
    totals = services.attendance_totals(meetings)
    page = paginate(request, services.attendance_by_person(meetings), per_page=50)
    for row in page["page"].object_list:
        row["rate"] = services.rate(row)
    return render(
        request,
        f"{TEMPLATES}/attendance_stats.html",
        {
            "body": body,
            "form": form,
            "errors": error_list(form) if form.is_bound else [],
            "counts": counts,
            "totals": totals,
            "total_rate": services.rate(totals),
            **page,
        },
    )
