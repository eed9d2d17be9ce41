"""GOV.UK wording: no Django default messages, per-field declared messages, no "(optional)" twice,
and the one date field (day, month, year; nothing before 1900)."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.template import engines

from preventhub.core.form_messages import DJANGO_DEFAULTS
from preventhub.core.forms import GovukDateField, GovukForm, error_list


class MeetingForm(GovukForm):
    govuk_messages = {
        "date": {"required": "Enter the meeting date"},
        "venue": {"required": "Enter where the meeting is held"},
    }

    date = GovukDateField(label="Date")
    venue = forms.CharField(label="Venue", max_length=10)
    quorum = forms.IntegerField(label="Quorum", required=False, min_value=1)
    chair = forms.ChoiceField(label="Chair", choices=[("", "Choose"), ("a", "Alex")])
    email = forms.EmailField(label="Clerk's email address", required=False)
    notes = forms.CharField(label="Notes (optional)", required=False)


def _render(form: forms.Form) -> str:
    return engines["django"].from_string("{{ form }}").render({"form": form})


def _summary(data: dict[str, str]) -> list[str]:
    form = MeetingForm(data)
    assert not form.is_valid()
    return [item["text"] for item in error_list(form, in_order=True)]


def test_a_form_declares_its_own_gov_uk_messages_per_field():
    assert _summary({}) == [
        "Enter the meeting date",
        "Enter where the meeting is held",
        "Select chair",
    ]


def test_django_default_messages_are_reworded_from_the_label():
    messages = _summary(
        {"venue": "The Guildhall", "quorum": "three", "chair": "zed", "email": "clerk@"}
    )
    assert messages == [
        "Enter the meeting date",
        "Venue must be 10 characters or fewer",
        "Quorum must be a whole number",
        "Select chair from the list",
        "Enter an email address in the correct format, like name@example.com",
    ]
    assert not DJANGO_DEFAULTS.intersection(messages)
    assert _summary({"quorum": "0"})[2] == "Quorum must be 1 or more"


def test_the_reworded_message_is_also_the_inline_error():
    html = _render(MeetingForm({"quorum": "three"}))
    assert "Quorum must be a whole number" in html
    assert "This field is required." not in html and "Enter a whole number." not in html


def test_a_label_that_already_says_optional_is_not_marked_twice():
    html = _render(MeetingForm())
    assert "Notes (optional)" in html
    assert "(optional) (optional)" not in html
    assert "Quorum (optional)" in html


class DateForm(GovukForm):
    on = GovukDateField(label="Date signed")


def _date(day: str, month: str, year: str) -> DateForm:
    form = DateForm({"on-day": day, "on-month": month, "on-year": year})
    form.is_valid()
    return form


def test_the_date_field_reads_day_month_and_year_boxes():
    assert _date("5", "12", "2017").cleaned_data["on"] == dt.date(2017, 12, 5)
    assert _date("5", "dec", "2017").cleaned_data["on"] == dt.date(2017, 12, 5)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the date signed"),
        ("5", "", "2017", "Date signed must include a month"),
        ("31", "2", "2017", "Date signed must be a real date"),
        ("5", "12", "17", "Year must include 4 numbers"),
        ("5", "12", "1017", "Date signed must be the same as or after 1 January 1900"),
        ("31", "12", "1899", "Date signed must be the same as or after 1 January 1900"),
    ],
)
def test_the_date_field_refuses_with_gov_uk_messages(day, month, year, message):
    assert _date(day, month, year).errors["on"] == [message]


def test_the_first_day_of_1900_is_accepted():
    assert _date("1", "1", "1900").cleaned_data["on"] == dt.date(1900, 1, 1)


def test_an_implausibly_early_year_highlights_the_year_box():
    form = _date("5", "12", "1017")
    assert {"text": form.errors["on"][0], "href": "#id_on-year"} in error_list(form)
