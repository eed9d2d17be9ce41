"""Changing an organisation: managers change any, a partner lead only their own; a change made by
someone else in the meantime is caught, not overwritten."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory import services

from .helpers import error_summary, input_value, textarea_value


def _url(organisation) -> str:
    return reverse("directory:organisation_edit", kwargs={"public_id": organisation.public_id})


def _data(organisation, **overrides) -> dict[str, str]:
    data = {
        "name": organisation.name,
        "sector": organisation.sector,
        "is_specified_authority": "on" if organisation.is_specified_authority else "",
        "website": organisation.website,
        "address": organisation.address,
        "version": str(organisation.version),
    }
    return {**data, **overrides}


def test_the_form_shows_the_current_details_and_version(login, school):
    response = login("prevent_lead").get(_url(school))
    assert response.status_code == 200
    assert input_value(response, "name") == "Northbridge Academy"
    assert input_value(response, "version") == "1"


def test_the_partner_lead_changes_their_own_organisation(login, personas, school):
    response = login("partner_lead").post(
        _url(school), _data(school, address="Academy Way\nNorthbridge")
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.address == "Academy Way\nNorthbridge"
    assert school.version == 2
    event = AuditEvent.objects.get(action="directory.organisation_updated")
    assert event.actor == personas["partner_lead"]
    assert event.changes == {"address": ["", "Academy Way\nNorthbridge"]}


def test_the_partner_lead_gets_404_for_another_organisation_and_the_attempt_is_recorded(
    login, college
):
    client = login("partner_lead")
    assert client.get(_url(college)).status_code == 404
    assert client.post(_url(college), _data(college, name="Taken over")).status_code == 404
    college.refresh_from_db()
    assert college.name == "Northbridge College"
    assert (
        AuditEvent.objects.filter(action="access.denied", object_id=str(college.public_id)).count()
        == 2
    )


def test_a_councillor_gets_404(login, school):
    assert login("councillor").get(_url(school)).status_code == 404


def test_a_blank_name_is_refused_and_the_other_answers_are_kept(login, school):
    response = login("prevent_lead").post(
        _url(school), _data(school, name="", address="New address")
    )
    assert response.status_code == 200
    assert error_summary(response) == ["Enter the organisation's name"]
    assert textarea_value(response, "address") == "New address"
    school.refresh_from_db()
    assert school.name == "Northbridge Academy"


def test_renaming_to_a_name_in_use_is_refused_in_plain_words(login, school, college):
    response = login("prevent_lead").post(_url(school), _data(school, name="Northbridge College"))
    assert error_summary(response) == [
        "There is already an organisation called Northbridge College"
    ]


def test_a_change_saved_by_someone_else_meanwhile_is_caught_and_the_typing_kept(
    login, personas, school
):
    client = login("partner_lead")
    opened = _data(school)  # the form as the partner lead opened it, at version 1
    services.update_organisation(
        actor=personas["prevent_lead"],
        organisation=school,
        data={"website": "https://a.example"},
        expected_version=1,
    )
    response = client.post(_url(school), {**opened, "address": "Academy Way"})
    assert response.status_code == 200
    assert error_summary(response) == [
        "Someone else changed this record while you were editing it. "
        "Check the current details below and make your change again."
    ]
    assert textarea_value(response, "address") == "Academy Way"
    html = response.content.decode()
    assert "What the record says now" in html and "https://a.example" in html
    school.refresh_from_db()
    assert school.address == "" and school.version == 2
    # The form now carries the current version: saving again is a deliberate choice.
    assert input_value(response, "version") == "2"
    again = client.post(_url(school), {**opened, "address": "Academy Way", "version": "2"})
    assert again.status_code == 302
    school.refresh_from_db()
    assert school.address == "Academy Way" and school.version == 3


def test_saving_without_changes_writes_nothing(login, school):
    response = login("prevent_lead").post(_url(school), _data(school))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.version == 1
    assert not AuditEvent.objects.filter(action="directory.organisation_updated").exists()
