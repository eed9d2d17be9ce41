"""Meetings, their agenda items, attendance and declarations of interest.

What a caller sees is what the meeting's page shows them: the meetings policy picks the meetings,
the agenda items policy picks the items (an exempt item, or any item of an unpublished agenda, is
left out for those who may not see it, in a meeting's ``items`` as in the item list), a linked
report is named only if the caller may read it, and a declaration of interest made on an item the
caller cannot see is left out with the item (its nature could disclose the item).
"""

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action, RestrictedPrefetch
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Person
from preventhub.governance import policies
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    ExemptParagraph,
    InterestKind,
    Meeting,
    MeetingStatus,
    Membership,
    MinutesStatus,
)
from preventhub.governance.services import meetings as services

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

from .common import (
    Date,
    DateTime,
    Labelled,
    Named,
    Record,
    Version,
    VersionOnly,
    changes,
    item_label,
    labelled,
    meeting_label,
    pick,
    require_manage,
    resolve_refs,
)

ops = Operations(tags=["governance: meetings"])
router = ops.router

NO_BODY = "There is no body with that id that you can schedule meetings for."
NO_YEAR = "There is no municipal year with that id."
NO_PERSON = "There is no person with that id that you can choose."
NO_REPORT = "There is no report with that id that you can put on this agenda."
NO_ITEM = "There is no item with that id on this meeting's agenda."
NOT_AT_MEETING = "Choose a member of the body or someone recorded at the meeting."
MAX_ROWS = 1000


# Schemas -----------------------------------------------------------------------------------------


class AgendaItemOut(Record):
    meeting: Labelled
    number: str
    order: int
    title: str
    presenting_officer: Named | None
    report: Labelled | None = Field(description="The report for this item, if you may read it.")
    is_exempt: bool
    exempt_paragraph: ExemptParagraph | None = Field(
        description="The paragraph of Schedule 12A, LGA 1972, that makes the item exempt."
    )
    exempt_paragraph_label: str

    @staticmethod
    def resolve_meeting(obj: AgendaItem) -> dict[str, Any] | None:
        return labelled(obj.meeting, meeting_label(obj.meeting))

    @staticmethod
    def resolve_report(obj: AgendaItem) -> dict[str, Any] | None:
        if obj.report is None or not getattr(obj, "report_visible", False):
            return None
        return labelled(obj.report, obj.report.title)

    @staticmethod
    def resolve_exempt_paragraph_label(obj: AgendaItem) -> str:
        return obj.get_exempt_paragraph_display() if obj.exempt_paragraph else ""


class MeetingOut(Record):
    body: Named
    municipal_year: Labelled | None
    starts_at: dt.datetime
    venue: str
    status: MeetingStatus
    status_label: str
    agenda_published_at: dt.datetime | None
    minutes_status: MinutesStatus
    minutes_status_label: str
    minutes_approved_at: Labelled | None = Field(
        description="The later meeting that approved these minutes as a correct record."
    )
    minutes_signed_by: Named | None
    minutes_signed_on: dt.date | None

    @staticmethod
    def resolve_municipal_year(obj: Meeting) -> dict[str, Any] | None:
        year = obj.municipal_year
        return labelled(year, year.label) if year else None

    @staticmethod
    def resolve_status_label(obj: Meeting) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_minutes_status_label(obj: Meeting) -> str:
        return obj.get_minutes_status_display()

    @staticmethod
    def resolve_minutes_approved_at(obj: Meeting) -> dict[str, Any] | None:
        later = obj.minutes_approved_at
        return labelled(later, meeting_label(later)) if later else None


class MeetingDetail(MeetingOut):
    items: list[AgendaItemOut] = Field(description="The agenda items you may see, in order.")

    @staticmethod
    def resolve_items(obj: Meeting) -> list[AgendaItem]:
        return getattr(obj, "visible_items", [])


class MeetingFilters(Schema):
    body: UUID | None = None
    municipal_year: UUID | None = None
    status: MeetingStatus | None = None
    date_from: Date | None = Field(None, description="Meetings on or after this date.")
    date_to: Date | None = Field(None, description="Meetings on or before this date.")


