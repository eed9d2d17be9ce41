"""The list of people: everyone with a role can find someone by name, email address or job title,
or by organisation, 25 to a page, with a constant number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.directory.testing import PersonFactory

from .helpers import bulk_organisations, bulk_people

URL = reverse("directory:person_list")


def _names(response) -> list[str]:
    return [p.name for p in response.context["page"].object_list]


@pytest.fixture
def people(school, college):
    return [
        PersonFactory.create(
            name="Mark Bennett",
            job_title="Designated Safeguarding Lead",
            organisation=school,
            email="m.bennett@academy.example",
        ),
        PersonFactory.create(
            name="Aisha Karim",
            job_title="Safeguarding Manager",
            organisation=college,
            email="a.karim@college.example",
        ),
        PersonFactory.create(
            name="Priya Shah",
            job_title="Prevent Coordinator",
            organisation=None,
            email="priya.shah@council.example",
        ),
    ]


def test_a_councillor_sees_everyone_in_name_order_with_their_organisation(login, people):
    response = login("councillor").get(URL)
    assert response.status_code == 200
    assert _names(response) == ["Aisha Karim", "Mark Bennett", "Priya Shah"]
    html = response.content.decode()
    assert "Northbridge College" in html and "Prevent Coordinator" in html
    assert "3 people." in html


def test_the_list_does_not_show_contact_details(login, people):
    # Reading someone's contact details is an audited view of their own page.
    assert "m.bennett@academy.example" not in login("councillor").get(URL).content.decode()


@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("bennett", ["Mark Bennett"]),
        ("college.example", ["Aisha Karim"]),
        ("safeguarding", ["Aisha Karim", "Mark Bennett"]),
        ("coordinator", ["Priya Shah"]),
    ],
)
def test_searching_matches_name_email_address_or_job_title(login, people, search, found):
    assert _names(login("councillor").get(URL, {"q": search})) == found


def test_filtering_by_organisation(login, people, college):
    response = login("partner_lead").get(URL, {"organisation": str(college.public_id)})
    assert _names(response) == ["Aisha Karim"]
    assert "1 person matching your search." in response.content.decode()


def test_an_unknown_organisation_is_reported_and_the_list_is_not_filtered(login, people):
    response = login("councillor").get(URL, {"organisation": "not-an-id"})
    assert "No organisations match ‘not-an-id’" in response.content.decode()
    assert len(_names(response)) == 3


def test_the_add_button_shows_for_managers_and_partner_leads_only(login):
    add_url = reverse("directory:person_create")
    assert add_url in login("prevent_lead").get(URL).content.decode()
    assert add_url in login("partner_lead").get(URL).content.decode()
    assert add_url not in login("councillor").get(URL).content.decode()


def test_someone_with_no_role_gets_404(login):
    assert login("outsider").get(URL).status_code == 404


def test_pages_hold_25(login, school):
    bulk_people(30, [school])
    response = login("councillor").get(URL, {"page": 2})
    assert len(response.context["page"].object_list) == 5
    assert "Showing 26 to 30 of 30 people." in response.content.decode()


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_list_needs_the_same_queries_for_10_or_1000_people(
    login, django_assert_max_num_queries, rows
):
    organisations = bulk_organisations(rows)
    bulk_people(rows, organisations)
    client = login("prevent_lead")
    # 10 queries: session, user, role assignments (cached for the navigation too), MFA check; the
    # organisations for the filter; the count and the page of people with their organisations;
    # the session's sliding expiry (savepoint, update, release).
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "Person", "page": 2})
    assert response.status_code == 200
