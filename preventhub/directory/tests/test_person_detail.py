"""A person's page: contact details, written to the audit trail every time they are read."""

from __future__ import annotations

from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory import services


def _url(person) -> str:
    return reverse("directory:person_detail", kwargs={"public_id": person.public_id})


def test_reading_someones_contact_details_writes_a_person_viewed_event(
    login, personas, school_person
):
    response = login("councillor").get(_url(school_person))
    assert response.status_code == 200
    assert school_person.email in response.content.decode()
    event = AuditEvent.objects.get(action="directory.person_viewed")
    assert event.actor == personas["councillor"]
    assert event.object_type == "directory.person"
    assert event.object_id == str(school_person.public_id)


def test_change_and_delete_links_show_only_to_those_who_may(login, school_person, college_person):
    edit_url = reverse("directory:person_edit", kwargs={"public_id": school_person.public_id})
    delete_url = reverse("directory:person_delete", kwargs={"public_id": school_person.public_id})
    own = login("partner_lead").get(_url(school_person)).content.decode()
    assert edit_url in own and delete_url in own
    other = login("other_partner_lead").get(_url(school_person)).content.decode()
    assert edit_url not in other and delete_url not in other
    councillor = login("councillor").get(_url(school_person)).content.decode()
    assert edit_url not in councillor


def test_the_history_shows_a_move_between_organisations_by_name(
    login, personas, school_person, college
):
    services.update_person(
        actor=personas["prevent_lead"],
        person=school_person,
        data={"organisation": college},
        expected_version=1,
    )
    response = login("councillor").get(_url(school_person))
    change = response.context["history"].entries[0].changes[0]
    assert (change.label, change.old, change.new) == (
        "Organisation",
        "Northbridge Academy",
        "Northbridge College",
    )


def test_someone_with_no_role_gets_404_and_no_read_is_recorded(login, school_person):
    assert login("outsider").get(_url(school_person)).status_code == 404
    assert not AuditEvent.objects.filter(action="directory.person_viewed").exists()
    assert AuditEvent.objects.filter(action="access.denied").exists()
