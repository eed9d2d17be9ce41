"""Minutes of a meeting: the page, the tagged PDF and the Word document, laid out as councils lay
minutes out (header, present, apologies, declarations, numbered items, RESOLVED).

Who sees what: approved and signed minutes are open to anyone who may see the meeting (public
bodies: everyone); draft minutes need ``governance.view_drafts``; a meeting whose minutes have not
been started shows democratic services the button to start them and is missing (404) for everyone
else. Exempt items are left out for anyone who may not see them (the minutes policy decides).
Changes are in ``minutes_manage.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.accounts.roles import Cap
from preventhub.core.documents import docx_response, pdf_response, render_pdf
from preventhub.core.policies import grants_for
from preventhub.core.text import points as text_points
from preventhub.governance import policies
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    Meeting,
    Membership,
    MembershipRole,
    Minute,
    MinutesStatus,
    Question,
    Resolution,
)
from preventhub.governance.services import minutes as services

from .common import optional_url
from .minutes_documents import word_document

TEMPLATES = "governance/minutes"
ROLE_MARKS: dict[str, str] = {
    MembershipRole.CHAIR: "Chair",
    MembershipRole.VICE_CHAIR: "Vice-Chair",
}


@dataclass
class MinutedResolution:
    """A resolution as the minutes show it: its register page (``url``), the recorded vote, and
    the report of the recommendation it adopts when the reader may see that report."""

    resolution: Resolution
    url: str
    vote_rows: list[tuple[str, list[str]]]
    report_visible: bool = False
    report_url: str = ""


@dataclass
class ItemMinutes:
    """One agenda item as minuted: the item, its minute (None until written), questions and
    resolutions, and the item's report when the reader may see it."""

    item: AgendaItem
    minute: Minute | None
    questions: list[Question] = field(default_factory=list)
    resolutions: list[MinutedResolution] = field(default_factory=list)
    report_visible: bool = False
    report_url: str = ""

    @property
    def points(self) -> list[str]:
        return text_points(self.minute.points if self.minute else "")

    @property
    def presented_by(self) -> Any:
        return self.minute.presented_by if self.minute else None


def minutes_meeting(request: HttpRequest, public_id: Any) -> Meeting:
    """The meeting, if the user may see its minutes in their present state (404 otherwise)."""
    queryset = policies.meetings.visible_to(request.user).select_related(
        "body", "municipal_year", "minutes_approved_at", "minutes_signed_by"
    )
    meeting = policies.meetings.get_or_404(request, queryset=queryset, public_id=public_id)
    status = meeting.minutes_status
    if status in policies.PUBLIC_MINUTES:
        return meeting
    if status == MinutesStatus.DRAFT and grants_for(request.user).has(Cap.GOVERNANCE_VIEW_DRAFTS):
        return meeting
    if status == MinutesStatus.NONE and policies.can_manage_governance(request.user):
        return meeting
    raise Http404("No minutes found.")


def _items(request: HttpRequest, meeting: Meeting, editing: bool) -> list[ItemMinutes]:
    """Items with their minutes: one query for the items, one for questions, one for resolutions.
    Editors (draft minutes) see every item, even one not yet minuted; everyone else the minutes the
    policy lets them see (so no exempt item without ``governance.view_exempt``)."""
    items = (
        AgendaItem._default_manager.filter(meeting=meeting)
        .select_related("minute", "minute__presented_by", "report")
        .order_by("order", "id")
    )
    if not editing:
        items = items.filter(minute__in=policies.minutes.visible_to(request.user))
    rows = []
    for item in items:
        minute = item.minute if _has_minute(item) else None
        rows.append(ItemMinutes(item=item, minute=minute))
    by_minute = {row.minute.pk: row for row in rows if row.minute is not None}
    if not by_minute:
        return rows
    for question in (
        Question.objects.filter(minute_id__in=by_minute)
        .select_related("asked_by", "answered_by")
        .order_by("order", "id")
    ):
        by_minute[question.minute_id].questions.append(question)
    resolutions = (
        Resolution._default_manager.filter(minute_id__in=by_minute)
        .select_related("recommendation", "recommendation__report", "decision")
        .order_by("id")
    )
    for resolution in resolutions:
        assert resolution.minute_id is not None  # filtered on the minutes above
        by_minute[resolution.minute_id].resolutions.append(
            MinutedResolution(
                resolution=resolution,
                url=reverse("governance:resolution_detail", args=[resolution.public_id]),
                vote_rows=[
                    (services.VOTE_LABELS[key], resolution.recorded_vote.get(key) or [])
                    for key in services.VOTE_KEYS
                    if resolution.recorded_vote.get(key)
                ],
            )
        )
    return rows


def _has_minute(item: AgendaItem) -> bool:
    try:
        return item.minute is not None
    except Minute.DoesNotExist:
        return False


