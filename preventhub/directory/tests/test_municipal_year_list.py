"""The list of municipal years, newest first, with a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.directory.testing import MunicipalYearFactory

from .helpers import bulk_municipal_years

URL = reverse("directory:municipal_year_list")


def test_everyone_with_a_role_sees_the_years_newest_first(login):
    MunicipalYearFactory.create(
        label="2015/16", starts_on=dt.date(2015, 5, 20), ends_on=dt.date(2016, 5, 17)
    )
    MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    response = login("councillor").get(URL)
    assert [y.label for y in response.context["page"].object_list] == ["2016/17", "2015/16"]
    assert "18 May 2016" in response.content.decode()
    assert reverse("directory:municipal_year_create") not in response.content.decode()
    assert (
        reverse("directory:municipal_year_create")
        in login("prevent_lead").get(URL).content.decode()
    )


def test_someone_with_no_role_gets_404(login):
    assert login("outsider").get(URL).status_code == 404


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_list_needs_the_same_queries_for_10_or_1000_years(
    login, django_assert_max_num_queries, rows
):
    bulk_municipal_years(rows)
    client = login("prevent_lead")
    # 9 queries: session, user, role assignments, MFA check, the count and the page of years,
    # and the session's sliding expiry (savepoint, update, release).
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"page": 2})
    assert response.status_code == 200
