"""Wards and municipal years through the API: readable by every role, changed only by those who
manage the whole directory, with the directory's own validation reported on the fields."""

from __future__ import annotations

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import url
from preventhub.directory.models import MunicipalYear, Ward
from preventhub.directory.testing import MunicipalYearFactory, WardFactory

WARDS = url("directory_ward_list")
YEARS = url("directory_municipal_year_list")


@pytest.fixture
def abbey(db):
    return WardFactory.create(name="Abbey", code="E05099001")


def test_every_role_reads_wards(api_as, abbey):
    api = api_as("councillor")

    listed = api.get(WARDS).json()
    one = api.get(url("directory_ward_detail", public_id=abbey.public_id)).json()

    assert listed["count"] == 1 and listed["items"][0]["name"] == "Abbey"
    assert one["code"] == "E05099001"


def test_democratic_services_adds_and_changes_a_ward(api_as):
    api = api_as("democratic_services")

    created = api.post(WARDS, {"name": "Brookside", "code": "E05099002"})
    changed = api.patch(
        url("directory_ward_detail", public_id=created.json()["id"]),
        {"version": 1, "name": "Brookside and Mill"},
    )

    assert created.status_code == 201 and changed.status_code == 200
    assert Ward.objects.get().name == "Brookside and Mill"
    assert [e.action for e in AuditEvent.objects.order_by("seq")][-2:] == [
        "directory.ward_created",
        "directory.ward_updated",
    ]


def test_partner_lead_cannot_add_or_change_wards(api_as, abbey):
    api = api_as("partner_lead")

    assert api.post(WARDS, {"name": "Brookside"}).status_code == 403
    assert (
        api.patch(
            url("directory_ward_detail", public_id=abbey.public_id), {"version": 1}
        ).status_code
        == 404
    )


def test_ward_code_longer_than_nine_characters_is_refused(api_as):
    response = api_as("prevent_lead").post(WARDS, {"name": "Brookside", "code": "E050990021"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "code"]


def test_municipal_years_are_listed_latest_first(api_as):
    MunicipalYearFactory.create(label="2016/17", starts_on="2016-05-18", ends_on="2017-05-16")
    MunicipalYearFactory.create(label="2017/18", starts_on="2017-05-17", ends_on="2018-05-15")

    body = api_as("councillor").get(YEARS).json()

    assert [y["label"] for y in body["items"]] == ["2017/18", "2016/17"]


def test_prevent_lead_adds_a_municipal_year(api_as):
    response = api_as("prevent_lead").post(
        YEARS, {"label": "2024/25", "starts_on": "2024-05-22", "ends_on": "2025-05-20"}
    )

    assert response.status_code == 201
    assert response.json()["starts_on"] == "2024-05-22"
    assert MunicipalYear.objects.get().label == "2024/25"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"label": "2024/26", "starts_on": "2024-05-22", "ends_on": "2025-05-20"}, "label"),
        ({"label": "2024/25", "starts_on": "2023-05-22", "ends_on": "2025-05-20"}, "starts_on"),
        ({"label": "2024/25", "starts_on": "2024-05-22", "ends_on": "2024-05-22"}, "ends_on"),
    ],
)
def test_municipal_year_rules_are_reported_on_the_field(api_as, payload, field):
    response = api_as("prevent_lead").post(YEARS, payload)

    assert response.status_code == 400
    assert [e["loc"] for e in response.json()["detail"]] == [["body", "payload", field]]


def test_municipal_year_label_must_look_like_2016_17(api_as):
    response = api_as("prevent_lead").post(
        YEARS, {"label": "2024-25", "starts_on": "2024-05-22", "ends_on": "2025-05-20"}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "label"]


def test_patching_a_municipal_year_checks_the_dates_together(api_as):
    year = MunicipalYearFactory.create(
        label="2016/17", starts_on="2016-05-18", ends_on="2017-05-16"
    )

    response = api_as("prevent_lead").patch(
        url("directory_municipal_year_detail", public_id=year.public_id),
        {"version": 1, "ends_on": "2016-05-01"},
    )

    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "ends_on"]


def test_councillor_cannot_change_a_municipal_year(api_as):
    year = MunicipalYearFactory.create()

    response = api_as("councillor").patch(
        url("directory_municipal_year_detail", public_id=year.public_id),
        {"version": 1, "label": "1999/00"},
    )

    assert response.status_code == 404
