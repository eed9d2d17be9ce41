"""``seed_demo`` tells the seed documents' story in Northbridge, and running it twice changes
nothing. The demo is seeded once for the module (it takes seconds) inside a transaction that is
rolled back afterwards, so the other tests never see it; each test runs in a savepoint inside it."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any, TypedDict

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from preventhub.accounts.models import User
from preventhub.accounts.roles import Role
from preventhub.audit.models import AuditEvent
from preventhub.governance.demo import bodies as demo_bodies
from preventhub.governance.demo import report_text
from preventhub.governance.demo.people import CONSERVATIVE, LABOUR, MAIN_GROUPS
from preventhub.governance.models import (
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    DecisionKind,
    GroupRole,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    MinutesStatus,
    Nomination,
    NominationStatus,
    Question,
    Report,
    ReportStatus,
    Resolution,
    SeatAllocation,
    TermsOfReference,
    TermsStatus,
)
from preventhub.governance.seats import UNGROUPED, allocate_json

# The directory and accounts demos update their rows on every run (update_or_create, and the
# accounts demo re-saves each login), which adds history rows each time; they are not this demo's.
CHURN = {
    "directory.HistoricalOrganisation",
    "directory.HistoricalPerson",
    "directory.HistoricalWard",
    "directory.HistoricalMunicipalYear",
    "accounts.HistoricalUser",
}


class Seeded(TypedDict):
    """Row counts per model after the first and the second run, and what the first one printed."""

    first: dict[str, int]
    second: dict[str, int]
    printed: str


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Seeded]:
    with django_db_blocker.unblock(), transaction.atomic():
        printed = StringIO()
        call_command("seed_demo", stdout=printed)
        first = row_counts()
        call_command("seed_demo", stdout=StringIO())
        second = row_counts()
        yield {"first": first, "second": second, "printed": printed.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture
def story(seeded: Seeded, db: Any) -> Seeded:
    return seeded


def committee_item() -> Any:
    meeting = Meeting.objects.get(
        body__name=demo_bodies.COMMITTEE,
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.SIGNED,
    )
    return meeting.items.get(report__title=report_text.TITLE)


def working_group() -> Body:
    return Body.objects.get(name=demo_bodies.WORKING_GROUP)


def test_running_the_demo_twice_creates_nothing_new(story):
    changed = {
        label: (story["first"][label], count)
        for label, count in story["second"].items()
        if count != story["first"][label] and label not in CHURN
    }

    assert changed == {}
    assert story["first"]["governance.Councillor"] == 30
    assert story["first"]["audit.AuditEvent"] > 0


def test_full_council_passed_a_motion_asking_for_councillor_oversight_of_prevent(story):
    motion = Decision.objects.get(kind=DecisionKind.MOTION)

    assert motion.meeting is not None
    assert motion.meeting.body.kind == BodyKind.FULL_COUNCIL
    assert "member-led body" in motion.text
    assert motion.proposer is not None and motion.seconder is not None
    establishing = Resolution.objects.get(minute__item=committee_item(), number="2")
    assert establishing.decision.follows == motion


def test_the_board_and_the_prevent_strategic_group_are_chaired_by_the_head_of_resident_services(
    story,
):
    board = Body.objects.get(name=demo_bodies.BOARD)
    group = Body.objects.get(name=demo_bodies.PREVENT_GROUP)

    assert group.parent == board
    for body in (board, group):
        chair = Membership.objects.get(body=body, role=MembershipRole.CHAIR)
        assert chair.person.name == "Helen Marsh"
    assert Membership.objects.filter(body=board, role=MembershipRole.STATUTORY_MEMBER).exists()


def test_the_report_is_laid_out_like_the_seed_and_published_on_the_committee_agenda(story):
    report = Report.objects.get(title=report_text.TITLE)

    assert report.status == ReportStatus.PUBLISHED
    assert report.agenda_items.get() == committee_item()
    assert [r.number for r in report.recommendations.all()] == [1, 2, 3, 4]
    for section in (
        "executive_summary",
        "introduction",
        "issues_and_options",
        "reasons",
        "consultation",
        "corporate_policies",
        "background_papers",
    ):
        assert getattr(report, section), f"the report has no {section}"
    appendix = report.appendices.get(letter="2")
    assert appendix.terms == TermsOfReference.objects.get(body=working_group(), number=1)


def test_three_officers_verified_the_implications_with_their_titles_and_dates(story):
    report = Report.objects.get(title=report_text.TITLE)
    verified = report.implications.filter(verified_on__isnull=False).order_by("id")

    assert [(i.verified_by_name, i.verified_by_title) for i in verified] == [
        ("Tom Ashworth", "Chief Finance Officer"),
        ("Ruth Adeyemi", "Monitoring Officer"),
        ("Imran Hussain", "Equality and Diversity Manager"),
    ]
    officers = {
        event.actor.full_name if event.actor else None
        for event in AuditEvent.objects.filter(
            action="governance.implication_verified"
        ).select_related("actor")
    }
    assert officers == {"Tom Ashworth", "Ruth Adeyemi", "Imran Hussain"}
    drafted_by = AuditEvent.objects.get(action="governance.report_created").actor
    assert drafted_by is not None
    assert drafted_by.role_assignments.filter(role=Role.PREVENT_LEAD).exists()


def test_members_asked_about_channel_cases_their_own_safety_and_training_and_were_answered(story):
    questions = list(Question.objects.filter(minute__item=committee_item()).order_by("order"))

    assert len(questions) == 3
    assert [
        "Channel" in questions[0].question,
        "targets" in questions[1].question,
        "training" in questions[2].question,
    ] == [True, True, True]
    assert all(q.answer and q.answered_by for q in questions)
    assert "one Channel case" in questions[0].answer


def test_the_meeting_records_attendance_a_declaration_and_the_committees_view_on_seats(story):
    item = committee_item()
    meeting = item.meeting

    statuses = set(meeting.attendance.values_list("status", flat=True))
    assert {
        AttendanceStatus.PRESENT,
        AttendanceStatus.APOLOGIES,
        AttendanceStatus.SUBSTITUTE,
        AttendanceStatus.IN_ATTENDANCE,
    } <= statuses
    assert meeting.declarations.get().item == item
    assert "one seat for an independent member" in item.minute.discussion
    assert meeting.minutes_signed_by.name == "Lucy Fenwick"


def test_the_four_resolutions_adopt_the_four_recommendations_and_are_decisions(story):
    resolutions = list(Resolution.objects.filter(minute__item=committee_item()).order_by("number"))

    assert [
        (r.number, r.recommendation.number if r.recommendation else None) for r in resolutions
    ] == [
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("4", 4),
    ]
    assert all(
        r.recommendation is not None and r.recommendation.report.title == report_text.TITLE
        for r in resolutions
    )
    assert all(Decision.objects.filter(resolution=r).exists() for r in resolutions)
    assert working_group().established_by == resolutions[1]


def test_terms_of_reference_v1_is_superseded_by_v2_without_the_spending_clause(story):
    v1 = TermsOfReference.objects.get(body=working_group(), number=1)
    v2 = TermsOfReference.objects.get(body=working_group(), number=2)

    assert (v1.status, v2.status) == (TermsStatus.SUPERSEDED, TermsStatus.AGREED)
    assert v1.agreed_by is not None
    assert v2.agreed_by == Resolution.objects.get(minute__item=committee_item(), number="4")
    assert "2016/17" in v2.amendment_reason and "£10k" in v2.amendment_summary
    assert v1.clauses.filter(text__contains="£10k").count() == 1
    assert not v2.clauses.filter(text__contains="£10k").exists()
    assert v2.clauses.count() == v1.clauses.count() - 1


def test_the_adopted_allocation_gives_each_main_group_a_seat_and_an_independent_one(story):
    allocation = SeatAllocation.objects.get(is_adopted=True)
    seats = allocation.result["allocation"][demo_bodies.WORKING_GROUP]

    assert all(seats[group] >= 1 for group in MAIN_GROUPS)
    assert seats[UNGROUPED] == 1
    assert sum(seats.values()) == working_group().seats
    # The stored result is the calculator's, from the stored input.
    assert allocate_json(allocation.inputs).allocation[demo_bodies.WORKING_GROUP] == seats


def test_nominations_were_asked_of_the_group_leaders_and_some_confirmed_as_memberships(story):
    seats = Nomination.objects.filter(body=working_group()).select_related(
        "group", "requested_from"
    )
    statuses = {seat.status for seat in seats}

    assert {
        NominationStatus.CONFIRMED,
        NominationStatus.NOMINATED,
        NominationStatus.REQUESTED,
    } <= statuses
    for seat in seats:
        if seat.group is not None:
            assert seat.requested_from is not None
            assert (
                seat.requested_from.group_memberships.get(group=seat.group).role == GroupRole.LEADER
            )
    confirmed = [seat for seat in seats if seat.status == NominationStatus.CONFIRMED]
    assert {seat.group.name if seat.group else None for seat in confirmed} == {LABOUR}
    assert all(
        seat.membership is not None
        and seat.nominee is not None
        and seat.membership.person == seat.nominee.person
        for seat in confirmed
    )


def test_the_working_groups_seats_give_each_main_group_one_and_an_independent_one(story):
    """As the committee asked (seed minutes): at least one member from each main group and one
    seat for an independent member, in the seats asked for and in whom they went to."""
    seats = Nomination.objects.filter(body=working_group()).select_related("group", "nominee")
    by_group: dict[str | None, int] = {}
    for seat in seats:
        name = seat.group.name if seat.group else None
        by_group[name] = by_group.get(name, 0) + 1

    assert all(by_group.get(group, 0) >= 1 for group in MAIN_GROUPS)
    assert by_group.get(None) == 1
    independent = next(seat for seat in seats if seat.group is None)
    assert independent.nominee is not None
    assert not independent.nominee.group_memberships.exists()


def test_seed_demo_prints_every_login_the_story_needs_including_the_verifying_officers(story):
    printed = story["printed"]
    officers = Report.objects.get(title=report_text.TITLE).implications.exclude(verifier=None)
    emails = set(officers.values_list("verifier__email", flat=True))

    assert len(emails) == 3
    for email in emails:
        assert email in printed
        person = User.objects.get(email=email).person
        assert person is not None and person.email == email
    assert "Verifying officer, no role" in printed
    assert "councillor@northbridge.example" in printed
    assert "democratic.services@northbridge.example" in printed


def test_the_demo_councillor_login_leads_a_group_and_is_asked_to_nominate(story):
    jane = User.objects.get(email="councillor@northbridge.example")
    waiting = Nomination.objects.get(body=working_group(), status=NominationStatus.REQUESTED)

    assert waiting.group is not None and waiting.group.name == CONSERVATIVE
    assert waiting.requested_from is not None
    assert waiting.requested_from.person == jane.person


def test_the_working_group_has_a_first_meeting_with_a_published_agenda(story):
    first = Meeting.objects.get(body=working_group())

    assert first.status == MeetingStatus.SCHEDULED
    assert first.agenda_published_at is not None
    assert first.items.count() >= 3
