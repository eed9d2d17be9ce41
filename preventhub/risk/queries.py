"""The register's filters, shared by the register page and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from . import flags
from .models import RatingMatrix, Risk


def apply_filters(
    rows: QuerySet[Risk], data: dict[str, Any], matrix: RatingMatrix
) -> QuerySet[Risk]:
    """The register's filters, each on an indexed column or a join the register already makes."""
    prefix = "inherent" if data.get("rating") == "inherent" else "residual"
    if data.get("concern_type"):
        rows = rows.filter(concern_type=data["concern_type"])
    if data.get("status"):
        rows = rows.filter(status=data["status"])
    if data.get("level"):
        rows = rows.filter(**{f"{prefix}_score__range": matrix.score_range(data["level"])})
    if data.get("likelihood"):
        rows = rows.filter(**{f"{prefix}_likelihood": data["likelihood"]})
    if data.get("impact"):
        rows = rows.filter(**{f"{prefix}_impact": data["impact"]})
    if data.get("owner"):
        rows = rows.filter(owner=data["owner"])
    if data.get("ward"):
        rows = rows.filter(wards=data["ward"])
    if data.get("flag") == "no_action":
        rows = flags.without_action(rows)
    elif data.get("flag") == "past_review":
        rows = rows.filter(flags.is_past_review(timezone.localdate()))
    return rows
