"""Seat allocations: the council's composition on a date put through the seat calculator
(preventhub.governance.seats), saved with its inputs and explained result, adjusted by agreement
and adopted for a municipal year. Every change is audited in the same transaction.

The stored ``inputs`` are exactly the calculator's JSON input (adjustments included), so
``allocate_json(allocation.inputs)`` always reproduces ``allocation.result``. The stored ``result``
is the calculator's detailed JSON plus what the pages need to show it without recomputing:
ordered lists of parties and bodies (PostgreSQL's jsonb does not keep object key order), the
composition date and the public ids of the bodies and groups the names stand for.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.directory.models import MunicipalYear
from preventhub.governance.models import (
    Body,
    PoliticalBalance,
    PoliticalGroup,
    SeatAdjustment,
    SeatAllocation,
)
from preventhub.governance.seats import (
    UNGROUPED,
    Adjustment,
    AllocationResult,
    Balance,
    SeatAllocationError,
    adjust,
    allocate,
    allocate_json,
    parse_council,
    violations,
    what_if,
)

from .members import composition_on

SEAT_ALLOCATION_SAVED = register("governance.seat_allocation_saved", "Seat allocation saved")
SEAT_ADJUSTED = register("governance.seat_adjusted", "Seat moved by agreement")
SEAT_ALLOCATION_ADOPTED = register("governance.seat_allocation_adopted", "Seat allocation adopted")
SEAT_ALLOCATION_SUPERSEDED = register(
    "governance.seat_allocation_superseded", "Seat allocation replaced by another adopted one"
)

# Statutory bodies are balanced together under s.15 (principles (c) and (d)); a voluntarily
# balanced body (the seed's working group) is balanced on its own.
BALANCE_OF = {
    PoliticalBalance.STATUTORY: Balance.AGGREGATE,
    PoliticalBalance.VOLUNTARY: Balance.INDIVIDUAL,
}


class CalculatorRefused(ValidationError):
    """The calculator's own reason (impossible constraints, a body bigger than the council, a seat
    that cannot move), carried as a validation error so forms show it in the GOV.UK pattern."""

    def __init__(self, error: SeatAllocationError) -> None:
        super().__init__(error.reason, code="calculator")
        self.reason = error.reason


# The council on a date ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilOnDay:
    """The political make-up the calculator works from: groups of two or more members, in order of
    size, and everyone else as ungrouped."""

    day: dt.date
    groups: list[tuple[PoliticalGroup, int]]
    ungrouped: int
    # Groups of one member on the day: reg 8 of the 1990 Regulations needs two, so the member
    # counts as ungrouped (said on the page, not silently).
    too_small: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(n for _, n in self.groups) + self.ungrouped


def council_on(day: dt.date) -> CouncilOnDay:
    """From group memberships on ``day`` (three queries, see ``composition_on``)."""
    composition = composition_on(day)
    groups = [(row.group, row.seats) for row in composition.groups if row.seats >= 2]
    too_small = [row.group.name for row in composition.groups if row.seats < 2]
    ungrouped = composition.ungrouped + sum(
        row.seats for row in composition.groups if row.seats < 2
    )
    return CouncilOnDay(day=day, groups=groups, ungrouped=ungrouped, too_small=too_small)


def balanced_bodies(day: dt.date) -> Any:
    """Bodies subject to political balance that have not ended by ``day`` (one that starts later in
    the year, like the seed's working group "in the new municipal year", is included)."""
    return (
        Body.objects.filter(political_balance__in=list(BALANCE_OF))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("political_balance", "name")
    )


@dataclass(frozen=True)
class BodyChoice:
    """One body to balance, as chosen on the form: its size and, for a body balanced on its own,
    the council's local constraints (``min_per_group`` for ``groups``, empty meaning every group;
    ``ungrouped_seats`` None leaves the ungrouped seats to the calculation)."""

    body: Body
    seats: int
    min_per_group: int = 0
    groups: tuple[str, ...] = ()
    ungrouped_seats: int | None = None

    @property
    def balance(self) -> Balance:
        return BALANCE_OF[PoliticalBalance(self.body.political_balance)]

    def constraint(self) -> dict[str, Any] | None:
        if self.balance is not Balance.INDIVIDUAL:
            return None
        if not self.min_per_group and self.ungrouped_seats is None:
            return None
        rule: dict[str, Any] = {"min_per_group": self.min_per_group}
        if self.groups:
            rule["groups"] = list(self.groups)
        if self.ungrouped_seats is not None:
            rule["ungrouped_seats"] = self.ungrouped_seats
        return rule


@dataclass(frozen=True)
class Draft:
    """What the form produced: the calculator input and the records its names stand for."""

    inputs: dict[str, Any]
    records: dict[str, dict[str, str]]
    # The day the groups were read: a date for a new draft, the ISO text (or None) kept in the
    # result of an allocation a variant is made from.
    composition_on: dt.date | str | None


def draft(council: CouncilOnDay, choices: list[BodyChoice]) -> Draft:
    inputs: dict[str, Any] = {
        "groups": {group.name: members for group, members in council.groups},
        "ungrouped": council.ungrouped,
        "bodies": [
            {"name": c.body.name, "seats": c.seats, "balance": c.balance.value} for c in choices
        ],
    }
    constraints = {c.body.name: rule for c in choices if (rule := c.constraint()) is not None}
    if constraints:
        inputs["constraints"] = constraints
    records = {
        "bodies": {c.body.name: str(c.body.public_id) for c in choices},
        "groups": {group.name: str(group.public_id) for group, _ in council.groups},
    }
    return Draft(inputs=inputs, records=records, composition_on=council.day)


def calculate(inputs: dict[str, Any]) -> AllocationResult:
    """Run the calculator; its refusals become :class:`CalculatorRefused` (never a 500)."""
    try:
        return allocate_json(inputs)
    except SeatAllocationError as error:
        raise CalculatorRefused(error) from None


def result_json(
    result: AllocationResult, *, composition_on: dt.date | str | None, records: dict[str, Any]
) -> dict[str, Any]:
    council = result.council
    out = result.as_json(detail=True)
    out["parties"] = list(council.parties)
    out["bodies"] = [
        {"name": b.name, "seats": b.seats, "balance": b.balance.value} for b in council.bodies
    ]
    out["council"] = {
        "groups": [[name, members] for name, members in council.groups],
        "ungrouped": council.ungrouped,
        "size": council.size,
    }
    out["violations"] = [v.text for v in violations(result)]
    out["composition_on"] = str(composition_on) if composition_on else None
    out["records"] = records
    return out


# Saving -----------------------------------------------------------------------------------------


def save_allocation(
    *, actor: Any, municipal_year: MunicipalYear, title: str, draft: Draft
) -> SeatAllocation:
    """Run the calculator on the draft and save the input and its explained result."""
    result = calculate(draft.inputs)
    allocation = SeatAllocation(
        municipal_year=municipal_year,
        title=title.strip(),
        inputs=draft.inputs,
        result=result_json(result, composition_on=draft.composition_on, records=draft.records),
    )
    allocation.full_clean()
    with transaction.atomic():
        allocation.save()
        record_event(
            actor=actor,
            action=SEAT_ALLOCATION_SAVED,
            obj=allocation,
            changes={
                "title": [None, allocation.title],
                "municipal_year": [None, municipal_year.label],
                "composition_on": [None, str(draft.composition_on)],
                "bodies": [None, [b["name"] for b in draft.inputs["bodies"]]],
                "totals": [None, _seats_text(result.totals)],
            },
        )
    return allocation


def _seats_text(seats: dict[str, int]) -> str:
    return ", ".join(f"{party} {n}" for party, n in seats.items())


def stored_inputs(allocation: SeatAllocation) -> dict[str, Any]:
    """A copy of the allocation's input with its groups in the order first given (largest first).

    PostgreSQL's jsonb does not keep an object's key order, and the calculator shows groups in
    input order, so the order is restored from the result's ``council.groups`` list.
    """
    inputs = copy.deepcopy(allocation.inputs)
    order = [name for name, _ in (allocation.result or {}).get("council", {}).get("groups", [])]
    groups = inputs.get("groups", {})
    if isinstance(groups, dict) and set(order) == set(groups):
        inputs["groups"] = {name: groups[name] for name in order}
    return inputs


def base_inputs(allocation: SeatAllocation) -> dict[str, Any]:
    """The allocation's input without its agreed adjustments (they were agreed for these sizes)."""
    inputs = stored_inputs(allocation)
    inputs.pop("adjustments", None)
    return inputs


def what_if_result(allocation: SeatAllocation, body_name: str, seats: int) -> AllocationResult:
    """The whole allocation again with one body resized; nothing is saved."""
    try:
        return what_if(parse_council(base_inputs(allocation)), body_name, seats)
    except SeatAllocationError as error:
        raise CalculatorRefused(error) from None


def save_what_if(
    *, actor: Any, allocation: SeatAllocation, body_name: str, seats: int
) -> SeatAllocation:
    """Save the "what if" as a new allocation (the original is left as it was)."""
    what_if_result(allocation, body_name, seats)  # the same refusals as the page showed
    inputs = base_inputs(allocation)
    for body in inputs["bodies"]:
        if body["name"] == body_name:
            body["seats"] = seats
    result = allocation.result or {}
    new = Draft(
        inputs=inputs,
        records=result.get("records") or {"bodies": {}, "groups": {}},
        composition_on=result.get("composition_on"),
    )
    title = f"{allocation.title} ({body_name} with {seats} seats)"[:200]
    return save_allocation(
        actor=actor, municipal_year=allocation.municipal_year, title=title, draft=new
    )


# Manual adjustments -----------------------------------------------------------------------------


def adjust_allocation(
    *,
    actor: Any,
    allocation: SeatAllocation,
    body_name: str,
    from_party: str,
    to_party: str,
    reason: str,
) -> SeatAdjustment:
    """Move one seat by agreement (usually a swap agreed between group leaders), with the reason.

    The result is recomputed through the calculator's ``adjust``, which records the move as a step
    and names any principle it breaks. An adopted allocation is the record and is not changed:
    save a what-if or a new allocation instead.
    """
    with transaction.atomic():
        locked = SeatAllocation.objects.select_for_update().get(pk=allocation.pk)
        if locked.is_adopted:
            raise ValidationError(
                "This allocation has been adopted and is the record: it cannot be adjusted. "
                "Save a new allocation and adopt that instead."
            )
        inputs = stored_inputs(locked)
        try:
            before = allocate(parse_council(inputs))
            after = adjust(before, Adjustment(body_name, from_party, to_party, reason.strip()))
        except SeatAllocationError as error:
            raise CalculatorRefused(error) from None
        inputs.setdefault("adjustments", []).append(
            {"body": body_name, "from": from_party, "to": to_party, "reason": reason.strip()}
        )
        previous = locked.result or {}
        locked.inputs = inputs
        locked.result = result_json(
            after,
            composition_on=previous.get("composition_on"),
            records=previous.get("records") or {"bodies": {}, "groups": {}},
        )
        locked.version += 1
        locked.save(update_fields=["inputs", "result", "version", "updated_at"])
        adjustment = SeatAdjustment.objects.create(
            allocation=locked,
            body_name=body_name,
            from_group=from_party,
            to_group=to_party,
            reason=reason.strip(),
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        step = after.steps[-1]
        record_event(
            actor=actor,
            action=SEAT_ADJUSTED,
            obj=locked,
            changes={
                "body": [None, body_name],
                "from": [None, from_party],
                "to": [None, to_party],
                "reason": [None, reason.strip()],
                "breaks": [
                    None,
                    [f"({p.value})" if len(p.value) == 1 else p.value for p in step.breaks],
                ],
                body_name: [
                    _seats_text(dict(before.allocation[body_name])),
                    _seats_text(dict(after.allocation[body_name])),
                ],
            },
        )
    allocation.refresh_from_db()
    return adjustment


# Adoption ---------------------------------------------------------------------------------------


def adopted_in(
    year: MunicipalYear, *, exclude: SeatAllocation | None = None
) -> SeatAllocation | None:
    qs = SeatAllocation.objects.filter(municipal_year=year, is_adopted=True)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.first()


def adopt_allocation(*, actor: Any, allocation: SeatAllocation) -> SeatAllocation:
    """Adopt the allocation for its municipal year. Only one is adopted per year: one adopted
    before it is replaced (and that is recorded on both), as when the council's composition
    changes in the year and the seats are allocated again."""
    with transaction.atomic():
        # Locking the year's allocations serialises two adoptions in the same year; the database
        # constraint is the backstop.
        rows = list(
            SeatAllocation.objects.select_for_update()
            .filter(municipal_year_id=allocation.municipal_year_id)
            .order_by("pk")
        )
        current = next(r for r in rows if r.pk == allocation.pk)
        if current.is_adopted:
            raise ValidationError("This allocation is already adopted.")
        for other in rows:
            if other.is_adopted:
                other.is_adopted = False
                other.version += 1
                other.save(update_fields=["is_adopted", "version", "updated_at"])
                record_event(
                    actor=actor,
                    action=SEAT_ALLOCATION_SUPERSEDED,
                    obj=other,
                    changes={"is_adopted": [True, False], "replaced_by": [None, current.title]},
                )
        current.is_adopted = True
        current.version += 1
        current.save(update_fields=["is_adopted", "version", "updated_at"])
        record_event(
            actor=actor,
            action=SEAT_ALLOCATION_ADOPTED,
            obj=current,
            changes={
                "is_adopted": [False, True],
                "municipal_year": [None, current.municipal_year.label],
            },
        )
    allocation.refresh_from_db()
    return allocation


# Reading a stored result ------------------------------------------------------------------------


def body_names(allocation: SeatAllocation) -> list[str]:
    return [b["name"] for b in (allocation.result or {}).get("bodies", [])]


def parties(allocation: SeatAllocation) -> list[str]:
    return list((allocation.result or {}).get("parties", []))


def party_label(party: str) -> str:
    return "Ungrouped members" if party == UNGROUPED else party
