"""The seat-allocation calculator: s.15 Local Government and Housing Act 1989, principles (a) to
(d) in order of precedence, with the residue to ungrouped members and local constraints on
individually balanced bodies. See domain reference §4 for the method and its worked example.
"""

from __future__ import annotations

from .adjustments import adjust
from .bodies import reconcile, share_bodies
from .bounds import Bounds, body_bounds, majority_of
from .checks import violations
from .council import UNGROUPED, Council, InvalidCouncil
from .entitlement import entitlement
from .local import balance_individual, check_constraints
from .parsing import parse_council
from .result import AllocationResult
from .steps import Principle, Step, and_list


def allocate(council: Council) -> AllocationResult:
    """Allocate every body's seats; raises ConstraintsCannotBeMet (with the reason) first if a
    body's local constraints contradict each other or its size."""
    for body in council.individual_bodies():
        rule = council.constraint(body.name)
        if rule is not None:
            check_constraints(council, body, rule)
    bounds = {body.name: body_bounds(council, body) for body in council.bodies}
    seats: dict[str, dict[str, int]] = {}
    targets: dict[str, int] = {}
    steps: list[Step] = []
    aggregate = [bounds[b.name] for b in council.aggregate_bodies()]
    if aggregate:
        targets, found = entitlement(council, aggregate, Principle.C)
        shared, shared_steps = share_bodies(council, aggregate)
        seats |= shared
        steps += found + shared_steps + reconcile(council, aggregate, seats, targets)
    for body in council.individual_bodies():
        seats[body.name], found = balance_individual(council, bounds[body.name])
        steps += found
    allocation = {body.name: seats[body.name] for body in council.bodies}
    result = AllocationResult(council, allocation, targets, tuple(steps))
    result = _with_checks(result, aggregate)
    for adjustment in council.adjustments:
        result = adjust(result, adjustment)
    return result


def allocate_json(data: object) -> AllocationResult:
    """Parse the command's (or API's) JSON and allocate; raises SeatAllocationError subclasses."""
    return allocate(parse_council(data))


def what_if(council: Council, body: str, seats: int) -> AllocationResult:
    """The whole allocation again with one body resized. An aggregate body's size changes the
    aggregate, so every aggregate body may move, not only the one resized."""
    try:
        council.body(body)
    except KeyError:
        raise InvalidCouncil(f"There is no body called {body!r}.") from None
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidCouncil(f"A body needs at least one seat ({seats!r} given).")
    if seats > council.size:
        raise InvalidCouncil(
            f"{body} cannot have {seats} seats: the council has {council.size} members."
        )
    # Adjustments were agreed for the old size; they are not carried over silently.
    resized = council.with_body_seats(body, seats)
    return allocate(Council(resized.groups, resized.ungrouped, resized.bodies, resized.constraints))


def _with_checks(result: AllocationResult, aggregate: list[Bounds]) -> AllocationResult:
    """Close with the reference's checks: which principles hold, and where one gave way."""
    council = result.council
    found = {v.principle for v in violations(result)}
    steps = list(result.steps)
    if Principle.A not in found:
        steps.append(Step(Principle.A, "holds: no body has all its seats held by one group"))
    majority = council.majority_group()
    if majority and Principle.B not in found:
        steps.append(_majority_holds(council, majority))
    if aggregate and Principle.C not in found:
        given = result.aggregate_totals
        parts = ", ".join(f"{p} {given[p]}" for p in council.parties)
        steps.append(Step(Principle.C, f"holds: the aggregate bodies total {parts}, as entitled"))
    steps += _closing_d_steps(result)
    return AllocationResult(council, result.allocation, result.targets, tuple(steps))


def _closing_d_steps(result: AllocationResult) -> list[Step]:
    """Name, for each party left more than a seat from its exact share on a body, which earlier
    rule put it there; the step that made the move is above."""
    closing = []
    for v in violations(result):
        if v.principle is not Principle.D:
            continue
        on_body = [s for s in result.steps if s.body == v.body or f"on {v.body}" in s.detail]
        causes = [s.principle for s in on_body if s.principle is not Principle.D]
        if Principle.LOCAL in causes:
            cause = "a local constraint"
        elif Principle.C in causes:
            cause = "principle (c)"
        elif v.party == UNGROUPED:
            cause = "the residue rule (ungrouped members receive the seats left after the groups)"
        else:
            named = [f"principle ({p.value})" for p in dict.fromkeys(causes) if len(p) == 1]
            cause = and_list(named) or "the rounding of the groups' shares above"
        outcome = v.text.split(": ", 1)[1]
        closing.append(
            Step(
                Principle.D,
                f"gives way to {cause}: {outcome}",
                body=v.body,
                group=v.party,
            )
        )
    return closing


def _majority_holds(council: Council, majority: str) -> Step:
    # On a two-seat body a majority would be every seat, which (a) forbids; say so rather than
    # claim a majority that is not there.
    small = [
        b.name
        for b in council.bodies
        if body_bounds(council, b).lower[majority] < majority_of(b.seats)
    ]
    detail = f"holds: {majority} has a majority on every body"
    if small:
        detail += f" except {and_list(small)}, where (a) comes first"
    return Step(Principle.B, detail, group=majority)
