"""Deleting a person: a confirmation page, then a POST; refused while someone's login uses them."""

from __future__ import annotations

from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.directory.models import Person


def _url(person) -> str:
    return reverse("directory:person_delete", kwargs={"public_id": person.public_id})


def test_the_confirmation_page_asks_before_anything_is_deleted(login, school_person):
    response = login("partner_lead").get(_url(school_person))
    assert response.status_code == 200
    assert "Are you sure you want to delete this person?" in response.content.decode()
    assert Person.objects.filter(pk=school_person.pk).exists()


def test_the_partner_lead_deletes_someone_in_their_organisation(login, personas, school_person):
    response = login("partner_lead").post(_url(school_person), follow=True)
    assert response.redirect_chain[-1][0] == reverse("directory:person_list")
    assert "Mark Bennett has been deleted." in response.content.decode()
    assert not Person.objects.filter(pk=school_person.pk).exists()
    event = AuditEvent.objects.get(action="directory.person_deleted")
    assert event.actor == personas["partner_lead"]
    assert event.object_id == str(school_person.public_id)
    deletion = Person.history.filter(id=school_person.pk).latest("history_date")
    assert deletion.history_type == "-" and deletion.history_user == personas["partner_lead"]


def test_someone_with_a_login_cannot_be_deleted(login, school_person):
    make_user(None, person=school_person)
    client = login("prevent_lead")
    page = client.get(_url(school_person)).content.decode()
    assert "You cannot delete Mark Bennett" in page and "has a login to this service" in page
    assert "Yes, delete this person" not in page
    assert client.post(_url(school_person)).status_code == 200
    assert Person.objects.filter(pk=school_person.pk).exists()
    assert not AuditEvent.objects.filter(action="directory.person_deleted").exists()


def test_the_partner_lead_gets_404_for_someone_in_another_organisation(login, college_person):
    client = login("partner_lead")
    assert client.get(_url(college_person)).status_code == 404
    assert client.post(_url(college_person)).status_code == 404
    assert Person.objects.filter(pk=college_person.pk).exists()


def test_a_councillor_cannot_delete_anyone(login, school_person):
    assert login("councillor").post(_url(school_person)).status_code == 404
    assert Person.objects.filter(pk=school_person.pk).exists()
