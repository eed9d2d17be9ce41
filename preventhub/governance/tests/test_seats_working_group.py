"""The seed's case: a voluntarily balanced councillors' Prevent working group with at least one
seat for each main party and one seat for an independent member, beside the ordinary committees."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from preventhub.governance.seats import (
    UNGROUPED,
    Balance,
    Body,
    Council,
    LocalConstraint,
    Principle,
    allocate,
    allocate_json,
    what_if,
)

FIXTURE = Path(__file__).parent / "fixtures" / "seats" / "prevent_working_group.json"
WORKING_GROUP = "Prevent Working Group"
MAIN_GROUPS = ("Conservative Group", "Labour Group", "UKIP Group")


def seed() -> dict:
    return json.loads(FIXTURE.read_text())


def test_the_working_group_has_a_seat_for_each_main_party_and_one_independent():
    result = allocate_json(seed())

    assert result.allocation[WORKING_GROUP] == {
        "Conservative Group": 2,
        "Labour Group": 1,
        "UKIP Group": 1,
        "ungrouped": 1,
    }


def test_the_working_group_is_first_balanced_on_its_own_then_the_constraint_moves_a_seat():
    steps = [s.text for s in allocate_json(seed()).steps]

    balanced = [
        "Principle (d): Conservative Group's exact entitlement on Prevent Working Group is "
        "5 × 18 ÷ 49 = 1.84 seats, rounded to 2",
        "Principle (d): Labour Group's exact entitlement on Prevent Working Group is "
        "5 × 16 ÷ 49 = 1.63 seats, rounded to 2",
        "Principle (d): UKIP Group's exact entitlement on Prevent Working Group is "
        "5 × 12 ÷ 49 = 1.22 seats, rounded to 1",
        "Residue: ungrouped members receive the 0 seats left after the groups on Prevent "
        "Working Group: 5 − 2 − 2 − 1 = 0 (their exact share is 0.31)",
        # Labour's second seat rests on the smallest remainder (1.63 - 1), so it is the one
        # that becomes the independent member's seat.
        "Local constraint: Prevent Working Group has 1 seat for ungrouped members, so Labour "
        "Group gives up the seat resting on the smallest remainder (0.63) to ungrouped members: "
        "Labour Group 1, ungrouped 1",
    ]
    positions = [steps.index(step) for step in balanced]
    assert positions == sorted(positions)


def test_the_constraint_move_is_recorded_with_structured_data():
    result = allocate_json(seed())
    moves = [s for s in result.steps if s.principle is Principle.LOCAL]

    assert [(s.body, s.group, s.breaks) for s in moves] == [(WORKING_GROUP, UNGROUPED, ())]


def test_the_working_group_does_not_disturb_the_ordinary_committees_balance():
    data = seed()
    without = dict(data, bodies=data["bodies"][:-1], constraints={})

    with_group = allocate_json(data)
    alone = allocate_json(without)

    assert with_group.targets == alone.targets
    for body in alone.allocation:
        assert with_group.allocation[body] == alone.allocation[body]
    assert with_group.aggregate_totals == with_group.targets


def test_totals_count_every_body_including_the_working_group():
    result = allocate_json(seed())

    assert result.totals == {
        party: result.aggregate_totals[party] + result.allocation[WORKING_GROUP][party]
        for party in result.council.parties
    }


def test_a_six_seat_working_group_already_meets_the_constraint_and_says_so():
    council = allocate_json(seed()).council

    result = what_if(council, WORKING_GROUP, 6)

    assert result.allocation[WORKING_GROUP] == {
        "Conservative Group": 2,
        "Labour Group": 2,
        "UKIP Group": 1,
        "ungrouped": 1,
    }
    assert (
        "Local constraint: Prevent Working Group has at least 1 seat each for Conservative "
        "Group, Labour Group and UKIP Group and 1 seat for ungrouped members: already met by "
        "the balance above"
    ) in [s.text for s in result.steps]


def test_a_minimum_per_group_takes_the_seat_resting_on_the_smallest_remainder():
    # 41 members: A 30 is a majority; a 4-seat panel gives A 3 (2.93) and B 1 (0.88), C none.
    council = Council(
        groups=(("A", 30), ("B", 9), ("C", 2)),
        ungrouped=0,
        bodies=(Body("Panel", 4, Balance.INDIVIDUAL),),
        constraints=(("Panel", LocalConstraint(min_per_group=1)),),
    )

    result = allocate(council)

    assert result.allocation["Panel"] == {"A": 2, "B": 1, "C": 1, "ungrouped": 0}
    local = [s for s in result.steps if s.principle is Principle.LOCAL]
    assert len(local) == 1
    # A's third seat was its only one above its floor, and losing it leaves 2 of 4: no majority.
    assert local[0].breaks == (Principle.B,)
    assert "this breaks principle (b): A would no longer have a majority on Panel" in local[0].text


def test_the_command_prints_the_working_group_allocation():
    out = StringIO()

    call_command("allocate_seats", str(FIXTURE), stdout=out)

    printed = json.loads(out.getvalue())
    assert printed["allocation"][WORKING_GROUP] == {
        "Conservative Group": 2,
        "Labour Group": 1,
        "UKIP Group": 1,
        "ungrouped": 1,
    }
    assert any(step.startswith("Local constraint: ") for step in printed["steps"])