class MeetingIn(Schema):
    body: UUID
    starts_at: DateTime = Field(description="Local (council) time unless an offset is given.")
    venue: Text = Field("", max_length=200)
    municipal_year: UUID | None = Field(None, description="Omit for the year of the date.")


class MeetingPatch(Schema):
    version: int = Version
    starts_at: DateTime = Unset()
    venue: Text = Unset(max_length=200)
    municipal_year: UUID | None = Unset()


class CancelIn(Schema):
    version: int = Version
    reason: Text = Field(max_length=2000, description="Why the meeting is cancelled.")


class AgendaItemIn(Schema):
    number: Text = Field(min_length=1, max_length=12, description="For example 5 or 5(a).")
    title: Text = Field(min_length=1, max_length=300)
    presenting_officer: UUID | None = None
    report: UUID | None = None
    is_exempt: bool = False
    exempt_paragraph: ExemptParagraph | None = None


class AgendaItemPatch(Schema):
    version: int = Version
    number: Text = Unset(min_length=1, max_length=12)
    title: Text = Unset(min_length=1, max_length=300)
    presenting_officer: UUID | None = Unset()
    report: UUID | None = Unset()
    is_exempt: bool = Unset()
    exempt_paragraph: ExemptParagraph | None = Unset()


class AgendaItemFilters(Schema):
    meeting: UUID | None = None
    body: UUID | None = None
    report: UUID | None = None


class AgendaOrder(Schema):
    items: list[UUID] = Field(max_length=MAX_ROWS, description="Every item's id, in the new order.")


class AttendanceOut(Schema):
    person: Named
    status: AttendanceStatus
    status_label: str
    substitute_for: Named | None

    @staticmethod
    def resolve_status_label(obj: Attendance) -> str:
        return obj.get_status_display()


class AttendanceRowIn(Schema):
    person: UUID
    status: AttendanceStatus
    substitute_for: UUID | None = None


class AttendanceIn(Schema):
    version: int = Version
    rows: list[AttendanceRowIn] = Field(
        max_length=MAX_ROWS,
        description="Everyone's attendance; anyone left out is no longer recorded.",
    )


class DeclarationOut(Schema):
    person: Named
    item: Labelled | None = Field(description="The item it was declared on, or none (general).")
    kind: InterestKind
    kind_label: str
    nature: str
    withdrew: bool

    @staticmethod
    def resolve_item(obj: Declaration) -> dict[str, Any] | None:
        return labelled(obj.item, item_label(obj.item)) if obj.item else None

    @staticmethod
    def resolve_kind_label(obj: Declaration) -> str:
        return obj.get_kind_display()


class DeclarationIn(Schema):
    person: UUID
    kind: InterestKind
    nature: Text = Field(min_length=1, max_length=5000)
    item: UUID | None = None
    withdrew: bool = False


# Querysets ---------------------------------------------------------------------------------------


def _meetings(request: HttpRequest, action: Action = Action.VIEW) -> QuerySet[Meeting]:
    return policies.meetings.visible_to(request.user, action).select_related(
        "body", "municipal_year", "minutes_approved_at__body", "minutes_signed_by"
    )


class _ReportVisible(TypedDict):
    report_visible: bool


def _item_rows(
    request: HttpRequest, rows: QuerySet[AgendaItem]
) -> "QuerySet[WithAnnotations[AgendaItem, _ReportVisible]]":
    reports = policies.reports.visible_to(request.user)
    return rows.select_related("meeting__body", "presenting_officer", "report").annotate(
        report_visible=Exists(reports.filter(pk=OuterRef("report_id")))
    )


def _items(
    request: HttpRequest, action: Action = Action.VIEW
) -> "QuerySet[WithAnnotations[AgendaItem, _ReportVisible]]":
    return _item_rows(request, policies.agenda_items.visible_to(request.user, action))


