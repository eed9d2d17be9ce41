"""Query budgets for councillors, groups and the composition: the same at 10 and at 1,000 rows."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.directory.models import Person, Ward
from preventhub.governance.models import Councillor, GroupMembership, GroupRole, PoliticalGroup
from preventhub.governance.tests.factories import CouncillorFactory

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _council(n: int) -> None:
    """``n`` councillors in ten wards, split across ``n // 10`` groups (each with a leader)."""
    wards = Ward.objects.bulk_create([Ward(name=f"Budget ward {i}") for i in range(10)])
    groups = PoliticalGroup.objects.bulk_create(
        [PoliticalGroup(name=f"Group {i:03}") for i in range(max(n // 10, 1))]
    )
    people = Person.objects.bulk_create([Person(name=f"Councillor {i:04}") for i in range(n)])
    councillors = Councillor.objects.bulk_create(
        [
            Councillor(person=p, ward=wards[i % 10], party=f"Party {i % 4}")
            for i, p in enumerate(people)
        ]
    )
    GroupMembership.objects.bulk_create(
        [
            GroupMembership(
                councillor=c,
                group=groups[i % len(groups)],
                starts_on=dt.date(2015, 5, 20),
                role=GroupRole.LEADER if i < len(groups) else GroupRole.MEMBER,
            )
            for i, c in enumerate(councillors)
            if i % 7
        ]
    )


@pytest.mark.parametrize("n", [10, 1000])
def test_councillor_list_query_budget(signed_in, django_assert_max_num_queries, n):
    _council(n)
    # SIGNED_IN, then: the wards, parties and groups for the filters; the count; one page of
    # councillors with person, ward and current group (subqueries).
    with django_assert_max_num_queries(SIGNED_IN + 5):
        response = signed_in.get(reverse("governance:councillor_list"), {"q": "Councillor"})
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_group_list_query_budget(signed_in, django_assert_max_num_queries, n):
    _council(n)
    # SIGNED_IN, then: the count and one page of groups with seats (aggregate), leader (subquery).
    with django_assert_max_num_queries(SIGNED_IN + 2):
        assert signed_in.get(reverse("governance:group_list")).status_code == 200


@pytest.mark.parametrize("n", [10, 1000])
def test_group_page_query_budget(signed_in, django_assert_max_num_queries, n):
    _council(n)
    group = PoliticalGroup.objects.get(name="Group 000")
    # SIGNED_IN, then: the group; its members on the day; the record history.
    with django_assert_max_num_queries(SIGNED_IN + 3):
        assert (
            signed_in.get(reverse("governance:group_detail", args=[group.public_id])).status_code
            == 200
        )


@pytest.mark.parametrize("n", [10, 1000])
def test_composition_query_budget(signed_in, django_assert_max_num_queries, n):
    _council(n)
    # SIGNED_IN, then: seats per group (one aggregate), serving councillors (COUNT), leaders (one).
    with django_assert_max_num_queries(SIGNED_IN + 3):
        response = signed_in.get(
            reverse("governance:composition"),
            {"date-day": "18", "date-month": "5", "date-year": "2016"},
        )
    composition = response.context["composition"]
    assert composition.total == n
    assert sum(g.seats for g in composition.groups) + composition.ungrouped == n


@pytest.mark.parametrize("n", [10, 1000])
def test_councillor_page_query_budget(signed_in, django_assert_max_num_queries, n):
    _council(n)
    councillor = CouncillorFactory.create(
        person__name="Ann Example"
    )  # saved one by one, so it has history
    # SIGNED_IN, then: the councillor with person and ward; group history; memberships; record
    # history (one query, plus one per foreign key it names: person and ward).
    with django_assert_max_num_queries(SIGNED_IN + 6):
        assert (
            signed_in.get(
                reverse("governance:councillor_detail", args=[councillor.public_id])
            ).status_code
            == 200
        )
