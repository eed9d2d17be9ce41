"""Query budgets for every list endpoint: the same number of queries at 10 rows and at 1,000.

A token request costs, at most:
  1. the token and its user (one query with a join),
  2. recording when the token was last used (only on its first use in five minutes),
  3. the user's role assignments (their grants, cached for the request),
  4. whether they have an authenticator (their role needs MFA),
  5. the count of visible rows,
  6. the page of rows (with each person's organisation joined in).
"""

from __future__ import annotations

import datetime as dt

import pytest

from preventhub.core.testing.api import url
from preventhub.directory.models import MunicipalYear, Organisation, Person, Sector, Ward

BUDGET = 6


def _organisations(n: int) -> None:
    Organisation.objects.bulk_create(
        Organisation(name=f"Partner {i:04d}", sector=Sector.SCHOOL) for i in range(n)
    )


def _people(n: int) -> None:
    _organisations(5)
    organisations = list(Organisation.objects.all())
    Person.objects.bulk_create(
        Person(name=f"Person {i:04d}", organisation=organisations[i % len(organisations)])
        for i in range(n)
    )


def _wards(n: int) -> None:
    Ward.objects.bulk_create(Ward(name=f"Ward {i:04d}") for i in range(n))


def _municipal_years(n: int) -> None:
    MunicipalYear.objects.bulk_create(
        MunicipalYear(
            label=f"{1100 + i}/{(1101 + i) % 100:02d}",
            starts_on=dt.date(1100 + i, 5, 20),
            ends_on=dt.date(1101 + i, 5, 19),
        )
        for i in range(n)
    )


LISTS = [
    ("directory_organisation_list", _organisations),
    ("directory_person_list", _people),
    ("directory_ward_list", _wards),
    ("directory_municipal_year_list", _municipal_years),
]


@pytest.mark.parametrize("rows", [10, 1000])
@pytest.mark.parametrize(("url_name", "make_rows"), LISTS, ids=[name for name, _ in LISTS])
def test_list_stays_within_its_query_budget(
    api_as, django_assert_max_num_queries, url_name, make_rows, rows
):
    make_rows(rows)
    api = api_as("prevent_lead")

    with django_assert_max_num_queries(BUDGET):
        response = api.get(url(url_name), {"limit": 200})

    assert response.status_code == 200
    assert response.json()["count"] >= rows
    assert (
        len(response.json()["items"]) == min(rows, 200) or url_name == "directory_organisation_list"
    )


def test_a_session_request_also_stays_within_a_fixed_budget(
    client, personas, django_assert_max_num_queries
):
    """Session, user, grants, MFA check, count, page, then the session's idle-timeout renewal (an
    update inside a savepoint: three statements): nine at any size."""
    _people(1000)
    client.force_login(personas["prevent_lead"])

    with django_assert_max_num_queries(9):
        response = client.get(url("directory_person_list"), {"limit": 200})

    assert response.status_code == 200
