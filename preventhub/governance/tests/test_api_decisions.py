"""The decisions register through the API: Full Council motions, status, follow-up actions, the
thread from a resolution back to the motion it follows, and the register's filters."""

import datetime as dt
import uuid

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import BodyKind, Decision, DecisionAction, DecisionKind
from preventhub.governance.tests.factories import BodyFactory, DecisionFactory, MeetingFactory

from .api_fixtures import clients, london, papers, url

pytestmark = pytest.mark.django_db

DECISIONS = url("governance_decision_list")
ACTIONS = url("governance_decision_action_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def _council_meeting():
    council = BodyFactory.create(name="Full Council", kind=BodyKind.FULL_COUNCIL)
    return MeetingFactory.create(body=council, starts_at=london(2015, 11, 25))


def test_democratic_services_record_a_full_council_motion_and_a_resolution_follows_it(api_as):
    meeting = _council_meeting()
    proposer, seconder = (
        PersonFactory.create(name="Cllr Stone"),
        PersonFactory.create(name="Cllr Ray"),
    )
    api = api_as("democratic_services")

    response = api.post(
        DECISIONS,
        {
            "meeting": str(meeting.public_id),
            "text": "That this Council asks for a report on the Prevent duty.",
            "proposer": str(proposer.public_id),
            "seconder": str(seconder.public_id),
        },
    )
    assert response.status_code == 201
    motion = response.json()
    assert motion["kind"] == "motion" and motion["decided_on"] == "2015-11-25"
    assert motion["title"].startswith("This Council asks for a report")
    assert motion["proposer"]["name"] == "Cllr Stone"

    world = papers()
    follows = api.patch(
        url("governance_motion_update", public_id=world.decision.public_id),
        {"version": 1, "follows": motion["id"]},
    )
    assert follows.status_code == 400  # a resolution is changed in its minutes
    Decision.objects.filter(pk=world.decision.pk).update(
        follows=Decision.objects.get(public_id=motion["id"])
    )
    thread = api_as("councillor").get(
        url("governance_decision_detail", public_id=world.decision.public_id)
    )
    assert thread.json()["follows"] == {"id": motion["id"], "label": motion["title"]}
    assert AuditEvent.objects.filter(action="governance.decision_created").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"meeting": "COMMITTEE"}, "meeting"),
        ({"meeting": str(uuid.uuid4())}, "meeting"),
        ({"proposer": str(uuid.uuid4())}, "proposer"),
        ({"seconder": "PROPOSER"}, "seconder"),
    ],
)
def test_a_motion_needs_a_council_meeting_and_two_different_people(api_as, change, field):
    meeting = _council_meeting()
    proposer = PersonFactory.create()
    payload = {
        "meeting": str(meeting.public_id),
        "text": "That…",
        "proposer": str(proposer.public_id),
    }
    payload.update(change)
    if payload["meeting"] == "COMMITTEE":
        payload["meeting"] = str(MeetingFactory.create().public_id)
    if payload.get("seconder") == "PROPOSER":
        payload["seconder"] = str(proposer.public_id)

    response = api_as("democratic_services").post(DECISIONS, payload)

    assert response.status_code == 400
    assert set(_errors(response)) == {field}


def test_a_motion_is_changed_with_the_version_read(api_as):
    motion = DecisionFactory.create(
        kind=DecisionKind.MOTION,
        meeting=_council_meeting(),
        proposer=PersonFactory.create(),
        title="Old",
    )
    detail = url("governance_motion_update", public_id=motion.public_id)
    api = api_as("democratic_services")

    changed = api.patch(detail, {"version": 1, "title": "Prevent report requested"})
    stale = api.patch(detail, {"version": 1, "title": "Again"})

    assert changed.status_code == 200 and changed.json()["title"] == "Prevent report requested"
    assert changed.json()["decided_on"] == "2015-11-25"  # the meeting's date, kept
    assert stale.status_code == 409


