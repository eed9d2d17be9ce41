"""The 5×5 heat map: open risks counted per likelihood and impact cell in one SQL aggregate, laid
out as an accessible SVG (a title, a description and a link per cell) with a data table beside it.

Likelihood runs up the side (5 at the top) and impact along the bottom, as risk matrices are
usually drawn. Each count links to the register filtered to that cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import reverse

from .models import SCALE, Level, RatingMatrix, Risk, RiskStatus

CELL = 64  # pixels per cell
MARGIN = 56  # room for the axis labels
TOP = 8
# Light fills with dark text keep WCAG contrast; the level is also written in each cell's label.
FILLS = {
    Level.LOW: "#cce2d8",
    Level.MEDIUM: "#fff7bf",
    Level.HIGH: "#fcd6c3",
    Level.VERY_HIGH: "#f4cdc6",
}


@dataclass(frozen=True)
class Cell:
    likelihood: int
    impact: int
    count: int
    level: Level
    href: str
    x: int
    y: int

    @property
    def fill(self) -> str:
        return FILLS[self.level]

    @property
    def label(self) -> str:
        noun = "risk" if self.count == 1 else "risks"
        return (
            f"Likelihood {self.likelihood}, impact {self.impact} "
            f"({self.level.label.lower()}): {self.count} {noun}"
        )


@dataclass(frozen=True)
class HeatMap:
    kind: str  # "inherent" or "residual"
    cells: tuple[Cell, ...]
    total: int

    @property
    def title(self) -> str:
        return f"{self.kind.capitalize()} risk heat map"

    @property
    def rows(self) -> list[list[Cell]]:
        """For the data table: likelihood 5 first, impact 1 to 5 across."""
        by_key = {(c.likelihood, c.impact): c for c in self.cells}
        return [
            [by_key[(likelihood, impact)] for impact in SCALE] for likelihood in reversed(SCALE)
        ]

    @property
    def size(self) -> int:
        return MARGIN + CELL * len(SCALE) + TOP

    @property
    def axis(self) -> dict[str, Any]:
        """Positions of the numbers and titles along the two axes."""
        grid = CELL * len(SCALE)
        side = [(n, MARGIN - 14, TOP + (5 - n) * CELL + CELL // 2 + 6) for n in SCALE]
        bottom = [(n, MARGIN + (n - 1) * CELL + CELL // 2, TOP + grid + 22) for n in SCALE]
        return {
            "side": side,
            "bottom": bottom,
            "impact_title": (MARGIN + grid // 2, TOP + grid + 46),
            "likelihood_title": (16, TOP + grid // 2),
        }


def counts(risks: QuerySet[Risk], kind: str) -> dict[tuple[int, int], int]:
    """Open risks per (likelihood, impact), one GROUP BY query."""
    likelihood, impact = f"{kind}_likelihood", f"{kind}_impact"
    rows = (
        risks.filter(status=RiskStatus.OPEN)
        .order_by()
        .values(likelihood, impact)
        .annotate(n=Count("id"))
    )
    return {(row[likelihood], row[impact]): row["n"] for row in rows}


def build(risks: QuerySet[Risk], kind: str, matrix: RatingMatrix) -> HeatMap:
    found = counts(risks, kind)
    register = reverse("risk:risk_list")
    cells = []
    for likelihood in SCALE:
        for impact in SCALE:
            query = urlencode(
                {
                    "status": RiskStatus.OPEN,
                    "rating": kind,
                    "likelihood": likelihood,
                    "impact": impact,
                }
            )
            cells.append(
                Cell(
                    likelihood=likelihood,
                    impact=impact,
                    count=found.get((likelihood, impact), 0),
                    level=matrix.level_for(likelihood * impact),
                    href=f"{register}?{query}",
                    x=MARGIN + (impact - 1) * CELL,
                    y=TOP + (5 - likelihood) * CELL,
                )
            )
    return HeatMap(kind=kind, cells=tuple(cells), total=sum(found.values()))
