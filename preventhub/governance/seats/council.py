"""The calculator's input: a council's political make-up, its bodies and any local constraints.

These are plain frozen dataclasses, not Django models: the calculator must run the same from the
management command, the API and (later) the governance models, and must be testable without a
database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

# The key used for non-aligned members wherever a group name would go. Parsing refuses a group of
# this name so the two can never be confused.
UNGROUPED = "ungrouped"


class Balance(StrEnum):
    # Ordinary committees balanced together under principles (c) and (d).
    AGGREGATE = "aggregate"
    # A body balanced on its own, such as a voluntarily balanced working group.
    INDIVIDUAL = "individual"


@dataclass(frozen=True)
class Body:
    name: str
    seats: int
    balance: Balance = Balance.AGGREGATE


@dataclass(frozen=True)
class LocalConstraint:
    """What a council adds for a voluntarily balanced body (the seed: one seat per main party and
    one for an independent member).

    ``groups`` empty means every group. ``ungrouped_seats`` is the exact number of seats reserved
    for non-aligned members, or ``None`` to leave that to the calculation.
    """

    min_per_group: int = 0
    groups: tuple[str, ...] = ()
    ungrouped_seats: int | None = None


@dataclass(frozen=True)
class Adjustment:
    """A seat moved by agreement (usually between group leaders), with the reason recorded."""

    body: str
    from_party: str
    to_party: str
    reason: str


@dataclass(frozen=True)
class Council:
    # Insertion order is kept: it is the order groups appear in every table and output.
    groups: tuple[tuple[str, int], ...]
    ungrouped: int
    bodies: tuple[Body, ...]
    constraints: tuple[tuple[str, LocalConstraint], ...] = ()
    adjustments: tuple[Adjustment, ...] = field(default=())

    @property
    def size(self) -> int:
        return sum(members for _, members in self.groups) + self.ungrouped

    @property
    def group_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.groups)

    @property
    def parties(self) -> tuple[str, ...]:
        """Groups then ungrouped: the columns of every allocation."""
        return (*self.group_names, UNGROUPED)

    def members(self, party: str) -> int:
        if party == UNGROUPED:
            return self.ungrouped
        return dict(self.groups)[party]

    def majority_group(self) -> str | None:
        """The group with more than half of the whole council, if any (principle (b))."""
        for name, members in self.groups:
            if 2 * members > self.size:
                return name
        return None

    def body(self, name: str) -> Body:
        for body in self.bodies:
            if body.name == name:
                return body
        raise KeyError(name)

    def constraint(self, body: str) -> LocalConstraint | None:
        return dict(self.constraints).get(body)

    def aggregate_bodies(self) -> tuple[Body, ...]:
        return tuple(b for b in self.bodies if b.balance is Balance.AGGREGATE)

    def individual_bodies(self) -> tuple[Body, ...]:
        return tuple(b for b in self.bodies if b.balance is Balance.INDIVIDUAL)

    def with_body_seats(self, name: str, seats: int) -> Council:
        """The same council with one body resized ("what if the body had N seats")."""
        self.body(name)  # KeyError for an unknown body, before anything is built
        bodies = tuple(replace(b, seats=seats) if b.name == name else b for b in self.bodies)
        return replace(self, bodies=bodies)


class SeatAllocationError(ValueError):
    """Base for every error the calculator reports to a person; ``reason`` is the human sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class InvalidCouncil(SeatAllocationError):
    """The input does not describe a council the calculator can work on."""


class ConstraintsCannotBeMet(SeatAllocationError):
    """A body's local constraints contradict each other or its size."""


class InvalidAdjustment(SeatAllocationError):
    """A manual seat move that cannot be made (no seat to give, no member to take it)."""
