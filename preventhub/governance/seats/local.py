"""Bodies balanced on their own, and the local constraints a council adds to them.

A voluntarily balanced body (the seed's Prevent working group) is shared by the same method as
the aggregate, over its own seats only. The council's own rules (at least one seat per main
party, a seat for an independent member) then move seats, each move recorded, taking the seat
that rests on the smallest remainder and avoiding a break of (a) or (b) where any other seat will
do. Where the constraints themselves cannot all be met, nothing is allocated and the reason is
raised instead.
"""

from __future__ import annotations

from .arithmetic import fmt, tie_order
from .bounds import Bounds, majority_of, principle_a_applies
from .council import UNGROUPED, Body, ConstraintsCannotBeMet, Council, LocalConstraint
from .entitlement import entitlement
from .steps import Principle, Step, and_list, seats_word, verb, who


def balance_individual(council: Council, bounds: Bounds) -> tuple[dict[str, int], list[Step]]:
    targets, steps = entitlement(council, [bounds], Principle.D)
    seats = {p: targets[p] for p in council.parties}
    constraint = council.constraint(bounds.body.name)
    if constraint is not None:
        steps += _apply(council, bounds, constraint, seats)
    return seats, steps


def check_constraints(council: Council, body: Body, rule: LocalConstraint) -> None:
    """Refuse, with the reason, constraints no allocation could satisfy."""
    named = rule.groups or council.group_names
    reserved = rule.ungrouped_seats or 0
    if rule.ungrouped_seats is not None and rule.ungrouped_seats > body.seats:
        _cannot(
            body, f"it reserves {reserved} seats for ungrouped members but has only {body.seats}"
        )
    if reserved > council.ungrouped:
        _cannot(
            body,
            f"it reserves {seats_word(reserved)} for ungrouped members but the council has "
            f"{council.ungrouped} ungrouped member(s)",
        )
    for group in named:
        if rule.min_per_group > council.members(group):
            _cannot(
                body,
                f"it needs at least {seats_word(rule.min_per_group)} for {group}, which has only "
                f"{council.members(group)} members",
            )
    needed = rule.min_per_group * len(named) + reserved
    if needed > body.seats:
        each = f"at least {seats_word(rule.min_per_group)} for each of {len(named)} groups"
        plus = f" plus {seats_word(reserved)} for ungrouped members" if reserved else ""
        _cannot(
            body,
            f"{each} ({and_list(list(named))}){plus} makes {needed}, more than its "
            f"{seats_word(body.seats)}",
        )
    grouped = sum(min(n, body.seats) for _, n in council.groups)
    if rule.ungrouped_seats is not None and grouped < body.seats - reserved:
        _cannot(
            body,
            f"the groups have only {grouped} members to fill the {body.seats - reserved} seats "
            "not reserved for ungrouped members",
        )


def _cannot(body: Body, why: str) -> None:
    raise ConstraintsCannotBeMet(f"The constraints on {body.name} cannot all be met: {why}.")


def _apply(council: Council, b: Bounds, rule: LocalConstraint, seats: dict[str, int]) -> list[Step]:
    named = rule.groups or council.group_names
    floors = {p: 0 for p in council.parties} | {g: rule.min_per_group for g in named}
    if rule.ungrouped_seats is not None:
        floors[UNGROUPED] = rule.ungrouped_seats
    steps: list[Step] = []
    if rule.ungrouped_seats is not None:
        why = f"{b.body.name} has {seats_word(rule.ungrouped_seats)} for ungrouped members"
        while seats[UNGROUPED] > rule.ungrouped_seats:
            steps.append(_move(council, b, seats, UNGROUPED, _best_taker(council, b, seats), why))
        while seats[UNGROUPED] < rule.ungrouped_seats:
            giver = _best_giver(council, b, seats, floors, UNGROUPED)
            steps.append(_move(council, b, seats, giver, UNGROUPED, why))
    for group in tie_order({g: council.members(g) for g in named}):
        why = f"{b.body.name} has at least {seats_word(rule.min_per_group)} for {group}"
        while seats[group] < rule.min_per_group:
            giver = _best_giver(council, b, seats, floors, group)
            steps.append(_move(council, b, seats, giver, group, why))
    if not steps:
        met = _describe(b.body, rule, named) + ": already met by the balance above"
        steps.append(Step(Principle.LOCAL, met, body=b.body.name))
    return steps


def _describe(body: Body, rule: LocalConstraint, named: tuple[str, ...]) -> str:
    parts = []
    if rule.min_per_group:
        parts.append(f"at least {seats_word(rule.min_per_group)} each for {and_list(list(named))}")
    if rule.ungrouped_seats is not None:
        parts.append(f"{seats_word(rule.ungrouped_seats)} for ungrouped members")
    return f"{body.name} has " + (" and ".join(parts) or "no local rule")


def _claim_order(council: Council) -> dict[str, int]:
    return {p: i for i, p in enumerate(tie_order({p: council.members(p) for p in council.parties}))}


def _best_giver(
    council: Council, b: Bounds, seats: dict[str, int], floors: dict[str, int], taker: str
) -> str:
    rank = _claim_order(council)
    givers = [p for p in council.parties if p != taker and seats[p] > floors[p]]
    # check_constraints guarantees someone holds a seat above their floor. A giver whose loss
    # breaks (a) or (b) is used only when there is no other.
    return min(
        givers,
        key=lambda p: (
            bool(_breaks_when(council, b, seats, p, taker)),
            b.quotas[p] - (seats[p] - 1),
            -rank[p],
        ),
    )


def _best_taker(council: Council, b: Bounds, seats: dict[str, int]) -> str:
    rank = _claim_order(council)
    takers = [g for g in council.group_names if seats[g] < council.members(g)]
    return min(
        takers,
        key=lambda g: (
            bool(_breaks_when(council, b, seats, UNGROUPED, g)),
            -(b.quotas[g] - seats[g]),
            rank[g],
        ),
    )


def _breaks_when(
    council: Council, b: Bounds, seats: dict[str, int], giver: str, taker: str
) -> list[str]:
    """Which earlier principle a move of one seat from giver to taker would break, in words."""
    broken = []
    body = b.body
    if principle_a_applies(council, body) and taker != UNGROUPED and seats[taker] + 1 == body.seats:
        broken.append(f"principle (a): {taker} would hold every seat on {body.name}")
    majority = council.majority_group()
    if giver == majority and seats[giver] == majority_of(body.seats):
        broken.append(f"principle (b): {giver} would no longer have a majority on {body.name}")
    return broken


def _move(
    council: Council, b: Bounds, seats: dict[str, int], giver: str, taker: str, why: str
) -> Step:
    broken = _breaks_when(council, b, seats, giver, taker)
    claim = b.quotas[giver] - (seats[giver] - 1)
    detail = (
        f"{why}, so {verb(giver, 'gives', 'give')} up the seat resting on the smallest remainder "
        f"({fmt(claim)}) to {who(taker)}: {giver} {seats[giver] - 1}, {taker} {seats[taker] + 1}"
    )
    if broken:
        detail += "; this breaks " + " and ".join(broken) + " (the council's own rule comes first)"
    seats[giver] -= 1
    seats[taker] += 1
    codes = tuple(
        Principle.A if text.startswith("principle (a)") else Principle.B for text in broken
    )
    return Step(Principle.LOCAL, detail, body=b.body.name, group=taker, breaks=codes)
