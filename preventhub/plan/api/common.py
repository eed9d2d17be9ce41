"""What the plan's API modules share: number fields, references and the check for adding to a
collection. (No ``from __future__ import annotations``: ninja reads the annotations.)"""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ninja import Field

from preventhub.core.api.lookups import forbid
from preventhub.plan import policies

# Amounts and measure values: JSON numbers within what the columns store, kept to two decimal
# places (the API rounds; the schema states the bounds, so any number inside them is accepted).
LIMIT = 999_999_999_999


def Amount(**kwargs: Any) -> Any:  # noqa: N802  (reads as a field declaration, like Field)
    return Field(ge=0, le=LIMIT, allow_inf_nan=False, **kwargs)


def Value(**kwargs: Any) -> Any:  # noqa: N802
    return Field(ge=-LIMIT, le=LIMIT, allow_inf_nan=False, **kwargs)


def money(value: float | None) -> Decimal | None:
    """A JSON number as the two-decimal value the database stores."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def require_manage(request: Any, what: str) -> None:
    forbid(policies.can_manage_plans(request.user), f"You cannot add {what}.")


def label(obj: Any, text: str) -> dict[str, Any] | None:
    return {"id": obj.public_id, "label": text} if obj is not None else None
