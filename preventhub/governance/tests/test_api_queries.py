"""Query budgets for the governance API: every list, and every record with nested rows, costs the
same number of queries at 10 rows and at 1,000.

A token request starts with four queries (as the directory API's budget test explains):
  1. the token and its user (one query with a join),
  2. recording when the token was last used (its first use in five minutes),
  3. the user's role assignments (their grants, cached for the request),
  4. whether they have an authenticator (the Prevent lead's role needs MFA).
A list then costs two more: the count of visible rows and the page of rows, with every related
record joined in and every "may the caller see this link?" check (a report, a resolution) done by
an EXISTS subquery inside the same statement.
"""

import datetime as dt

import pytest
from django.utils import timezone

from preventhub.directory.models import Person
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory, WardFactory
from preventhub.governance.models import (
    AgendaItem,
    Appendix,
    Attendance,
    AttendanceStatus,
    Body,
    Clause,
    Councillor,
    Decision,
    DecisionAction,
    Declaration,
    GroupMembership,
    Implication,
    Meeting,
    Membership,
    Minute,
    Nomination,
    PoliticalGroup,
    Question,
    Recommendation,
    Report,
    ReportStatus,
    Resolution,
    SeatAdjustment,
    SeatAllocation,
    TermsOfReference,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    BodyFactory,
    CouncillorFactory,
    DecisionFactory,
    MeetingFactory,
    MinuteFactory,
    PoliticalGroupFactory,
    RecommendationFactory,
    ReportFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

from .api_fixtures import clients, url

pytestmark = pytest.mark.django_db

TOKEN = 4
LIST_BUDGET = TOKEN + 2


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _start(i: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2016, 1, 1, 18, 30)) + dt.timedelta(days=i)


def _people(n: int) -> list[Person]:
    return Person.objects.bulk_create(Person(name=f"Person {i:04d}") for i in range(n))


def _bodies(n: int) -> None:
    parent = BodyFactory.create(name="Full Council")
    resolution = ResolutionFactory.create()
    Body.objects.bulk_create(
        Body(name=f"Committee {i:04d}", kind="committee", parent=parent, established_by=resolution)
        for i in range(n)
    )


def _memberships(n: int) -> None:
    body, group = BodyFactory.create(), PoliticalGroupFactory.create()
    Membership.objects.bulk_create(
        Membership(body=body, person=p, starts_on=dt.date(2016, 5, 18), representing_group=group)
        for p in _people(n)
    )


def _councillors(n: int) -> None:
    ward, group = WardFactory.create(), PoliticalGroupFactory.create()
    councillors = Councillor.objects.bulk_create(
        Councillor(person=p, ward=ward, party="Labour") for p in _people(n)
    )
    GroupMembership.objects.bulk_create(
        GroupMembership(councillor=c, group=group, starts_on=dt.date(2015, 5, 20))
        for c in councillors
    )


def _groups(n: int) -> None:
    PoliticalGroup.objects.bulk_create(PoliticalGroup(name=f"Group {i:04d}") for i in range(n))


def _group_memberships(n: int) -> None:
    councillor = CouncillorFactory.create()
    groups = PoliticalGroup.objects.bulk_create(
        PoliticalGroup(name=f"Group {i:04d}") for i in range(n)
    )
    GroupMembership.objects.bulk_create(
        GroupMembership(
            councillor=councillor,
            group=g,
            starts_on=dt.date(1990, 1, 1) + dt.timedelta(days=2 * i),
            ends_on=dt.date(1990, 1, 2) + dt.timedelta(days=2 * i),
        )
        for i, g in enumerate(groups)
    )


def _terms(n: int) -> None:
    resolution = ResolutionFactory.create()
    bodies = Body.objects.bulk_create(Body(name=f"Body {i:04d}", kind="panel") for i in range(n))
    TermsOfReference.objects.bulk_create(
        TermsOfReference(body=b, number=1, status=TermsStatus.AGREED, agreed_by=resolution)
        for b in bodies
    )


def _seat_allocations(n: int) -> None:
    year = MunicipalYearFactory.create()
    SeatAllocation.objects.bulk_create(
        SeatAllocation(municipal_year=year, title=f"Run {i}", inputs={}, result={})
        for i in range(n)
    )


