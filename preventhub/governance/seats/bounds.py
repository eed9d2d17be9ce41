"""Per-body limits set by principles (a) and (b) and by membership.

Principles (a) and (b) come before (c) and (d), so they are turned into hard bounds first and the
proportional steps then work inside them: (a) caps every group below the whole body, (b) gives
the majority group a floor of a bare majority, and nobody can hold more seats on one body than
they have members.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import floor

from .arithmetic import fmt, share
from .council import UNGROUPED, Body, Council
from .steps import Principle, Step, seats_word


@dataclass(frozen=True)
class Bounds:
    body: Body
    quotas: dict[str, Fraction]  # party → exact share of this body's seats
    lower: dict[str, int]
    upper: dict[str, int]
    steps: list[Step] = field(default_factory=list)


def majority_of(seats: int) -> int:
    return seats // 2 + 1


def principle_a_applies(council: Council, body: Body) -> bool:
    """(a) can only bite where there are two seats and someone else to give one to."""
    parties_with_members = len(council.groups) + (1 if council.ungrouped else 0)
    return body.seats >= 2 and parties_with_members >= 2


def body_bounds(council: Council, body: Body) -> Bounds:
    seats, size = body.seats, council.size
    quotas = {p: share(seats, council.members(p), size) for p in council.parties}
    a_applies = principle_a_applies(council, body)
    cap = seats - 1 if a_applies else seats
    upper = {g: min(n, cap) for g, n in council.groups}
    upper[UNGROUPED] = min(council.ungrouped, seats)
    lower = dict.fromkeys(council.parties, 0)
    steps: list[Step] = []
    for group, _ in council.groups:
        if a_applies and quotas[group] > seats - 1:
            steps.append(
                Step(
                    Principle.A,
                    f"{group} cannot hold all {seats} seats on {body.name}, so at most "
                    f"{seats - 1} (exact share {fmt(quotas[group])})",
                    body=body.name,
                    group=group,
                )
            )
    if not a_applies and seats == 1 and len(council.parties) > 1:
        steps.append(
            Step(Principle.A, f"{body.name} has one seat, so it cannot be shared", body=body.name)
        )
    majority = council.majority_group()
    if majority is not None:
        steps.extend(_majority_floor(council, body, majority, quotas[majority], lower, upper))
    return Bounds(body, quotas, lower, upper, steps)


def _majority_floor(
    council: Council,
    body: Body,
    group: str,
    quota: Fraction,
    lower: dict[str, int],
    upper: dict[str, int],
) -> list[Step]:
    needed = majority_of(body.seats)
    members = council.members(group)
    if needed > upper[group]:
        # Only a body of two seats: a majority would be every seat, which (a) forbids.
        lower[group] = upper[group]
        return [
            Step(
                Principle.A,
                f"a majority of {body.name}'s {body.seats} seats would be all of them; (a) comes "
                f"before (b), so {group} has {upper[group]} and no majority there",
                body=body.name,
                group=group,
            )
        ]
    lower[group] = needed
    if floor(quota) >= needed:
        return []  # its whole-seat share is already a majority: (b) decides nothing here
    return [
        Step(
            Principle.B,
            f"{group} is a majority of the council ({members} of {council.size}) so must hold a "
            f"majority on {body.name}: at least {needed} of {seats_word(body.seats)} "
            f"(exact share {fmt(quota)})",
            body=body.name,
            group=group,
        )
    ]
