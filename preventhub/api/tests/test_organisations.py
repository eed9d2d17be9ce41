"""The organisations API: the same policy as the directory pages, optimistic concurrency on PATCH,
and a partner lead limited to their own organisation."""

from __future__ import annotations

import uuid

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import url
from preventhub.directory.models import Organisation, Sector
from preventhub.directory.testing import OrganisationFactory

LIST = url("directory_organisation_list")


def detail(organisation: Organisation | str) -> str:
    public_id = organisation if isinstance(organisation, str) else organisation.public_id
    return url("directory_organisation_detail", public_id=public_id)


def test_list_pages_with_limit_and_offset_and_counts_every_row(api_as, school, college):
    OrganisationFactory.create(name="Abbey Primary School")

    response = api_as("councillor").get(LIST, {"limit": 2, "offset": 1})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [o["name"] for o in body["items"]] == ["Northbridge Academy", "Northbridge College"]


def test_records_are_identified_by_public_uuid_never_an_integer_key(api_as, school):
    item = api_as("councillor").get(LIST).json()["items"][0]

    assert item["id"] == str(school.public_id)
    integers = {k for k, v in item.items() if type(v) is int}  # bool is an int subclass
    assert "pk" not in item and integers == {"version"}


def test_list_filters_by_search_and_sector(api_as, school, college):
    OrganisationFactory.create(name="Northshire Police", sector=Sector.POLICE)
    api = api_as("councillor")

    by_name = api.get(LIST, {"search": "ACADEMY"}).json()
    by_sector = api.get(LIST, {"sector": "police"}).json()

    assert [o["name"] for o in by_name["items"]] == ["Northbridge Academy"]
    assert [o["name"] for o in by_sector["items"]] == ["Northshire Police"]
    assert by_sector["items"][0]["sector_label"] == "Police"


def test_outsider_lists_nothing_and_cannot_open_an_organisation(api_as, school):
    api = api_as("outsider")

    assert api.get(LIST).json() == {"items": [], "count": 0}
    response = api.get(detail(school))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_missing_and_forbidden_organisations_look_the_same(api_as, school):
    missing = api_as("councillor").get(detail(str(uuid.uuid4())))
    forbidden = api_as("outsider").get(detail(school))

    assert missing.status_code == forbidden.status_code == 404
    assert missing.json() == forbidden.json() == {"detail": "Not found."}


def test_prevent_lead_adds_an_organisation_and_it_is_audited(api_as, prevent_lead):
    response = api_as("prevent_lead").post(
        LIST,
        {
            "name": "Northbridge Sixth Form",
            "sector": "further_education",
            "is_specified_authority": True,
        },
    )

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Northbridge Sixth Form" and body["version"] == 1
    created = Organisation.objects.get(public_id=body["id"])
    assert created.is_specified_authority
    event = AuditEvent.objects.get(action="directory.organisation_created")
    assert event.actor_id == prevent_lead.pk and event.changes["name"] == [
        None,
        "Northbridge Sixth Form",
    ]
    assert created.history.get().history_user == prevent_lead


@pytest.mark.parametrize("persona", ["partner_lead", "councillor", "auditor", "outsider"])
def test_only_partnership_directory_managers_may_add_organisations(api_as, persona):
    response = api_as(persona).post(LIST, {"name": "Northbridge Sixth Form", "sector": "school"})

    assert response.status_code == 403
    assert not Organisation.objects.filter(name="Northbridge Sixth Form").exists()


def test_duplicate_name_is_a_400_on_the_name_field(api_as, school):
    response = api_as("prevent_lead").post(
        LIST, {"name": "Northbridge Academy", "sector": "school"}
    )

    assert response.status_code == 400
    assert response.json()["detail"] == [
        {
            "loc": ["body", "payload", "name"],
            "msg": "There is already an organisation called Northbridge Academy",
            "type": "unique",
        }
    ]


def test_invalid_website_is_a_400_on_the_website_field(api_as):
    response = api_as("prevent_lead").post(
        LIST, {"name": "New", "sector": "school", "website": "not a url"}
    )

    assert response.status_code == 400
    assert [e["loc"] for e in response.json()["detail"]] == [["body", "payload", "website"]]


def test_patch_changes_only_the_fields_sent_and_bumps_the_version(api_as, school):
    response = api_as("prevent_lead").patch(
        detail(school), {"version": 1, "website": "https://academy.example.org"}
    )

    assert response.status_code == 200
    assert response.json()["version"] == 2
    school.refresh_from_db()
    assert school.website == "https://academy.example.org" and school.name == "Northbridge Academy"
    event = AuditEvent.objects.get(action="directory.organisation_updated")
    assert event.changes == {"website": ["", "https://academy.example.org"]}


def test_patch_with_a_stale_version_is_a_409_and_changes_nothing(api_as, school):
    api = api_as("prevent_lead")
    assert api.patch(detail(school), {"version": 1, "address": "1 High Street"}).status_code == 200

    response = api.patch(detail(school), {"version": 1, "address": "2 Low Road"})

    assert response.status_code == 409
    assert "Someone else changed this record" in response.json()["detail"]
    school.refresh_from_db()
    assert school.address == "1 High Street" and school.version == 2


def test_patch_without_a_version_is_refused(api_as, school):
    response = api_as("prevent_lead").patch(detail(school), {"name": "Renamed"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "version"]


def test_patch_cannot_null_a_required_field(api_as, school):
    response = api_as("prevent_lead").patch(detail(school), {"version": 1, "name": None})

    assert response.status_code == 422
    school.refresh_from_db()
    assert school.name == "Northbridge Academy"


def test_partner_lead_can_patch_their_own_organisation(api_as, school):
    response = api_as("partner_lead").patch(
        detail(school), {"version": 1, "address": "Academy Road"}
    )

    assert response.status_code == 200
    assert response.json()["address"] == "Academy Road"


def test_partner_lead_gets_404_patching_another_organisation_and_the_denial_is_audited(
    api_as, college, partner_lead
):
    response = api_as("partner_lead").patch(detail(college), {"version": 1, "address": "Not mine"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    college.refresh_from_db()
    assert college.address == ""
    denial = AuditEvent.objects.get(action="access.denied")
    assert denial.actor_id == partner_lead.pk and denial.object_id == str(college.public_id)


def test_partner_lead_can_still_read_other_organisations(api_as, college):
    assert api_as("partner_lead").get(detail(college)).status_code == 200