def _link_reports(request: HttpRequest, rows: list[ItemMinutes]) -> None:
    """Report links only to reports the user may see (one query), once that page exists."""
    reports = {row.item.report for row in rows if row.item.report is not None}
    reports |= {
        minuted.resolution.recommendation.report
        for row in rows
        for minuted in row.resolutions
        if minuted.resolution.recommendation is not None
    }
    ids = {report.pk for report in reports}
    readable = (
        set(
            policies.reports.visible_to(request.user)
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        if ids
        else set()
    )
    for row in rows:
        report = row.item.report
        row.report_visible = row.item.report_id in readable
        if report is not None and row.report_visible:
            row.report_url = optional_url("governance:report_detail", report.public_id)
        for minuted in row.resolutions:
            rec = minuted.resolution.recommendation
            minuted.report_visible = rec is not None and rec.report_id in readable
            if rec is not None and minuted.report_visible:
                minuted.report_url = optional_url("governance:report_detail", rec.report.public_id)


ATTENDANCE_GROUPS = [
    ("present", "Present", [AttendanceStatus.PRESENT]),
    ("substitutes", "Substitutes", [AttendanceStatus.SUBSTITUTE]),
    ("apologies", "Apologies", [AttendanceStatus.APOLOGIES]),
    ("absent", "Absent", [AttendanceStatus.ABSENT]),
    ("in_attendance", "In attendance", [AttendanceStatus.IN_ATTENDANCE]),
]


def _attendance(meeting: Meeting) -> list[dict[str, Any]]:
    """Who was there, as minutes list them, the chair and vice-chair marked (two queries)."""
    day = services.local_date(meeting)
    marks = dict(
        Membership._default_manager.filter(body_id=meeting.body_id, role__in=list(ROLE_MARKS))
        .current(day)
        .values_list("person_id", "role")
    )
    rows = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("person__name")
    )
    groups = []
    for key, heading, statuses in ATTENDANCE_GROUPS:
        people = []
        for row in rows:
            if row.status not in statuses:
                continue
            mark = ROLE_MARKS.get(marks.get(row.person_id, ""), "")
            people.append(
                {
                    "name": row.person.name,
                    "mark": mark,
                    "job_title": row.person.job_title,
                    "substitute_for": row.substitute_for.name if row.substitute_for else "",
                }
            )
        if key == "present":
            people.sort(key=lambda p: (p["mark"] != "Chair", p["mark"] != "Vice-Chair", p["name"]))
        if people:
            groups.append({"key": key, "heading": heading, "people": people})
    return groups


def minutes_context(
    request: HttpRequest, meeting: Meeting, *, editing: bool = False
) -> dict[str, Any]:
    rows = _items(request, meeting, editing)
    _link_reports(request, rows)
    item_ids = [row.item.pk for row in rows]
    # A declaration about an item the user may not see is left out with the item.
    declarations = list(
        Declaration.objects.filter(meeting=meeting)
        .filter(Q(item__isnull=True) | Q(item__in=item_ids))
        .select_related("person", "item")
        .order_by("item__order", "id")
    )
    status = meeting.minutes_status
    return {
        "meeting": meeting,
        "body": meeting.body,
        "title": f"Minutes: {meeting.body.name}, {meeting.starts_at:%-d %B %Y}",
        "rows": rows,
        "attendance": _attendance(meeting),
        "declarations": declarations,
        "is_draft": status == MinutesStatus.DRAFT,
        "status_line": status_line(meeting),
    }


def status_line(meeting: Meeting) -> str:
    """The minutes' standing in words (the page, the PDF and the Word document print it)."""
    status = meeting.minutes_status
    if status == MinutesStatus.DRAFT:
        return "Draft minutes: not yet approved as a correct record."
    if status == MinutesStatus.NONE:
        return "The minutes of this meeting have not been started."
    approved = meeting.minutes_approved_at
    line = "Approved as a correct record"
    if approved is not None:
        line += f" at the meeting on {services.local_date(approved):%-d %B %Y}"
    line += "."
    if status == MinutesStatus.SIGNED and meeting.minutes_signed_by is not None:
        signed_on = (
            f" on {meeting.minutes_signed_on:%-d %B %Y}" if meeting.minutes_signed_on else ""
        )
        line += f" Signed by {meeting.minutes_signed_by.name}, Chair{signed_on}."
    return line


def minutes_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The minutes page. Constant queries (plus, when signed in, the session, the user and their
    roles): the meeting; the items with their minutes; questions; resolutions; which reports the
    user may see; the chair and vice-chair; attendance; declarations."""
    meeting = minutes_meeting(request, public_id)
    can_manage = policies.can_manage_governance(request.user)
    status = meeting.minutes_status
    editing = can_manage and status == MinutesStatus.DRAFT
    context = (
        minutes_context(request, meeting, editing=editing)
        if status != MinutesStatus.NONE
        else {
            "meeting": meeting,
            "body": meeting.body,
            "rows": [],
            "attendance": [],
            "declarations": [],
            "status_line": status_line(meeting),
            "is_draft": False,
        }
    )
    context.update(
        editing=editing,
        can_start=can_manage and status == MinutesStatus.NONE,
        can_approve=can_manage and status == MinutesStatus.DRAFT,
        can_sign=status == MinutesStatus.APPROVED and services.can_sign(request.user, meeting),
        sees_exempt=grants_for(request.user).has(Cap.GOVERNANCE_VIEW_EXEMPT),
        documents=status != MinutesStatus.NONE,
    )
    return render(request, f"{TEMPLATES}/detail.html", context)


def _document_context(request: HttpRequest, public_id: Any) -> dict[str, Any]:
    meeting = minutes_meeting(request, public_id)
    if meeting.minutes_status == MinutesStatus.NONE:
        raise Http404("No minutes found.")
    return minutes_context(request, meeting)


def minutes_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The minutes as a tagged PDF/UA file (the same visibility as the page)."""
    context = _document_context(request, public_id)
    return pdf_response(render_pdf(f"{TEMPLATES}/pdf.html", context), context["title"])


def minutes_docx(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The minutes as a Word document with real headings and lists."""
    context = _document_context(request, public_id)
    return docx_response(word_document(context), context["title"])
