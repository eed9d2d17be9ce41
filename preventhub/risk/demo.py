"""The risk demo: Northbridge's local risk assessment for 2016/17, drawn from the
Counter-Terrorism Local Profile with partners' contributions (higher education, prisons and
immigration enforcement did not contribute), agreed at the Prevent working group's first meeting,
the risk register it produced, and this year's draft assessment with contributions still asked of
the academy and the college (tasks in their inboxes).

Runs after the governance demo (its working group meeting is in ``demo``). Every step goes through
the risk services as the Prevent lead, so the audit trail reads as the story; each step first looks
for what it would make, so running the demo twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from preventhub.accounts.roles import Role
from preventhub.core.seeding import Demo

from . import services
from .demo_data import CONTRIBUTIONS, RISKS
from .models import ConcernType, Contribution, Marking, Risk, RiskAssessment

ASSESSMENT = "Northbridge local risk assessment 2016/17"
CURRENT = "Northbridge local risk assessment 2026/27"


def seed(demo: Demo) -> None:
    lead = demo[f"user:{Role.PREVENT_LEAD}"]
    assessment = _assessment(demo, lead)
    demo["risk:assessment"] = assessment
    for row in RISKS:
        _risk(demo, lead, assessment, *row)
    demo["risk:current"] = _current(demo, lead)


def _assessment(demo: Demo, lead: Any) -> RiskAssessment:
    found = RiskAssessment.objects.filter(title=ASSESSMENT).first()
    if found is not None:
        return found
    assessment = services.create_assessment(
        actor=lead,
        data={
            "title": ASSESSMENT,
            "period_start": dt.date(2016, 4, 1),
            "period_end": dt.date(2017, 3, 31),
            "ctlp_edition": "Northshire 2015/16",
            "ctlp_received_on": dt.date(2016, 2, 12),
            "marking": Marking.OFFICIAL_SENSITIVE,
            "summary": (
                "Drawn from the Counter-Terrorism Local Profile and partners' contributions. The "
                "main threats are extreme right-wing activity in the town centre and online "
                "radicalisation of young people; Islamist-inspired risk is low but present."
            ),
        },
    )
    for name, received, summary in CONTRIBUTIONS:
        services.add_contribution(
            actor=lead,
            assessment=assessment,
            organisation=demo[f"org:{name}"],
            received_on=received,
            summary=summary,
        )
    meeting = demo.objects.get("meeting:working group")
    return services.agree_assessment(
        actor=lead,
        assessment=assessment,
        agreed_on=dt.date(2016, 6, 27),
        meeting=meeting,
        expected_version=assessment.version,
    )


def _risk(
    demo: Demo,
    lead: Any,
    assessment: RiskAssessment,
    title: str,
    concern: str | None,
    theme: str,
    wards: list[str] | None,
    sectors: Sequence[str],
    inherent: tuple[int, int],
    residual: tuple[int, int],
    owner: str,
    review_on: dt.date | None,
    trend: str,
    status: str,
    sensitive: bool,
) -> None:
    if Risk.objects.filter(title=title).exists():
        return
    concern_type = (
        ConcernType.objects.valid_on(assessment.period_start).get(code=concern) if concern else None
    )
    services.create_risk(
        actor=lead,
        data={
            "title": title,
            "assessment": assessment,
            "concern_type": concern_type,
            "theme": theme,
            "borough_wide": wards is None,
            "sectors": [str(s) for s in sectors],
            "inherent_likelihood": inherent[0],
            "inherent_impact": inherent[1],
            "residual_likelihood": residual[0],
            "residual_impact": residual[1],
            "owner": demo[f"person:{owner}"],
            "review_on": review_on,
            "trend": trend,
            "status": status,
            "marking": Marking.OFFICIAL_SENSITIVE if sensitive else Marking.OFFICIAL,
        },
        wards=[demo[f"ward:{name}"] for name in wards or []],
    )


def _current(demo: Demo, lead: Any) -> RiskAssessment:
    found = RiskAssessment.objects.filter(title=CURRENT).first()
    if found is not None:
        return found
    current = services.create_assessment(
        actor=lead,
        data={
            "title": CURRENT,
            "period_start": dt.date(2026, 4, 1),
            "period_end": dt.date(2027, 3, 31),
            "ctlp_edition": "Northshire 2025/26",
            "marking": Marking.OFFICIAL_SENSITIVE,
        },
    )
    services.add_contribution(
        actor=lead,
        assessment=current,
        organisation=demo["org:Northshire Police"],
        received_on=dt.date(2026, 5, 8),
        summary="This year's local profile: extreme right-wing activity and online risk rising.",
    )
    for organisation, person in (
        ("Northbridge Academy", "Mark Bennett"),
        ("Northbridge College", "Aisha Karim"),
    ):
        if not Contribution.objects.filter(
            assessment=current, organisation=demo[f"org:{organisation}"]
        ).exists():
            services.request_contribution(
                actor=lead,
                assessment=current,
                organisation=demo[f"org:{organisation}"],
                person=demo[f"person:{person}"],
            )
    return current
