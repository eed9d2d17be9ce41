"""How close a seat allocation is to exact proportionality, and its two alternatives: the
allocation closest in total and the one closest on the worst body, each keeping every group's
aggregate seats (preventhub.governance.seats.fit). Either can be saved as a new allocation, whose
input records the seat moves as agreed adjustments, and then adopted like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from preventhub.governance.models import SeatAllocation
from preventhub.governance.seats import AllocationResult
from preventhub.governance.seats.fit import (
    Alternative,
    fit_of,
    minimax_alternative,
    total_alternative,
)

from .seat_allocations import CalculatorRefused, Draft, calculate, save_allocation, stored_inputs

KINDS: dict[str, tuple[str, Callable[..., Alternative]]] = {
    "total": ("closest fit in total", total_alternative),
    "worst": ("closest fit on the worst body", minimax_alternative),
}


def fit_options(allocation: SeatAllocation) -> dict[str, Any] | None:
    """The allocation's fit beside its two alternatives, or None if it cannot be recalculated."""
    try:
        result = calculate(stored_inputs(allocation))
    except CalculatorRefused:
        return None
    options: dict[str, Any] = {"current": fit_of(result.council, result.allocation).as_dict()}
    for kind, (label, find) in KINDS.items():
        options[kind] = _option(result, find(result, reason=_reason(label)), label)
    return options


def _reason(label: str) -> str:
    return f"moved for the {label} to exact proportionality, each group keeping its total"


def _option(result: AllocationResult, alternative: Alternative, label: str) -> dict[str, Any]:
    return {
        "label": label,
        "fit": alternative.fit.as_dict(),
        "allocation": alternative.allocation,
        "moves": [
            {"body": m.body, "from": m.from_party, "to": m.to_party} for m in alternative.moves
        ],
        "same": alternative.allocation == {k: dict(v) for k, v in result.allocation.items()},
        "exact": alternative.exact,
    }


def save_fit_alternative(*, actor: Any, allocation: SeatAllocation, kind: str) -> SeatAllocation:
    """Save one alternative as a new allocation (the one it came from is left as it was)."""
    if kind not in KINDS:
        raise ValidationError({"kind": ["Choose which alternative to save."]})
    label, find = KINDS[kind]
    inputs = stored_inputs(allocation)
    alternative = find(calculate(inputs), reason=_reason(label))
    if not alternative.moves:
        raise ValidationError(f"This allocation is already the {label}: there is nothing to save.")
    inputs["adjustments"] = [
        *inputs.get("adjustments", []),
        *(
            {"body": m.body, "from": m.from_party, "to": m.to_party, "reason": m.reason}
            for m in alternative.moves
        ),
    ]
    saved = allocation.result or {}
    draft = Draft(
        inputs=inputs,
        records=saved.get("records") or {"bodies": {}, "groups": {}},
        composition_on=saved.get("composition_on"),
    )
    title = f"{allocation.title} ({label})"[:200]
    return save_allocation(
        actor=actor, municipal_year=allocation.municipal_year, title=title, draft=draft
    )
