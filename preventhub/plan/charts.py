"""Server-rendered, accessible SVG charts: the RAG summary of a plan's actions and a measure's
trend. Each function returns the geometry a template draws (``plan/includes/*_chart.html``), which
gives the SVG a title and a description and puts the same numbers in a table beside it, so the
chart is never the only way to read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from .rag import Rag, rag_expression

# GOV.UK colours: red, orange (amber), green, dark grey.
COLOURS = {Rag.RED: "#d4351c", Rag.AMBER: "#f47738", Rag.GREEN: "#00703c", Rag.NONE: "#505a5f"}
ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.NONE)


def empty_counts() -> dict[str, int]:
    return {rag.value: 0 for rag in ORDER}


def counts_by(actions: QuerySet[Any], field: str) -> dict[Any, dict[str, int]]:
    """RAG counts per value of ``field`` (one grouped query)."""
    rated = rag_expression(timezone.localdate())
    rows = actions.order_by().annotate(rated=rated).values(field, "rated").annotate(n=Count("pk"))
    found: dict[Any, dict[str, int]] = {}
    for row in rows:
        found.setdefault(row[field], empty_counts())[row["rated"]] += row["n"]
    return found


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str
    y: int
    width: int


BAR_HEIGHT, BAR_GAP, BAR_AREA, LABEL_WIDTH = 28, 12, 320, 100


def rag_bars(counts: dict[str, int]) -> dict[str, Any]:
    """Horizontal bars, one per rating, scaled to the largest count."""
    largest = max(counts.values(), default=0) or 1
    bars = [
        Bar(
            label=rag.label,
            value=counts.get(rag.value, 0),
            colour=COLOURS[rag],
            y=index * (BAR_HEIGHT + BAR_GAP),
            width=round(BAR_AREA * counts.get(rag.value, 0) / largest),
        )
        for index, rag in enumerate(ORDER)
    ]
    total = sum(counts.values())
    summary = ", ".join(f"{bar.value} {bar.label.lower()}" for bar in bars)
    return {
        "bars": bars,
        "height": len(bars) * (BAR_HEIGHT + BAR_GAP),
        "width": LABEL_WIDTH + BAR_AREA + 60,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "total": total,
        "description": f"{total} actions: {summary}.",
    }


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    when: dt.date
    value: Decimal


WIDTH, HEIGHT, PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 640, 260, 70, 20, 20, 40


def trend_line(
    actuals: Sequence[tuple[dt.date, Decimal]],
    *,
    target: Decimal,
    baseline: Decimal | None,
    unit: str,
) -> dict[str, Any] | None:
    """A line through the actuals (oldest first) with the target (and baseline) as level lines;
    ``None`` without actuals."""
    if not actuals:
        return None
    values = [value for _, value in actuals] + [target]
    if baseline is not None:
        values.append(baseline)
    low, high = min(values), max(values)
    span = (high - low) or Decimal(1)
    first, last = actuals[0][0], actuals[-1][0]
    days = (last - first).days or 1
    inner_w, inner_h = WIDTH - PAD_LEFT - PAD_RIGHT, HEIGHT - PAD_TOP - PAD_BOTTOM

    def y_of(value: Decimal) -> float:
        return round(PAD_TOP + inner_h * float((high - value) / span), 1)

    def x_of(when: dt.date) -> float:
        if len(actuals) == 1:
            return PAD_LEFT + inner_w / 2
        return round(PAD_LEFT + inner_w * (when - first).days / days, 1)

    points = [Point(x_of(when), y_of(value), when, value) for when, value in actuals]
    return {
        "points": points,
        "polyline": " ".join(f"{p.x},{p.y}" for p in points),
        "target_y": y_of(target),
        "baseline_y": y_of(baseline) if baseline is not None else None,
        "width": WIDTH,
        "height": HEIGHT,
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "bottom": HEIGHT - PAD_BOTTOM,
        "high": high,
        "low": low,
        "high_y": y_of(high),
        "low_y": y_of(low),
        "unit": unit,
        "description": (
            f"{len(points)} actuals from {first:%-d %B %Y} to {last:%-d %B %Y}, "
            f"latest {actuals[-1][1]} {unit}; target {target} {unit}"
            + (f", baseline {baseline} {unit}" if baseline is not None else "")
            + "."
        ),
    }
