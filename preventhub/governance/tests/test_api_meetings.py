"""Meetings through the API: scheduling, changing, cancelling and holding them, the agenda (items,
order, publication), attendance and declarations of interest; and the list's filters."""

import datetime as dt
import json
import uuid
from typing import Any

import pytest
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import AgendaItem, Attendance, Meeting, MeetingStatus
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    ReportFactory,
)

from .api_fixtures import ApiClient, clients, london, url

pytestmark = pytest.mark.django_db

MEETINGS = url("governance_meeting_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def at(meeting: Meeting, name: str = "governance_meeting_detail") -> str:
    return url(name, public_id=meeting.public_id)


def unpublished(**kwargs) -> Meeting:
    return MeetingFactory.create(agenda_published_at=None, **kwargs)


# Scheduling and changing -------------------------------------------------------------------------


def test_democratic_services_schedule_a_meeting_in_local_time_and_its_year_is_found(api_as):
    body = BodyFactory.create(name="Working Group")
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )

    response = api_as("democratic_services").post(
        MEETINGS,
        {"body": str(body.public_id), "starts_at": "2016-06-15T18:30:00", "venue": "Room 1"},
    )

    assert response.status_code == 201
    created = response.json()
    assert created["municipal_year"] == {"id": str(year.public_id), "label": "2016/17"}
    assert created["items"] == [] and created["status"] == "scheduled"
    meeting = Meeting.objects.get(public_id=created["id"])
    assert timezone.localtime(meeting.starts_at).time() == dt.time(18, 30)
    assert AuditEvent.objects.filter(action="governance.meeting_created").count() == 1


def test_a_meeting_for_an_unknown_body_is_a_400_and_others_may_not_schedule(api_as):
    payload = {"body": str(uuid.uuid4()), "starts_at": "2016-06-15T18:30:00+01:00"}

    unknown = api_as("democratic_services").post(MEETINGS, payload)
    councillor = api_as("councillor").post(MEETINGS, payload)

    assert unknown.status_code == 400 and set(_errors(unknown)) == {"body"}
    assert councillor.status_code == 403


def test_changing_a_meeting_needs_the_version_read(api_as):
    meeting = MeetingFactory.create(venue="Room 1")
    api = api_as("democratic_services")

    moved = api.patch(at(meeting), {"version": 1, "venue": "Council Chamber"})
    stale = api.patch(at(meeting), {"version": 1, "venue": "Room 2"})

    assert moved.status_code == 200 and moved.json()["venue"] == "Council Chamber"
    assert stale.status_code == 409
    meeting.refresh_from_db()
    assert meeting.venue == "Council Chamber"


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "prevent_lead"])
def test_others_get_404_on_every_change_to_a_meeting(api_as, persona):
    meeting = MeetingFactory.create()
    item = AgendaItemFactory.create(meeting=meeting)
    api = api_as(persona)
    version = {"version": 1}

    answers = [
        api.patch(at(meeting), {**version, "venue": "Elsewhere"}),
        api.post(at(meeting, "governance_meeting_cancel"), {**version, "reason": "No"}),
        api.post(at(meeting, "governance_meeting_held"), version),
        api.post(at(meeting, "governance_agenda_publish"), version),
        api.post(at(meeting, "governance_agenda_item_create"), {"number": "1", "title": "X"}),
        api.post(at(meeting, "governance_agenda_reorder"), {"items": [str(item.public_id)]}),
        api.patch(
            url("governance_agenda_item_update", public_id=item.public_id),
            {**version, "title": "Y"},
        ),
        api.delete(url("governance_agenda_item_delete", public_id=item.public_id)),
        api.client.generic(
            "PUT",
            at(meeting, "governance_attendance_record"),
            '{"version": 1, "rows": []}',
            content_type="application/json",
            headers=api.headers,
        ),
        api.post(
            at(meeting, "governance_declaration_create"),
            {"person": str(PersonFactory.create().public_id), "kind": "dpi", "nature": "X"},
        ),
    ]

    assert [a.status_code for a in answers] == [404] * len(answers)
    meeting.refresh_from_db()
    assert meeting.version == 1 and AgendaItem.objects.filter(meeting=meeting).count() == 1


