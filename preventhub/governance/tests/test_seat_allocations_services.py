"""The seat-allocation services: the council read from group memberships, the calculator input
and stored result, what-if, adjustments and adoption (one per municipal year)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import MunicipalYear
from preventhub.governance.models import (
    Councillor,
    GroupMembership,
    GroupRole,
    PoliticalGroup,
    SeatAllocation,
)
from preventhub.governance.seats import allocate_json
from preventhub.governance.services import seat_allocations as services
from preventhub.governance.tests.factories import CouncillorFactory
from preventhub.governance.tests.seat_allocations_fixtures import (
    DAY,
    WORKING_GROUP,
    make_allocation,
    seed_council,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed():
    return seed_council()


def test_the_council_is_read_from_group_memberships_on_the_day(seed):
    council = services.council_on(DAY)

    assert [(g.name, n) for g, n in council.groups] == [
        ("Conservative Group", 18),
        ("Labour Group", 16),
        ("UKIP Group", 12),
    ]
    assert (council.ungrouped, council.size) == (3, 49)


def test_a_group_of_one_member_counts_as_ungrouped(seed):
    lonely = PoliticalGroup.objects.create(name="Lonely Group")
    GroupMembership.objects.create(
        councillor=seed.ungrouped[0],
        group=lonely,
        role=GroupRole.LEADER,
        starts_on=dt.date(2016, 1, 1),
    )

    council = services.council_on(DAY)

    assert "Lonely Group" not in [g.name for g, _ in council.groups]
    assert council.too_small == ["Lonely Group"]
    assert council.ungrouped == 3


def test_a_councillor_whose_term_has_ended_is_not_counted(seed):
    Councillor.objects.filter(pk=seed.ungrouped[0].pk).update(term_ends_on=dt.date(2016, 5, 1))

    assert services.council_on(DAY).ungrouped == 2


def test_statutory_bodies_are_aggregate_and_voluntary_ones_individual_with_their_constraints(seed):
    choices = [
        services.BodyChoice(body=seed.bodies["Planning Committee"], seats=11),
        services.BodyChoice(body=seed.working_group, seats=5, min_per_group=1, ungrouped_seats=1),
    ]

    draft = services.draft(services.council_on(DAY), choices)

    assert draft.inputs["bodies"] == [
        {"name": "Planning Committee", "seats": 11, "balance": "aggregate"},
        {"name": WORKING_GROUP, "seats": 5, "balance": "individual"},
    ]
    assert draft.inputs["constraints"] == {
        WORKING_GROUP: {"min_per_group": 1, "ungrouped_seats": 1}
    }
    assert draft.records["bodies"][WORKING_GROUP] == str(seed.working_group.public_id)


def test_a_body_with_no_constraint_sends_none(seed):
    draft = services.draft(
        services.council_on(DAY), [services.BodyChoice(body=seed.working_group, seats=5)]
    )

    assert "constraints" not in draft.inputs


def test_the_stored_inputs_reproduce_the_stored_result(seed):
    allocation = make_allocation(seed, None)

    again = allocate_json(allocation.inputs)

    assert allocation.result["allocation"] == {k: dict(v) for k, v in again.allocation.items()}
    assert allocation.result["parties"] == [
        "Conservative Group",
        "Labour Group",
        "UKIP Group",
        "ungrouped",
    ]
    assert [b["name"] for b in allocation.result["bodies"]][-1] == WORKING_GROUP


def test_impossible_constraints_raise_the_calculators_reason_as_a_validation_error(seed):
    choice = services.BodyChoice(body=seed.working_group, seats=2, min_per_group=1)
    draft = services.draft(services.council_on(DAY), [choice])

    with pytest.raises(services.CalculatorRefused) as refused:
        services.save_allocation(actor=None, municipal_year=seed.year, title="No", draft=draft)
    assert refused.value.reason.startswith(f"The constraints on {WORKING_GROUP} cannot all be met")
    assert isinstance(refused.value, ValidationError)
    assert not SeatAllocation.objects.exists()


def test_what_if_changes_nothing_stored(seed):
    allocation = make_allocation(seed, None)
    stored = allocation.result

    result = services.what_if_result(allocation, "Planning Committee", 13)

    assert sum(result.allocation["Planning Committee"].values()) == 13
    allocation.refresh_from_db()
    assert allocation.result == stored


def test_what_if_a_body_had_more_seats_than_the_council_has_members_is_refused(seed):
    allocation = make_allocation(seed, None)

    with pytest.raises(services.CalculatorRefused, match="the council has 49 members"):
        services.what_if_result(allocation, "Planning Committee", 50)


def test_an_adjustment_is_kept_in_the_inputs_so_the_result_can_be_replayed(seed, personas):
    allocation = make_allocation(seed, None)
    actor = personas["democratic_services"]

    services.adjust_allocation(
        actor=actor,
        allocation=allocation,
        body_name="Planning Committee",
        from_party="Conservative Group",
        to_party="Labour Group",
        reason="Agreed swap",
    )

    allocation.refresh_from_db()
    assert allocation.inputs["adjustments"] == [
        {
            "body": "Planning Committee",
            "from": "Conservative Group",
            "to": "Labour Group",
            "reason": "Agreed swap",
        }
    ]
    replayed = allocate_json(allocation.inputs)
    assert allocation.result["allocation"]["Planning Committee"] == dict(
        replayed.allocation["Planning Committee"]
    )
    assert allocation.adjustments.get().recorded_by == actor
    assert allocation.version == 2


def test_a_seat_cannot_move_from_a_group_with_none_there(seed):
    allocation = make_allocation(seed, None)
    assert allocation.result["allocation"][WORKING_GROUP]["ungrouped"] == 1
    move = {
        "actor": None,
        "allocation": allocation,
        "body_name": WORKING_GROUP,
        "from_party": "ungrouped",
        "to_party": "Labour Group",
    }
    services.adjust_allocation(**move, reason="The independent member declined")

    with pytest.raises(services.CalculatorRefused, match="have no seat on Prevent Working Group"):
        services.adjust_allocation(**move, reason="Again")
    allocation.refresh_from_db()
    assert len(allocation.inputs["adjustments"]) == 1


def test_only_one_allocation_is_adopted_per_year_even_written_directly(seed):
    first = make_allocation(seed, None, adopted=True)
    second = make_allocation(seed, None)

    with pytest.raises(IntegrityError), transaction.atomic():
        SeatAllocation.objects.filter(pk=second.pk).update(is_adopted=True)
    first.refresh_from_db()
    assert first.is_adopted


def test_adopting_twice_is_refused(seed):
    allocation = make_allocation(seed, None, adopted=True)

    with pytest.raises(ValidationError, match="already adopted"):
        services.adopt_allocation(actor=None, allocation=allocation)
    assert AuditEvent.objects.filter(action="governance.seat_allocation_adopted").count() == 1


def test_allocations_in_different_years_may_both_be_adopted(seed):
    make_allocation(seed, None, adopted=True)
    other = make_allocation(seed, None)
    other.municipal_year = MunicipalYear.objects.create(
        label="2017/18", starts_on=dt.date(2017, 5, 17), ends_on=dt.date(2018, 5, 15)
    )
    other.save(update_fields=["municipal_year"])

    services.adopt_allocation(actor=None, allocation=other)

    assert SeatAllocation.objects.filter(is_adopted=True).count() == 2


def test_a_new_councillor_joining_a_group_changes_the_next_allocation_not_the_saved_one(seed):
    allocation = make_allocation(seed, None)
    newcomer = CouncillorFactory.create(elected_on=dt.date(2016, 5, 5))
    GroupMembership.objects.create(
        councillor=newcomer, group=seed.groups["UKIP Group"], starts_on=dt.date(2016, 5, 10)
    )

    council = services.council_on(DAY)

    assert dict((g.name, n) for g, n in council.groups)["UKIP Group"] == 13
    allocation.refresh_from_db()
    assert allocation.inputs["groups"]["UKIP Group"] == 12


def test_the_groups_keep_their_order_after_an_adjustment_whatever_order_the_database_returns(seed):
    allocation = make_allocation(seed, None)
    # PostgreSQL's jsonb returns object keys in its own order (shortest first), not as written.
    reordered = dict(reversed(list(allocation.inputs["groups"].items())))
    SeatAllocation.objects.filter(pk=allocation.pk).update(
        inputs={**allocation.inputs, "groups": reordered}
    )
    allocation.refresh_from_db()

    services.adjust_allocation(
        actor=None,
        allocation=allocation,
        body_name="Planning Committee",
        from_party="Labour Group",
        to_party="UKIP Group",
        reason="Agreed swap",
    )

    allocation.refresh_from_db()
    assert allocation.result["parties"] == [
        "Conservative Group",
        "Labour Group",
        "UKIP Group",
        "ungrouped",
    ]
