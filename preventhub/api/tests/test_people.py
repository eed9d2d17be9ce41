"""The people API: contact details only on the (audited) single-person read, placement limited
to the organisations the caller manages, and no delete while anything still refers to them."""

from __future__ import annotations

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import url
from preventhub.directory.models import Person
from preventhub.directory.testing import PersonFactory

LIST = url("directory_person_list")


def detail(person: Person) -> str:
    return url("directory_person_detail", public_id=person.public_id)


@pytest.fixture
def sam(school):
    return PersonFactory.create(
        name="Sam Safeguarding", organisation=school, email="sam@academy.example.org"
    )


@pytest.fixture
def cal(college):
    return PersonFactory.create(
        name="Cal Careers", organisation=college, email="cal@college.example.org"
    )


def test_list_shows_names_and_organisations_but_no_contact_details(api_as, sam, cal):
    body = api_as("councillor").get(LIST).json()

    assert body["count"] == 2
    assert body["items"][0] == {
        "id": str(cal.public_id),
        "name": "Cal Careers",
        "job_title": "Safeguarding lead",
        "organisation": {"id": str(cal.organisation.public_id), "name": "Northbridge College"},
    }
    assert not AuditEvent.objects.filter(action="directory.person_viewed").exists()


def test_list_filters_by_organisation_and_search(api_as, sam, cal, school):
    api = api_as("councillor")

    in_school = api.get(LIST, {"organisation": str(school.public_id)}).json()
    by_name = api.get(LIST, {"search": "careers"}).json()

    assert [p["name"] for p in in_school["items"]] == ["Sam Safeguarding"]
    assert [p["name"] for p in by_name["items"]] == ["Cal Careers"]


def test_reading_a_person_writes_the_same_audited_read_as_the_page(api_as, sam, councillor):
    response = api_as("councillor").get(detail(sam))

    assert response.status_code == 200
    assert response.json()["email"] == "sam@academy.example.org"
    event = AuditEvent.objects.get(action="directory.person_viewed")
    assert event.actor_id == councillor.pk and event.object_id == str(sam.public_id)


def test_outsider_gets_404_for_a_person_and_no_read_is_recorded(api_as, sam):
    response = api_as("outsider").get(detail(sam))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="directory.person_viewed").exists()
    assert AuditEvent.objects.filter(action="access.denied", object_id=str(sam.public_id)).exists()


def test_partner_lead_adds_a_person_to_their_own_organisation(api_as, school):
    response = api_as("partner_lead").post(
        LIST,
        {
            "name": "Nia New",
            "organisation": str(school.public_id),
            "email": "nia@academy.example.org",
        },
    )

    assert response.status_code == 201
    assert response.json()["organisation"]["name"] == "Northbridge Academy"
    assert AuditEvent.objects.filter(action="directory.person_created").count() == 1


def test_partner_lead_cannot_add_a_person_to_another_organisation(api_as, college):
    response = api_as("partner_lead").post(
        LIST, {"name": "Nia New", "organisation": str(college.public_id)}
    )

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "organisation"]
    assert not Person.objects.filter(name="Nia New").exists()


def test_partner_lead_must_place_a_new_person_in_an_organisation(api_as):
    response = api_as("partner_lead").post(LIST, {"name": "Nia New"})

    assert response.status_code == 400
    assert response.json()["detail"][0]["msg"] == "Choose the organisation this person works for."


def test_prevent_lead_may_add_a_person_outside_any_organisation(api_as):
    response = api_as("prevent_lead").post(LIST, {"name": "Ivy Independent"})

    assert response.status_code == 201
    assert response.json()["organisation"] is None


def test_unknown_organisation_reads_like_one_the_caller_cannot_use(api_as):
    response = api_as("prevent_lead").post(
        LIST, {"name": "Nia New", "organisation": "00000000-0000-4000-8000-000000000000"}
    )

    assert response.status_code == 400
    assert "no organisation with that id" in response.json()["detail"][0]["msg"]


def test_councillor_cannot_add_people(api_as, school):
    response = api_as("councillor").post(
        LIST, {"name": "Nia New", "organisation": str(school.public_id)}
    )

    assert response.status_code == 403


def test_partner_lead_patches_their_own_person(api_as, sam):
    response = api_as("partner_lead").patch(detail(sam), {"version": 1, "phone": "01632 960000"})

    assert response.status_code == 200
    assert response.json()["phone"] == "01632 960000" and response.json()["version"] == 2
    assert AuditEvent.objects.get(action="directory.person_updated").changes == {
        "phone": ["", "01632 960000"]
    }


def test_partner_lead_gets_404_patching_another_organisations_person(api_as, cal):
    response = api_as("partner_lead").patch(detail(cal), {"version": 1, "phone": "01632 960000"})

    assert response.status_code == 404
    cal.refresh_from_db()
    assert cal.phone == ""


def test_partner_lead_cannot_move_their_person_to_another_organisation(api_as, sam, college):
    response = api_as("partner_lead").patch(
        detail(sam), {"version": 1, "organisation": str(college.public_id)}
    )

    assert response.status_code == 400
    sam.refresh_from_db()
    assert sam.organisation.name == "Northbridge Academy"


def test_prevent_lead_moves_a_person_to_another_organisation(api_as, sam, college):
    response = api_as("prevent_lead").patch(
        detail(sam), {"version": 1, "organisation": str(college.public_id)}
    )

    assert response.status_code == 200
    sam.refresh_from_db()
    assert sam.organisation == college


def test_patch_with_a_stale_version_is_a_409(api_as, sam):
    api = api_as("prevent_lead")
    api.patch(detail(sam), {"version": 1, "job_title": "Head teacher"})

    response = api.patch(detail(sam), {"version": 1, "job_title": "Deputy head"})

    assert response.status_code == 409


def test_delete_removes_the_person_and_is_audited(api_as, sam):
    response = api_as("partner_lead").delete(detail(sam))

    assert response.status_code == 204
    assert response.content == b""
    assert not Person.objects.filter(pk=sam.pk).exists()
    assert AuditEvent.objects.filter(
        action="directory.person_deleted", object_id=str(sam.public_id)
    ).exists()


def test_other_partner_lead_gets_404_deleting_someone_elses_person(api_as, sam):
    response = api_as("other_partner_lead").delete(detail(sam))

    assert response.status_code == 404
    assert Person.objects.filter(pk=sam.pk).exists()


def test_person_with_a_login_cannot_be_deleted(api_as, sam, councillor):
    councillor.person = sam
    councillor.save(update_fields=["person"])

    response = api_as("prevent_lead").delete(detail(sam))

    assert response.status_code == 409
    assert "has a login" in response.json()["detail"]
    assert Person.objects.filter(pk=sam.pk).exists()
