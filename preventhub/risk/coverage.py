"""Which of the sectors an assessment expects have contributed, counted in one SQL aggregate.

The expected sectors follow the Prevent duty's specified authorities and the local profile's usual
sources: police, schools, further and higher education, health, prisons, probation, immigration
enforcement, and others. Each groups the directory's organisation sectors.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from preventhub.directory.models import Sector

from .models import Contribution, ContributionStatus

EXPECTED: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("police", "Police", frozenset({Sector.POLICE})),
    ("schools", "Schools", frozenset({Sector.SCHOOL, Sector.EARLY_YEARS})),
    ("further_education", "Further education", frozenset({Sector.FURTHER_EDUCATION})),
    ("higher_education", "Higher education", frozenset({Sector.HIGHER_EDUCATION})),
    (
        "health",
        "Health",
        frozenset({Sector.NHS_TRUST, Sector.INTEGRATED_CARE_BOARD, Sector.PRIMARY_CARE}),
    ),
    ("prisons", "Prisons", frozenset({Sector.PRISON})),
    ("probation", "Probation", frozenset({Sector.PROBATION, Sector.YOUTH_JUSTICE})),
    (
        "immigration_enforcement",
        "Immigration enforcement",
        frozenset({Sector.IMMIGRATION_ENFORCEMENT}),
    ),
)
OTHERS = ("others", "Others")
_GROUP_OF = {sector: key for key, _, sectors in EXPECTED for sector in sectors}


@dataclass(frozen=True)
class SectorCoverage:
    key: str
    label: str
    received: int
    requested: int

    @property
    def state(self) -> str:
        if self.received:
            return "contributed"
        return "requested" if self.requested else "missing"


def group_of(sector: str) -> str:
    return _GROUP_OF.get(sector, OTHERS[0])


def coverage(contributions: QuerySet[Contribution]) -> list[SectorCoverage]:
    """One row per expected sector (and others), in the order above."""
    rows = (
        contributions.order_by()
        .values("organisation__sector")
        .annotate(
            received=Count("id", filter=Q(status=ContributionStatus.RECEIVED)),
            requested=Count("id", filter=Q(status=ContributionStatus.REQUESTED)),
        )
    )
    totals: dict[str, list[int]] = {}
    for row in rows:
        counts = totals.setdefault(group_of(row["organisation__sector"]), [0, 0])
        counts[0] += row["received"]
        counts[1] += row["requested"]
    groups = [(key, label) for key, label, _ in EXPECTED] + [OTHERS]
    return [SectorCoverage(key, label, *totals.get(key, [0, 0])) for key, label in groups]


def contribution_count() -> Coalesce:
    """An assessment's contributions, counted in a subquery (for lists of assessments)."""
    counted = (
        Contribution.objects.filter(assessment=OuterRef("pk"))
        .order_by()
        .values("assessment")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
