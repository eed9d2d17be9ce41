"""Adding a municipal year: a label like 2016/17, real dates, the end after the start."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.directory.models import MunicipalYear
from preventhub.directory.testing import MunicipalYearFactory

from .helpers import error_summary, input_value

URL = reverse("directory:municipal_year_create")


def _data(label="2016/17", start=("18", "5", "2016"), end=("16", "5", "2017")) -> dict[str, str]:
    return {
        "label": label,
        "starts_on-day": start[0],
        "starts_on-month": start[1],
        "starts_on-year": start[2],
        "ends_on-day": end[0],
        "ends_on-month": end[1],
        "ends_on-year": end[2],
    }


def test_democratic_services_add_a_municipal_year(login, personas):
    response = login("democratic_services").post(URL, _data())
    year = MunicipalYear.objects.get()
    assert response.status_code == 302
    assert (year.label, year.starts_on, year.ends_on) == (
        "2016/17",
        dt.date(2016, 5, 18),
        dt.date(2017, 5, 16),
    )
    assert (
        AuditEvent.objects.get(action="directory.municipal_year_created").actor
        == personas["democratic_services"]
    )


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (_data(label="2016-2017"), ["Enter the municipal year in the format 2016/17"]),
        (_data(label="2016/18"), ["The second year must follow the first, for example 2016/17"]),
        (_data(label=""), ["Enter the municipal year, like 2016/17"]),
        (_data(start=("", "", "")), ["Enter the start date"]),
        (_data(start=("18", "", "2016")), ["Start date must include a month"]),
        (_data(start=("31", "2", "2016")), ["Start date must be a real date"]),
        (_data(end=("16", "5", "17")), ["Year must include 4 numbers"]),
        (_data(end=("1", "5", "2016")), ["The end date must be after the start date"]),
        (
            _data(start=("18", "5", "2015")),
            ["The start date must be in 2016, the first year of 2016/17"],
        ),
    ],
)
def test_bad_answers_are_explained_and_what_was_typed_is_kept(login, data, errors):
    response = login("prevent_lead").post(URL, data)
    assert response.status_code == 200
    assert error_summary(response) == errors
    assert input_value(response, "label") == data["label"]
    assert input_value(response, "starts_on-month") == data["starts_on-month"]
    assert input_value(response, "ends_on-year") == data["ends_on-year"]
    assert not MunicipalYear.objects.exists()


def test_a_year_that_already_exists_is_refused_in_plain_words(login):
    MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )
    response = login("prevent_lead").post(URL, _data())
    assert error_summary(response) == ["The municipal year 2016/17 already exists"]


def test_a_partner_lead_cannot_add_municipal_years(login):
    client = login("partner_lead")
    assert client.get(URL).status_code == 404
    assert client.post(URL, _data()).status_code == 404
