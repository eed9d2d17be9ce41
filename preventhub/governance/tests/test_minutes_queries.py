"""Query budgets for the minutes page, its documents and the resolution page: the same number of
queries with 10 and with 1,000 items, questions, resolutions and attendees."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.directory.models import Person
from preventhub.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionKind,
    Meeting,
    Minute,
    MinutesStatus,
    Question,
    Recommendation,
    Resolution,
)
from preventhub.governance.tests.minutes_fixtures import seed_story

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; after the response the session is saved (a
# savepoint, the update, the release).
SIGNED_IN = 3 + 3
# The meeting; the items with their minutes; questions; resolutions (with recommendation, report
# and decision); which reports the user may see; the chair and vice-chair; attendance; declarations.
MINUTES_PAGE = 8


def _big_minutes(n: int, status: str) -> Meeting:
    story = seed_story()
    meeting = story.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        minutes_status=status, minutes_approved_at=story.later
    )
    items = AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting,
                number=str(100 + i),
                order=10 + i,
                title=f"Item {i}",
                report=story.report,
            )
            for i in range(n)
        ]
    )
    minutes = Minute.objects.bulk_create(
        [Minute(item=item, points="A point.", presented_by=story.officer) for item in items]
    )
    people = Person.objects.bulk_create([Person(name=f"Councillor {i:04}") for i in range(n)])
    Question.objects.bulk_create(
        [
            Question(
                minute=m,
                asked_by=people[i],
                question=f"Question {i}?",
                answered_by=story.officer,
                answer=f"Answer {i}.",
            )
            for i, m in enumerate(minutes)
        ]
    )
    recommendations = Recommendation.objects.bulk_create(
        [
            Recommendation(report=story.report, number=100 + i, text=f"Recommendation {i}")
            for i in range(n)
        ]
    )
    resolutions = Resolution.objects.bulk_create(
        [
            Resolution(
                minute=m,
                number="1",
                text=f"That {i} be noted.",
                recommendation=recommendations[i],
                recorded_vote={"for": [story.chair.name], "against": [], "abstained": []},
            )
            for i, m in enumerate(minutes)
        ]
    )
    Decision.objects.bulk_create(
        [
            Decision(
                kind=DecisionKind.RESOLUTION,
                resolution=r,
                meeting=meeting,
                title=r.text,
                text=r.text,
                decided_on="2016-01-14",
            )
            for r in resolutions
        ]
    )
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, person=p, status=AttendanceStatus.PRESENT) for p in people]
    )
    return meeting


@pytest.mark.parametrize("n", [10, 1000])
def test_approved_minutes_page_query_budget_for_anonymous_visitors(
    client, django_assert_max_num_queries, n
):
    meeting = _big_minutes(n, MinutesStatus.APPROVED)
    with django_assert_max_num_queries(MINUTES_PAGE):
        response = client.get(reverse("governance:minutes_detail", args=[meeting.public_id]))
    assert len(response.context["rows"]) == n  # the seed's own items are not minuted here
    assert f"Question {n - 1}?" in response.content.decode()


@pytest.mark.parametrize("n", [10, 1000])
def test_draft_minutes_page_query_budget_for_democratic_services(
    client, personas, django_assert_max_num_queries, n
):
    meeting = _big_minutes(n, MinutesStatus.DRAFT)
    client.force_login(personas["democratic_services"])
    with django_assert_max_num_queries(SIGNED_IN + MINUTES_PAGE):
        response = client.get(reverse("governance:minutes_detail", args=[meeting.public_id]))
    assert response.context["editing"]
    assert len(response.context["rows"]) == n + 2  # and the seed's two items, not yet minuted


@pytest.mark.parametrize("n", [10, 1000])
def test_minutes_word_document_query_budget(client, django_assert_max_num_queries, n):
    meeting = _big_minutes(n, MinutesStatus.APPROVED)
    # The same queries as the page, less nothing: the document is built from the same context.
    with django_assert_max_num_queries(MINUTES_PAGE):
        response = client.get(reverse("governance:minutes_docx", args=[meeting.public_id]))
    assert response.status_code == 200
