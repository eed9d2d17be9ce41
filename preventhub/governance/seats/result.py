"""The calculator's answer: seats per body, the aggregate entitlement it was held to, the steps
that explain it, and entitlement tables for the UI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .arithmetic import fmt, share
from .council import Council
from .steps import Step

Allocation = Mapping[str, Mapping[str, int]]


@dataclass(frozen=True)
class EntitlementRow:
    party: str
    members: int
    exact: Fraction
    # For the aggregate table: the whole-seat entitlement after principles (a)-(c) and the
    # residue; for a body: None (its seats are the allocation itself).
    entitled: int | None
    seats: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "members": self.members,
            "exact": fmt(self.exact),
            "exact_fraction": f"{self.exact.numerator}/{self.exact.denominator}",
            "entitled": self.entitled,
            "seats": self.seats,
        }


@dataclass(frozen=True)
class EntitlementTable:
    scope: str  # "aggregate" or a body's name
    seats: int
    rows: tuple[EntitlementRow, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, "seats": self.seats, "rows": [r.as_dict() for r in self.rows]}


@dataclass(frozen=True)
class AllocationResult:
    council: Council
    allocation: Allocation
    # Aggregate entitlement per party after principles (a)-(c) and the residue: what the
    # aggregate bodies' seats must add up to. Empty when the council has no aggregate bodies.
    targets: Mapping[str, int]
    steps: tuple[Step, ...]

    @property
    def totals(self) -> dict[str, int]:
        """Seats per party across every body, aggregate and individual."""
        return {
            p: sum(seats[p] for seats in self.allocation.values()) for p in self.council.parties
        }

    @property
    def aggregate_totals(self) -> dict[str, int]:
        names = {b.name for b in self.council.aggregate_bodies()}
        return {
            p: sum(seats[p] for body, seats in self.allocation.items() if body in names)
            for p in self.council.parties
        }

    @property
    def tables(self) -> tuple[EntitlementTable, ...]:
        """Exact entitlements beside the seats given: the aggregate first, then each body."""
        council = self.council
        tables = []
        aggregate = council.aggregate_bodies()
        if aggregate:
            total = sum(b.seats for b in aggregate)
            given = self.aggregate_totals
            rows = tuple(
                EntitlementRow(
                    p,
                    council.members(p),
                    share(total, council.members(p), council.size),
                    self.targets.get(p),
                    given[p],
                )
                for p in council.parties
            )
            tables.append(EntitlementTable("aggregate", total, rows))
        for body in council.bodies:
            rows = tuple(
                EntitlementRow(
                    p,
                    council.members(p),
                    share(body.seats, council.members(p), council.size),
                    None,
                    self.allocation[body.name][p],
                )
                for p in council.parties
            )
            tables.append(EntitlementTable(body.name, body.seats, rows))
        return tuple(tables)

    def as_json(self, *, detail: bool = False) -> dict[str, Any]:
        """The command's output; ``detail`` adds structured steps and entitlement tables."""
        out: dict[str, Any] = {
            "allocation": {body: dict(seats) for body, seats in self.allocation.items()},
            "totals": self.totals,
            "steps": [step.text for step in self.steps],
        }
        if detail:
            out["step_details"] = [step.as_dict() for step in self.steps]
            out["entitlements"] = [table.as_dict() for table in self.tables]
            out["aggregate_entitlement"] = dict(self.targets)
        return out
