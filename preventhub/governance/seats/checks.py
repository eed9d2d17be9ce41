"""Which principles an allocation departs from, and where.

Used to flag manual adjustments (a move agreed between group leaders may break a principle; the
record must say so) and by the tests as an independent reading of the principles.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, floor

from .arithmetic import fmt
from .bounds import body_bounds, majority_of, principle_a_applies
from .council import UNGROUPED, Balance
from .result import AllocationResult
from .steps import Principle, seats_word, verb


@dataclass(frozen=True)
class Violation:
    principle: Principle
    body: str | None
    party: str | None
    text: str

    @property
    def key(self) -> tuple[Principle, str | None, str | None]:
        return (self.principle, self.body, self.party)


def violations(result: AllocationResult) -> list[Violation]:
    return [
        *_principle_a(result),
        *_principle_b(result),
        *_principle_c(result),
        *_principle_d(result),
        *_local(result),
    ]


def _principle_a(result: AllocationResult) -> list[Violation]:
    found = []
    for body in result.council.bodies:
        if not principle_a_applies(result.council, body):
            continue
        for group in result.council.group_names:
            if result.allocation[body.name][group] == body.seats:
                found.append(
                    Violation(
                        Principle.A,
                        body.name,
                        group,
                        f"principle (a): {group} holds every seat on {body.name}",
                    )
                )
    return found


def _principle_b(result: AllocationResult) -> list[Violation]:
    council = result.council
    group = council.majority_group()
    if group is None:
        return []
    found = []
    for body in council.bodies:
        needed = majority_of(body.seats)
        # Only where (a) allows a majority at all (not on a two-seat body).
        achievable = body_bounds(council, body).lower[group] == needed
        held = result.allocation[body.name][group]
        if achievable and held < needed:
            text = (
                f"principle (b): {group} has {held} of {body.seats} seats on {body.name}, "
                "no majority"
            )
            found.append(Violation(Principle.B, body.name, group, text))
    return found


def _principle_c(result: AllocationResult) -> list[Violation]:
    given = result.aggregate_totals
    return [
        Violation(
            Principle.C,
            None,
            party,
            f"principle (c): {verb(party, 'holds', 'hold')} {seats_word(given[party])} across "
            f"the aggregate bodies against an entitlement of {target}",
        )
        for party, target in result.targets.items()
        if given[party] != target
    ]


def _principle_d(result: AllocationResult) -> list[Violation]:
    council = result.council
    found = []
    for body in council.bodies:
        quotas = body_bounds(council, body).quotas
        for party in council.parties:
            held, exact = result.allocation[body.name][party], quotas[party]
            if not floor(exact) <= held <= ceil(exact):
                text = (
                    f"principle (d): {verb(party, 'has', 'have')} {seats_word(held)} on "
                    f"{body.name} against an exact share of {fmt(exact)}"
                )
                found.append(Violation(Principle.D, body.name, party, text))
    return found


def _local(result: AllocationResult) -> list[Violation]:
    council = result.council
    found = []
    for body in council.bodies:
        rule = council.constraint(body.name)
        if rule is None or body.balance is not Balance.INDIVIDUAL:
            continue
        seats = result.allocation[body.name]
        for group in rule.groups or council.group_names:
            if seats[group] < rule.min_per_group:
                text = (
                    f"the local constraint of at least {rule.min_per_group} seat(s) for {group} "
                    f"on {body.name} ({group} has {seats[group]})"
                )
                found.append(Violation(Principle.LOCAL, body.name, group, text))
        if rule.ungrouped_seats is not None and seats[UNGROUPED] != rule.ungrouped_seats:
            text = (
                f"the local constraint of {rule.ungrouped_seats} seat(s) for ungrouped members "
                f"on {body.name} (they have {seats[UNGROUPED]})"
            )
            found.append(Violation(Principle.LOCAL, body.name, UNGROUPED, text))
    return found
