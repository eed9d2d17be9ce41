"""How close an allocation is to exact proportionality, and the alternative that makes the worst
body as close as it can be.

A body's deviation is the sum over parties of |seats - exact entitlement|, the exact entitlement
being seats x party members / council members (domain reference §4.3 step 1). The fit of an
allocation is the total deviation over every body and the worst body (the largest deviation).

The calculator's allocation keeps the total deviation low; :func:`minimax_alternative` gives the
other choice a council may prefer: the aggregate bodies' seats redistributed, each party keeping
its aggregate total (principle (c)) and every body its size, so that the worst body's deviation is
as small as it can be, ties broken on the total deviation. Principles (a) and (b) and the members
available bound every cell, as in the calculator. The search is exact (branch and bound over the
bodies, rows tried nearest first, pruned by the best found); on a very large council it stops after
``node_limit`` steps with the best found so far, which is never worse than the calculator's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .arithmetic import fmt, share
from .bounds import body_bounds
from .council import Adjustment, Body, Council
from .result import AllocationResult

Seats = dict[str, dict[str, int]]
NODE_LIMIT = 200_000


@dataclass(frozen=True)
class Fit:
    deviations: dict[str, Fraction]  # body → sum over parties of |seats - exact|
    total: Fraction
    worst_body: str | None
    worst: Fraction

    def as_dict(self) -> dict[str, Any]:
        return {
            "total_deviation": fmt(self.total),
            "worst_body": self.worst_body,
            "worst_deviation": fmt(self.worst),
            "deviations": {body: fmt(d) for body, d in self.deviations.items()},
        }


@dataclass(frozen=True)
class Alternative:
    allocation: Seats
    fit: Fit
    exact: bool  # False only when the search stopped at its limit
    moves: tuple[Adjustment, ...]  # from the calculator's allocation to this one


def deviation(council: Council, body_seats: int, seats: Mapping[str, int]) -> Fraction:
    return sum(
        (abs(seats[p] - share(body_seats, council.members(p), council.size)) for p in seats),
        Fraction(0),
    )


def fit_of(council: Council, allocation: Mapping[str, Mapping[str, int]]) -> Fit:
    deviations = {b.name: deviation(council, b.seats, allocation[b.name]) for b in council.bodies}
    total = sum(deviations.values(), Fraction(0))
    worst_body = max(deviations, key=lambda name: deviations[name], default=None)
    return Fit(deviations, total, worst_body, deviations[worst_body] if worst_body else Fraction(0))


def minimax_alternative(
    result: AllocationResult, *, node_limit: int = NODE_LIMIT, reason: str = ""
) -> Alternative:
    """The aggregate bodies redistributed to minimise the worst body's deviation (then the total),
    each party keeping its aggregate total; other bodies keep their seats."""
    return _alternative(result, True, node_limit, reason or "the closest fit on the worst body")


def total_alternative(
    result: AllocationResult, *, node_limit: int = NODE_LIMIT, reason: str = ""
) -> Alternative:
    """The same redistribution minimising the total deviation (then the worst body's)."""
    return _alternative(result, False, node_limit, reason or "the closest fit in total")


def _alternative(
    result: AllocationResult, minimax: bool, node_limit: int, reason: str
) -> Alternative:
    council = result.council
    start = {name: dict(seats) for name, seats in result.allocation.items()}
    search = _Search(council, start, node_limit, minimax)
    allocation = start | search.run()
    moves = _moves(council, start, allocation, reason)
    return Alternative(allocation, fit_of(council, allocation), not search.stopped, moves)


Key = tuple[Fraction, Fraction]
Row = tuple[int, ...]


class _Search:
    """Branch and bound over the aggregate bodies' rows (one row: a body's seats per party).

    ``minimax`` orders outcomes by (worst, total), otherwise by (total, worst); the calculator's
    allocation is the first bound, so the answer is never worse than it."""

    def __init__(self, council: Council, start: Seats, node_limit: int, minimax: bool) -> None:
        self.council = council
        self.minimax = minimax
        self.bodies = council.aggregate_bodies()
        self.parties = council.parties
        self.node_limit = node_limit
        self.nodes = 0
        self.stopped = False
        self.best: Seats = {b.name: start[b.name] for b in self.bodies}
        devs = [deviation(council, b.seats, start[b.name]) for b in self.bodies]
        self.best_key = self._key(max(devs, default=Fraction(0)), sum(devs, Fraction(0)))
        self.remaining = {p: sum(start[b.name][p] for b in self.bodies) for p in self.parties}
        rows = [self._rows(b, start[b.name]) for b in self.bodies]
        # The least deviation each body can have on its own: a bound for the bodies not yet set.
        self.least = [r[0][0] if r else Fraction(0) for r in rows]
        slack = self.best_key[0] - sum(self.least, Fraction(0))
        self.rows = [
            [r for r in body_rows if r[0] <= (self.best_key[0] if minimax else least + slack)]
            for body_rows, least in zip(rows, self.least, strict=True)
        ]

    def _key(self, worst: Fraction, total: Fraction) -> Key:
        return (worst, total) if self.minimax else (total, worst)

    def _rows(self, body: Body, given: Mapping[str, int]) -> list[tuple[Fraction, tuple[int, ...]]]:
        seats = body.seats
        bounds = body_bounds(self.council, body)
        # The calculator's own row is always allowed (an agreed adjustment may sit outside them).
        lower = [min(bounds.lower[p], given[p]) for p in self.parties]
        upper = [max(bounds.upper[p], given[p]) for p in self.parties]
        rows = [
            (deviation(self.council, seats, dict(zip(self.parties, row, strict=True))), row)
            for row in _compositions(seats, lower, upper)
        ]
        rows.sort(key=lambda r: (r[0], tuple(-x for x in r[1])))
        return rows

    def run(self) -> Seats:
        self._step(0, Fraction(0), Fraction(0), [])
        return self.best

    def _step(
        self, i: int, worst: Fraction, total: Fraction, chosen: list[tuple[int, ...]]
    ) -> None:
        if i == len(self.bodies):
            key = self._key(worst, total)
            if all(v == 0 for v in self.remaining.values()) and key < self.best_key:
                self.best_key = key
                self.best = {
                    b.name: dict(zip(self.parties, row, strict=True))
                    for b, row in zip(self.bodies, chosen, strict=True)
                }
            return
        rest_worst = max(self.least[i + 1 :], default=Fraction(0))
        rest_total = sum(self.least[i + 1 :], Fraction(0))
        for dev, row in self.rows[i]:
            self.nodes += 1
            if self.nodes > self.node_limit:
                self.stopped = True
                return
            bound = self._key(max(worst, dev, rest_worst), total + dev + rest_total)
            if bound >= self.best_key:
                if bound[0] > self.best_key[0]:
                    break  # rows are nearest first: every later row is further still
                continue
            if any(x > self.remaining[p] for p, x in zip(self.parties, row, strict=True)):
                continue
            for p, x in zip(self.parties, row, strict=True):
                self.remaining[p] -= x
            self._step(i + 1, max(worst, dev), total + dev, [*chosen, row])
            for p, x in zip(self.parties, row, strict=True):
                self.remaining[p] += x
            if self.stopped:
                return


def _compositions(total: int, lower: list[int], upper: list[int]) -> Iterator[tuple[int, ...]]:
    """Every way of writing ``total`` as one whole number per party within its bounds."""
    if not lower:
        if total == 0:
            yield ()
        return
    rest_low, rest_high = sum(lower[1:]), sum(upper[1:])
    for x in range(max(lower[0], total - rest_high), min(upper[0], total - rest_low) + 1):
        for tail in _compositions(total - x, lower[1:], upper[1:]):
            yield (x, *tail)


def _moves(council: Council, start: Seats, end: Seats, reason: str) -> tuple[Adjustment, ...]:
    """Seat moves, body by body, that turn ``start`` into ``end`` (as agreed adjustments)."""
    moves = []
    for body in council.bodies:
        before, after = start[body.name], end[body.name]
        givers = [p for p in council.parties for _ in range(max(0, before[p] - after[p]))]
        takers = [p for p in council.parties for _ in range(max(0, after[p] - before[p]))]
        moves += [
            Adjustment(body.name, giver, taker, reason)
            for giver, taker in zip(givers, takers, strict=True)
        ]
    return tuple(moves)
