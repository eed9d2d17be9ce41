"""Benchmark data for the risk module (``manage.py seed_scale``): assessments, partner
contributions and the risk register at the size of a district, a metropolitan area or the whole
country, built on the directory's scale data (organisations, people, wards). The same every time
for the same ``rng``.

``district`` is one partnership over three years (3 assessments, 300 risks); ``metropolitan``
four (12 assessments, 1,200 risks); ``national`` thirty (90 assessments, 6,300 risks). Rows are
built from generators and inserted in batches (``preventhub.core.scale``), so memory stays flat;
they bypass record history, as the other modules' scale data does.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from preventhub.core.scale import PublicIds, insert, insert_all
from preventhub.directory.models import Organisation, Person, Sector, Ward

from .models import (
    AssessmentStatus,
    ConcernType,
    Contribution,
    ContributionStatus,
    Marking,
    Risk,
    RiskAssessment,
    RiskStatus,
    Trend,
)

FIRST_YEAR = 2023
THEMES = ("Online", "Propaganda", "Venues", "Referral pathways", "Cohesion", "Health",
          "Training", "Recruitment", "Education", "Offender management", "Hate crime",
          "Information sharing", "Channel")  # fmt: skip
HAZARDS = ("Online radicalisation of", "Extremist recruitment of", "Propaganda aimed at",
           "Hate crime against", "Isolation of", "Exploitation of")  # fmt: skip
GROUPS = ("young people", "college students", "vulnerable adults", "people leaving prison",
          "places of worship", "young men", "pupils", "asylum seekers", "care leavers")  # fmt: skip
STATUSES = (RiskStatus.OPEN, RiskStatus.TOLERATED, RiskStatus.CLOSED)
STATUS_WEIGHTS = (75, 15, 10)


@dataclass(frozen=True)
class Size:
    partnerships: int
    years: int  # one assessment a year per partnership
    risks: int  # per assessment
    contributions: int  # per assessment


SIZES = {
    "district": Size(partnerships=1, years=3, risks=100, contributions=8),
    "metropolitan": Size(partnerships=4, years=3, risks=100, contributions=8),
    "national": Size(partnerships=30, years=3, risks=70, contributions=8),
}


@dataclass
class _Shared:
    people: list[int]
    organisations: list[int]
    wards: list[int]
    concerns: dict[int, list[int]]  # year → concern type ids valid on its 1 April


def seed(size: str, rng: random.Random) -> dict[str, int]:
    """Bulk-create risk data for ``district``, ``metropolitan`` or ``national``; return counts."""
    wanted = SIZES[size]
    years = range(FIRST_YEAR, FIRST_YEAR + wanted.years)
    shared = _Shared(
        people=list(Person.objects.order_by("pk").values_list("pk", flat=True)[:5000]),
        organisations=list(Organisation.objects.order_by("pk").values_list("pk", flat=True)),
        wards=list(Ward.objects.order_by("pk").values_list("pk", flat=True)),
        concerns={year: _concerns(dt.date(year, 4, 1)) for year in years},
    )  # fmt: skip
    counts: Counter[str] = Counter()
    ids = PublicIds(rng, RiskAssessment.objects.count())
    assessments = list(insert(RiskAssessment, _assessments(wanted, years, ids)))
    counts["assessments"] = len(assessments)
    counts["contributions"] = insert_all(
        Contribution, _contributions(assessments, wanted, shared, rng, ids)
    )
    through = Risk.wards.through
    links: list[object] = []
    for risk in insert(Risk, _risks(assessments, wanted, shared, rng, ids)):
        counts["risks"] += 1
        if not risk.borough_wide:
            for ward in rng.sample(shared.wards, k=min(len(shared.wards), rng.randint(1, 3))):
                links.append(through(risk_id=risk.pk, ward_id=ward))
        if len(links) >= 2000:
            counts["risk wards"] += len(through.objects.bulk_create(links))  # type: ignore[arg-type]
            links = []
    counts["risk wards"] += len(through.objects.bulk_create(links))  # type: ignore[arg-type]
    return dict(counts)


def _concerns(day: dt.date) -> list[int]:
    return list(ConcernType.objects.valid_on(day).values_list("pk", flat=True))


def _assessments(wanted: Size, years: range, ids: PublicIds) -> Iterator[RiskAssessment]:
    latest = years[-1]
    for partnership in range(1, wanted.partnerships + 1):
        for year in years:
            agreed = year < latest
            yield RiskAssessment(
                public_id=ids(),
                title=f"Partnership {partnership} local risk assessment {year}/{str(year + 1)[2:]}",
                period_start=dt.date(year, 4, 1),
                period_end=dt.date(year + 1, 3, 31),
                ctlp_edition=f"{year - 1}/{str(year)[2:]}",
                ctlp_received_on=dt.date(year, 2, 14),
                # Most years' assessments are sensitive; every partnership has an OFFICIAL one.
                marking=Marking.OFFICIAL if year == latest else Marking.OFFICIAL_SENSITIVE,
                status=AssessmentStatus.AGREED if agreed else AssessmentStatus.DRAFT,
                agreed_on=dt.date(year, 6, 30) if agreed else None,
            )


def _contributions(
    assessments: list[RiskAssessment], wanted: Size, shared: _Shared, rng: random.Random,
    ids: PublicIds,
) -> Iterator[Contribution]:  # fmt: skip
    for assessment in assessments:
        start = assessment.period_start
        for organisation in rng.sample(shared.organisations, k=wanted.contributions):
            received = rng.random() < 0.75
            yield Contribution(
                public_id=ids(),
                assessment=assessment,
                organisation_id=organisation,
                status=ContributionStatus.RECEIVED if received else ContributionStatus.REQUESTED,
                received_on=start - dt.timedelta(days=rng.randint(20, 60)) if received else None,
                requested_from_id=None if received else rng.choice(shared.people),
                summary="Our organisation's view of local risk." if received else "",
            )


def _risks(
    assessments: list[RiskAssessment], wanted: Size, shared: _Shared, rng: random.Random,
    ids: PublicIds,
) -> Iterator[Risk]:  # fmt: skip
    for assessment in assessments:
        concerns = shared.concerns[assessment.period_start.year]
        for n in range(1, wanted.risks + 1):
            likelihood, impact = rng.randint(1, 5), rng.randint(1, 5)
            yield Risk(
                public_id=ids(),
                reference=f"R{n}",
                title=f"{rng.choice(HAZARDS)} {rng.choice(GROUPS)}",
                description="A risk from the local profile and partners' contributions.",
                assessment=assessment,
                concern_type_id=rng.choice(concerns) if rng.random() < 0.8 else None,
                theme=rng.choice(THEMES),
                borough_wide=rng.random() < 0.3,
                sectors=rng.sample(Sector.values, k=rng.randint(1, 3)),
                inherent_likelihood=likelihood,
                inherent_impact=impact,
                residual_likelihood=max(1, likelihood - rng.randint(0, 2)),
                residual_impact=max(1, impact - rng.randint(0, 1)),
                owner_id=rng.choice(shared.people) if shared.people else None,
                review_on=assessment.period_end - dt.timedelta(days=rng.randint(-200, 400)),
                trend=rng.choice(Trend.values),
                status=rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0],
                marking=Marking.OFFICIAL_SENSITIVE if rng.random() < 0.3 else Marking.OFFICIAL,
            )
