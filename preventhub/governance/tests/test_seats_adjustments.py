"""Manual adjustments (a seat moved by agreement, with its reason) and "what if the body had N
seats"."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from preventhub.governance.seats import (
    Adjustment,
    Balance,
    Body,
    Council,
    InvalidAdjustment,
    InvalidCouncil,
    Principle,
    adjust,
    allocate,
    allocate_json,
    what_if,
)

FIXTURE = Path(__file__).parent / "fixtures" / "seats" / "worked_example.json"


@pytest.fixture
def worked_example():
    return allocate_json(json.loads(FIXTURE.read_text()))


def test_a_manual_adjustment_moves_the_seat_and_records_the_reason(worked_example):
    moved = adjust(worked_example, Adjustment("Planning", "B", "C", "agreed by group leaders"))

    assert moved.allocation["Planning"] == {"A": 7, "B": 3, "C": 2, "ungrouped": 1}
    assert worked_example.allocation["Planning"]["B"] == 4  # the original is left as it was
    step = moved.steps[-1]
    assert (step.principle, step.body, step.group) == (Principle.MANUAL, "Planning", "C")
    assert step.text.startswith(
        "Manual adjustment: one seat on Planning moves from B to C: agreed by group leaders"
    )


def test_an_adjustment_that_breaks_the_aggregate_is_flagged_as_breaking_principle_c(
    worked_example,
):
    moved = adjust(worked_example, Adjustment("Planning", "B", "C", "agreed by group leaders"))

    assert moved.steps[-1].breaks == (Principle.C,)
    assert (
        "this breaks principle (c): B holds 10 seats across the aggregate bodies against an "
        "entitlement of 11; principle (c): C holds 5 seats across the aggregate bodies against "
        "an entitlement of 4"
    ) in moved.steps[-1].text


def test_the_second_half_of_a_swap_restores_the_aggregate_and_breaks_nothing(worked_example):
    first = adjust(worked_example, Adjustment("Planning", "B", "C", "C takes a planning seat"))

    swapped = adjust(first, Adjustment("Appeals", "C", "B", "B takes C's appeals seat"))

    assert swapped.aggregate_totals == worked_example.targets
    assert swapped.steps[-1].breaks == ()
    assert swapped.steps[-1].text.endswith(
        "B takes C's appeals seat; this restores principle (c); no principle is broken"
    )


def test_taking_a_seat_from_the_majority_group_is_flagged_as_breaking_principle_b(
    worked_example,
):
    moved = adjust(worked_example, Adjustment("Appeals", "A", "B", "A offered the seat"))

    assert moved.steps[-1].breaks == (Principle.B, Principle.C)
    assert "principle (b): A has 2 of 5 seats on Appeals, no majority" in moved.steps[-1].text


def test_giving_one_group_every_seat_is_flagged_as_breaking_principles_a_and_d():
    result = allocate(Council((("A", 3), ("B", 3)), 0, (Body("Panel", 2, Balance.INDIVIDUAL),)))

    moved = adjust(result, Adjustment("Panel", "B", "A", "B could not fill its seat"))

    assert moved.allocation["Panel"] == {"A": 2, "B": 0, "ungrouped": 0}
    assert moved.steps[-1].breaks == (Principle.A, Principle.D)
    assert "this breaks principle (a): A holds every seat on Panel" in moved.steps[-1].text


@pytest.mark.parametrize(
    ("adjustment", "reason"),
    [
        (Adjustment("Scrutiny", "B", "C", "x"), "There is no body called 'Scrutiny'."),
        (Adjustment("Planning", "B", "Z", "x"), "There is no group called 'Z'."),
        (
            Adjustment("Planning", "B", "B", "x"),
            "A seat can only move between two different groups.",
        ),
        (Adjustment("Planning", "B", "C", "  "), "A manual adjustment needs a reason"),
        (
            Adjustment("Licensing", "ungrouped", "B", "x"),
            "ungrouped members have no seat on Licensing",
        ),
    ],
)
def test_an_adjustment_that_cannot_be_made_is_refused(worked_example, adjustment, reason):
    with pytest.raises(InvalidAdjustment) as refusal:
        adjust(worked_example, adjustment)

    assert reason in refusal.value.reason


def test_an_adjustment_cannot_seat_more_members_of_a_group_than_it_has():
    result = allocate(Council((("A", 10), ("B", 2)), 0, (Body("Board", 6, Balance.INDIVIDUAL),)))
    assert result.allocation["Board"]["B"] == 1
    full = adjust(result, Adjustment("Board", "A", "B", "first"))

    with pytest.raises(InvalidAdjustment) as refusal:
        adjust(full, Adjustment("Board", "A", "B", "second"))

    assert refusal.value.reason == (
        "No seat can move to B on Board: their 2 member(s) already hold 2 seat(s) there."
    )


def test_adjustments_in_the_commands_json_are_applied_and_recorded(tmp_path):
    data = json.loads(FIXTURE.read_text())
    data["adjustments"] = [
        {"body": "Planning", "from": "B", "to": "C", "reason": "agreed by group leaders"}
    ]
    path = tmp_path / "council.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()

    call_command("allocate_seats", str(path), stdout=out)

    printed = json.loads(out.getvalue())
    assert printed["allocation"]["Planning"] == {"A": 7, "B": 3, "C": 2, "ungrouped": 1}
    assert printed["totals"] == {"A": 20, "B": 10, "C": 5, "ungrouped": 1}
    assert printed["steps"][-1].startswith("Manual adjustment: one seat on Planning moves")


def test_what_if_recalculates_the_aggregate_for_a_resized_body(worked_example):
    resized = what_if(worked_example.council, "Planning", 12)

    assert resized.council.body("Planning").seats == 12
    assert resized.targets == {"A": 20, "B": 10, "C": 4, "ungrouped": 1}
    # B's extra seat is again the ungrouped Licensing seat (remainder 0.65, below Planning's 0.71).
    assert resized.allocation["Planning"] == {"A": 7, "B": 3, "C": 1, "ungrouped": 1}
    assert resized.allocation["Licensing"] == {"A": 6, "B": 4, "C": 1, "ungrouped": 0}
    assert sum(resized.allocation["Planning"].values()) == 12
    # The original council is untouched.
    assert worked_example.council.body("Planning").seats == 13


def test_what_if_for_an_individual_body_leaves_the_aggregate_alone():
    council = Council(
        (("A", 27), ("B", 15), ("C", 6)),
        3,
        (Body("Planning", 13), Body("Working Group", 5, Balance.INDIVIDUAL)),
    )
    before = allocate(council)

    after = what_if(council, "Working Group", 9)

    assert after.allocation["Planning"] == before.allocation["Planning"]
    assert sum(after.allocation["Working Group"].values()) == 9


@pytest.mark.parametrize(
    ("seats", "reason"),
    [
        (0, "A body needs at least one seat (0 given)."),
        (52, "Planning cannot have 52 seats: the council has 51 members."),
    ],
)
def test_what_if_refuses_an_impossible_size(worked_example, seats, reason):
    with pytest.raises(InvalidCouncil) as refusal:
        what_if(worked_example.council, "Planning", seats)

    assert refusal.value.reason == reason


def test_the_command_answers_what_if_the_body_had_n_seats():
    out = StringIO()

    call_command("allocate_seats", str(FIXTURE), what_if="Planning=12", stdout=out)

    printed = json.loads(out.getvalue())
    assert printed["allocation"]["Planning"] == {"A": 7, "B": 3, "C": 1, "ungrouped": 1}
    assert printed["totals"] == {"A": 20, "B": 10, "C": 4, "ungrouped": 1}
