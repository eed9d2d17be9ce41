"""The list of organisations: everyone with a role can find one by name, sector or specified
authority, 25 to a page, with a constant number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.directory.models import Sector
from preventhub.directory.testing import OrganisationFactory

from .helpers import bulk_organisations

URL = reverse("directory:organisation_list")


def _names(response) -> list[str]:
    return [o.name for o in response.context["page"].object_list]


def test_a_councillor_sees_organisations_in_name_order_with_their_sector(login, school, college):
    OrganisationFactory.create(
        name="Northshire Police", sector=Sector.POLICE, is_specified_authority=True
    )
    response = login("councillor").get(URL)
    assert response.status_code == 200
    assert _names(response) == ["Northbridge Academy", "Northbridge College", "Northshire Police"]
    html = response.content.decode()
    assert "Police" in html
    assert "3 organisations." in html
    assert reverse("directory:organisation_detail", kwargs={"public_id": school.public_id}) in html


def test_searching_by_name_ignores_case_and_says_how_many_matched(login, school, college):
    response = login("councillor").get(URL, {"q": "coLLege"})
    assert _names(response) == ["Northbridge College"]
    assert "1 organisation matching your search." in response.content.decode()


def test_filtering_by_sector_and_specified_authority(login, school):
    OrganisationFactory.create(
        name="Northshire Police", sector=Sector.POLICE, is_specified_authority=True
    )
    OrganisationFactory.create(
        name="Riverside Trust", sector=Sector.VOLUNTARY_AND_COMMUNITY, is_specified_authority=False
    )
    client = login("partner_lead")
    assert _names(client.get(URL, {"sector": Sector.POLICE})) == ["Northshire Police"]
    assert _names(client.get(URL, {"specified": "no"})) == ["Riverside Trust"]
    assert "Riverside Trust" not in _names(client.get(URL, {"specified": "yes"}))


def test_a_search_that_finds_nothing_says_so(login, school):
    response = login("councillor").get(URL, {"q": "zzz"})
    assert _names(response) == []
    assert "No organisations found matching your search." in response.content.decode()


def test_an_unknown_sector_is_reported_and_the_list_is_not_filtered(login, school, college):
    response = login("councillor").get(URL, {"sector": "pirates"})
    assert response.status_code == 200
    assert "Select sector from the list" in response.content.decode()
    assert len(_names(response)) == 2


def test_the_add_button_shows_only_for_people_who_may_add_organisations(login):
    add_url = reverse("directory:organisation_create")
    assert add_url in login("prevent_lead").get(URL).content.decode()
    assert add_url not in login("partner_lead").get(URL).content.decode()
    assert add_url not in login("councillor").get(URL).content.decode()


def test_someone_with_no_role_gets_404(login):
    assert login("outsider").get(URL).status_code == 404


def test_pages_hold_25_and_link_to_the_next_keeping_the_search(login):
    bulk_organisations(60)
    response = login("councillor").get(URL, {"q": "Organisation", "page": 2})
    page = response.context["page"]
    assert len(page.object_list) == 25
    assert page.number == 2
    html = response.content.decode()
    assert "Showing 26 to 50 of 60 organisations matching your search." in html
    assert 'class="govuk-pagination' in html
    assert 'href="?q=Organisation&amp;page=3" rel="next"' in html
    assert 'aria-current="page"' in html


def test_a_page_number_beyond_the_end_shows_the_last_page(login):
    bulk_organisations(30)
    response = login("councillor").get(URL, {"page": 99})
    assert response.context["page"].number == 2


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_list_needs_the_same_queries_for_10_or_1000_organisations(
    login, django_assert_max_num_queries, rows
):
    bulk_organisations(rows)
    client = login("prevent_lead")
    # 9 queries: session, user, the user's role assignments (cached for the navigation too), the
    # MFA check, the count for the pagination, the page of organisations, and the session's
    # sliding expiry (savepoint, update, release).
    with django_assert_max_num_queries(9):
        response = client.get(URL, {"sector": Sector.SCHOOL, "page": 2})
    assert response.status_code == 200
