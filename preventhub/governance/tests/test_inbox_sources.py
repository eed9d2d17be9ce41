"""Governance's task sources in the inbox, per persona: the implications an officer has been asked
to verify, and the seats a group leader has been asked to nominate for."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.core.inbox import Task, inbox_for
from preventhub.core.testing.matrix import PERSONAS
from preventhub.governance.inbox import IMPLICATIONS_SOURCE, NOMINATIONS_SOURCE
from preventhub.governance.models import Nomination, ReportStatus
from preventhub.governance.services import seat_nominations
from preventhub.governance.tests.reports_fixtures import agenda_item_for, seed_report
from preventhub.governance.tests.seat_allocations_fixtures import (
    WORKING_GROUP,
    make_allocation,
    seed_council,
)

pytestmark = pytest.mark.django_db

TITLE = "Prevent: the partnership's strategy and a members' working group"


def _verify_url(implication):
    return reverse("governance:implication_verify", args=[implication.public_id])


# Implications to verify ---------------------------------------------------------------------------


def test_the_finance_officer_with_no_role_sees_the_implication_asked_of_them():
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    finance_officer = make_user(person=seed.finance)

    found = inbox_for(finance_officer)

    assert found.tasks == [
        Task(
            f"Verify the financial implications of {TITLE}",
            _verify_url(seed.implications["financial"]),
            None,
            "Implications to verify",
        )
    ]
    assert [(c.name, c.count, c.list_url) for c in found.counts] == [
        (IMPLICATIONS_SOURCE, 1, reverse("governance:reports_to_verify"))
    ]


def test_an_other_implication_is_named_by_its_heading():
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    seed.implications["other"].verifier = seed.legal
    seed.implications["other"].save()

    titles = [t.title for t in inbox_for(make_user(person=seed.legal)).tasks]

    assert sorted(titles) == [
        f"Verify the crime and disorder implications of {TITLE}",
        f"Verify the legal implications of {TITLE}",
    ]


def test_an_implication_is_due_at_the_first_meeting_that_carries_its_report():
    seed = seed_report(status=ReportStatus.VERIFIED)
    seed.implications["legal"].verified_on = None
    seed.implications["legal"].save()
    item = agenda_item_for(seed.report)
    item.report = seed.report
    item.save()

    (task,) = inbox_for(make_user(person=seed.legal)).tasks

    assert task.due_on == dt.date(2016, 3, 15)
    assert task.is_overdue


@pytest.mark.parametrize("status", [ReportStatus.DRAFT, ReportStatus.PUBLISHED])
def test_no_implication_waits_while_the_report_is_a_draft_or_once_it_is_published(status):
    seed = seed_report(status=status)

    assert inbox_for(make_user(person=seed.finance)).tasks == []


def test_a_verified_implication_no_longer_waits():
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED, verified=True)

    assert inbox_for(make_user(person=seed.finance)).counts == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_else_is_given_an_officers_implication(personas, persona):
    seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)

    assert inbox_for(personas[persona]).counts == []


# Nominations requested --------------------------------------------------------------------------


@pytest.fixture
def council():
    return seed_council()


@pytest.fixture
def requested(council, personas):
    allocation = make_allocation(council, personas["democratic_services"], adopted=True)
    return seat_nominations.request_nominations(
        actor=personas["democratic_services"], allocation=allocation, body=council.working_group
    )


def _leader(council, group):
    return make_user("councillor", person=council.leaders[group].person)


def test_a_group_leader_sees_each_seat_asked_of_them_due_when_the_year_starts(council, requested):
    leader = _leader(council, "Conservative Group")
    seats = Nomination.objects.filter(requested_from=council.leaders["Conservative Group"])

    found = inbox_for(leader)

    assert found.tasks == [
        Task(
            f"Nominate a councillor for seat {seat.seat_number} on {WORKING_GROUP}",
            reverse("governance:nomination_nominate", args=[seat.public_id]),
            dt.date(2016, 5, 18),
            "Nominations requested from you",
        )
        for seat in seats.order_by("seat_number")
    ]
    assert [(c.name, c.count) for c in found.counts] == [(NOMINATIONS_SOURCE, len(seats))]


def test_a_nominated_seat_leaves_the_inbox_and_comes_back_when_withdrawn(
    council, requested, personas
):
    leader = _leader(council, "Labour Group")
    seat = Nomination.objects.filter(requested_from=council.leaders["Labour Group"]).first()
    assert seat is not None
    before = inbox_for(leader).total
    clerk = personas["democratic_services"]

    seat_nominations.nominate(
        actor=clerk, nomination=seat, nominee=council.members["Labour Group"][1]
    )
    nominated = inbox_for(leader).total
    seat.refresh_from_db()
    seat_nominations.withdraw_nomination(
        actor=clerk, nomination=seat, reason="Stood down", expected_version=seat.version
    )

    assert (before, nominated, inbox_for(leader).total) == (before, before - 1, before)


def test_a_councillor_who_leads_no_group_has_nothing_to_nominate(council, requested):
    member = make_user("councillor", person=council.members["Labour Group"][3].person)

    assert inbox_for(member).counts == []


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_persona_is_given_a_leaders_seats(personas, persona, requested):
    # Democratic services may change every nomination, but the task is the leader's.
    assert inbox_for(personas[persona]).counts == []
