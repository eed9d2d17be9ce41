"""Query budgets for the seat pages: the same at 10 and at 1,000 rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.governance.models import (
    Nomination,
    NominationStatus,
    SeatAdjustment,
    SeatAllocation,
)
from preventhub.governance.tests.seat_allocations_fixtures import make_allocation, seed_council

pytestmark = pytest.mark.django_db

# Signed in: the session, the user, their roles; after the response the session is saved
# (a savepoint, the update, the release).
SIGNED_IN = 3 + 3


@pytest.fixture
def seed():
    return seed_council()


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _allocations(seed, n: int) -> SeatAllocation:
    """``n`` allocations in the seed's year (copies of one, in one insert); the first adopted."""
    allocation = make_allocation(seed, None, adopted=True)
    SeatAllocation.objects.bulk_create(
        SeatAllocation(
            municipal_year=seed.year,
            title=f"Copy {i:04}",
            inputs=allocation.inputs,
            result=allocation.result,
        )
        for i in range(n - 1)
    )
    return allocation


def _nominations(seed, allocation, n: int, *, leader=None) -> None:
    """``n`` seats on the working group from ``allocation``, a third of them confirmed."""
    group = seed.groups["Conservative Group"]
    Nomination.objects.bulk_create(
        Nomination(
            body=seed.working_group,
            allocation=allocation,
            group=group,
            seat_number=i + 1,
            requested_from=leader or seed.leaders["Conservative Group"],
            nominee=seed.members["Conservative Group"][i % 18],
            status=NominationStatus.CONFIRMED if i % 3 == 0 else NominationStatus.NOMINATED,
        )
        for i in range(n)
    )


@pytest.mark.parametrize("n", [10, 1000])
def test_allocation_list_query_budget(signed_in, seed, django_assert_max_num_queries, n):
    _allocations(seed, n)
    # SIGNED_IN, then: the count and one page of allocations with their year.
    with django_assert_max_num_queries(SIGNED_IN + 2):
        response = signed_in.get(reverse("governance:seat_allocation_list"))
    assert response.context["page"].paginator.count == n


@pytest.mark.parametrize("n", [10, 1000])
def test_allocation_page_query_budget(signed_in, seed, django_assert_max_num_queries, n):
    allocation = _allocations(seed, n)
    _nominations(seed, allocation, n)
    SeatAdjustment.objects.bulk_create(
        SeatAdjustment(
            allocation=allocation,
            body_name="Planning Committee",
            from_group="Labour Group",
            to_group="UKIP Group",
            reason=f"Swap {i}",
        )
        for i in range(n)
    )
    # SIGNED_IN, then: the allocation with its year; its adjustments with who recorded them; the
    # nominations per body (one aggregate); the record history (its rows, then the municipal
    # year's label for the changed foreign key).
    with django_assert_max_num_queries(SIGNED_IN + 5):
        response = signed_in.get(
            reverse("governance:seat_allocation_detail", args=[allocation.public_id]),
            {"body": "Planning Committee", "seats": "12"},
        )
    assert response.context["saved"]["rows"][-1]["nominations"]["seats"] == n


@pytest.mark.parametrize("n", [10, 1000])
def test_body_nominations_query_budget(signed_in, seed, django_assert_max_num_queries, n):
    allocation = _allocations(seed, 2)
    _nominations(seed, allocation, n)
    # SIGNED_IN, then: the body; the allocations with seats on it; the counts by status (one
    # aggregate); the count and one page of seats with group, leader, nominee and allocation;
    # the current members.
    with django_assert_max_num_queries(SIGNED_IN + 6):
        response = signed_in.get(
            reverse("governance:body_nominations", args=[seed.working_group.public_id])
        )
    assert response.context["counts"]["total"] == n


@pytest.mark.parametrize("n", [10, 1000])
def test_my_nominations_query_budget(client, seed, django_assert_max_num_queries, n):
    allocation = _allocations(seed, 2)
    leader = seed.leaders["Conservative Group"]
    _nominations(seed, allocation, n, leader=leader)
    client.force_login(make_user("councillor", person=leader.person))
    # SIGNED_IN, then: the count and one page of the seats asked of them.
    with django_assert_max_num_queries(SIGNED_IN + 2):
        response = client.get(reverse("governance:my_nominations"))
    assert response.context["page"].paginator.count == n
