"""Query budgets for the meetings pages: the same number of queries at 10 and at 1,000 meetings
(and at 10 and 1,000 agenda items, attendance rows and declarations on one meeting)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.directory.models import MunicipalYear, Person
from preventhub.directory.testing import MunicipalYearFactory
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    Declaration,
    InterestKind,
    Meeting,
    MeetingStatus,
    Membership,
)
from preventhub.governance.tests.factories import BodyFactory, ReportFactory

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; and after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3
STATUSES = [AttendanceStatus.PRESENT, AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT]


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _meetings(n: int) -> tuple[Body, list[Meeting], MunicipalYear]:
    """A body with ``n`` meetings over the years, each with three people's attendance, and a
    second body so the list's body filter has something to leave out."""
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    body = BodyFactory.create(name="Prevent Strategic Group")
    other = BodyFactory.create(name="Community Safety Partnership")
    start = timezone.make_aware(dt.datetime(2016, 6, 1, 18, 30))
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                body=body if i % 2 == 0 else other,
                municipal_year=year,
                starts_at=start + dt.timedelta(days=i),
                venue="Committee Room 1",
                status=MeetingStatus.CANCELLED if i % 10 == 0 else MeetingStatus.HELD,
                agenda_published_at=start,
            )
            for i in range(n)
        ]
    )
    people = Person.objects.bulk_create([Person(name=f"Councillor {i}") for i in range(3)])
    Attendance.objects.bulk_create(
        [
            Attendance(meeting=m, person=p, status=STATUSES[j])
            for m in meetings
            for j, p in enumerate(people)
        ]
    )
    return body, meetings, year


@pytest.mark.parametrize("n", [10, 1000])
def test_meeting_list_query_budget(signed_in, django_assert_max_num_queries, n):
    body, _, year = _meetings(n)
    query = {
        "body": body.public_id,
        "status": "held",
        "year": year.public_id,
        "date_from-day": "1",
        "date_from-month": "6",
        "date_from-year": "2016",
    }
    # SIGNED_IN, then: the chosen body and year (validating the filter); the bodies and the years
    # for the filter's options; the count; one page of meetings with body, year and attendance.
    with django_assert_max_num_queries(SIGNED_IN + 6):
        response = signed_in.get(reverse("governance:meeting_list"), query)
    assert response.context["page"].paginator.count == n // 2 - n // 10  # held, not cancelled


@pytest.mark.parametrize("n", [10, 1000])
def test_meeting_list_query_budget_for_anonymous_visitors(client, django_assert_max_num_queries, n):
    _meetings(n)
    # The bodies and the years for the filters; the count; one page of meetings.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("governance:meeting_list"))
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_body_meetings_query_budget(client, django_assert_max_num_queries, n):
    body, _, _ = _meetings(n)
    # The body; the years for the filter; the count; one page of meetings.
    with django_assert_max_num_queries(4):
        response = client.get(reverse("governance:body_meetings", args=[body.public_id]))
    assert response.context["page"].paginator.count == n // 2


@pytest.mark.parametrize("n", [10, 1000])
def test_body_attendance_query_budget(client, django_assert_max_num_queries, n):
    body, _, _ = _meetings(n)
    # The body; the years for the filter; the meeting counts; the totals; a count and one page of
    # people's figures.
    with django_assert_max_num_queries(6):
        response = client.get(reverse("governance:body_attendance", args=[body.public_id]))
    counted = n // 2 - n // 10  # the body's meetings that were not cancelled
    assert response.context["totals"]["expected"] == 3 * counted
    assert response.context["counts"]["cancelled"] == n // 10


@pytest.mark.parametrize("n", [10, 1000])
def test_body_ical_query_budget(client, django_assert_max_num_queries, n):
    body = BodyFactory.create()
    now = timezone.now()
    Meeting.objects.bulk_create(
        [Meeting(body=body, starts_at=now + dt.timedelta(days=i)) for i in range(n)]
    )
    # The body; its meetings.
    with django_assert_max_num_queries(2):
        response = client.get(reverse("governance:body_ical", args=[body.public_id]))
    assert response.content.count(b"BEGIN:VEVENT") == n