def test_cancelling_needs_a_reason_and_a_held_meeting_cannot_be_cancelled(api_as):
    meeting = MeetingFactory.create(starts_at=london(2016, 1, 14))
    held = MeetingFactory.create(status=MeetingStatus.HELD)
    api = api_as("democratic_services")

    no_reason = api.post(at(meeting, "governance_meeting_cancel"), {"version": 1, "reason": " "})
    cancelled = api.post(
        at(meeting, "governance_meeting_cancel"), {"version": 1, "reason": "Not quorate"}
    )
    not_held = api.post(at(held, "governance_meeting_cancel"), {"version": 1, "reason": "Too late"})

    assert no_reason.status_code == 400 and set(_errors(no_reason)) == {"reason"}
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert not_held.status_code == 400
    assert "cannot be cancelled" in not_held.json()["detail"][0]["msg"]


def test_a_meeting_is_marked_held_only_once_its_day_has_come(api_as):
    past = MeetingFactory.create(starts_at=london(2016, 1, 14))
    future = MeetingFactory.create(starts_at=timezone.now() + dt.timedelta(days=30))
    api = api_as("democratic_services")

    held = api.post(at(past, "governance_meeting_held"), {"version": 1})
    too_soon = api.post(at(future, "governance_meeting_held"), {"version": 1})

    assert held.status_code == 200 and held.json()["status_label"] == "Held"
    assert too_soon.status_code == 400


# The agenda --------------------------------------------------------------------------------------


def test_an_agenda_is_built_published_and_then_seen_by_councillors_without_its_exempt_item(api_as):
    meeting = unpublished(body=BodyFactory.create(name="Working Group"))
    report = ReportFactory.create(body=meeting.body, title="Prevent", status="published")
    officer = PersonFactory.create(name="Helen Marsh")
    staff = api_as("democratic_services")
    add = at(meeting, "governance_agenda_item_create")

    public = staff.post(
        add,
        {
            "number": "5",
            "title": "Prevent strategy",
            "report": str(report.public_id),
            "presenting_officer": str(officer.public_id),
        },
    )
    exempt = staff.post(
        add,
        {"number": "9", "title": "Channel case review", "is_exempt": True, "exempt_paragraph": 1},
    )
    before = api_as("councillor").get(at(meeting)).json()
    published = staff.post(at(meeting, "governance_agenda_publish"), {"version": 1})
    after = api_as("councillor").get(at(meeting)).json()

    assert public.status_code == exempt.status_code == 201
    assert public.json()["report"]["label"] == "Prevent"
    assert exempt.json()["exempt_paragraph_label"].startswith("1. Information relating")
    assert before["items"] == []
    assert published.status_code == 200 and published.json()["agenda_published_at"]
    assert [i["title"] for i in after["items"]] == ["Prevent strategy"]
    assert [i["title"] for i in published.json()["items"]] == [
        "Prevent strategy",
        "Channel case review",
    ]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"number": "1", "title": "Item", "is_exempt": True}, "exempt_paragraph"),
        ({"number": "1", "title": "Item", "exempt_paragraph": 3}, "is_exempt"),
        ({"number": "5", "title": "Same number"}, "number"),
        ({"number": "1", "title": "Item", "report": str(uuid.uuid4())}, "report"),
        (
            {"number": "1", "title": "Item", "presenting_officer": str(uuid.uuid4())},
            "presenting_officer",
        ),
    ],
)
def test_bad_agenda_items_are_a_400_on_the_field(api_as, payload, field):
    meeting = unpublished()
    AgendaItemFactory.create(meeting=meeting, number="5")

    response = api_as("democratic_services").post(
        at(meeting, "governance_agenda_item_create"), payload
    )

    assert response.status_code == 400
    assert set(_errors(response)) == {field}