def _nominations(n: int) -> None:
    body, group = BodyFactory.create(), PoliticalGroupFactory.create()
    allocation = SeatAllocation.objects.create(
        municipal_year=MunicipalYearFactory.create(), title="Run", inputs={}, result={}
    )
    leader, nominee = CouncillorFactory.create(), CouncillorFactory.create()
    Nomination.objects.bulk_create(
        Nomination(
            body=body,
            allocation=allocation,
            group=group,
            seat_number=i + 1,
            requested_from=leader,
            nominee=nominee,
        )
        for i in range(n)
    )


def _meetings(n: int) -> None:
    body, year = BodyFactory.create(), MunicipalYearFactory.create()
    approving, signer = MeetingFactory.create(body=body), PersonFactory.create()
    Meeting.objects.bulk_create(
        Meeting(
            body=body,
            municipal_year=year,
            starts_at=_start(i),
            minutes_approved_at=approving,
            minutes_signed_by=signer,
        )
        for i in range(n)
    )


def _agenda_items(n: int) -> None:
    meeting = MeetingFactory.create()
    report = ReportFactory.create(body=meeting.body, status=ReportStatus.PUBLISHED)
    officer = PersonFactory.create()
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            number=str(i),
            order=i,
            title=f"Item {i}",
            report=report,
            presenting_officer=officer,
        )
        for i in range(n)
    )


def _reports(n: int) -> None:
    body, author = BodyFactory.create(), PersonFactory.create()
    Report.objects.bulk_create(
        Report(title=f"Report {i:04d}", body=body, author=author, status=ReportStatus.PUBLISHED)
        for i in range(n)
    )


def _minutes(n: int) -> None:
    meeting, officer = MeetingFactory.create(), PersonFactory.create()
    items = AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=str(i), order=i, title=f"Item {i}") for i in range(n)
    )
    Minute.objects.bulk_create(Minute(item=item, presented_by=officer) for item in items)


def _resolutions(n: int) -> None:
    minute = MinuteFactory.create()
    recommendation = RecommendationFactory.create(report__body=minute.item.meeting.body)
    Resolution.objects.bulk_create(
        Resolution(minute=minute, number=str(i), text="Noted", recommendation=recommendation)
        for i in range(n)
    )


def _decisions(n: int) -> None:
    minute = MinuteFactory.create()
    proposer = PersonFactory.create()
    resolutions = Resolution.objects.bulk_create(
        Resolution(minute=minute, number=str(i), text="Noted") for i in range(n)
    )
    Decision.objects.bulk_create(
        Decision(
            resolution=r,
            meeting=minute.item.meeting,
            title=f"Decision {i}",
            text="Noted",
            decided_on=dt.date(2016, 1, 14),
            proposer=proposer,
            seconder=proposer,
        )
        for i, r in enumerate(resolutions)
    )


def _decision_actions(n: int) -> None:
    decision, owner = DecisionFactory.create(), PersonFactory.create()
    DecisionAction.objects.bulk_create(
        DecisionAction(decision=decision, description=f"Action {i}", owner=owner) for i in range(n)
    )


LISTS = [
    ("governance_body_list", _bodies),
    ("governance_membership_list", _memberships),
    ("governance_councillor_list", _councillors),
    ("governance_group_list", _groups),
    ("governance_group_membership_list", _group_memberships),
    ("governance_terms_list", _terms),
    ("governance_seat_allocation_list", _seat_allocations),
    ("governance_nomination_list", _nominations),
    ("governance_meeting_list", _meetings),
    ("governance_agenda_item_list", _agenda_items),
    ("governance_report_list", _reports),
    ("governance_minute_list", _minutes),
    ("governance_resolution_list", _resolutions),
    ("governance_decision_list", _decisions),
    ("governance_decision_action_list", _decision_actions),
]


@pytest.mark.parametrize("rows", [10, 1000])
@pytest.mark.parametrize(("url_name", "make_rows"), LISTS, ids=[name for name, _ in LISTS])
def test_list_stays_within_its_query_budget(
    api_as, django_assert_max_num_queries, url_name, make_rows, rows
):
    make_rows(rows)
    api = api_as("prevent_lead")

    # TOKEN, the count and the page.
    with django_assert_max_num_queries(LIST_BUDGET):
        response = api.get(url(url_name), {"limit": 200})

    assert response.status_code == 200
    assert response.json()["count"] >= rows
    assert len(response.json()["items"]) >= min(rows, 200)


# Records with nested rows ------------------------------------------------------------------------


