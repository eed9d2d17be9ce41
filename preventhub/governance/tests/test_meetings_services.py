"""The meetings services: each change is checked, saved and audited, with optimistic concurrency."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    InterestKind,
    MeetingStatus,
)
from preventhub.governance.services import meetings as services
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MinuteFactory,
    ReportFactory,
)
from preventhub.governance.tests.meetings_fixtures import london, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def dee(personas):
    return personas["democratic_services"]


def _events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


# Meetings ---------------------------------------------------------------------------------------


def test_scheduling_a_meeting_finds_its_municipal_year_and_is_audited(dee):
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    body = BodyFactory.create()
    meeting = services.create_meeting(
        actor=dee, body=body, starts_at=london(2016, 9, 14), venue="Room 2"
    )
    assert meeting.municipal_year == year
    assert meeting.status == MeetingStatus.SCHEDULED
    (event,) = _events("governance.meeting_created")
    assert event.object_id == str(meeting.public_id)
    assert event.changes["venue"] == [None, "Room 2"]


def test_changing_a_meeting_refuses_a_stale_version(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    services.update_meeting(
        actor=dee,
        meeting=meeting,
        data={"venue": "Council Chamber"},
        expected_version=meeting.version,
    )
    assert meeting.version == 2
    with pytest.raises(ConcurrentEditError):
        services.update_meeting(
            actor=dee, meeting=meeting, data={"venue": "Room 3"}, expected_version=1
        )
    assert _events("governance.meeting_updated")[0].changes["venue"][1] == "Council Chamber"


def test_cancelling_records_the_reason_in_the_audit_trail(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    services.cancel_meeting(
        actor=dee, meeting=meeting, reason="Not enough business", expected_version=1
    )
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    (event,) = _events("governance.meeting_cancelled")
    assert event.changes == {
        "status": ["scheduled", "cancelled"],
        "reason": [None, "Not enough business"],
    }


def test_a_held_meeting_cannot_be_cancelled_and_a_reason_is_needed(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    with pytest.raises(ValidationError) as blank:
        services.cancel_meeting(actor=dee, meeting=meeting, reason="  ", expected_version=None)
    assert blank.value.message_dict == {"reason": ["Enter why the meeting is cancelled"]}
    meeting.status = MeetingStatus.HELD
    with pytest.raises(ValidationError, match="has been held"):
        services.cancel_meeting(actor=dee, meeting=meeting, reason="Oops", expected_version=None)


def test_marking_held_refuses_a_meeting_that_has_not_happened_yet(dee):
    meeting = MeetingFactory.create(
        municipal_year=None, starts_at=timezone.now() + dt.timedelta(days=3)
    )
    with pytest.raises(ValidationError, match="cannot be marked as held before then"):
        services.mark_meeting_held(actor=dee, meeting=meeting, expected_version=None)
    past = MeetingFactory.create(municipal_year=None, starts_at=london(2016, 1, 14))
    services.mark_meeting_held(actor=dee, meeting=past, expected_version=past.version)
    assert past.status == MeetingStatus.HELD
    assert _events("governance.meeting_held")[0].changes["status"] == ["scheduled", "held"]


def test_marking_a_cancelled_meeting_held_is_refused(dee):
    meeting = MeetingFactory.create(municipal_year=None, status=MeetingStatus.CANCELLED)
    with pytest.raises(ValidationError, match="Only a scheduled meeting"):
        services.mark_meeting_held(actor=dee, meeting=meeting, expected_version=None)


def test_publishing_the_agenda_sets_the_time_and_is_audited(dee):
    meeting = MeetingFactory.create(municipal_year=None, agenda_published_at=None)
    with pytest.raises(ValidationError, match="Add at least one item"):
        services.publish_agenda(actor=dee, meeting=meeting, expected_version=None)
    AgendaItemFactory.create(meeting=meeting)
    services.publish_agenda(actor=dee, meeting=meeting, expected_version=meeting.version)
    meeting.refresh_from_db()
    assert meeting.agenda_published_at is not None
    assert len(_events("governance.agenda_published")) == 1
    with pytest.raises(ValidationError, match="already published"):
        services.publish_agenda(actor=dee, meeting=meeting, expected_version=None)


def test_publishing_refuses_a_stale_version(dee):
    meeting = MeetingFactory.create(municipal_year=None, agenda_published_at=None)
    AgendaItemFactory.create(meeting=meeting)
    services.update_meeting(
        actor=dee, meeting=meeting, data={"venue": "Elsewhere"}, expected_version=1
    )
    with pytest.raises(ConcurrentEditError):
        services.publish_agenda(actor=dee, meeting=meeting, expected_version=1)


# Agenda items -----------------------------------------------------------------------------------


def _item_data(**overrides):
    return {
        "number": "5(a)",
        "title": "Prevent",
        "presenting_officer": None,
        "report": None,
        "is_exempt": False,
        "exempt_paragraph": None,
        **overrides,
    }


def test_items_are_added_at_the_end_and_audited(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    first = services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(number="1"))
    second = services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(number="5(a)"))
    assert (first.order, second.order) == (0, 1)
    assert [e.changes["number"][1] for e in _events("governance.agenda_item_added")] == [
        "1",
        "5(a)",
    ]


def test_an_exempt_item_needs_a_paragraph_as_a_field_error_not_an_integrity_error(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(is_exempt=True))
    assert error.value.message_dict == {
        "exempt_paragraph": ["Select the Schedule 12A paragraph that makes this item exempt"]
    }
    assert not AgendaItem.objects.exists()


def test_a_paragraph_without_the_exempt_flag_is_refused(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(exempt_paragraph=3))
    assert "is_exempt" in error.value.message_dict


def test_item_numbers_are_unique_on_an_agenda(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(number="5(a)"))
    with pytest.raises(ValidationError) as error:
        services.add_agenda_item(
            actor=dee, meeting=meeting, data=_item_data(number="5(A)", title="Other")
        )
    assert error.value.message_dict == {"number": ["There is already an item 5(A) on this agenda"]}


def test_an_item_links_only_a_report_written_for_the_body_and_an_exempt_report_makes_it_exempt(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    elsewhere = ReportFactory.create()
    with pytest.raises(ValidationError) as wrong_body:
        services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(report=elsewhere))
    assert wrong_body.value.message_dict == {"report": ["Choose a report written for this body"]}
    exempt_report = ReportFactory.create(body=meeting.body, is_exempt=True, exempt_paragraph=3)
    with pytest.raises(ValidationError) as exempt:
        services.add_agenda_item(actor=dee, meeting=meeting, data=_item_data(report=exempt_report))
    assert exempt.value.message_dict == {
        "is_exempt": ["The report is exempt, so the item must be exempt too"]
    }
    item = services.add_agenda_item(
        actor=dee,
        meeting=meeting,
        data=_item_data(report=exempt_report, is_exempt=True, exempt_paragraph=3),
    )
    assert item.report == exempt_report


def test_changing_an_item_is_audited_and_refuses_a_stale_version(dee):
    item = AgendaItemFactory.create(number="3", title="Old title")
    services.update_agenda_item(
        actor=dee, item=item, data=_item_data(number="3", title="New title"), expected_version=1
    )
    assert _events("governance.agenda_item_updated")[0].changes["title"] == [
        "Old title",
        "New title",
    ]
    with pytest.raises(ConcurrentEditError):
        services.update_agenda_item(
            actor=dee, item=item, data=_item_data(number="3", title="Again"), expected_version=1
        )


def test_removing_an_item_is_audited_but_a_minuted_item_stays(dee):
    item = AgendaItemFactory.create()
    services.remove_agenda_item(actor=dee, item=item)
    assert not AgendaItem.objects.filter(pk=item.pk).exists()
    assert _events("governance.agenda_item_removed")[0].object_id == str(item.public_id)
    minuted = MinuteFactory.create().item
    with pytest.raises(ValidationError, match="has minutes"):
        services.remove_agenda_item(actor=dee, item=minuted)


def test_an_item_with_declarations_cannot_be_removed(dee):
    item = AgendaItemFactory.create()
    Declaration.objects.create(
        meeting=item.meeting,
        item=item,
        person=PersonFactory.create(),
        nature="Governor",
        kind=InterestKind.OTHER_REGISTRABLE,
    )
    with pytest.raises(ValidationError, match="remove them first"):
        services.remove_agenda_item(actor=dee, item=item)


def test_reordering_keeps_numbers_and_records_the_new_order(dee):
    meeting = MeetingFactory.create(municipal_year=None)
    a, b, c = (
        AgendaItemFactory.create(meeting=meeting, number=n, order=i)
        for i, n in enumerate(["1", "2", "3"])
    )
    services.reorder_agenda(actor=dee, meeting=meeting, positions={a.pk: 3, b.pk: 1, c.pk: 2})
    assert list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("number", flat=True)
    ) == ["2", "3", "1"]
    (event,) = _events("governance.agenda_reordered")
    assert event.changes["order"] == [["1", "2", "3"], ["2", "3", "1"]]


# Attendance -------------------------------------------------------------------------------------


def test_recording_attendance_creates_changes_and_removes_rows_in_one_audit_event(dee):
    s = story()
    hague, ray, stone = s.members
    Row = services.AttendanceRow
    services.record_attendance(
        actor=dee,
        meeting=s.meeting,
        expected_version=s.meeting.version,
        rows=[
            Row(s.chair, AttendanceStatus.PRESENT),
            Row(hague, AttendanceStatus.PRESENT),
            Row(ray, AttendanceStatus.APOLOGIES),
            Row(stone, AttendanceStatus.ABSENT),
        ],
    )
    substitute = PersonFactory.create(name="Councillor Ojetola")
    services.record_attendance(
        actor=dee,
        meeting=s.meeting,
        expected_version=s.meeting.version,
        rows=[
            Row(s.chair, AttendanceStatus.PRESENT),
            Row(hague, AttendanceStatus.PRESENT),
            Row(ray, AttendanceStatus.APOLOGIES),
            Row(stone, ""),
            Row(substitute, AttendanceStatus.SUBSTITUTE, substitute_for=ray),
        ],
    )
    rows = dict(Attendance.objects.filter(meeting=s.meeting).values_list("person__name", "status"))
    assert rows == {
        "Councillor Gerrard": "present",
        "Councillor Hague": "present",
        "Councillor Ray": "apologies",
        "Councillor Ojetola": "substitute",
    }
    first, second = _events("governance.attendance_recorded")
    assert first.changes["Councillor Ray"] == [None, "Apologies"]
    assert second.changes == {
        "Councillor Ojetola": [None, "Present as substitute for Councillor Ray"],
        "Councillor Stone": ["Absent", None],
    }


def test_attendance_refuses_a_stale_version_and_a_cancelled_meeting(dee):
    s = story()
    Row = services.AttendanceRow
    services.record_attendance(
        actor=dee,
        meeting=s.meeting,
        rows=[Row(s.chair, "present")],
        expected_version=s.meeting.version,
    )
    with pytest.raises(ConcurrentEditError):
        services.record_attendance(
            actor=dee, meeting=s.meeting, rows=[Row(s.chair, "absent")], expected_version=1
        )
    s.meeting.status = MeetingStatus.CANCELLED
    with pytest.raises(ValidationError, match="cancelled"):
        services.record_attendance(actor=dee, meeting=s.meeting, rows=[], expected_version=None)


def test_a_substitute_must_say_whom_they_replace(dee):
    s = story()
    Row = services.AttendanceRow
    with pytest.raises(ValidationError) as error:
        services.record_attendance(
            actor=dee,
            meeting=s.meeting,
            expected_version=None,
            rows=[
                Row(s.chair, AttendanceStatus.SUBSTITUTE),
                Row(s.members[0], "present", substitute_for=s.chair),
                Row(s.members[1], "substitute", substitute_for=s.members[1]),
            ],
        )
    assert error.value.messages == [
        "Select who Councillor Gerrard substituted for",
        "Councillor Hague is not recorded as a substitute, so they cannot substitute for anyone",
        "Councillor Ray cannot substitute for themselves",
    ]
    assert not Attendance.objects.exists()


def test_expected_members_are_the_members_on_the_day_chair_first():
    s = story()
    later = PersonFactory.create(name="Councillor Newcomer")
    from preventhub.governance.tests.factories import MembershipFactory

    MembershipFactory.create(body=s.body, person=later, starts_on=dt.date(2016, 5, 18))
    names = [m.person.name for m in services.expected_members(s.meeting)]
    assert names == ["Councillor Gerrard", "Councillor Hague", "Councillor Ray", "Councillor Stone"]


# Declarations -----------------------------------------------------------------------------------


def test_a_declaration_is_recorded_and_audited(dee):
    s = story()
    declaration = services.add_declaration(
        actor=dee,
        meeting=s.meeting,
        person=s.members[0],
        item=s.item,
        kind=InterestKind.DPI,
        nature=" Owns land next to the site ",
        withdrew=True,
    )
    assert declaration.nature == "Owns land next to the site"
    (event,) = _events("governance.declaration_added")
    assert event.object_id == str(s.meeting.public_id)
    assert event.changes["kind"] == [None, "Disclosable pecuniary interest"]
    assert event.changes["withdrew"] == [None, True]


def test_a_declaration_on_another_meetings_item_is_refused(dee):
    s = story()
    other = AgendaItemFactory.create()
    with pytest.raises(ValidationError) as error:
        services.add_declaration(
            actor=dee,
            meeting=s.meeting,
            person=s.chair,
            item=other,
            kind=InterestKind.DPI,
            nature="",
        )
    assert set(error.value.message_dict) == {"item", "nature"}


# Attendance statistics --------------------------------------------------------------------------


def test_attendance_statistics_ignore_cancelled_meetings():
    s = story()
    cancelled = MeetingFactory.create(
        body=s.body, municipal_year=None, status=MeetingStatus.CANCELLED
    )
    held = MeetingFactory.create(body=s.body, municipal_year=None, status=MeetingStatus.HELD)
    substitute = PersonFactory.create(name="Councillor Ojetola")
    for meeting, status in ((s.meeting, "present"), (held, "apologies"), (cancelled, "absent")):
        Attendance.objects.create(meeting=meeting, person=s.chair, status=status)
    Attendance.objects.create(
        meeting=held, person=substitute, status="substitute", substitute_for=s.chair
    )
    Attendance.objects.create(meeting=cancelled, person=substitute, status="present")
    from preventhub.governance.models import Meeting

    meetings = Meeting.objects.filter(body=s.body)
    by_person = {row["person__name"]: row for row in services.attendance_by_person(meetings)}
    chair = by_person["Councillor Gerrard"]
    assert (chair["expected"], chair["present"], chair["apologies"], chair["absent"]) == (
        2,
        1,
        1,
        0,
    )
    sub = by_person["Councillor Ojetola"]
    assert (sub["expected"], sub["present"], sub["substitute"]) == (0, 0, 1)
    assert services.attendance_totals(meetings) == {
        "expected": 2,
        "present": 1,
        "apologies": 1,
        "absent": 0,
        "substitute": 1,
        "in_attendance": 0,
    }
    assert services.attendance_for(s.chair)["absent"] == 0
    assert services.rate(chair) == 50
    counts = {m.pk: m for m in services.with_attendance_counts(meetings)}
    # The service names its annotations from its figures (att_<figure>), so read them the same way.
    held_figures = [getattr(counts[held.pk], f"att_{name}") for name in ("expected", "substitute")]
    assert held_figures == [1, 1]