def _busy_meeting(n: int, people: int | None = None) -> Meeting:
    """One meeting among ``n`` of its body, with ``n`` agenda items (each with a report), and
    ``people`` (default ``n``) members, attending and each declaring an interest."""
    people_count = n if people is None else people
    body, meetings, _ = _meetings(n)
    meeting = meetings[0]
    meeting.status = MeetingStatus.HELD
    meeting.save()
    report = ReportFactory.create(body=body, status="published")
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting, number=str(i + 1), order=i, title=f"Item {i}", report=report
            )
            for i in range(n)
        ]
    )
    members = Person.objects.bulk_create([Person(name=f"Member {i}") for i in range(people_count)])
    Membership.objects.bulk_create(
        [Membership(body=body, person=p, starts_on=dt.date(2015, 5, 20)) for p in members]
    )
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, person=p, status=AttendanceStatus.PRESENT) for p in members]
    )
    first = AgendaItem.objects.filter(meeting=meeting).first()
    Declaration.objects.bulk_create(
        [
            Declaration(
                meeting=meeting,
                item=first,
                person=p,
                nature="Governor",
                kind=InterestKind.OTHER_REGISTRABLE,
            )
            for p in members
        ]
    )
    return meeting


@pytest.mark.parametrize("n", [10, 1000])
def test_meeting_detail_query_budget_with_many_meetings_items_and_attendees(
    signed_in, django_assert_max_num_queries, n
):
    meeting = _busy_meeting(n)
    # SIGNED_IN, then: the meeting (with body and year); its agenda items (with officer and
    # report); which of their reports the user may see; attendance; declarations; the record
    # history (one query, plus one per foreign key it names: the body and the municipal year).
    with django_assert_max_num_queries(SIGNED_IN + 8):
        response = signed_in.get(reverse("governance:meeting_detail", args=[meeting.public_id]))
    assert len(response.context["items"]) == n
    assert response.context["attendance_count"] == n + 3  # and the three from _meetings
    assert len(response.context["declarations"]) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_meeting_detail_query_budget_for_anonymous_visitors(
    client, django_assert_max_num_queries, n
):
    meeting = _busy_meeting(n)
    # The meeting; its items; which reports may be seen; attendance; declarations.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("governance:meeting_detail", args=[meeting.public_id]))
    assert len(response.context["items"]) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_agenda_pack_query_budget(client, django_assert_max_num_queries, n):
    meeting = _busy_meeting(n)
    # The meeting; its items; their published reports; the reports' recommendations, implications
    # and appendices (the pack page links each whole report); the exempt items' numbers and
    # paragraphs for the public notice; the members. The same 8 at 10 and at 1,000 items.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("governance:agenda_pack", args=[meeting.public_id]))
    assert len(response.context["items"]) == n
    assert len(response.context["members"]) == n


@pytest.mark.parametrize("n", [10, 1000])
def test_attendance_form_query_budget(signed_in, django_assert_max_num_queries, n):
    # 1,000 meetings, and a body of 40 (a full council's size): every row offers every member as
    # the one substituted for, so the page grows with the square of the members, not the queries.
    meeting = _busy_meeting(n, people=40)
    # SIGNED_IN, then: the meeting; the members on the day; the attendance recorded; everyone in
    # the directory (once, for every row's choices).
    with django_assert_max_num_queries(SIGNED_IN + 4):
        response = signed_in.get(reverse("governance:meeting_attendance", args=[meeting.public_id]))
    assert response.context["members_count"] == 40
    assert (
        len(response.context["formset"].forms) == 40 + 3 + 3
    )  # members, others recorded, blank rows
