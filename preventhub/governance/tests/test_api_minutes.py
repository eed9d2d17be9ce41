"""Minutes through the API: the seed meeting's minutes started, written (points, the members'
questions and answers, resolutions adopting the report's recommendations with a recorded vote),
approved at the next meeting and signed by the chair; hidden from councillors until approved."""

import datetime as dt

import pytest

from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    Attendance,
    AttendanceStatus,
    Decision,
    MeetingStatus,
    MembershipRole,
    MinutesStatus,
    Question,
    Resolution,
)
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    RecommendationFactory,
    ReportFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

from .api_fixtures import clients, london, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def _meeting(personas):
    body = BodyFactory.create(name="Cleaner, Greener and Safer Overview and Scrutiny Committee")
    chair = PersonFactory.create(name="Councillor Gerrard")
    user = personas["councillor"]
    user.person = chair
    user.save(update_fields=["person"])
    MembershipFactory.create(
        body=body, person=chair, role=MembershipRole.CHAIR, starts_on=dt.date(2015, 5, 20)
    )
    members = [PersonFactory.create(name=n) for n in ("Councillor Hague", "Councillor Ray")]
    for person in members:
        MembershipFactory.create(body=body, person=person, starts_on=dt.date(2015, 5, 20))
    officer = PersonFactory.create(name="Helen Marsh")
    meeting = MeetingFactory.create(
        body=body, starts_at=london(2016, 1, 14), status=MeetingStatus.HELD
    )
    for person in (chair, *members):
        Attendance.objects.create(meeting=meeting, person=person, status=AttendanceStatus.PRESENT)
    report = ReportFactory.create(body=body, title="Prevent", status="published")
    recommendation = RecommendationFactory.create(
        report=report, number=1, text="That a working group be set up."
    )
    item = AgendaItemFactory.create(
        meeting=meeting, number="5", title="Prevent", report=report, presenting_officer=officer
    )
    later = MeetingFactory.create(body=body, starts_at=london(2016, 3, 10))
    return meeting, item, recommendation, chair, members, officer, later


def test_the_seed_minutes_from_start_to_signature(api_as, personas):
    meeting, item, recommendation, chair, members, officer, later = _meeting(personas)
    staff = api_as("democratic_services")

    started = staff.post(
        url("governance_minutes_start", public_id=meeting.public_id), {"version": 1}
    )
    assert started.status_code == 200 and started.json()["minutes_status"] == "draft"
    minutes = staff.get(url("governance_minute_list"), {"meeting": str(meeting.public_id)}).json()
    minute_id = minutes["items"][0]["id"]
    assert minutes["items"][0]["presented_by"]["name"] == "Helen Marsh"
    assert (
        api_as("councillor").get(url("governance_minute_detail", public_id=minute_id)).status_code
        == 404
    )

    written = staff.patch(
        url("governance_minute_update", public_id=minute_id),
        {"version": 1, "points": "The Prevent duty.\n\nChannel."},
    )
    asked = staff.post(
        url("governance_question_create", public_id=minute_id),
        {
            "asked_by": str(members[0].public_id),
            "question": "How many Channel cases are open?",
            "answered_by": str(officer.public_id),
            "answer": "Fewer than five.",
        },
    )
    resolved = staff.post(
        url("governance_resolution_create", public_id=minute_id),
        {
            "number": "77.1",
            "text": "That a working group of councillors be established.",
            "recommendation": str(recommendation.public_id),
            "votes": {
                "for": [str(chair.public_id), str(members[0].public_id)],
                "against": [str(members[1].public_id)],
            },
        },
    )
    assert written.status_code == 200 and written.json()["presented_by"]["name"] == "Helen Marsh"
    assert asked.status_code == 201 and asked.json()["questions"][0]["answer"] == "Fewer than five."
    assert resolved.status_code == 201
    assert resolved.json()["recorded_vote"]["against"] == ["Councillor Ray"]
    assert resolved.json()["recommendation"]["number"] == 1
    decision = Decision.objects.get(resolution__public_id=resolved.json()["id"])
    assert decision.title.startswith("A working group of councillors")

    reworded = staff.patch(
        url("governance_resolution_update", public_id=resolved.json()["id"]),
        {"version": 1, "text": "That a working group of five councillors be established."},
    )
    assert reworded.status_code == 200
    assert reworded.json()["recorded_vote"]["for"] == ["Councillor Gerrard", "Councillor Hague"]

    approved = staff.post(
        url("governance_minutes_approve", public_id=meeting.public_id),
        {"version": 2, "approved_at": str(later.public_id)},
    )
    assert approved.status_code == 200 and approved.json()["minutes_approved_at"]["id"] == str(
        later.public_id
    )
    locked = staff.post(
        url("governance_question_create", public_id=minute_id),
        {"asked_by": str(members[1].public_id), "question": "Too late?"},
    )
    assert locked.status_code == 400

    signed = api_as("councillor").post(
        url("governance_minutes_sign", public_id=meeting.public_id),
        {"version": 3, "signed_by": str(chair.public_id), "signed_on": dt.date.today().isoformat()},
    )
    assert signed.status_code == 200 and signed.json()["minutes_status"] == MinutesStatus.SIGNED
    assert signed.json()["minutes_signed_by"]["name"] == "Councillor Gerrard"
    seen = api_as("councillor").get(url("governance_minute_detail", public_id=minute_id)).json()
    assert seen["questions"][0]["question"] == "How many Channel cases are open?"