def _with_items(request: HttpRequest, meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with the agenda items the caller may see (one query for the items)."""
    items = _item_rows(request, AgendaItem.objects.order_by("order", "pk"))
    return meetings.prefetch_related(
        RestrictedPrefetch("items", request.user, queryset=items, to_attr="visible_items")
    )


def _meeting(request: HttpRequest, public_id: UUID, action: Action = Action.VIEW) -> Meeting:
    return policies.meetings.get_or_404(
        request, action, queryset=_meetings(request, action), public_id=public_id
    )


def meeting_detail(request: HttpRequest, meeting: Meeting) -> Meeting:
    """The meeting read again after a change, as ``MeetingDetail`` shows it (also used by the
    minutes operations, which change a meeting's minutes status)."""
    return _with_items(request, _meetings(request)).get(pk=meeting.pk)


_reloaded = meeting_detail


# Meetings ----------------------------------------------------------------------------------------


@ops.list(
    "/meetings", MeetingOut, name="governance_meeting_list", summary="List meetings (newest first)"
)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]) -> QuerySet[Meeting]:
    qs = _meetings(request)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.municipal_year:
        qs = qs.filter(municipal_year__public_id=filters.municipal_year)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.date_from:
        qs = qs.filter(starts_at__date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(starts_at__date__lte=filters.date_to)
    return qs.order_by("-starts_at", "pk")


@ops.read(
    "/meetings/{public_id}",
    MeetingDetail,
    name="governance_meeting_detail",
    summary="Get a meeting with the agenda items you may see",
)
def get_meeting(request: HttpRequest, public_id: UUID) -> Meeting:
    queryset = _with_items(request, _meetings(request))
    return policies.meetings.get_or_404(request, queryset=queryset, public_id=public_id)


@ops.create(
    "/meetings", MeetingDetail, name="governance_meeting_create", summary="Schedule a meeting"
)
def create_meeting(request: HttpRequest, payload: MeetingIn) -> Meeting:
    require_manage(request, "meetings")
    data = resolve_refs(
        payload.model_dump(),
        {
            "body": lambda v: pick(
                policies.bodies.visible_to(request.user, Action.CHANGE), v, "body", NO_BODY
            ),
            "municipal_year": lambda v: pick(
                directory_policies.municipal_years.visible_to(request.user),
                v,
                "municipal_year",
                NO_YEAR,
            ),
        },
    )
    meeting = services.create_meeting(actor=request.user, **data)
    return _reloaded(request, meeting)


@ops.update(
    "/meetings/{public_id}",
    MeetingDetail,
    name="governance_meeting_update",
    summary="Change a meeting's date, time, venue or municipal year",
)
def update_meeting(request: HttpRequest, public_id: UUID, payload: MeetingPatch) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    data, version = changes(payload)
    resolve_refs(
        data,
        {
            "municipal_year": lambda v: pick(
                directory_policies.municipal_years.visible_to(request.user),
                v,
                "municipal_year",
                NO_YEAR,
            )
        },
    )
    services.update_meeting(
        actor=request.user, meeting=meeting, data=data, expected_version=version
    )
    return _reloaded(request, meeting)


@ops.action(
    "/meetings/{public_id}/cancel",
    MeetingDetail,
    name="governance_meeting_cancel",
    summary="Cancel a scheduled meeting",
)
def cancel_meeting(request: HttpRequest, public_id: UUID, payload: CancelIn) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    services.cancel_meeting(
        actor=request.user, meeting=meeting, reason=payload.reason, expected_version=payload.version
    )
    return _reloaded(request, meeting)


@ops.action(
    "/meetings/{public_id}/held",
    MeetingDetail,
    name="governance_meeting_held",
    summary="Record that a scheduled meeting took place",
)
def mark_held(request: HttpRequest, public_id: UUID, payload: VersionOnly) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    services.mark_meeting_held(
        actor=request.user, meeting=meeting, expected_version=payload.version
    )
    return _reloaded(request, meeting)


@ops.action(
    "/meetings/{public_id}/publish-agenda",
    MeetingDetail,
    name="governance_agenda_publish",
    summary="Publish the agenda (its items that are not exempt become public)",
)
def publish_agenda(request: HttpRequest, public_id: UUID, payload: VersionOnly) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    services.publish_agenda(actor=request.user, meeting=meeting, expected_version=payload.version)
    return _reloaded(request, meeting)


# Agenda items ------------------------------------------------------------------------------------


@ops.list(
    "/agenda-items",
    AgendaItemOut,
    name="governance_agenda_item_list",
    summary="List the agenda items you may see",
)
def list_agenda_items(
    request: HttpRequest, filters: Query[AgendaItemFilters]
) -> QuerySet[AgendaItem]:
    qs = _items(request)
    if filters.meeting:
        qs = qs.filter(meeting__public_id=filters.meeting)
    if filters.body:
        qs = qs.filter(meeting__body__public_id=filters.body)
    if filters.report:
        qs = qs.filter(report__public_id=filters.report, report_visible=True)
    return qs.order_by("-meeting__starts_at", "meeting_id", "order", "pk")


@ops.read(
    "/agenda-items/{public_id}",
    AgendaItemOut,
    name="governance_agenda_item_detail",
    summary="Get an agenda item",
)
def get_agenda_item(request: HttpRequest, public_id: UUID) -> AgendaItem:
    return policies.agenda_items.get_or_404(request, queryset=_items(request), public_id=public_id)


def _item_refs(request: HttpRequest, meeting: Meeting, data: dict[str, Any]) -> dict[str, Any]:
    reports = policies.reports.visible_to(request.user).filter(body_id=meeting.body_id)
    people = directory_policies.people.visible_to(request.user)
    return resolve_refs(
        data,
        {
            "presenting_officer": lambda v: pick(people, v, "presenting_officer", NO_PERSON),
            "report": lambda v: pick(reports, v, "report", NO_REPORT),
        },
    )


@ops.create(
    "/meetings/{public_id}/agenda-items",
    AgendaItemOut,
    name="governance_agenda_item_create",
    summary="Add an item at the end of a meeting's agenda",
)
def create_agenda_item(request: HttpRequest, public_id: UUID, payload: AgendaItemIn) -> AgendaItem:
    meeting = _meeting(request, public_id, Action.CHANGE)
    data = _item_refs(request, meeting, payload.model_dump())
    item = services.add_agenda_item(actor=request.user, meeting=meeting, data=data)
    return _items(request).get(pk=item.pk)


@ops.update(
    "/agenda-items/{public_id}",
    AgendaItemOut,
    name="governance_agenda_item_update",
    summary="Change an agenda item",
)
def update_agenda_item(
    request: HttpRequest, public_id: UUID, payload: AgendaItemPatch
) -> AgendaItem:
    item = policies.agenda_items.get_or_404(
        request, Action.CHANGE, queryset=_items(request, Action.CHANGE), public_id=public_id
    )
    sent, version = changes(payload)
    # The service checks the item as a whole (an exempt item needs its paragraph, an exempt
    # report an exempt item), so fields not sent keep their current values.
    data = {name: getattr(item, name) for name in services.ITEM_FIELDS}
    data.update(_item_refs(request, item.meeting, sent))
    services.update_agenda_item(actor=request.user, item=item, data=data, expected_version=version)
    return _items(request).get(pk=item.pk)


@ops.delete(
    "/agenda-items/{public_id}",
    name="governance_agenda_item_delete",
    summary="Take an item off the agenda (not once it is minuted or has declarations)",
)
def delete_agenda_item(request: HttpRequest, public_id: UUID) -> None:
    item = policies.agenda_items.get_or_404(request, Action.CHANGE, public_id=public_id)
    try:
        services.remove_agenda_item(actor=request.user, item=item)
    except ValidationError as exc:
        raise HttpError(409, " ".join(exc.messages)) from exc


@ops.action(
    "/meetings/{public_id}/agenda-order",
    MeetingDetail,
    name="governance_agenda_reorder",
    summary="Put a meeting's agenda items in a new order (their numbers are kept)",
)
def reorder_agenda(request: HttpRequest, public_id: UUID, payload: AgendaOrder) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    ids = dict(AgendaItem.objects.filter(meeting=meeting).values_list("public_id", "pk"))
    if sorted(map(str, payload.items)) != sorted(map(str, ids)):
        raise ValidationError({"items": ["List every item on this agenda once, by its id."]})
    positions = {ids[public_id]: position for position, public_id in enumerate(payload.items)}
    services.reorder_agenda(actor=request.user, meeting=meeting, positions=positions)
    return _reloaded(request, meeting)


# Attendance --------------------------------------------------------------------------------------


@ops.list(
    "/meetings/{public_id}/attendance",
    AttendanceOut,
    name="governance_attendance_list",
    summary="List who attended a meeting, sent apologies or was absent",
)
def list_attendance(request: HttpRequest, public_id: UUID) -> QuerySet[Attendance]:
    meeting = _meeting(request, public_id)
    return (
        Attendance.objects.filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("person__name", "pk")
    )


@ops.replace(
    "/meetings/{public_id}/attendance",
    MeetingDetail,
    name="governance_attendance_record",
    summary="Record a meeting's attendance (replaces what was recorded)",
)
def record_attendance(request: HttpRequest, public_id: UUID, payload: AttendanceIn) -> Meeting:
    meeting = _meeting(request, public_id, Action.CHANGE)
    wanted = {row.person for row in payload.rows} | {
        row.substitute_for for row in payload.rows if row.substitute_for
    }
    people = {
        p.public_id: p
        for p in directory_policies.people.visible_to(request.user).filter(public_id__in=wanted)
    }
    unknown = [str(public_id) for public_id in wanted if public_id not in people]
    if unknown:
        raise ValidationError({"rows": [f"{NO_PERSON} ({', '.join(sorted(unknown))})"]})
    rows = [
        services.AttendanceRow(
            person=people[row.person],
            status=row.status,
            substitute_for=people[row.substitute_for] if row.substitute_for else None,
        )
        for row in payload.rows
    ]
    services.record_attendance(
        actor=request.user, meeting=meeting, rows=rows, expected_version=payload.version
    )
    return _reloaded(request, meeting)


# Declarations of interest ------------------------------------------------------------------------


@ops.list(
    "/meetings/{public_id}/declarations",
    DeclarationOut,
    name="governance_declaration_list",
    summary="List declarations of interest made at a meeting",
)
def list_declarations(request: HttpRequest, public_id: UUID) -> QuerySet[Declaration]:
    meeting = _meeting(request, public_id)
    items = policies.agenda_items.visible_to(request.user).filter(meeting=meeting)
    return (
        Declaration.objects.filter(meeting=meeting)
        .filter(Q(item__isnull=True) | Q(item__in=items))
        .select_related("person", "item")
        # General declarations first, then by item (NULL sorts differently on each database).
        .order_by(F("item__order").asc(nulls_first=True), "pk")
    )


@ops.create(
    "/meetings/{public_id}/declarations",
    DeclarationOut,
    name="governance_declaration_create",
    summary="Record a declaration of interest made at a meeting",
)
def create_declaration(
    request: HttpRequest, public_id: UUID, payload: DeclarationIn
) -> Declaration:
    meeting = _meeting(request, public_id, Action.CHANGE)
    day = services.local_date(meeting)
    members = Membership.objects.filter(body_id=meeting.body_id).current(day).values("person_id")
    present = Person.objects.filter(Q(pk__in=members) | Q(attendance__meeting=meeting)).distinct()
    data = resolve_refs(
        payload.model_dump(),
        {
            "person": lambda v: pick(present, v, "person", NOT_AT_MEETING),
            "item": lambda v: pick(AgendaItem.objects.filter(meeting=meeting), v, "item", NO_ITEM),
        },
    )
    declaration = services.add_declaration(actor=request.user, meeting=meeting, **data)
    return declaration
