"""An organisation's page: its details, the people in it, and its history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.directory import services

from .helpers import bulk_people


def _url(organisation) -> str:
    return reverse("directory:organisation_detail", kwargs={"public_id": organisation.public_id})


def test_a_councillor_sees_the_details_and_the_people_but_no_change_link(
    login, school, school_person
):
    response = login("councillor").get(_url(school))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Northbridge Academy" in html and "Specified authority" in html
    assert "Mark Bennett" in html and "Designated Safeguarding Lead" in html
    assert (
        reverse("directory:organisation_edit", kwargs={"public_id": school.public_id}) not in html
    )
    assert reverse("directory:person_create") not in html


def test_the_partner_lead_may_change_their_own_organisation_and_add_people_to_it(
    login, school, college
):
    client = login("partner_lead")
    own = client.get(_url(school)).content.decode()
    assert reverse("directory:organisation_edit", kwargs={"public_id": school.public_id}) in own
    assert f"{reverse('directory:person_create')}?organisation={school.public_id}" in own
    other = client.get(_url(college)).content.decode()
    assert (
        reverse("directory:organisation_edit", kwargs={"public_id": college.public_id}) not in other
    )
    assert reverse("directory:person_create") not in other


def test_the_history_shows_who_changed_what_from_old_to_new(login, personas, school):
    services.update_organisation(
        actor=personas["prevent_lead"],
        organisation=school,
        data={"name": "Northbridge Academy Trust", "website": "https://nat.example"},
        expected_version=1,
    )
    response = login("councillor").get(_url(school))
    entries = response.context["history"].entries
    assert entries[0].who == "Priya Prevent"
    assert [(c.label, c.old, c.new) for c in entries[0].changes] == [
        ("Name", "Northbridge Academy", "Northbridge Academy Trust"),
        ("Website", "", "https://nat.example"),
    ]
    html = response.content.decode()
    assert "Changed by Priya Prevent" in html
    assert "Created by the system" in html  # the factory made it outside any request


def test_someone_with_no_role_and_an_unknown_id_both_get_404(login, school):
    assert login("outsider").get(_url(school)).status_code == 404
    missing = reverse(
        "directory:organisation_detail",
        kwargs={"public_id": "00000000-0000-0000-0000-000000000000"},
    )
    assert login("councillor").get(missing).status_code == 404


def test_a_large_organisation_shows_the_first_50_people_and_links_to_the_rest(login, school):
    bulk_people(60, [school])
    response = login("councillor").get(_url(school))
    assert len(response.context["people"]) == 50
    assert (
        f"{reverse('directory:person_list')}?organisation={school.public_id}"
        in response.content.decode()
    )
    assert "See all 60 people at Northbridge Academy" in response.content.decode()


@pytest.mark.parametrize("rows", [10, 1000])
def test_the_page_needs_the_same_queries_for_10_or_1000_people(
    login, school, django_assert_max_num_queries, rows
):
    bulk_people(rows, [school])
    client = login("prevent_lead")
    # 13 queries: session, user, role assignments, MFA check; the organisation; the first 50
    # people and their count; may the user change it, may they add people to it; its history
    # (one query with the users); the session's sliding expiry (savepoint, update, release).
    with django_assert_max_num_queries(13):
        response = client.get(_url(school))
    assert response.status_code == 200
