"""Changing a municipal year's dates or label."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from preventhub.directory import services
from preventhub.directory.testing import MunicipalYearFactory

from .helpers import error_summary, input_value


@pytest.fixture
def year():
    return MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )


def _url(year) -> str:
    return reverse("directory:municipal_year_edit", kwargs={"public_id": year.public_id})


def _data(version="1", **overrides) -> dict[str, str]:
    data = {
        "label": "2016/17",
        "version": version,
        "starts_on-day": "18",
        "starts_on-month": "5",
        "starts_on-year": "2016",
        "ends_on-day": "23",
        "ends_on-month": "5",
        "ends_on-year": "2017",
    }
    return {
        **data,
        **{
            name.replace("_day", "-day")
            .replace("_month", "-month")
            .replace("_year", "-year"): value
            for name, value in overrides.items()
        },
    }


def test_the_form_shows_the_dates_in_day_month_and_year_boxes(login, year):
    response = login("prevent_lead").get(_url(year))
    assert [input_value(response, f"starts_on-{part}") for part in ("day", "month", "year")] == [
        "18",
        "5",
        "2016",
    ]


def test_the_prevent_lead_moves_the_end_date(login, year):
    assert login("prevent_lead").post(_url(year), _data()).status_code == 302
    year.refresh_from_db()
    assert year.ends_on == dt.date(2017, 5, 23) and year.version == 2


def test_an_end_before_the_start_is_refused_and_the_typing_kept(login, year):
    response = login("prevent_lead").post(_url(year), _data(ends_on_year="2015"))
    assert error_summary(response) == ["The end date must be after the start date"]
    assert input_value(response, "ends_on-year") == "2015"
    year.refresh_from_db()
    assert year.ends_on == dt.date(2017, 5, 16)


def test_a_change_saved_by_someone_else_meanwhile_is_caught(login, personas, year):
    services.update_municipal_year(
        actor=personas["administrator"],
        municipal_year=year,
        data={"starts_on": dt.date(2016, 5, 25)},
        expected_version=1,
    )
    response = login("prevent_lead").post(_url(year), _data())
    assert error_summary(response)[0].startswith("Someone else changed this record")
    assert input_value(response, "ends_on-day") == "23"
    assert "25 May 2016" in response.content.decode()


def test_a_partner_lead_gets_404(login, year):
    assert login("partner_lead").get(_url(year)).status_code == 404
