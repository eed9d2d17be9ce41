"""Meetings, their agendas, attendance and declarations of interest.

Every change is a keyword-only function taking the acting user, checked before it is saved and
audited in the same transaction. Edits carry the version the user opened (optimistic concurrency:
``ConcurrentEditError`` when someone else saved first). Validation problems are raised as
``ValidationError`` keyed by field, so the UI shows them as GOV.UK errors and nothing reaches a
database constraint as an ``IntegrityError``.

The attendance statistics at the bottom are read-only queries (SQL aggregates), kept here so the
body page, the meeting list and the API count attendance the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.services import (
    create_record,
    delete_record,
    locked_version,
    update_record,
)
from preventhub.directory.models import MunicipalYear, Person
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    ExemptParagraph,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minute,
    Report,
)

MEETING_CREATED = register("governance.meeting_created", "Meeting added")
MEETING_UPDATED = register("governance.meeting_updated", "Meeting changed")
MEETING_CANCELLED = register("governance.meeting_cancelled", "Meeting cancelled")
MEETING_HELD = register("governance.meeting_held", "Meeting marked as held")
AGENDA_PUBLISHED = register("governance.agenda_published", "Agenda published")
AGENDA_ITEM_ADDED = register("governance.agenda_item_added", "Agenda item added")
AGENDA_ITEM_UPDATED = register("governance.agenda_item_updated", "Agenda item changed")
AGENDA_ITEM_REMOVED = register("governance.agenda_item_removed", "Agenda item removed")
AGENDA_REORDERED = register("governance.agenda_reordered", "Agenda items reordered")
ATTENDANCE_RECORDED = register("governance.attendance_recorded", "Attendance recorded")
DECLARATION_ADDED = register("governance.declaration_added", "Declaration of interest recorded")

MEETING_FIELDS = ["starts_at", "venue", "municipal_year"]
ITEM_FIELDS = ["number", "title", "presenting_officer", "report", "is_exempt", "exempt_paragraph"]

# Members expected at a meeting are recorded present, sending apologies or absent; a substitute
# and someone "in attendance" (an officer, a visiting member) were not expected.
EXPECTED = [AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT]
# Roles whose holders are expected at every meeting and for whom a substitute may attend.
VOTING_ROLES = [
    MembershipRole.CHAIR,
    MembershipRole.VICE_CHAIR,
    MembershipRole.MEMBER,
    MembershipRole.STATUTORY_MEMBER,
    MembershipRole.CO_OPTED,
]
ROLE_ORDER: dict[str, int] = {
    role: i
    for i, role in enumerate(
        [*VOTING_ROLES, MembershipRole.SUBSTITUTE, MembershipRole.OFFICER_ADVISER]
    )
}


def local_date(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


def municipal_year_on(day: dt.date) -> MunicipalYear | None:
    """The municipal year a date falls in (municipal years are reference data, not restricted)."""
    return (
        MunicipalYear._default_manager.filter(starts_on__lte=day, ends_on__gte=day)
        .order_by("-starts_on")
        .first()
    )


# Meetings ---------------------------------------------------------------------------------------


def create_meeting(
    *,
    actor: Any,
    body: Any,
    starts_at: dt.datetime,
    venue: str = "",
    municipal_year: MunicipalYear | None = None,
) -> Meeting:
    """Schedule a meeting. Without a municipal year, the one its date falls in is used."""
    meeting = Meeting(
        body=body,
        starts_at=starts_at,
        venue=venue,
        municipal_year=municipal_year or municipal_year_on(timezone.localtime(starts_at).date()),
    )
    return create_record(actor=actor, instance=meeting, action=MEETING_CREATED)


def update_meeting(
    *, actor: Any, meeting: Meeting, data: dict[str, Any], expected_version: int | None
) -> Meeting:
    """Change a meeting's date, time, venue or municipal year (its body never changes: its agenda
    links reports written for that body)."""
    changes = {name: data[name] for name in MEETING_FIELDS if name in data}
    if "starts_at" in changes and changes.get("municipal_year", meeting.municipal_year) is None:
        changes["municipal_year"] = municipal_year_on(
            timezone.localtime(changes["starts_at"]).date()
        )
    return update_record(
        actor=actor,
        instance=meeting,
        data=changes,
        expected_version=expected_version,
        action=MEETING_UPDATED,
    )


def _transition(
    *,
    actor: Any,
    meeting: Meeting,
    data: dict[str, Any],
    expected_version: int | None,
    action: str,
    note: dict[str, Any] | None = None,
) -> Meeting:
    """Save a status change with its audit event; ``note`` adds facts that are not fields (a
    cancellation's reason) to the event's changes."""
    with transaction.atomic():
        current = locked_version(meeting, expected_version)
        changes: dict[str, list[Any]] = {
            name: [getattr(meeting, name), value] for name, value in data.items()
        }
        for name, value in data.items():
            setattr(meeting, name, value)
        meeting.version = current.version + 1
        meeting.save(update_fields=[*data, "version", "updated_at"])
        changes.update({name: [None, value] for name, value in (note or {}).items()})
        record_event(actor=actor, action=action, obj=meeting, changes=changes)
    return meeting


def cancel_meeting(
    *, actor: Any, meeting: Meeting, reason: str, expected_version: int | None
) -> Meeting:
    """Cancel a scheduled meeting. The reason is kept in the audit trail with the change."""
    reason = reason.strip()
    if meeting.status == MeetingStatus.HELD:
        raise ValidationError("This meeting has been held, so it cannot be cancelled")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting is already cancelled")
    if not reason:
        raise ValidationError({"reason": "Enter why the meeting is cancelled"})
    return _transition(
        actor=actor,
        meeting=meeting,
        data={"status": MeetingStatus.CANCELLED},
        expected_version=expected_version,
        action=MEETING_CANCELLED,
        note={"reason": reason},
    )


def mark_meeting_held(
    *, actor: Any, meeting: Meeting, expected_version: int | None, today: dt.date | None = None
) -> Meeting:
    """Record that a scheduled meeting took place (not before its date)."""
    today = today or timezone.localdate()
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(
            f"Only a scheduled meeting can be marked as held; this one is "
            f"{meeting.get_status_display().lower()}"
        )
    if local_date(meeting) > today:
        raise ValidationError(
            f"This meeting is on {local_date(meeting):%-d %B %Y}: it cannot be marked as "
            f"held before then"
        )
    return _transition(
        actor=actor,
        meeting=meeting,
        data={"status": MeetingStatus.HELD},
        expected_version=expected_version,
        action=MEETING_HELD,
    )


def publish_agenda(*, actor: Any, meeting: Meeting, expected_version: int | None) -> Meeting:
    """Publish the agenda: its items that are not exempt become public (access to information,
    LGA 1972 s.100B)."""
    if meeting.agenda_published_at is not None:
        raise ValidationError("The agenda is already published")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting is cancelled, so its agenda cannot be published")
    if not AgendaItem._default_manager.filter(meeting=meeting).exists():
        raise ValidationError("Add at least one item before publishing the agenda")
    return _transition(
        actor=actor,
        meeting=meeting,
        data={"agenda_published_at": timezone.now()},
        expected_version=expected_version,
        action=AGENDA_PUBLISHED,
    )


# Agenda items -----------------------------------------------------------------------------------


def _check_item(
    meeting: Meeting, data: dict[str, Any], item: AgendaItem | None = None
) -> dict[str, Any]:
    """The item's fields, cleaned, or a ValidationError naming each field at fault."""
    clean = {name: data.get(name) for name in ITEM_FIELDS}
    clean["number"] = str(clean["number"] or "").strip()
    clean["title"] = str(clean["title"] or "").strip()
    clean["is_exempt"] = bool(clean["is_exempt"])
    errors: dict[str, str] = {}
    if not clean["number"]:
        errors["number"] = "Enter the item number, like 5 or 5(a)"
    else:
        same = AgendaItem._default_manager.filter(meeting=meeting, number__iexact=clean["number"])
        if item is not None:
            same = same.exclude(pk=item.pk)
        if same.exists():
            errors["number"] = f"There is already an item {clean['number']} on this agenda"
    if not clean["title"]:
        errors["title"] = "Enter the item's title"
    paragraph = clean["exempt_paragraph"]
    if paragraph is not None and paragraph not in ExemptParagraph.values:
        errors["exempt_paragraph"] = "Select a paragraph of Schedule 12A"
    elif clean["is_exempt"] and paragraph is None:
        errors["exempt_paragraph"] = "Select the Schedule 12A paragraph that makes this item exempt"
    elif not clean["is_exempt"] and paragraph is not None:
        errors["is_exempt"] = "Select that the item is exempt, or set the paragraph to 'Not exempt'"
    report: Report | None = clean["report"]
    if report is not None:
        if report.body_id != meeting.body_id:
            errors["report"] = "Choose a report written for this body"
        elif report.is_exempt and not clean["is_exempt"]:
            errors["is_exempt"] = "The report is exempt, so the item must be exempt too"
    if errors:
        raise ValidationError(errors)
    return clean


def add_agenda_item(*, actor: Any, meeting: Meeting, data: dict[str, Any]) -> AgendaItem:
    """Add an item at the end of the agenda."""
    clean = _check_item(meeting, data)
    last = AgendaItem._default_manager.filter(meeting=meeting).aggregate(last=Max("order"))["last"]
    item = AgendaItem(meeting=meeting, order=0 if last is None else last + 1, **clean)
    return create_record(actor=actor, instance=item, action=AGENDA_ITEM_ADDED)


def update_agenda_item(
    *, actor: Any, item: AgendaItem, data: dict[str, Any], expected_version: int | None
) -> AgendaItem:
    clean = _check_item(item.meeting, data, item)
    return update_record(
        actor=actor,
        instance=item,
        data=clean,
        expected_version=expected_version,
        action=AGENDA_ITEM_UPDATED,
    )


def remove_agenda_item(*, actor: Any, item: AgendaItem) -> None:
    """Take an item off the agenda, unless it is already minuted or has declarations of interest
    (those are part of the meeting's record and would be deleted with it)."""
    if Minute._default_manager.filter(item=item).exists():
        raise ValidationError("This item has minutes, so it cannot be removed")
    if Declaration.objects.filter(item=item).exists():
        raise ValidationError("Declarations of interest were made on this item: remove them first")
    delete_record(actor=actor, instance=item, action=AGENDA_ITEM_REMOVED)


def reorder_agenda(*, actor: Any, meeting: Meeting, positions: dict[int, int]) -> list[AgendaItem]:
    """Put the items in the order of ``positions`` (item id → position; ties keep the old order).
    Item numbers are left as they are: councils number items themselves."""
    with transaction.atomic():
        items = list(
            AgendaItem._default_manager.select_for_update()
            .filter(meeting=meeting)
            .order_by("order", "id")
        )
        before = [item.number for item in items]
        ranked = sorted(items, key=lambda i: (positions.get(i.pk, len(items) + 1), i.order, i.pk))
        moved = []
        for order, item in enumerate(ranked):
            if item.order != order:
                item.order = order
                item.version += 1
                moved.append(item)
        if moved:
            AgendaItem._default_manager.bulk_update(moved, ["order", "version"])
            record_event(
                actor=actor,
                action=AGENDA_REORDERED,
                obj=meeting,
                changes={"order": [before, [item.number for item in ranked]]},
            )
    return ranked


# Attendance -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceRow:
    """One person's attendance as the form gives it: an empty status means "not recorded"."""

    person: Person
    status: str
    substitute_for: Person | None = None


def expected_members(meeting: Meeting) -> list[Membership]:
    """The body's members on the day of the meeting, one row per person (their senior role),
    chair first. One query."""
    day = local_date(meeting)
    rows = (
        Membership.objects.filter(body_id=meeting.body_id)
        .current(day)
        .select_related("person")
        .order_by("person__name")
    )
    by_person: dict[int, Membership] = {}
    for row in rows:
        held = by_person.get(row.person_id)
        if held is None or ROLE_ORDER.get(row.role, 99) < ROLE_ORDER.get(held.role, 99):
            by_person[row.person_id] = row
    return sorted(by_person.values(), key=lambda m: (ROLE_ORDER.get(m.role, 99), m.person.name))


def _check_attendance(rows: Sequence[AttendanceRow]) -> None:
    problems: list[str] = []
    seen: set[int] = set()
    for row in rows:
        if row.status and row.status not in AttendanceStatus.values:
            problems.append(f"Select how {row.person.name} attended")
        if row.person.pk in seen:
            problems.append(f"{row.person.name} is listed twice")
        seen.add(row.person.pk)
        if row.status == AttendanceStatus.SUBSTITUTE and row.substitute_for is None:
            problems.append(f"Select who {row.person.name} substituted for")
        if row.substitute_for is not None and row.status != AttendanceStatus.SUBSTITUTE:
            problems.append(
                f"{row.person.name} is not recorded as a substitute, so they cannot substitute for "
                f"anyone"
            )
        if row.substitute_for is not None and row.substitute_for.pk == row.person.pk:
            problems.append(f"{row.person.name} cannot substitute for themselves")
    if problems:
        raise ValidationError(problems)


def _label(status: str, substitute_for: Person | None) -> str | None:
    if not status:
        return None
    label = str(AttendanceStatus(status).label)
    return f"{label} for {substitute_for.name}" if substitute_for is not None else label


def record_attendance(
    *, actor: Any, meeting: Meeting, rows: Sequence[AttendanceRow], expected_version: int | None
) -> Meeting:
    """Replace the meeting's attendance with ``rows`` (people left out or "not recorded" are
    removed). One audit event lists each person whose attendance changed. Saving bumps the
    meeting's version, so two people recording the same meeting at once are told."""
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("This meeting was cancelled, so there is no attendance to record")
    _check_attendance(rows)
    with transaction.atomic():
        current = locked_version(meeting, expected_version)
        existing = {
            a.person_id: a
            for a in Attendance.objects.filter(meeting=meeting).select_related(
                "person", "substitute_for"
            )
        }
        wanted = {row.person.pk: row for row in rows if row.status}
        changes: dict[str, list[Any]] = {}
        to_create, to_update = [], []
        for person_id, row in wanted.items():
            old = existing.get(person_id)
            new_label = _label(row.status, row.substitute_for)
            if old is None:
                to_create.append(
                    Attendance(
                        meeting=meeting,
                        person=row.person,
                        status=row.status,
                        substitute_for=row.substitute_for,
                    )
                )
                changes[row.person.name] = [None, new_label]
            elif (old.status, old.substitute_for_id) != (
                row.status,
                getattr(row.substitute_for, "pk", None),
            ):
                changes[row.person.name] = [_label(old.status, old.substitute_for), new_label]
                old.status, old.substitute_for = row.status, row.substitute_for
                to_update.append(old)
        gone = [a for person_id, a in existing.items() if person_id not in wanted]
        for attendance in gone:
            changes[attendance.person.name] = [
                _label(attendance.status, attendance.substitute_for),
                None,
            ]
        if gone:
            Attendance.objects.filter(pk__in=[a.pk for a in gone]).delete()
        Attendance.objects.bulk_update(to_update, ["status", "substitute_for"])
        Attendance.objects.bulk_create(to_create)
        meeting.version = current.version + 1
        meeting.save(update_fields=["version", "updated_at"])
        if changes:
            record_event(
                actor=actor,
                action=ATTENDANCE_RECORDED,
                obj=meeting,
                changes=dict(sorted(changes.items())),
            )
    return meeting


# Declarations of interest -----------------------------------------------------------------------


def add_declaration(
    *,
    actor: Any,
    meeting: Meeting,
    person: Person,
    kind: str,
    nature: str,
    item: AgendaItem | None = None,
    withdrew: bool = False,
) -> Declaration:
    """Record a declaration of interest made at the meeting, on one item or generally."""
    errors: dict[str, str] = {}
    if item is not None and item.meeting_id != meeting.pk:
        errors["item"] = "Choose an item on this meeting's agenda"
    if not nature.strip():
        errors["nature"] = "Describe the interest"
    if errors:
        raise ValidationError(errors)
    declaration = Declaration(
        meeting=meeting,
        item=item,
        person=person,
        kind=kind,
        nature=nature.strip(),
        withdrew=withdrew,
    )
    declaration.full_clean()
    with transaction.atomic():
        declaration.save()
        record_event(
            actor=actor,
            action=DECLARATION_ADDED,
            obj=meeting,
            object_repr=str(meeting),
            changes={
                "person": [None, person.name],
                "item": [None, str(item) if item else None],
                "kind": [None, declaration.get_kind_display()],
                "nature": [None, declaration.nature],
                "withdrew": [None, withdrew],
            },
        )
    return declaration


# Attendance statistics (read-only) --------------------------------------------------------------

COUNTED = ["expected", "present", "apologies", "absent", "substitute", "in_attendance"]


def _counts(prefix: str = "") -> dict[str, Count]:
    """One Count per figure, each filtered in SQL (``prefix`` reaches attendance from another
    model). ModernGov's figures: expected, present (as expected), apologies, absent, present as
    substitute and in attendance."""
    status = f"{prefix}status"
    field = f"{prefix}id" if prefix else "id"
    return {
        "expected": Count(field, filter=Q(**{f"{status}__in": EXPECTED})),
        "present": Count(field, filter=Q(**{status: AttendanceStatus.PRESENT})),
        "apologies": Count(field, filter=Q(**{status: AttendanceStatus.APOLOGIES})),
        "absent": Count(field, filter=Q(**{status: AttendanceStatus.ABSENT})),
        "substitute": Count(field, filter=Q(**{status: AttendanceStatus.SUBSTITUTE})),
        "in_attendance": Count(field, filter=Q(**{status: AttendanceStatus.IN_ATTENDANCE})),
    }


def counted_attendance(meetings: QuerySet[Meeting]) -> QuerySet[Attendance]:
    """Attendance at these meetings, leaving out cancelled meetings (nobody could attend them)."""
    return Attendance.objects.filter(meeting__in=meetings).exclude(
        meeting__status=MeetingStatus.CANCELLED
    )


def attendance_by_person(meetings: QuerySet[Meeting]) -> QuerySet[Any]:
    """One row per person with their figures for these meetings (one GROUP BY query)."""
    return (
        counted_attendance(meetings)
        .values("person_id", "person__name", "person__public_id")
        .annotate(**_counts())
        .order_by("person__name")
    )


def attendance_totals(meetings: QuerySet[Meeting]) -> dict[str, int]:
    """The figures for all these meetings together (one aggregate query)."""
    return counted_attendance(meetings).aggregate(**_counts())


def attendance_for(person: Person, meetings: QuerySet[Meeting] | None = None) -> dict[str, int]:
    """One person's figures, over every meeting or the given ones (one aggregate query)."""
    rows = Attendance.objects.filter(person=person).exclude(meeting__status=MeetingStatus.CANCELLED)
    if meetings is not None:
        rows = rows.filter(meeting__in=meetings)
    return rows.aggregate(**_counts())


def with_attendance_counts(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings annotated with their own figures (``att_present`` etc.) in the same query.

    Each figure is a subquery on the meeting's row, not a join with GROUP BY: a page of the list
    then counts the attendance of its own meetings only, the sort walks the date index and stops
    after one page, and the pagination's count leaves the figures out. (Grouping joined every
    meeting to its attendance before the page was cut: two seconds at national scale.)"""
    statuses = {
        "expected": EXPECTED,
        "present": [AttendanceStatus.PRESENT],
        "apologies": [AttendanceStatus.APOLOGIES],
        "absent": [AttendanceStatus.ABSENT],
        "substitute": [AttendanceStatus.SUBSTITUTE],
        "in_attendance": [AttendanceStatus.IN_ATTENDANCE],
    }
    return meetings.annotate(
        **{
            f"att_{name}": Coalesce(
                Subquery(
                    Attendance.objects.filter(meeting=OuterRef("pk"), status__in=wanted)
                    .order_by()
                    .values("meeting")
                    .annotate(n=Count("pk"))
                    .values("n"),
                    output_field=IntegerField(),
                ),
                0,
            )
            for name, wanted in statuses.items()
        }
    )


def rate(figures: dict[str, Any]) -> int | None:
    """Present as expected, as a whole percentage of expected (None when nobody was expected)."""
    expected = figures.get("expected") or 0
    return round(100 * (figures.get("present") or 0) / expected) if expected else None