def _meeting_with(n: int) -> Meeting:
    meeting = MeetingFactory.create()
    report = ReportFactory.create(body=meeting.body, status=ReportStatus.PUBLISHED)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, number=str(i), order=i, title=f"Item {i}", report=report)
        for i in range(n)
    )
    people = _people(n)
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=p, status=AttendanceStatus.PRESENT) for p in people
    )
    items = list(AgendaItem.objects.filter(meeting=meeting))
    Declaration.objects.bulk_create(
        Declaration(meeting=meeting, item=item, person=p, nature="Governor", kind="dpi")
        for item, p in zip(items, people, strict=True)
    )
    return meeting


def _report_with(n: int) -> Report:
    report = ReportFactory.create(status=ReportStatus.PUBLISHED)
    terms = TermsOfReferenceFactory.create(body=report.body)
    verifier = PersonFactory.create()
    Recommendation.objects.bulk_create(
        Recommendation(report=report, number=i + 1, text="Note") for i in range(n)
    )
    Implication.objects.bulk_create(
        Implication(report=report, kind="other", heading=f"H{i}", verifier=verifier)
        for i in range(n)
    )
    Appendix.objects.bulk_create(
        Appendix(report=report, letter=f"{i:04d}", title="Terms", terms=terms) for i in range(n)
    )
    return report


def _minute_with(n: int) -> Minute:
    minute, asker = MinuteFactory.create(), PersonFactory.create()
    Question.objects.bulk_create(
        Question(minute=minute, asked_by=asker, answered_by=asker, question="Why?", order=i)
        for i in range(n)
    )
    Resolution.objects.bulk_create(
        Resolution(minute=minute, number=str(i), text="Noted") for i in range(n)
    )
    return minute


def _decision_with(n: int) -> Decision:
    decision, owner = DecisionFactory.create(), PersonFactory.create()
    DecisionAction.objects.bulk_create(
        DecisionAction(decision=decision, description=f"Action {i}", owner=owner) for i in range(n)
    )
    return decision


def _terms_with(n: int) -> TermsOfReference:
    terms = TermsOfReferenceFactory.create()
    Clause.objects.bulk_create(
        Clause(terms=terms, number=str(i), text="Clause", order=i) for i in range(n)
    )
    return terms


def _allocation_with(n: int) -> SeatAllocation:
    allocation = SeatAllocation.objects.create(
        municipal_year=MunicipalYearFactory.create(), title="Run", inputs={}, result={}
    )
    SeatAdjustment.objects.bulk_create(
        SeatAdjustment(
            allocation=allocation, body_name="B", from_group="A", to_group="C", reason="R"
        )
        for _ in range(n)
    )
    return allocation


RECORDS = [
    # TOKEN, the meeting, its visible items (report visibility by EXISTS).
    ("governance_meeting_detail", _meeting_with, TOKEN + 2),
    # TOKEN, the meeting, the count and the page.
    ("governance_attendance_list", _meeting_with, TOKEN + 3),
    ("governance_declaration_list", _meeting_with, TOKEN + 3),
    # TOKEN, the report, its recommendations, implications (with verifiers), appendices, and which
    # terms-of-reference versions among them the caller may read.
    ("governance_report_detail", _report_with, TOKEN + 5),
    # TOKEN, the minute, its questions (with both people), its visible resolutions.
    ("governance_minute_detail", _minute_with, TOKEN + 3),
    # TOKEN, the decision, its visible actions.
    ("governance_decision_detail", _decision_with, TOKEN + 2),
    # TOKEN, the version, its clauses.
    ("governance_terms_detail", _terms_with, TOKEN + 2),
    # TOKEN, the allocation, its adjustments.
    ("governance_seat_allocation_detail", _allocation_with, TOKEN + 2),
]


@pytest.mark.parametrize("rows", [10, 1000])
@pytest.mark.parametrize(
    ("url_name", "make_record", "budget"), RECORDS, ids=[name for name, _, _ in RECORDS]
)
def test_a_record_with_nested_rows_stays_within_its_query_budget(
    api_as, django_assert_max_num_queries, url_name, make_record, budget, rows
):
    record = make_record(rows)
    api = api_as("prevent_lead")

    with django_assert_max_num_queries(budget):
        # (Only the lists take a limit: any other operation refuses a parameter it does not take.)
        page = {"limit": 200} if url_name.endswith("_list") else None
        response = api.get(url(url_name, public_id=record.public_id), page)

    assert response.status_code == 200
    assert min(rows, 200) <= max(len(v) for v in response.json().values() if isinstance(v, list))
