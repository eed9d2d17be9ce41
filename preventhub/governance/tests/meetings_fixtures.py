"""Shared builders for the meetings tests: the seed's working group meeting, with a public item, a
report and an exempt item (the story of the seed minutes, with fictional names)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import (
    AgendaItem,
    Body,
    Meeting,
    MembershipRole,
    Report,
    ReportStatus,
)
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    MeetingFactory,
    MembershipFactory,
    RecommendationFactory,
    ReportFactory,
)

EXEMPT_TITLE = "Channel case review: Person A"
PUBLIC_TITLE = "Prevent strategy and a working group of councillors"


@dataclass
class Story:
    body: Body
    meeting: Meeting
    report: Report
    item: AgendaItem
    exempt_item: AgendaItem
    chair: Any
    members: list[Any]
    officer: Any


def london(year: int, month: int, day: int, hour: int = 18, minute: int = 30) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def story(*, published: bool = True, is_public: bool = True) -> Story:
    body = BodyFactory.create(
        name="Cleaner, Greener and Safer Overview and Scrutiny Committee", is_public=is_public
    )
    chair = PersonFactory.create(
        name="Councillor Gerrard", organisation=None, job_title="Councillor"
    )
    members = [
        PersonFactory.create(name=name, organisation=None, job_title="Councillor")
        for name in ("Councillor Hague", "Councillor Ray", "Councillor Stone")
    ]
    MembershipFactory.create(
        body=body, person=chair, role=MembershipRole.CHAIR, starts_on=dt.date(2015, 5, 20)
    )
    for person in members:
        MembershipFactory.create(
            body=body, person=person, role=MembershipRole.MEMBER, starts_on=dt.date(2015, 5, 20)
        )
    officer = PersonFactory.create(name="Helen Marsh", job_title="Head of Resident Services")
    starts = london(2016, 1, 14)
    meeting = MeetingFactory.create(
        body=body,
        starts_at=starts,
        municipal_year=None,
        agenda_published_at=(starts - dt.timedelta(days=7)) if published else None,
    )
    report = ReportFactory.create(
        body=body,
        title="Prevent",
        status=ReportStatus.PUBLISHED,
        report_of="Head of Resident Services",
        executive_summary="This report sets out the Prevent duty and proposes a working group.",
    )
    RecommendationFactory.create(
        report=report, number=1, text="That the Prevent strategy is noted."
    )
    RecommendationFactory.create(
        report=report, number=2, text="That a working group be established."
    )
    item = AgendaItemFactory.create(
        meeting=meeting,
        number="5",
        order=1,
        title=PUBLIC_TITLE,
        report=report,
        presenting_officer=officer,
    )
    exempt = AgendaItemFactory.create(
        meeting=meeting, number="9", order=2, title=EXEMPT_TITLE, is_exempt=True, exempt_paragraph=1
    )
    return Story(
        body=body,
        meeting=meeting,
        report=report,
        item=item,
        exempt_item=exempt,
        chair=chair,
        members=members,
        officer=officer,
    )
