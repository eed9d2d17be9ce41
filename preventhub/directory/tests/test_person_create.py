"""Adding a person: managers put them in any organisation or none; a partner lead in their own."""

from __future__ import annotations

import re

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Person

from .helpers import error_summary, input_value, selected_option

URL = reverse("directory:person_create")


def _data(organisation, **overrides) -> dict[str, str]:
    data = {
        "name": "Jo Lane",
        "job_title": "Deputy Safeguarding Lead",
        "organisation": str(organisation.public_id) if organisation else "",
        "email": "jo.lane@academy.example",
        "phone": "01632 960 001",
    }
    return {**data, **overrides}


def _organisation_search(response) -> str | None:
    """Where the organisation picker searches (None when there is no picker)."""
    box = re.search(r'<input[^>]*name="organisation"[^>]*>', response.content.decode())
    url = re.search(r'data-picker-url="([^"]*)"', box.group(0)) if box else None
    return url.group(1) if url else None


def test_the_partner_lead_adds_someone_to_their_own_organisation(login, personas, school):
    response = login("partner_lead").post(URL, _data(school))
    person = Person.objects.get(name="Jo Lane")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "directory:person_detail", kwargs={"public_id": person.public_id}
    )
    assert person.organisation == school and person.email == "jo.lane@academy.example"
    event = AuditEvent.objects.get(action="directory.person_created")
    assert event.actor == personas["partner_lead"]
    assert event.changes["organisation"] == [None, "Northbridge Academy"]


def test_the_partner_lead_can_only_choose_their_own_organisation(login, school, college):
    response = login("partner_lead").get(URL)
    assert _organisation_search(response) == reverse("directory:search_organisations")
    assert "<option" not in response.content.decode()
    refused = login("partner_lead").post(URL, _data(college))
    assert refused.status_code == 200
    assert error_summary(refused) == ["The organisation you chose cannot be found. Search again"]
    by_name = login("partner_lead").post(
        URL, {**_data(None), "organisation": "Northbridge College"}
    )
    assert error_summary(by_name) == [
        "No organisations match ‘Northbridge College’. Check the spelling or enter part of the name"
    ]
    assert not Person.objects.filter(name="Jo Lane").exists()


def test_the_partner_lead_must_choose_an_organisation(login, school):
    response = login("partner_lead").post(URL, _data(None))
    assert error_summary(response) == ["Choose the person's organisation"]


def test_the_prevent_lead_may_add_someone_with_no_organisation(login, school, college):
    client = login("prevent_lead")
    assert _organisation_search(client.get(URL)) == reverse("directory:search_organisations")
    assert client.post(URL, _data(None)).status_code == 302
    assert Person.objects.get(name="Jo Lane").organisation is None


def test_arriving_from_an_organisation_starts_with_it_chosen(login, school):
    response = login("partner_lead").get(URL, {"organisation": str(school.public_id)})
    assert selected_option(response, "organisation") == str(school.public_id)


def test_missing_and_malformed_answers_are_listed_and_what_was_typed_is_kept(login, school):
    response = login("prevent_lead").post(URL, _data(school, name="", email="jo.lane at academy"))
    assert error_summary(response) == [
        "Enter the person's full name",
        "Enter an email address in the correct format, like name@example.org",
    ]
    assert input_value(response, "email") == "jo.lane at academy"
    assert input_value(response, "job_title") == "Deputy Safeguarding Lead"
    assert selected_option(response, "organisation") == str(school.public_id)


def test_a_councillor_cannot_add_people(login, school):
    client = login("councillor")
    assert client.get(URL).status_code == 404
    assert client.post(URL, _data(school)).status_code == 404