def test_an_exempt_report_needs_an_exempt_item_and_another_body_s_report_is_refused(api_as):
    meeting = unpublished()
    exempt_report = ReportFactory.create(body=meeting.body, is_exempt=True, exempt_paragraph=1)
    other_report = ReportFactory.create()
    add = at(meeting, "governance_agenda_item_create")
    api = api_as("democratic_services")

    exempt = api.post(add, {"number": "1", "title": "Item", "report": str(exempt_report.public_id)})
    other = api.post(add, {"number": "2", "title": "Item", "report": str(other_report.public_id)})

    assert exempt.status_code == 400 and set(_errors(exempt)) == {"is_exempt"}
    assert other.status_code == 400 and set(_errors(other)) == {"report"}


def test_patching_an_item_keeps_the_fields_not_sent(api_as):
    item = AgendaItemFactory.create(
        number="9", title="Channel case review", is_exempt=True, exempt_paragraph=1
    )
    detail = url("governance_agenda_item_update", public_id=item.public_id)
    api = api_as("democratic_services")

    renamed = api.patch(detail, {"version": 1, "title": "Case review"})
    stale = api.patch(detail, {"version": 1, "title": "Again"})

    assert renamed.status_code == 200
    assert renamed.json()["is_exempt"] and renamed.json()["exempt_paragraph"] == 1
    assert renamed.json()["number"] == "9" and renamed.json()["title"] == "Case review"
    assert stale.status_code == 409


def test_an_item_is_removed_unless_it_is_minuted(api_as):
    meeting = unpublished()
    spare = AgendaItemFactory.create(meeting=meeting, number="1")
    minuted = AgendaItemFactory.create(meeting=meeting, number="2")
    MinuteFactory.create(item=minuted)
    api = api_as("democratic_services")

    removed = api.delete(url("governance_agenda_item_delete", public_id=spare.public_id))
    refused = api.delete(url("governance_agenda_item_delete", public_id=minuted.public_id))

    assert removed.status_code == 204
    assert refused.status_code == 409
    assert refused.json() == {"detail": "This item has minutes, so it cannot be removed"}
    assert list(AgendaItem.objects.filter(meeting=meeting)) == [minuted]


def test_the_agenda_is_reordered_by_listing_every_item(api_as):
    meeting = unpublished()
    first, second, third = (
        AgendaItemFactory.create(meeting=meeting, number=n, order=i) for i, n in enumerate("123")
    )
    reorder = at(meeting, "governance_agenda_reorder")
    api = api_as("democratic_services")

    missing = api.post(reorder, {"items": [str(first.public_id), str(second.public_id)]})
    doubled = api.post(reorder, {"items": [str(first.public_id)] * 3})
    done = api.post(
        reorder, {"items": [str(third.public_id), str(first.public_id), str(second.public_id)]}
    )

    assert missing.status_code == doubled.status_code == 400
    assert done.status_code == 200
    assert [i["number"] for i in done.json()["items"]] == ["3", "1", "2"]


# Attendance and declarations ---------------------------------------------------------------------


def _put(api: ApiClient, path: str, payload: dict[str, Any]) -> Any:
    """PUT ``payload`` as JSON (the client's other verbs are Any-typed responses too)."""
    return api.send_raw("PUT", path, json.dumps(payload))


def test_attendance_is_recorded_replaced_and_listed(api_as):
    meeting = MeetingFactory.create(starts_at=london(2016, 1, 14))
    chair, member, substitute = (
        PersonFactory.create(name=n) for n in ("Ann Chair", "Bob Member", "Cy Sub")
    )
    record = at(meeting, "governance_attendance_record")
    api = api_as("democratic_services")

    first = _put(
        api,
        record,
        {
            "version": 1,
            "rows": [
                {"person": str(chair.public_id), "status": "present"},
                {"person": str(member.public_id), "status": "apologies"},
                {
                    "person": str(substitute.public_id),
                    "status": "substitute",
                    "substitute_for": str(member.public_id),
                },
            ],
        },
    )
    stale = _put(api, record, {"version": 1, "rows": []})
    second = _put(
        api, record, {"version": 2, "rows": [{"person": str(chair.public_id), "status": "present"}]}
    )
    listed = api_as("councillor").get(at(meeting, "governance_attendance_list")).json()

    assert first.status_code == 200 and first.json()["version"] == 2
    assert stale.status_code == 409
    assert second.status_code == 200
    assert listed == {
        "items": [
            {
                "person": {"id": str(chair.public_id), "name": "Ann Chair"},
                "status": "present",
                "status_label": "Present",
                "substitute_for": None,
            }
        ],
        "count": 1,
    }
    assert AuditEvent.objects.filter(action="governance.attendance_recorded").count() == 2


