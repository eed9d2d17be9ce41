"""Outcome measures: the trend of a measure's actuals and its RAG against its target (pure
functions over numbers, so they are tested without a database).

The trend compares the two latest actuals: better, worse or the same, "better" meaning higher or
lower according to the direction. RAG compares the latest actual with the target and the
baseline: the target met (or passed) is green; better than the baseline but short of the target is
amber; no better than the baseline is red; no actuals yet is not rated.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import models

from .rag import Rag


class Direction(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class MeasureTrend(models.TextChoices):
    IMPROVING = "improving", "Improving"
    WORSENING = "worsening", "Worsening"
    STEADY = "steady", "No change"
    UNKNOWN = "unknown", "Not enough actuals"


Trend = MeasureTrend  # the earlier name (the class's own keeps it apart from risk's Trend)


def _better(a: Decimal, b: Decimal, direction: str) -> bool:
    """Whether ``a`` is better than ``b``."""
    return a > b if direction == Direction.HIGHER else a < b


def trend(values: Sequence[Decimal], direction: str) -> MeasureTrend:
    """The trend of ``values`` (oldest first) from the last two."""
    if len(values) < 2:
        return MeasureTrend.UNKNOWN
    previous, latest = values[-2], values[-1]
    if latest == previous:
        return MeasureTrend.STEADY
    return (
        MeasureTrend.IMPROVING if _better(latest, previous, direction) else MeasureTrend.WORSENING
    )


def measure_rag(
    *, latest: Decimal | None, baseline: Decimal | None, target: Decimal, direction: str
) -> Rag:
    """The measure's RAG from its latest actual."""
    if latest is None:
        return Rag.NONE
    if latest == target or _better(latest, target, direction):
        return Rag.GREEN
    if baseline is not None and not _better(latest, baseline, direction):
        return Rag.RED
    return Rag.AMBER
