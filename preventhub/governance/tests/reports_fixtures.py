"""A committee report shaped like the seed report (fictional people), shared by the report tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from preventhub.directory.models import Person
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    AgendaItem,
    Body,
    Implication,
    ImplicationKind,
    Meeting,
    Recommendation,
    Report,
    ReportStatus,
)
from preventhub.governance.tests.factories import AgendaItemFactory, BodyFactory, MeetingFactory

SUMMARY = (
    "This report is to make members aware of the Community Safety Partnership Prevent Strategy. "
    "As agreed by Full Council the report also moves towards establishing a members working group "
    "on Prevent."
)
RECOMMENDATIONS = [
    "That the contents of the Community Safety Partnership Prevent Strategy are noted.",
    "That a Working group be established in the new municipal year to address the terms of "
    "reference "
    "found at Appendix 2 of this report.",
    "That the number of Members of the Working group be agreed, following which Group Leaders will "
    "be "
    "requested to make nominations in accordance with political proportionality.",
    "That the scope and terms of reference of the working group be agreed, as outlined in draft in "
    "appendix 2.",
]
INTRODUCTION = """The Counter Terrorism and Security Act became law on 16 February 2015.

## The Prevent Duty Guidance

The Prevent duty guidance sets an expectation that local authorities will:
- Establish or make use of an existing local multi-agency group
- Use the existing counter-terrorism local profiles

The other specified authorities include criminal justice agencies."""


@dataclass
class SeedReport:
    report: Report
    finance: Person
    legal: Person
    equality: Person
    implications: dict[str, Implication]


def officers() -> tuple[Person, Person, Person]:
    return (
        PersonFactory.create(
            name="Jo Whitfield", job_title="Chief Accountant", email="jo.whitfield@example.gov.uk"
        ),
        PersonFactory.create(
            name="Dev Lawrence", job_title="Monitoring Officer", email="dev.lawrence@example.gov.uk"
        ),
        PersonFactory.create(
            name="Nadia Warsame",
            job_title="Community Development and Equalities Manager",
            email="nadia.warsame@example.gov.uk",
        ),
    )


def seed_report(
    *,
    body: Body | None = None,
    status: str = ReportStatus.DRAFT,
    verified: bool = False,
    **fields: Any,
) -> SeedReport:
    """The seed report's structure: four recommendations; financial, legal and equality
    implications each with a verifying officer (required) and an "other" one (not required)."""
    body = body or BodyFactory.create()
    finance, legal, equality = officers()
    report = Report.objects.create(
        title="Prevent: the partnership's strategy and a members' working group",
        body=body,
        report_of="Head of Resident Services",
        status=status,
        executive_summary=SUMMARY,
        introduction=INTRODUCTION,
        issues_and_options="The Constitution Working Group discussed the option for a Member led "
        "body.",
        reasons="Members should note the content of that Strategy.",
        consultation="Full Council",
        corporate_policies="Such a Members' led Group would contribute to the effective discharge "
        "of Prevent duties.",
        background_papers="- Members' led body on Prevent duties, paper to Full Council November "
        "2015. "
        "https://democracy.example.gov.uk/documents/s6159.pdf\n- TCSP Prevent terms of reference",
        **fields,
    )
    for number, text in enumerate(RECOMMENDATIONS, start=1):
        Recommendation.objects.create(report=report, number=number, text=text)
    day = dt.date(2016, 3, 1) if verified else None
    implications = {
        "financial": Implication.objects.create(
            report=report,
            kind=ImplicationKind.FINANCIAL,
            verifier=finance,
            text="Such a Members' led Prevent Group would be provided within existing budgets.",
            **_verified(finance, day),
        ),
        "legal": Implication.objects.create(
            report=report,
            kind=ImplicationKind.LEGAL,
            verifier=legal,
            text="The constitution allows for the setting up of Working Groups.",
            **_verified(legal, day),
        ),
        "equality": Implication.objects.create(
            report=report,
            kind=ImplicationKind.EQUALITY,
            verifier=equality,
            text="A Members' led Prevent Group could make a significant contribution to "
            "understanding "
            "local communities.",
            **_verified(equality, day),
        ),
        "other": Implication.objects.create(
            report=report,
            kind=ImplicationKind.OTHER,
            heading="Crime and disorder",
            is_required=False,
            text="The prevent strategy and a member led working group will help tackle crime and "
            "disorder.",
        ),
    }
    return SeedReport(report, finance, legal, equality, implications)


def _verified(person: Person, day: dt.date | None) -> dict[str, Any]:
    if day is None:
        return {}
    return {
        "verified_by_name": person.name,
        "verified_by_title": person.job_title,
        "verified_on": day,
    }


def agenda_item_for(report: Report, *, published: bool = True) -> AgendaItem:
    """An agenda item of a meeting of the report's body (without the report on it yet)."""
    meeting: Meeting = MeetingFactory.create(
        body=report.body,
        municipal_year=None,
        starts_at=timezone.make_aware(dt.datetime(2016, 3, 15, 19, 0)),
        agenda_published_at=timezone.now() if published else None,
    )
    return AgendaItemFactory.create(
        meeting=meeting, number="7", title="Prevent strategy and working group"
    )