def test_minutes_are_started_only_once_the_meeting_is_held(api_as):
    meeting = MeetingFactory.create(status=MeetingStatus.SCHEDULED)

    response = api_as("democratic_services").post(
        url("governance_minutes_start", public_id=meeting.public_id), {"version": 1}
    )

    assert response.status_code == 400
    assert "Mark the meeting as held" in response.json()["detail"][0]["msg"]


def test_questions_need_people_at_the_meeting_and_are_changed_and_removed(api_as, personas):
    meeting, item, _, chair, members, officer, _ = _meeting(personas)
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save()
    minute = MinuteFactory.create(item=item)
    staff = api_as("democratic_services")

    stranger = staff.post(
        url("governance_question_create", public_id=minute.public_id),
        {"asked_by": str(PersonFactory.create().public_id), "question": "Who am I?"},
    )
    no_answer = staff.post(
        url("governance_question_create", public_id=minute.public_id),
        {
            "asked_by": str(chair.public_id),
            "question": "Why?",
            "answered_by": str(officer.public_id),
        },
    )
    asked = staff.post(
        url("governance_question_create", public_id=minute.public_id),
        {"asked_by": str(chair.public_id), "question": "Will members be trained?"},
    )
    question_id = asked.json()["questions"][0]["id"]
    answered = staff.patch(
        url("governance_question_update", public_id=question_id),
        {"answered_by": str(officer.public_id), "answer": "Yes, this year."},
    )
    removed = staff.delete(url("governance_question_delete", public_id=question_id))

    assert stranger.status_code == 400 and set(_errors(stranger)) == {"asked_by"}
    assert no_answer.status_code == 400 and set(_errors(no_answer)) == {"answer"}
    assert answered.status_code == 200
    assert answered.json()["questions"][0]["question"] == "Will members be trained?"
    assert removed.status_code == 204 and not Question.objects.exists()


def test_a_recorded_vote_is_only_of_people_present_and_a_resolution_agreeing_terms_stays(
    api_as, personas
):
    meeting, item, _, chair, members, officer, _ = _meeting(personas)
    meeting.minutes_status = MinutesStatus.DRAFT
    meeting.save()
    minute = MinuteFactory.create(item=item)
    staff = api_as("democratic_services")

    absent = staff.post(
        url("governance_resolution_create", public_id=minute.public_id),
        {"number": "1", "text": "That…", "votes": {"for": [str(officer.public_id)]}},
    )
    twice = staff.post(
        url("governance_resolution_create", public_id=minute.public_id),
        {
            "number": "1",
            "text": "That…",
            "votes": {"for": [str(chair.public_id)], "against": [str(chair.public_id)]},
        },
    )
    resolution = ResolutionFactory.create(minute=minute, number="2")
    TermsOfReferenceFactory.create(body=meeting.body, status="agreed", agreed_by=resolution)
    kept = staff.delete(url("governance_resolution_delete", public_id=resolution.public_id))

    assert absent.status_code == 400 and set(_errors(absent)) == {"votes"}
    assert twice.status_code == 400 and set(_errors(twice)) == {"vote_against"}
    assert kept.status_code == 409
    assert Resolution.objects.filter(pk=resolution.pk).exists()


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "prevent_lead"])
def test_only_democratic_services_write_minutes(api_as, personas, persona):
    meeting = MeetingFactory.create(status=MeetingStatus.HELD, minutes_status=MinutesStatus.DRAFT)
    minute = MinuteFactory.create(item=AgendaItemFactory.create(meeting=meeting))
    api = api_as(persona)

    answers = [
        api.post(url("governance_minutes_start", public_id=meeting.public_id), {"version": 1}),
        api.patch(
            url("governance_minute_update", public_id=minute.public_id),
            {"version": 1, "points": "X"},
        ),
        api.post(
            url("governance_resolution_create", public_id=minute.public_id),
            {"number": "1", "text": "That…"},
        ),
        api.post(
            url("governance_minutes_approve", public_id=meeting.public_id),
            {"version": 1, "approved_at": str(MeetingFactory.create(body=meeting.body).public_id)},
        ),
    ]

    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    assert not Resolution.objects.exists()


def test_someone_who_is_not_the_chair_cannot_sign(api_as):
    meeting = MeetingFactory.create(minutes_status=MinutesStatus.APPROVED)

    response = api_as("councillor").post(
        url("governance_minutes_sign", public_id=meeting.public_id),
        {
            "version": 1,
            "signed_by": str(PersonFactory.create().public_id),
            "signed_on": "2016-03-10",
        },
    )

    assert response.status_code == 404
