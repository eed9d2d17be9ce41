"""Query budgets for the bodies pages: the same number of queries at 10 and at 1,000 rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.directory.models import Person
from preventhub.governance.models import Body, BodyKind, Meeting, Membership
from preventhub.governance.tests.factories import BodyFactory

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; and after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _bodies(n: int) -> None:
    parent = BodyFactory.create(name="Full Council", kind=BodyKind.FULL_COUNCIL)
    Body.objects.bulk_create(
        [Body(name=f"Committee {i:04}", kind=BodyKind.COMMITTEE, parent=parent) for i in range(n)]
    )


@pytest.mark.parametrize("n", [10, 1000])
def test_body_list_query_budget(signed_in, django_assert_max_num_queries, n):
    _bodies(n)
    # SIGNED_IN, then: the count, and one page of bodies with the body each reports to.
    with django_assert_max_num_queries(SIGNED_IN + 2):
        response = signed_in.get(reverse("governance:body_list"), {"q": "Committee"})
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_body_list_query_budget_for_anonymous_visitors(client, django_assert_max_num_queries, n):
    _bodies(n)
    # The count, and one page of public bodies with their parents.
    with django_assert_max_num_queries(2):
        assert client.get(reverse("governance:body_list")).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_structure_chart_query_budget(signed_in, django_assert_max_num_queries, n):
    _bodies(n)
    # SIGNED_IN, then one query for every body with its parent.
    with django_assert_max_num_queries(SIGNED_IN + 1):
        response = signed_in.get(reverse("governance:structure"))
    assert len(response.context["chart"].nodes) == n + 1


@pytest.mark.parametrize("n", [10, 1000])
def test_body_page_query_budget_with_many_members_and_meetings(
    signed_in, django_assert_max_num_queries, n
):
    body = BodyFactory.create(
        name="Prevent Strategic Group", parent=BodyFactory.create(name="Board")
    )
    people = Person.objects.bulk_create([Person(name=f"Person {i:04}") for i in range(n)])
    today = timezone.localdate()
    Membership.objects.bulk_create(
        [
            Membership(
                body=body,
                person=p,
                starts_on=dt.date(2010, 1, 1),
                ends_on=None if i % 2 else today - dt.timedelta(days=1),
            )
            for i, p in enumerate(people)
        ]
    )
    start = timezone.now()
    Meeting.objects.bulk_create(
        [Meeting(body=body, starts_at=start - dt.timedelta(days=i)) for i in range(n)]
    )
    # SIGNED_IN, then: the body (with parent and resolution); the bodies reporting to it; the
    # current members; a count and one page of past members; the meetings count; the record
    # history (one query, plus one per foreign key it names: the parent, the resolution).
    with django_assert_max_num_queries(SIGNED_IN + 9):
        response = signed_in.get(reverse("governance:body_detail", args=[body.public_id]))
    assert len(response.context["current"]) == n // 2
    assert response.context["meetings_count"] == n
