"""Local constraints that cannot all be met are refused with the reason, by the API and by the
command (non-zero exit, the reason printed, no traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from preventhub.governance.seats import (
    Balance,
    Body,
    ConstraintsCannotBeMet,
    Council,
    LocalConstraint,
    allocate,
)

FIXTURES = Path(__file__).parent / "fixtures" / "seats"


def panel(seats: int, rule: LocalConstraint, *, ungrouped: int = 2) -> Council:
    return Council(
        groups=(("A", 20), ("B", 15), ("C", 10)),
        ungrouped=ungrouped,
        bodies=(Body("Panel", seats, Balance.INDIVIDUAL),),
        constraints=(("Panel", rule),),
    )


@pytest.mark.parametrize(
    ("council", "reason"),
    [
        pytest.param(
            panel(2, LocalConstraint(min_per_group=1)),
            "The constraints on Panel cannot all be met: at least 1 seat for each of 3 groups "
            "(A, B and C) makes 3, more than its 2 seats.",
            id="one seat per group on a two-seat body with three groups",
        ),
        pytest.param(
            panel(3, LocalConstraint(ungrouped_seats=4), ungrouped=6),
            "The constraints on Panel cannot all be met: it reserves 4 seats for ungrouped "
            "members but has only 3.",
            id="more ungrouped seats than seats",
        ),
        pytest.param(
            panel(5, LocalConstraint(ungrouped_seats=3)),
            "The constraints on Panel cannot all be met: it reserves 3 seats for ungrouped "
            "members but the council has 2 ungrouped member(s).",
            id="more ungrouped seats than ungrouped members",
        ),
        pytest.param(
            panel(8, LocalConstraint(min_per_group=11, groups=("C",))),
            "The constraints on Panel cannot all be met: it needs at least 11 seats for C, which "
            "has only 10 members.",
            id="a minimum larger than the group",
        ),
        pytest.param(
            panel(5, LocalConstraint(min_per_group=2, groups=("A", "B"), ungrouped_seats=2)),
            "The constraints on Panel cannot all be met: at least 2 seats for each of 2 groups "
            "(A and B) plus 2 seats for ungrouped members makes 6, more than its 5 seats.",
            id="minimums and ungrouped seats together too many",
        ),
    ],
)
def test_constraints_that_cannot_all_be_met_are_refused_with_the_reason(council, reason):
    with pytest.raises(ConstraintsCannotBeMet) as refusal:
        allocate(council)

    assert refusal.value.reason == reason


def test_groups_too_small_to_fill_the_seats_left_by_the_ungrouped_reservation_are_refused():
    council = Council(
        groups=(("A", 4), ("B", 4)),
        ungrouped=5,
        bodies=(Body("Panel", 10, Balance.INDIVIDUAL),),
        constraints=(("Panel", LocalConstraint(ungrouped_seats=1)),),
    )

    with pytest.raises(ConstraintsCannotBeMet) as refusal:
        allocate(council)

    assert "the groups have only 8 members to fill the 9 seats not reserved" in refusal.value.reason


@pytest.mark.parametrize(
    ("fixture", "reason"),
    [
        (
            "impossible_min_per_group.json",
            "The constraints on Task and Finish Group cannot all be met: at least 1 seat for "
            "each of 3 groups (A, B and C) makes 3, more than its 2 seats.",
        ),
        (
            "impossible_ungrouped_seats.json",
            "The constraints on Member Panel cannot all be met: it reserves 4 seats for "
            "ungrouped members but has only 3.",
        ),
    ],
)
def test_call_command_raises_a_command_error_with_the_reason(fixture, reason):
    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(FIXTURES / fixture))

    assert str(refusal.value) == reason


def test_manage_py_exits_non_zero_printing_the_reason_without_a_traceback():
    completed = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "allocate_seats",
            str(FIXTURES / "impossible_min_per_group.json"),
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "true"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )

    assert completed.returncode != 0
    assert completed.stdout == ""
    assert (
        "cannot all be met: at least 1 seat for each of 3 groups (A, B and C)" in completed.stderr
    )
    assert "Traceback" not in completed.stderr
