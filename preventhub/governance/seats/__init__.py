"""Political proportionality: allocate seats on bodies to political groups under s.15 Local
Government and Housing Act 1989 (domain reference §4).

Pure Python, no database: the management command ``allocate_seats``, the API and the governance
models all call :func:`allocate` (or :func:`allocate_json`) and show its steps.

    council = Council(
        groups=(("A", 27), ("B", 15), ("C", 6)),
        ungrouped=3,
        bodies=(Body("Planning", 13), Body("Working Group", 5, Balance.INDIVIDUAL)),
        constraints=(("Working Group", LocalConstraint(min_per_group=1, ungrouped_seats=1)),),
    )
    result = allocate(council)          # SeatAllocationError subclasses carry ``.reason``
    result.allocation["Planning"]       # {"A": 7, "B": 4, "C": 2, "ungrouped": 0}
    result.steps                        # Step(principle, detail, body, group, breaks)
    result.tables                       # exact entitlements beside the seats given
    what_if(council, "Planning", 12)    # the whole allocation again with one body resized
    adjust(result, Adjustment("Planning", "B", "C", reason="agreed by group leaders"))
"""

from .adjustments import adjust
from .calculator import allocate, allocate_json, what_if
from .checks import Violation, violations
from .council import (
    UNGROUPED,
    Adjustment,
    Balance,
    Body,
    ConstraintsCannotBeMet,
    Council,
    InvalidAdjustment,
    InvalidCouncil,
    LocalConstraint,
    SeatAllocationError,
)
from .parsing import parse_council
from .result import AllocationResult, EntitlementRow, EntitlementTable
from .steps import Principle, Step

__all__ = [
    "UNGROUPED",
    "Adjustment",
    "AllocationResult",
    "Balance",
    "Body",
    "ConstraintsCannotBeMet",
    "Council",
    "EntitlementRow",
    "EntitlementTable",
    "InvalidAdjustment",
    "InvalidCouncil",
    "LocalConstraint",
    "Principle",
    "SeatAllocationError",
    "Step",
    "Violation",
    "adjust",
    "allocate",
    "allocate_json",
    "parse_council",
    "violations",
    "what_if",
]
