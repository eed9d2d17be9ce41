"""Decisions register services: Full Council motions, status changes and follow-up actions, each
audited; register titles from resolutions' words; overdue actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import ActionStatus, DecisionAction, DecisionKind, DecisionStatus
from preventhub.governance.services import decisions as services
from preventhub.governance.tests.factories import MeetingFactory
from preventhub.governance.tests.minutes_fixtures import (
    at,
    record_motion,
    seed_story,
    write_minutes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ds(personas):
    return personas["democratic_services"]


@pytest.fixture
def story():
    return seed_story()


def _motion(story, **changes):
    return {
        "meeting": story.council_meeting,
        "title": "",
        "text": "That a working group be established.",
        "proposer": story.members[0],
        "seconder": story.members[1],
        "follows": None,
        **changes,
    }


@pytest.mark.parametrize(
    "text, title",
    [
        ("That the contents of the strategy are noted.", "The contents of the strategy are noted"),
        ("  that   a working group be established; ", "A working group be established"),
        ("Noted.", "Noted"),
        ("That " + "very " * 40 + "long.", "Very " + "very " * 22 + "very…"),
    ],
)
def test_a_register_title_is_the_start_of_the_resolution(text, title):
    assert services.title_from_text(text) == title
    assert len(services.title_from_text(text)) <= services.TITLE_LENGTH + 1


def test_a_full_council_motion_is_recorded_with_its_meetings_date_and_audited(story, ds):
    motion = record_motion(story, ds)
    assert motion.kind == DecisionKind.MOTION
    assert motion.decided_on == dt.date(2015, 11, 25)
    assert motion.title == "A members' working group on Prevent be established"
    assert (motion.proposer, motion.seconder) == (story.members[0], story.members[1])
    assert AuditEvent.objects.filter(
        action="governance.decision_created", object_id=str(motion.public_id)
    ).exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"meeting": None}, "meeting", "Choose the Full Council meeting that agreed the motion"),
        ({"text": "  "}, "text", "Enter the text of the motion"),
        ({"proposer": None}, "proposer", "Choose the councillor who proposed the motion"),
        ({"title": "x" * 301}, "title", "The title must be 300 characters or fewer"),
    ],
)
def test_a_motion_needs_its_meeting_text_and_proposer(story, ds, changes, field, message):
    with pytest.raises(ValidationError) as error:
        services.record_motion(actor=ds, data=_motion(story, **changes))
    assert error.value.message_dict[field] == [message]


def test_a_motion_is_agreed_at_the_full_council_not_a_committee(story, ds):
    with pytest.raises(ValidationError) as error:
        services.record_motion(actor=ds, data=_motion(story, meeting=story.meeting))
    assert error.value.message_dict["meeting"] == [
        "Choose a meeting of the Full Council: motions are agreed there"
    ]


def test_a_motion_is_not_agreed_at_a_cancelled_meeting(story, ds):
    cancelled = MeetingFactory.create(
        body=story.council, status="cancelled", starts_at=at(2015, 12, 2), municipal_year=None
    )
    with pytest.raises(ValidationError, match="cancelled"):
        services.record_motion(actor=ds, data=_motion(story, meeting=cancelled))


def test_the_seconder_is_someone_other_than_the_proposer(story, ds):
    with pytest.raises(ValidationError) as error:
        services.record_motion(actor=ds, data=_motion(story, seconder=story.members[0]))
    assert error.value.message_dict == {
        "seconder": ["The seconder must be someone other than the proposer"]
    }


def test_changing_a_motion_moves_its_date_with_its_meeting(story, ds):
    motion = record_motion(story, ds)
    later = MeetingFactory.create(
        body=story.council, starts_at=at(2015, 12, 9), municipal_year=None, status="held"
    )
    services.update_motion(
        actor=ds,
        decision=motion,
        expected_version=motion.version,
        data=_motion(story, meeting=later, title="Working group on Prevent"),
    )
    motion.refresh_from_db()
    assert (motion.decided_on, motion.title) == (dt.date(2015, 12, 9), "Working group on Prevent")
    assert AuditEvent.objects.filter(action="governance.decision_updated").count() == 1


def test_a_motion_cannot_follow_itself(story, ds):
    motion = record_motion(story, ds)
    with pytest.raises(ValidationError) as error:
        services.update_motion(
            actor=ds, decision=motion, expected_version=None, data=_motion(story, follows=motion)
        )
    assert error.value.message_dict == {"follows": ["A motion cannot follow itself"]}


def test_a_resolutions_decision_is_changed_only_through_its_minutes(story, ds):
    write_minutes(story, ds)
    decision = story.resolutions[0].decision
    with pytest.raises(ValidationError, match="change it in the minutes"):
        services.update_motion(
            actor=ds, decision=decision, expected_version=None, data=_motion(story)
        )


def test_a_decisions_status_change_is_audited_as_such(story, ds):
    write_minutes(story, ds)
    decision = story.resolutions[1].decision
    services.change_decision_status(
        actor=ds,
        decision=decision,
        status=DecisionStatus.IMPLEMENTED,
        expected_version=decision.version,
    )
    event = AuditEvent.objects.get(action="governance.decision_status_changed")
    assert event.changes == {"status": ["open", "implemented"]}
    with pytest.raises(ValidationError):
        services.change_decision_status(
            actor=ds, decision=decision, status="finished", expected_version=None
        )


def test_follow_up_actions_are_added_and_changed_and_audited(story, ds):
    write_minutes(story, ds)
    decision = story.resolutions[2].decision
    owner = PersonFactory.create(name="Dee Democratic")
    action = services.add_action(
        actor=ds,
        decision=decision,
        data={
            "description": " Ask the group leaders for nominations ",
            "owner": owner,
            "due_on": dt.date(2016, 4, 30),
            "status": "",
        },
    )
    assert (action.description, action.status) == (
        "Ask the group leaders for nominations",
        ActionStatus.NOT_STARTED,
    )
    services.update_action(
        actor=ds,
        action=action,
        expected_version=action.version,
        data={
            "description": action.description,
            "owner": owner,
            "due_on": action.due_on,
            "status": ActionStatus.DONE,
        },
    )
    assert DecisionAction.objects.get(pk=action.pk).status == ActionStatus.DONE
    assert AuditEvent.objects.filter(action="governance.decision_action_added").count() == 1
    assert AuditEvent.objects.filter(action="governance.decision_action_updated").count() == 1
    with pytest.raises(ValidationError) as error:
        services.add_action(actor=ds, decision=decision, data={"description": "", "status": "late"})
    assert set(error.value.message_dict) == {"description", "status"}


@pytest.mark.parametrize(
    "due_on, status, overdue",
    [
        (dt.date(2016, 4, 29), ActionStatus.IN_PROGRESS, True),
        (dt.date(2016, 4, 29), ActionStatus.DONE, False),
        (dt.date(2016, 4, 30), ActionStatus.NOT_STARTED, False),
        (None, ActionStatus.NOT_STARTED, False),
    ],
)
def test_an_action_is_overdue_when_past_its_date_and_not_done(due_on, status, overdue):
    action = DecisionAction(description="x", due_on=due_on, status=status)
    assert services.is_overdue(action, today=dt.date(2016, 4, 30)) is overdue
