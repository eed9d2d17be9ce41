"""Shared by the governance API tests: token clients (the API tests' own fixtures, re-exported) and
a set of papers with something to hide: an exempt item and report, a draft report, draft minutes
and a body that is not public, each with words that must never reach a caller who may not see it.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from preventhub.accounts.testing import token_for
from preventhub.core.testing.api import ApiClient, url
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    DecisionAction,
    Declaration,
    InterestKind,
    Meeting,
    MinutesStatus,
    Nomination,
    Question,
    Report,
    ReportStatus,
    SeatAllocation,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    ClauseFactory,
    CouncillorFactory,
    DecisionFactory,
    MeetingFactory,
    MinuteFactory,
    RecommendationFactory,
    ReportFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

__all__ = ["ApiClient", "Papers", "clients", "papers", "token_for", "url"]


def clients(personas: dict[str, Any]) -> Callable[[str], ApiClient]:
    """``clients(personas)("councillor")``: a client holding a fresh token of that persona (each
    test module wraps this in its ``api_as`` fixture)."""

    def make(persona: str) -> ApiClient:
        return ApiClient(token_for(personas[persona]))

    return make


# Words that appear only in records some callers must not see.
EXEMPT = "Channel case review: Person A"
EXEMPT_REPORT = "Exempt report on Person A"
DRAFT_REPORT = "Unpublished draft on a working group"
DRAFT_MINUTES = "Points from the draft minutes"
DRAFT_RESOLUTION = "Resolution still in draft minutes"
EXEMPT_RESOLUTION = "Resolution on the exempt item"
EXEMPT_DECLARATION = "Knows Person A's family"
DRAFT_TERMS = "Remove the clause on scrutinising spend"
SECRETS = [
    EXEMPT,
    EXEMPT_REPORT,
    DRAFT_REPORT,
    DRAFT_MINUTES,
    DRAFT_RESOLUTION,
    EXEMPT_RESOLUTION,
    EXEMPT_DECLARATION,
    DRAFT_TERMS,
]


def london(year: int, month: int, day: int, hour: int = 18) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, 30))


@dataclass
class Papers:
    body: Body
    private_body: Body
    meeting: Meeting
    draft_meeting: Meeting
    item: AgendaItem
    exempt_item: AgendaItem
    draft_item: AgendaItem
    report: Report
    draft_report: Report
    exempt_report: Report
    minute: Any
    exempt_minute: Any
    draft_minute: Any
    resolution: Any
    exempt_resolution: Any
    draft_resolution: Any
    decision: Any
    exempt_decision: Any
    draft_decision: Any
    action: DecisionAction
    terms: Any
    draft_terms: Any
    allocation: SeatAllocation
    nomination: Nomination


def papers() -> Papers:
    """The seed's committee: a meeting with approved minutes (a public item with its report and
    an exempt item with an exempt report) and a later meeting whose minutes are still a draft."""
    year = MunicipalYearFactory.create(
        label="2015/16", starts_on=dt.date(2015, 5, 20), ends_on=dt.date(2016, 5, 17)
    )
    body = BodyFactory.create(name="Cleaner, Greener and Safer Overview and Scrutiny Committee")
    private_body = BodyFactory.create(name="Prevent Strategic Group", is_public=False)
    officer = PersonFactory.create(name="Helen Marsh", job_title="Head of Resident Services")
    member = PersonFactory.create(
        name="Councillor Hague", organisation=None, job_title="Councillor"
    )

    report = ReportFactory.create(
        body=body,
        title="Prevent",
        status=ReportStatus.PUBLISHED,
        published_at=london(2016, 1, 6),
    )
    recommendation = RecommendationFactory.create(
        report=report, number=1, text="Note the strategy."
    )
    draft_report = ReportFactory.create(body=body, title=DRAFT_REPORT, status=ReportStatus.DRAFT)
    exempt_report = ReportFactory.create(
        body=body,
        title=EXEMPT_REPORT,
        status=ReportStatus.PUBLISHED,
        is_exempt=True,
        exempt_paragraph=1,
    )

    meeting = MeetingFactory.create(
        body=body,
        municipal_year=year,
        starts_at=london(2016, 1, 14),
        agenda_published_at=london(2016, 1, 6),
        minutes_status=MinutesStatus.APPROVED,
    )
    item = AgendaItemFactory.create(
        meeting=meeting,
        number="5",
        order=1,
        title="Prevent strategy",
        report=report,
        presenting_officer=officer,
    )
    exempt_item = AgendaItemFactory.create(
        meeting=meeting,
        number="9",
        order=2,
        title=EXEMPT,
        is_exempt=True,
        exempt_paragraph=1,
        report=exempt_report,
    )
    draft_meeting = MeetingFactory.create(
        body=body,
        municipal_year=year,
        starts_at=london(2016, 3, 10),
        agenda_published_at=london(2016, 3, 2),
        minutes_status=MinutesStatus.DRAFT,
    )
    draft_item = AgendaItemFactory.create(
        meeting=draft_meeting, number="4", order=1, title="Working group", report=draft_report
    )

    minute = MinuteFactory.create(item=item, presented_by=officer, points="The officer presented.")
    Question.objects.create(
        minute=minute,
        asked_by=member,
        question="How many Channel cases are open?",
        answered_by=officer,
        answer="Fewer than five.",
    )
    exempt_minute = MinuteFactory.create(item=exempt_item, points="Exempt discussion.")
    draft_minute = MinuteFactory.create(item=draft_item, points=DRAFT_MINUTES)
    resolution = ResolutionFactory.create(
        minute=minute,
        number="77.1",
        text="That the strategy be noted.",
        recommendation=recommendation,
    )
    exempt_resolution = ResolutionFactory.create(
        minute=exempt_minute, number="78", text=EXEMPT_RESOLUTION
    )
    draft_resolution = ResolutionFactory.create(
        minute=draft_minute, number="80", text=DRAFT_RESOLUTION
    )

    decision = DecisionFactory.create(
        title="Strategy noted",
        resolution=resolution,
        meeting=meeting,
        decided_on=dt.date(2016, 1, 14),
    )
    exempt_decision = DecisionFactory.create(
        title=EXEMPT_RESOLUTION, resolution=exempt_resolution, meeting=meeting
    )
    draft_decision = DecisionFactory.create(
        title=DRAFT_RESOLUTION, resolution=draft_resolution, meeting=draft_meeting
    )
    action = DecisionAction.objects.create(
        decision=decision, description="Arrange training for members", owner=officer
    )

    terms = TermsOfReferenceFactory.create(
        body=body,
        number=1,
        status=TermsStatus.AGREED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 1, 14),
    )
    ClauseFactory.create(terms=terms, number="1", text="To oversee the Prevent duty.")
    draft_terms = TermsOfReferenceFactory.create(
        body=body, number=2, amendment_summary=DRAFT_TERMS, amendment_reason="It does not apply."
    )
    Declaration.objects.create(
        meeting=meeting,
        item=exempt_item,
        person=member,
        nature=EXEMPT_DECLARATION,
        kind=InterestKind.NON_REGISTRABLE,
    )
    Declaration.objects.create(
        meeting=meeting,
        item=item,
        person=member,
        nature="Is a school governor",
        kind=InterestKind.OTHER_REGISTRABLE,
    )
    Attendance.objects.create(meeting=meeting, person=member, status=AttendanceStatus.PRESENT)
    allocation = SeatAllocation.objects.create(
        municipal_year=year,
        title="Working group seats 2016/17",
        inputs={"groups": {"Labour": 30, "Conservative": 20}, "ungrouped": 1},
        result={"allocation": {"Working group": {"Labour": 3, "Conservative": 2}}},
    )
    nominee = CouncillorFactory.create(person=member)
    nomination = Nomination.objects.create(
        body=body, allocation=allocation, seat_number=1, nominee=nominee
    )
    return Papers(
        body=body,
        private_body=private_body,
        meeting=meeting,
        draft_meeting=draft_meeting,
        item=item,
        exempt_item=exempt_item,
        draft_item=draft_item,
        report=report,
        draft_report=draft_report,
        exempt_report=exempt_report,
        minute=minute,
        exempt_minute=exempt_minute,
        draft_minute=draft_minute,
        resolution=resolution,
        exempt_resolution=exempt_resolution,
        draft_resolution=draft_resolution,
        decision=decision,
        exempt_decision=exempt_decision,
        draft_decision=draft_decision,
        action=action,
        terms=terms,
        draft_terms=draft_terms,
        allocation=allocation,
        nomination=nomination,
    )
