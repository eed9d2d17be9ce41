"""Changing a person's details: a partner lead for their own organisation's people only."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory import services

from .helpers import error_summary, input_value, selected_option


def _url(person) -> str:
    return reverse("directory:person_edit", kwargs={"public_id": person.public_id})


def _data(person, **overrides) -> dict[str, str]:
    data = {
        "name": person.name,
        "job_title": person.job_title,
        "organisation": str(person.organisation.public_id) if person.organisation else "",
        "email": person.email,
        "phone": person.phone,
        "version": str(person.version),
    }
    return {**data, **overrides}


def test_the_form_starts_with_the_persons_organisation_chosen(login, school_person):
    response = login("partner_lead").get(_url(school_person))
    assert selected_option(response, "organisation") == str(school_person.organisation.public_id)
    assert input_value(response, "name") == "Mark Bennett"


def test_the_partner_lead_changes_someone_in_their_organisation(login, personas, school_person):
    response = login("partner_lead").post(
        _url(school_person), _data(school_person, phone="01632 960 002")
    )
    assert response.status_code == 302
    school_person.refresh_from_db()
    assert school_person.phone == "01632 960 002"
    event = AuditEvent.objects.get(action="directory.person_updated")
    assert event.actor == personas["partner_lead"]
    assert event.changes == {"phone": ["", "01632 960 002"]}


def test_the_partner_lead_gets_404_for_someone_in_another_organisation(login, college_person):
    client = login("partner_lead")
    assert client.get(_url(college_person)).status_code == 404
    assert (
        client.post(_url(college_person), _data(college_person, name="Changed")).status_code == 404
    )
    college_person.refresh_from_db()
    assert college_person.name == "Aisha Karim"


def test_the_partner_lead_cannot_move_someone_into_another_organisation(
    login, school_person, college
):
    response = login("partner_lead").post(
        _url(school_person), _data(school_person, organisation=str(college.public_id))
    )
    assert error_summary(response) == ["The organisation you chose cannot be found. Search again"]
    school_person.refresh_from_db()
    assert school_person.organisation.name == "Northbridge Academy"


def test_bad_answers_are_listed_and_what_was_typed_is_kept(login, school_person):
    response = login("prevent_lead").post(
        _url(school_person), _data(school_person, name="", email="nope", phone="01632 960 003")
    )
    assert error_summary(response) == [
        "Enter the person's full name",
        "Enter an email address in the correct format, like name@example.org",
    ]
    assert input_value(response, "email") == "nope"
    assert input_value(response, "phone") == "01632 960 003"


def test_a_change_saved_by_someone_else_meanwhile_is_caught(login, personas, school_person):
    client = login("partner_lead")
    opened = _data(school_person)
    services.update_person(
        actor=personas["prevent_lead"],
        person=school_person,
        data={"job_title": "Head of Year"},
        expected_version=1,
    )
    response = client.post(_url(school_person), {**opened, "phone": "01632 960 004"})
    assert response.status_code == 200
    assert error_summary(response)[0].startswith("Someone else changed this record")
    assert input_value(response, "phone") == "01632 960 004"
    assert input_value(response, "version") == "2"
    assert "Head of Year" in response.content.decode()
    school_person.refresh_from_db()
    assert school_person.phone == "" and school_person.job_title == "Head of Year"
