"""Adding an organisation: partnership-wide directory managers only, with plain-English errors."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Organisation, Sector

from .helpers import error_summary, input_value, selected_option, textarea_value

URL = reverse("directory:organisation_create")


def _data(**overrides) -> dict[str, str]:
    data = {
        "name": "Northshire Police",
        "sector": Sector.POLICE,
        "is_specified_authority": "on",
        "website": "https://www.northshire-police.example",
        "address": "1 Station Road\nNorthbridge",
    }
    return {**data, **overrides}


def test_the_prevent_lead_adds_an_organisation_and_it_is_audited(login, personas):
    response = login("prevent_lead").post(URL, _data())
    organisation = Organisation.objects.get(name="Northshire Police")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "directory:organisation_detail", kwargs={"public_id": organisation.public_id}
    )
    assert organisation.is_specified_authority and organisation.sector == Sector.POLICE
    event = AuditEvent.objects.get(action="directory.organisation_created")
    assert event.actor == personas["prevent_lead"]
    assert event.object_id == str(organisation.public_id)
    assert event.changes["name"] == [None, "Northshire Police"]
    assert organisation.history.get().history_user == personas["prevent_lead"]


def test_the_new_organisation_page_says_it_was_added(login):
    response = login("democratic_services").post(URL, _data(), follow=True)
    assert "Northshire Police has been added." in response.content.decode()


def test_missing_and_malformed_answers_are_listed_and_what_was_typed_is_kept(login):
    response = login("prevent_lead").post(
        URL, _data(name="", sector="", website="not a web address", address="1 Station Road")
    )
    assert response.status_code == 200
    assert error_summary(response) == [
        "Enter the organisation's name",
        "Choose the organisation's sector",
        "Enter a web address in the correct format, like https://www.example.org",
    ]
    assert input_value(response, "website") == "not a web address"
    assert textarea_value(response, "address") == "1 Station Road"
    assert "(error)" in response.content.decode().split("</title>")[0]
    assert not Organisation.objects.filter(address="1 Station Road").exists()


def test_a_name_already_in_use_is_refused_in_plain_words(login, school):
    response = login("prevent_lead").post(
        URL, _data(name="Northbridge Academy", sector=Sector.SCHOOL)
    )
    assert error_summary(response) == [
        "There is already an organisation called Northbridge Academy"
    ]
    assert input_value(response, "name") == "Northbridge Academy"
    assert selected_option(response, "sector") == Sector.SCHOOL
    assert Organisation.objects.filter(name="Northbridge Academy").count() == 1


def test_a_partner_lead_cannot_add_organisations(login):
    client = login("partner_lead")
    assert client.get(URL).status_code == 404
    assert client.post(URL, _data()).status_code == 404
    assert not Organisation.objects.filter(name="Northshire Police").exists()
