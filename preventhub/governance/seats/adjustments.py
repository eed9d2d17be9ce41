"""Manual adjustments: a seat moved by agreement, with its reason, recorded as a step and flagged
when it breaks a principle (or mended when it restores one, as the second half of a swap does)."""

from __future__ import annotations

from dataclasses import replace

from .checks import violations
from .council import Adjustment, InvalidAdjustment
from .result import AllocationResult
from .steps import Principle, Step, verb, who


def adjust(result: AllocationResult, adjustment: Adjustment) -> AllocationResult:
    """The result with one seat moved; raises :class:`InvalidAdjustment` when it cannot be."""
    _check(result, adjustment)
    body, giver, taker = adjustment.body, adjustment.from_party, adjustment.to_party
    allocation = {name: dict(seats) for name, seats in result.allocation.items()}
    allocation[body][giver] -= 1
    allocation[body][taker] += 1
    moved = replace(result, allocation=allocation)
    before = {v.key: v for v in violations(result)}
    after = {v.key: v for v in violations(moved)}
    broken = [v for key, v in after.items() if key not in before]
    restored = [v for key, v in before.items() if key not in after]
    detail = f"one seat on {body} moves from {who(giver)} to {who(taker)}: {adjustment.reason}"
    if broken:
        detail += "; this breaks " + "; ".join(v.text for v in broken)
    if restored:
        names = dict.fromkeys(_restored(v.text) for v in restored)
        detail += "; this restores " + " and ".join(names)
    if not broken:
        detail += "; no principle is broken"
    step = Step(
        Principle.MANUAL,
        detail,
        body=body,
        group=taker,
        breaks=tuple(dict.fromkeys(v.principle for v in broken)),
    )
    return replace(moved, steps=(*result.steps, step))


def _restored(text: str) -> str:
    # "principle (c): B holds 10 ..." → "principle (c)": the old figures no longer hold.
    return text.split(":", 1)[0]


def _check(result: AllocationResult, adjustment: Adjustment) -> None:
    council = result.council
    if adjustment.body not in result.allocation:
        raise InvalidAdjustment(f"There is no body called {adjustment.body!r}.")
    for party in (adjustment.from_party, adjustment.to_party):
        if party not in council.parties:
            raise InvalidAdjustment(f"There is no group called {party!r}.")
    if adjustment.from_party == adjustment.to_party:
        raise InvalidAdjustment("A seat can only move between two different groups.")
    if not adjustment.reason.strip():
        raise InvalidAdjustment("A manual adjustment needs a reason (it is part of the record).")
    seats = result.allocation[adjustment.body]
    if seats[adjustment.from_party] < 1:
        raise InvalidAdjustment(
            f"{verb(adjustment.from_party, 'has', 'have')} no seat on {adjustment.body} to give."
        )
    members = council.members(adjustment.to_party)
    if seats[adjustment.to_party] >= members:
        raise InvalidAdjustment(
            f"No seat can move to {who(adjustment.to_party)} on {adjustment.body}: their "
            f"{members} member(s) already hold {seats[adjustment.to_party]} seat(s) there."
        )