@pytest.mark.parametrize(
    "rows",
    [
        [{"person": "SUB", "status": "substitute"}],
        [{"person": "SUB", "status": "present"}, {"person": "SUB", "status": "absent"}],
        [{"person": str(uuid.uuid4()), "status": "present"}],
    ],
)
def test_impossible_attendance_is_a_400_and_records_nothing(api_as, rows):
    meeting = MeetingFactory.create()
    sub = PersonFactory.create()
    rows = [
        {**row, "person": str(sub.public_id) if row["person"] == "SUB" else row["person"]}
        for row in rows
    ]

    response = _put(
        api_as("democratic_services"),
        at(meeting, "governance_attendance_record"),
        {"version": 1, "rows": rows},
    )

    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_declarations_are_made_by_members_or_those_present_and_listed(api_as):
    meeting = MeetingFactory.create(starts_at=london(2016, 1, 14))
    member = MembershipFactory.create(body=meeting.body, starts_on=dt.date(2015, 5, 20)).person
    item = AgendaItemFactory.create(meeting=meeting, number="5", title="Prevent strategy")
    add = at(meeting, "governance_declaration_create")
    api = api_as("democratic_services")

    made = api.post(
        add,
        {
            "person": str(member.public_id),
            "item": str(item.public_id),
            "kind": "other_registrable",
            "nature": "Is a school governor",
            "withdrew": True,
        },
    )
    stranger = api.post(
        add, {"person": str(PersonFactory.create().public_id), "kind": "dpi", "nature": "X"}
    )
    elsewhere = api.post(
        add,
        {
            "person": str(member.public_id),
            "item": str(AgendaItemFactory.create().public_id),
            "kind": "dpi",
            "nature": "X",
        },
    )
    listed = api_as("councillor").get(at(meeting, "governance_declaration_list")).json()

    assert made.status_code == 201
    assert made.json()["item"] == {"id": str(item.public_id), "label": "5. Prevent strategy"}
    assert stranger.status_code == 400 and set(_errors(stranger)) == {"person"}
    assert elsewhere.status_code == 400 and set(_errors(elsewhere)) == {"item"}
    assert [d["nature"] for d in listed["items"]] == ["Is a school governor"]


# Reading -----------------------------------------------------------------------------------------


def test_the_meeting_list_filters_by_body_year_status_and_dates(api_as):
    body = BodyFactory.create(name="Working Group")
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    june = MeetingFactory.create(body=body, municipal_year=year, starts_at=london(2016, 6, 15))
    MeetingFactory.create(body=body, starts_at=london(2016, 9, 14), status=MeetingStatus.CANCELLED)
    MeetingFactory.create(starts_at=london(2016, 6, 16))
    api = api_as("outsider")

    def count(**params) -> int:
        return api.get(MEETINGS, params).json()["count"]

    assert count() == 3
    assert count(body=str(body.public_id)) == 2
    assert count(municipal_year=str(year.public_id)) == 1
    assert count(status="cancelled") == 1
    assert count(date_from="2016-06-16") == 2
    assert count(date_from="2016-06-01", date_to="2016-06-15") == 1
    first = api.get(MEETINGS, {"date_to": "2016-06-15"}).json()["items"][0]
    assert first["id"] == str(june.public_id) and first["body"]["name"] == "Working Group"


def test_meetings_of_a_private_body_are_hidden_from_someone_with_no_role(api_as):
    meeting = MeetingFactory.create(body=BodyFactory.create(is_public=False))

    assert api_as("outsider").get(MEETINGS).json()["count"] == 0
    assert api_as("outsider").get(at(meeting)).status_code == 404
    assert api_as("outsider").get(at(meeting, "governance_attendance_list")).status_code == 404
    assert api_as("councillor").get(at(meeting)).status_code == 200
