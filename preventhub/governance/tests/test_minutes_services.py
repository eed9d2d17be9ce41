"""Minutes services: the draft, questions and answers, resolutions kept in step with the decisions
register, approval at a later meeting and the chair's signature, each audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    Decision,
    DecisionAction,
    DecisionKind,
    Meeting,
    MeetingStatus,
    MembershipRole,
    Minute,
    MinutesStatus,
    Question,
    Resolution,
    TermsStatus,
)
from preventhub.governance.services import minutes as services
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MembershipFactory,
    RecommendationFactory,
    ReportFactory,
    TermsOfReferenceFactory,
)
from preventhub.governance.tests.minutes_fixtures import at, seed_story, write_minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def ds(personas):
    return personas["democratic_services"]


@pytest.fixture
def story(ds):
    return seed_story()


@pytest.fixture
def draft(story, ds):
    return write_minutes(story, ds)


def actions(code: str) -> int:
    return AuditEvent.objects.filter(action=code).count()


# Starting -----------------------------------------------------------------------------------------


def test_starting_the_minutes_gives_every_item_a_minute_presented_by_its_officer(story, ds):
    services.start_minutes(actor=ds, meeting=story.meeting, expected_version=story.meeting.version)
    story.meeting.refresh_from_db()
    assert story.meeting.minutes_status == MinutesStatus.DRAFT
    assert Minute.objects.filter(item__meeting=story.meeting).count() == 2
    assert Minute.objects.get(item=story.item).presented_by == story.officer
    assert actions("governance.minutes_started") == 1


def test_minutes_cannot_be_started_before_the_meeting_is_held(story, ds):
    scheduled = MeetingFactory.create(
        body=story.body, status=MeetingStatus.SCHEDULED, municipal_year=None
    )
    with pytest.raises(ValidationError, match="Mark the meeting as held"):
        services.start_minutes(actor=ds, meeting=scheduled, expected_version=None)


def test_minutes_cannot_be_started_twice(draft, ds):
    with pytest.raises(ValidationError, match="already been started"):
        services.start_minutes(actor=ds, meeting=draft.meeting, expected_version=None)


def test_an_item_added_after_the_minutes_started_gets_its_minute_when_first_written(draft, ds):
    late = AgendaItemFactory.create(
        meeting=draft.meeting, number="10", order=5, title="Any other business"
    )
    services.update_minute(
        actor=ds,
        item=late,
        expected_version=None,
        data={"presented_by": None, "points": "", "discussion": "  Nothing else.  "},
    )
    assert Minute.objects.get(item=late).discussion == "Nothing else."


def test_the_minute_of_an_item_records_the_presenter_points_and_discussion_and_is_audited(
    draft, ds
):
    minute = Minute.objects.get(item=draft.item)
    before = actions("governance.minutes_updated")
    services.update_minute(
        actor=ds,
        item=draft.item,
        expected_version=minute.version,
        data={"presented_by": draft.members[0], "points": "One.\n\nTwo.", "discussion": ""},
    )
    minute.refresh_from_db()
    assert (minute.presented_by, minute.points, minute.discussion) == (
        draft.members[0],
        "One.\n\nTwo.",
        "",
    )
    assert actions("governance.minutes_updated") == before + 1


# Questions ----------------------------------------------------------------------------------------


def test_questions_keep_the_order_they_were_asked_in(draft):
    asked = list(
        Question.objects.filter(minute__item=draft.item).values_list("asked_by__name", flat=True)
    )
    assert asked == [p.name for p in draft.members]


def test_a_question_needs_who_asked_it_and_the_question(draft, ds):
    with pytest.raises(ValidationError) as error:
        services.add_question(actor=ds, item=draft.item, data={"asked_by": None, "question": " "})
    assert set(error.value.message_dict) == {"asked_by", "question"}


def test_an_answer_given_by_someone_must_say_what_the_answer_was(draft, ds):
    with pytest.raises(ValidationError) as error:
        services.add_question(
            actor=ds,
            item=draft.item,
            data={
                "asked_by": draft.members[0],
                "question": "When?",
                "answered_by": draft.officer,
                "answer": "",
            },
        )
    assert error.value.message_dict == {"answer": ["Enter the answer given"]}


def test_changing_and_removing_a_question_are_audited(draft, ds):
    question = Question.objects.filter(minute__item=draft.item).first()
    assert question is not None
    services.update_question(
        actor=ds,
        question=question,
        data={
            "asked_by": question.asked_by,
            "question": "Are there any live Channel cases?",
            "answered_by": draft.officer,
            "answer": "One.",
        },
    )
    event = AuditEvent.objects.filter(action="governance.question_updated").get()
    assert event.changes["question"][1] == "Are there any live Channel cases?"
    services.remove_question(actor=ds, question=question)
    assert not Question.objects.filter(pk=question.pk).exists()
    assert actions("governance.question_removed") == 1


def test_questions_are_put_in_the_order_of_the_positions_typed(draft, ds):
    minute = Minute.objects.get(item=draft.item)
    first, second, third = Question.objects.filter(minute=minute).order_by("order")
    services.reorder_questions(
        actor=ds, minute=minute, positions={first.pk: 3, second.pk: 1, third.pk: 2}
    )
    assert list(Question.objects.filter(minute=minute).order_by("order")) == [second, third, first]
    assert actions("governance.questions_reordered") == 1


# Resolutions and the register ---------------------------------------------------------------------


def test_every_resolution_becomes_a_decision_in_the_register(draft):
    decisions = Decision.objects.filter(resolution__in=draft.resolutions).order_by(
        "resolution__number"
    )
    assert decisions.count() == 4
    decision = decisions[1]
    assert decision.kind == DecisionKind.RESOLUTION
    assert decision.meeting == draft.meeting
    assert decision.decided_on == dt.date(2016, 1, 14)
    assert decision.title.startswith("A working group be established in the new municipal year")
    assert decision.text == draft.resolutions[1].text
    assert decision.follows == draft.motion
    assert actions("governance.resolution_added") == 5
    assert actions("governance.decision_created") == 6  # five resolutions and the motion


def test_changing_a_resolution_keeps_its_decision_in_step(draft, ds):
    resolution = draft.resolutions[0]
    services.update_resolution(
        actor=ds,
        resolution=resolution,
        expected_version=resolution.version,
        data={
            "number": "1",
            "text": "That the strategy is noted and welcomed.",
            "outcome": "amended",
            "recommendation": draft.recommendations[0],
        },
    )
    decision = Decision.objects.get(resolution=resolution)
    assert decision.text == "That the strategy is noted and welcomed."
    assert decision.title == "The strategy is noted and welcomed"
    assert Resolution.objects.get(pk=resolution.pk).outcome == "amended"


def test_changing_a_resolution_without_saying_what_it_follows_keeps_the_link(draft, ds):
    resolution = draft.resolutions[1]
    services.update_resolution(
        actor=ds,
        resolution=resolution,
        expected_version=None,
        data={"number": "2", "text": resolution.text, "outcome": "carried"},
    )
    assert Decision.objects.get(resolution=resolution).follows == draft.motion


def test_removing_a_resolution_from_draft_minutes_removes_its_decision_and_actions(draft, ds):
    resolution = draft.resolutions[2]
    decision = Decision.objects.get(resolution=resolution)
    DecisionAction.objects.create(decision=decision, description="Ask the group leaders")
    services.remove_resolution(actor=ds, resolution=resolution)
    assert not Decision.objects.filter(pk=decision.pk).exists()
    assert not DecisionAction.objects.filter(decision_id=decision.pk).exists()
    assert actions("governance.resolution_removed") == 1
    assert actions("governance.decision_removed") == 1


def test_a_resolution_that_agreed_terms_of_reference_cannot_be_removed(draft, ds):
    resolution = draft.resolutions[3]
    TermsOfReferenceFactory.create(agreed_by=resolution, status=TermsStatus.AGREED)
    with pytest.raises(ValidationError, match="Terms of reference were agreed"):
        services.remove_resolution(actor=ds, resolution=resolution)
    assert Decision.objects.filter(resolution=resolution).exists()


def test_a_resolution_adopts_only_a_recommendation_of_its_items_report(draft, ds):
    other = RecommendationFactory.create(report=ReportFactory.create(body=draft.body), number=1)
    with pytest.raises(ValidationError) as error:
        services.add_resolution(
            actor=ds,
            item=draft.item,
            data={"number": "5", "text": "That it be noted.", "recommendation": other},
        )
    assert error.value.message_dict == {
        "recommendation": ["Choose a recommendation of this item's report"]
    }


def test_resolution_numbers_are_unique_under_an_item_and_required(draft, ds):
    with pytest.raises(ValidationError) as error:
        services.add_resolution(actor=ds, item=draft.item, data={"number": "2", "text": ""})
    assert error.value.message_dict == {
        "number": ["There is already a resolution 2 under this item"],
        "text": ["Enter the words of the resolution"],
    }


def test_a_recorded_vote_is_kept_as_the_names_of_those_present(draft, ds):
    resolution = services.add_resolution(
        actor=ds,
        item=draft.item,
        data={
            "number": "5",
            "text": "That the working group report annually.",
            "outcome": "carried",
            "votes": {
                "for": [draft.chair, draft.members[0]],
                "against": [draft.members[1]],
                "abstained": [],
            },
        },
    )
    assert resolution.recorded_vote == {
        "for": sorted([draft.chair.name, draft.members[0].name]),
        "against": [draft.members[1].name],
        "abstained": [],
    }


def test_only_people_recorded_present_can_vote_and_only_once(draft, ds):
    with pytest.raises(ValidationError) as error:
        services.add_resolution(
            actor=ds,
            item=draft.item,
            data={
                "number": "5",
                "text": "That it be noted.",
                "votes": {
                    "for": [draft.chair],
                    "against": [draft.chair],
                    "abstained": [draft.absent],
                },
            },
        )
    assert error.value.message_dict == {
        "vote_against": [f"{draft.chair.name} is already recorded as voting for"],
        "vote_abstained": [f"{draft.absent.name} was not recorded as present, so cannot vote"],
    }


# Approval and signing -----------------------------------------------------------------------------


def test_minutes_are_approved_at_a_later_meeting_of_the_same_body(draft, ds):
    services.approve_minutes(
        actor=ds, meeting=draft.meeting, approved_at=draft.later, expected_version=None
    )
    draft.meeting.refresh_from_db()
    assert draft.meeting.minutes_status == MinutesStatus.APPROVED
    assert draft.meeting.minutes_approved_at == draft.later
    assert actions("governance.minutes_approved") == 1


@pytest.mark.parametrize(
    "which, message",
    [
        ("earlier", "Choose a later meeting"),
        ("same", "Choose a later meeting"),
        ("other_body", "minutes are approved by the body that made them"),
        ("cancelled", "That meeting was cancelled"),
    ],
)
def test_minutes_cannot_be_approved_at_an_earlier_meeting_another_bodys_or_a_cancelled_one(
    draft, ds, which, message
):
    meetings = {
        "earlier": lambda: MeetingFactory.create(
            body=draft.body, starts_at=at(2015, 12, 1), municipal_year=None
        ),
        "same": lambda: draft.meeting,
        "other_body": lambda: MeetingFactory.create(starts_at=at(2016, 3, 1), municipal_year=None),
        "cancelled": lambda: MeetingFactory.create(
            body=draft.body,
            starts_at=at(2016, 2, 1),
            municipal_year=None,
            status=MeetingStatus.CANCELLED,
        ),
    }
    with pytest.raises(ValidationError, match=message):
        services.approve_minutes(
            actor=ds, meeting=draft.meeting, approved_at=meetings[which](), expected_version=None
        )


def test_approved_minutes_cannot_be_changed_in_any_way(story, ds):
    approved = write_minutes(story, ds, approve=True)
    question = Question.objects.filter(minute__item=approved.item).first()
    assert question is not None
    resolution = approved.resolutions[0]
    attempts = [
        lambda: services.update_minute(
            actor=ds, item=approved.item, expected_version=None, data={"points": "Rewritten."}
        ),
        lambda: services.add_question(
            actor=ds, item=approved.item, data={"asked_by": approved.chair, "question": "Late?"}
        ),
        lambda: services.update_question(
            actor=ds, question=question, data={"asked_by": approved.chair, "question": "Changed?"}
        ),
        lambda: services.remove_question(actor=ds, question=question),
        lambda: services.reorder_questions(actor=ds, minute=question.minute, positions={}),
        lambda: services.add_resolution(
            actor=ds, item=approved.item, data={"number": "9", "text": "That."}
        ),
        lambda: services.update_resolution(
            actor=ds,
            resolution=resolution,
            expected_version=None,
            data={"number": "1", "text": "Changed."},
        ),
        lambda: services.remove_resolution(actor=ds, resolution=resolution),
        lambda: services.approve_minutes(
            actor=ds, meeting=approved.meeting, approved_at=approved.later, expected_version=None
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError):
            attempt()
    assert Resolution.objects.get(pk=resolution.pk).text == resolution.text
    assert Question.objects.filter(pk=question.pk).exists()


def test_the_chair_signs_approved_minutes_themselves(story, ds):
    approved = write_minutes(story, ds, approve=True)
    chair_user = make_user("councillor", person=approved.chair)
    services.sign_minutes(
        actor=chair_user,
        meeting=approved.meeting,
        signed_by=approved.chair,
        signed_on=dt.date(2016, 3, 10),
        expected_version=None,
    )
    approved.meeting.refresh_from_db()
    assert approved.meeting.minutes_status == MinutesStatus.SIGNED
    assert approved.meeting.minutes_signed_by == approved.chair
    assert approved.meeting.minutes_signed_on == dt.date(2016, 3, 10)
    event = AuditEvent.objects.get(action="governance.minutes_signed")
    assert event.actor_id == chair_user.pk


def test_democratic_services_record_the_signature_on_the_chairs_behalf(story, ds):
    approved = write_minutes(story, ds, sign=True)
    assert approved.meeting.minutes_status == MinutesStatus.SIGNED
    assert AuditEvent.objects.get(action="governance.minutes_signed").actor_id == ds.pk


def test_a_councillor_who_is_not_the_chair_cannot_sign(story, ds):
    approved = write_minutes(story, ds, approve=True)
    member_user = make_user("councillor", person=approved.members[0])
    with pytest.raises(PermissionDenied):
        services.sign_minutes(
            actor=member_user,
            meeting=approved.meeting,
            signed_by=approved.chair,
            signed_on=dt.date(2016, 3, 10),
            expected_version=None,
        )
    assert not services.can_sign(member_user, approved.meeting)


def test_only_the_chair_on_the_day_can_be_recorded_as_signing(story, ds):
    approved = write_minutes(story, ds, approve=True)
    with pytest.raises(ValidationError) as error:
        services.sign_minutes(
            actor=ds,
            meeting=approved.meeting,
            signed_by=approved.members[0],
            signed_on=dt.date(2016, 3, 10),
            expected_version=None,
        )
    assert "did not chair" in error.value.message_dict["signed_by"][0]


def test_a_new_chair_signs_when_the_old_one_has_stood_down(story, ds):
    approved = write_minutes(story, ds, approve=True)
    membership = approved.chair.memberships.get(body=approved.body)
    membership.ends_on = dt.date(2016, 3, 1)
    membership.save()
    new_chair = PersonFactory.create(name="Councillor Noor Khan", organisation=None)
    MembershipFactory.create(
        body=approved.body,
        person=new_chair,
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 3, 2),
    )
    services.sign_minutes(
        actor=ds,
        meeting=approved.meeting,
        signed_by=new_chair,
        signed_on=dt.date(2016, 3, 10),
        expected_version=None,
    )
    assert Meeting.objects.get(pk=approved.meeting.pk).minutes_signed_by == new_chair


@pytest.mark.parametrize(
    "signed_on, message",
    [
        (dt.date(2016, 3, 9), "on or after 10 March 2016"),
        (dt.date.today() + dt.timedelta(days=1), "today or in the past"),
        (None, "Enter the date"),
    ],
)
def test_minutes_are_signed_on_a_real_date_after_their_approval(story, ds, signed_on, message):
    approved = write_minutes(story, ds, approve=True)
    with pytest.raises(ValidationError) as error:
        services.sign_minutes(
            actor=ds,
            meeting=approved.meeting,
            signed_by=approved.chair,
            signed_on=signed_on,
            expected_version=None,
        )
    assert message in error.value.message_dict["signed_on"][0]


def test_draft_minutes_cannot_be_signed_and_signed_minutes_not_signed_again(story, ds):
    draft = write_minutes(story, ds)
    with pytest.raises(ValidationError, match="after they are approved"):
        services.sign_minutes(
            actor=ds,
            meeting=draft.meeting,
            signed_by=draft.chair,
            signed_on=dt.date(2016, 3, 10),
            expected_version=None,
        )
    services.approve_minutes(
        actor=ds, meeting=draft.meeting, approved_at=draft.later, expected_version=None
    )
    services.sign_minutes(
        actor=ds,
        meeting=draft.meeting,
        signed_by=draft.chair,
        signed_on=dt.date(2016, 3, 10),
        expected_version=None,
    )
    with pytest.raises(ValidationError, match="already signed"):
        services.sign_minutes(
            actor=ds,
            meeting=draft.meeting,
            signed_by=draft.chair,
            signed_on=dt.date(2016, 3, 10),
            expected_version=None,
        )