def test_status_and_actions_are_kept_by_democratic_services(api_as):
    world = papers()
    owner = PersonFactory.create(name="Helen Marsh")
    api = api_as("democratic_services")

    status = api.post(
        url("governance_decision_status", public_id=world.decision.public_id),
        {"version": 1, "status": "implemented"},
    )
    added = api.post(
        url("governance_decision_action_create", public_id=world.decision.public_id),
        {
            "description": "Book member training",
            "owner": str(owner.public_id),
            "due_on": "2016-06-30",
        },
    )
    done = api.patch(
        url("governance_decision_action_update", public_id=added.json()["id"]),
        {"version": 1, "status": "done"},
    )
    stale = api.patch(
        url("governance_decision_action_update", public_id=added.json()["id"]),
        {"version": 1, "status": "in_progress"},
    )
    blank = api.post(
        url("governance_decision_action_create", public_id=world.decision.public_id),
        {"description": " "},
    )

    assert status.status_code == 200 and status.json()["status_label"] == "Implemented"
    assert added.status_code == 201 and added.json()["owner"]["name"] == "Helen Marsh"
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert done.json()["description"] == "Book member training"
    assert stale.status_code == 409
    assert blank.status_code == 400 and set(_errors(blank)) == {"description"}


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "prevent_lead"])
def test_others_cannot_change_the_register(api_as, persona):
    world = papers()
    api = api_as(persona)

    answers = {
        "motion": api.post(
            DECISIONS,
            {
                "meeting": str(world.meeting.public_id),
                "text": "X",
                "proposer": str(PersonFactory.create().public_id),
            },
        ).status_code,
        "status": api.post(
            url("governance_decision_status", public_id=world.decision.public_id),
            {"version": 1, "status": "implemented"},
        ).status_code,
        "action": api.post(
            url("governance_decision_action_create", public_id=world.decision.public_id),
            {"description": "X"},
        ).status_code,
        "action update": api.patch(
            url("governance_decision_action_update", public_id=world.action.public_id),
            {"version": 1, "status": "done"},
        ).status_code,
    }

    assert answers == {"motion": 403, "status": 404, "action": 404, "action update": 404}
    assert DecisionAction.objects.count() == 1


def test_the_register_filters_by_kind_status_body_year_dates_and_words(api_as):
    world = papers()
    year = world.meeting.municipal_year
    assert year is not None
    other_year = MunicipalYearFactory.create()
    DecisionFactory.create(
        title="Motion on Prevent",
        kind=DecisionKind.MOTION,
        meeting=MeetingFactory.create(municipal_year=other_year),
        decided_on=dt.date(2015, 11, 25),
    )
    api = api_as("democratic_services")

    def titles(**params) -> set[str]:
        return {d["title"] for d in api.get(DECISIONS, params).json()["items"]}

    assert titles(kind="motion") == {"Motion on Prevent"}
    assert titles(body=str(world.body.public_id), search="strategy") == {"Strategy noted"}
    assert titles(municipal_year=str(year.public_id), status="open") >= {"Strategy noted"}
    assert "Motion on Prevent" not in titles(municipal_year=str(year.public_id))
    assert titles(decided_to="2015-12-31") == {"Motion on Prevent"}
    assert "Motion on Prevent" not in titles(decided_from="2016-01-01")


def test_actions_filter_by_decision_owner_status_and_due_date(api_as):
    world = papers()
    DecisionAction.objects.create(
        decision=world.decision, description="Later", due_on=dt.date(2016, 9, 1), status="done"
    )
    api = api_as("councillor")

    def described(**params) -> list[str]:
        return [a["description"] for a in api.get(ACTIONS, params).json()["items"]]

    assert described(decision=str(world.decision.public_id)) == [
        "Later",
        "Arrange training for members",
    ]
    assert world.action.owner is not None
    assert described(owner=str(world.action.owner.public_id)) == ["Arrange training for members"]
    assert described(status="done") == ["Later"]
    assert described(due_from="2016-08-01", due_to="2016-09-30") == ["Later"]
    assert api_as("outsider").get(ACTIONS).json() == {"items": [], "count": 0}
