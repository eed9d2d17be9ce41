"""Political proportionality: allocate seats on bodies to political groups under s.15 Local
Government and Housing Act 1989 (domain reference §4).

Pure Python, no database: the management command ``allocate_seats``, the API and the governance
models all call :func:`allocate` (or :func:`allocate_json`) and show its steps.
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
