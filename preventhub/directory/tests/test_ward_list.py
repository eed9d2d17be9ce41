"""The list of wards: everyone with a role, searchable by name or ONS code, constant queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.directory.testing import WardFactory

from .helpers import bulk_wards

URL = reverse("directory:ward_list")


def _names(response) -> list[str]:
    return [w.name for w in response.context["page"].object_list]


def test_a_partner_lead_sees_the_wards_in_name_order(login):
    WardFactory.create(name="Castle", code="E05099003")
    WardFactory.create(name="Abbey", code="E05099001")
    response = login("partner_lead").get(URL)
    assert _names(response) == ["Abbey", "Castle"]
    assert "E05099003" in response.content.decode()
    assert reverse("directory:ward_create") not in response.content.decode()


def test_searching_by_name_or_ons_code(login):
    WardFactory.create(name="Castle", code="E05099003")
    WardFactory.create(name="Abbey", code="E05099001")
    client = login("councillor")
    assert _names(client.get(URL, {"q": "cast"})) == ["Castle"]
    assert _names(client.get(URL, {"q": "e05099001"})) == ["Abbey"]


def test_managers_see_the_add_button(login):
    assert (
        reverse("directory:ward_create") in login("democratic_services").get(URL).content.decode()
    )


def test_someone_with_no_role_gets_404(login):
    assert login("outsider").get(URL).status_code == 404


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_list_needs_the_same_queries_for_10_or_1000_wards(
    login, django_assert_max_num_queries, rows
):
    bulk_wards(rows)
    client = login("prevent_lead")
    # 9 queries: session, user, role assignments, MFA check, the count and the page of wards,
    # and the session's sliding expiry (savepoint, update, release).
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"q": "Ward", "page": 3})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == (25 if rows == 1000 else 10)
