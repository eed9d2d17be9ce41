"""Exact shares and largest-remainder rounding.

Every entitlement is a :class:`~fractions.Fraction` so that "19.06" in a step is a display of an
exact number, never a float that might round the other way when two remainders are close.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import floor

from .council import UNGROUPED

HALF = Fraction(1, 2)


def share(seats: int, members: int, council_size: int) -> Fraction:
    """seats × group size ÷ council membership (domain reference §4.3 step 1)."""
    return Fraction(seats * members, council_size)


def round_half_up(value: Fraction) -> int:
    # Councils "round up or down to the nearest whole number"; an exact half goes up, as in
    # the published tables, and is rare enough with real council sizes to be worth a tie step.
    return floor(value + HALF)


def fmt(value: Fraction) -> str:
    """Two decimal places, half up, as council allocation tables print them."""
    hundredths = round_half_up(value * 100)
    sign = "-" if hundredths < 0 else ""
    hundredths = abs(hundredths)
    return f"{sign}{hundredths // 100}.{hundredths % 100:02d}"


def tie_order(members: Mapping[str, int]) -> list[str]:
    """Who wins a tie on equal remainders: groups before ungrouped members (who have no
    entitlement of their own, only the residue), then the larger group, then by name so the
    result never depends on input order."""
    return sorted(members, key=lambda p: (p == UNGROUPED, -members[p], p))


@dataclass(frozen=True)
class Tie:
    """Equal remainders decided by :func:`tie_order`; reported so group leaders can see it."""

    winner: str
    level: tuple[str, ...]  # everyone on the equal remainder, in tie order
    remainder: Fraction
    gaining: bool  # True when the tie was over who gains a seat, False over who loses one


def apportion(
    quotas: Mapping[str, Fraction],
    seats: int,
    lower: Mapping[str, int],
    upper: Mapping[str, int],
    order: Sequence[str],
) -> tuple[dict[str, int], list[Tie]]:
    """Largest remainder within bounds.

    Start everyone at their whole entitlement (clamped to the bounds set by the earlier
    principles), then hand out the seats still free to the largest remainders, or, when the
    bounds have already used up more than ``seats``, take back the seats with the smallest claim.
    ``sum(lower) <= seats <= sum(upper)`` is the caller's promise.
    """
    rank = {party: i for i, party in enumerate(order)}
    seats_of = {p: min(max(floor(q), lower[p]), upper[p]) for p, q in quotas.items()}
    ties: list[Tie] = []
    while sum(seats_of.values()) < seats:
        # Claim to one more seat: how far the exact share is above what the party already has.
        open_ = {p: quotas[p] - seats_of[p] for p in seats_of if seats_of[p] < upper[p]}
        winner = pick(open_, rank, largest=True, ties=ties)
        seats_of[winner] += 1
    while sum(seats_of.values()) > seats:
        # Claim to the last seat held: the remainder that earned it.
        held = {p: quotas[p] - (seats_of[p] - 1) for p in seats_of if seats_of[p] > lower[p]}
        loser = pick(held, rank, largest=False, ties=ties)
        seats_of[loser] -= 1
    return seats_of, ties


def pick(
    claims: dict[str, Fraction], rank: dict[str, int], *, largest: bool, ties: list[Tie]
) -> str:
    if not claims:
        raise ArithmeticError("no party can take or give a seat within the bounds")
    best = max(claims.values()) if largest else min(claims.values())
    level = sorted((p for p, c in claims.items() if c == best), key=rank.__getitem__)
    # Gaining: the highest in tie order wins; losing: the lowest in tie order gives the seat up.
    chosen = level[0] if largest else level[-1]
    if len(level) > 1:
        ties.append(Tie(chosen, tuple(level), best, gaining=largest))
    return chosen
