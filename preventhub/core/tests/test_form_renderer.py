"""Any Django form rendered with ``{{ form }}`` comes out as GOV.UK Frontend markup."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import engines
from django.utils.datastructures import MultiValueDict

from preventhub.core.forms import GovukDateField, error_list


class ReferralForm(forms.Form):
    """One field per widget the renderer knows."""

    name = forms.CharField(
        help_text="As it appears on their passport",
        widget=forms.TextInput(attrs={"autocomplete": "name", "class": "govuk-input--width-20"}),
    )
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    website = forms.URLField(required=False)
    age = forms.IntegerField(required=False)
    passphrase = forms.CharField(widget=forms.PasswordInput)
    concerns = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), help_text="Say what you saw"
    )
    agency = forms.ChoiceField(
        choices=[("", "Choose an agency"), ("school", "School"), ("police", "Police")]
    )
    route = forms.ChoiceField(
        choices=[("channel", "Channel"), ("other", "Other support")],
        widget=forms.RadioSelect,
        help_text="Pick one",
    )
    needs = forms.MultipleChoiceField(
        choices=[("housing", "Housing"), ("health", "Health")], widget=forms.CheckboxSelectMultiple
    )
    consent = forms.BooleanField(help_text="They agreed to the referral")
    referred_on = GovukDateField(label="Date of referral", help_text="For example, 27 3 2024")
    evidence = forms.FileField(widget=forms.ClearableFileInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


BAD_INPUT = {
    "name": "",
    "email": "not-an-email",
    "age": "twelve",
    "passphrase": "",
    "agency": "",
    "route": "",
    "referred_on-day": "3",
    "referred_on-month": "",
    "referred_on-year": "2024",
    "version": "7",
}


class _Elements(HTMLParser):
    """Every element's attributes, by id, and the start tags in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.by_id: dict[str, tuple[str, dict[str, str | None]]] = {}
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            assert attributes["id"] not in self.by_id, f"duplicate id {attributes['id']}"
            self.by_id[str(attributes["id"])] = (tag, attributes)

    def classes(self, element_id: str) -> str:
        """The element's class attribute ("" without one)."""
        return self.by_id[element_id][1].get("class") or ""


def render_form(form: forms.Form) -> str:
    return engines["django"].from_string("{{ form }}").render({"form": form})


@pytest.fixture
def bad_form() -> ReferralForm:
    form = ReferralForm(data=BAD_INPUT)
    assert not form.is_valid()
    return form


def test_error_summary_links_every_field_to_its_first_input(bad_form):
    hrefs = {item["href"] for item in error_list(bad_form)}

    assert hrefs == {
        "#id_name",
        "#id_email",
        "#id_age",
        "#id_passphrase",
        "#id_concerns",
        "#id_agency",
        "#id_route",  # the first radio
        "#id_needs",  # the first checkbox
        "#id_consent",
        "#id_referred_on-month",  # the first box in error
        "#id_evidence",
    }


def test_every_error_summary_link_lands_on_a_form_control(bad_form):
    elements = _Elements(render_form(bad_form)).by_id

    for item in error_list(bad_form):
        tag, attrs = elements[item["href"].removeprefix("#")]
        assert tag in {"input", "select", "textarea"}, item
        assert attrs.get("type") != "hidden"
    assert elements["id_route"][1]["value"] == "channel"
    assert elements["id_needs"][1]["value"] == "housing"


def test_a_date_with_no_part_in_error_known_links_to_the_day_box():
    form = ReferralForm(data={})
    form.is_valid()

    assert {"text": "Enter the date of referral", "href": "#id_referred_on-day"} in error_list(form)


def test_error_summary_renders_the_links_and_messages(bad_form):
    html = (
        engines["django"]
        .from_string('{% govuk "error-summary" errorList=errors %}')
        .render({"errors": error_list(bad_form)})
    )

    assert "There is a problem" in html
    assert '<a href="#id_route">Select route</a>' in html
    assert '<a href="#id_referred_on-month">Date of referral must include a month</a>' in html


def test_django_generic_required_message_names_the_question_as_gov_uk_asks(bad_form):
    messages = {item["href"]: item["text"] for item in error_list(bad_form)}
    html = render_form(bad_form)

    assert messages["#id_name"] == "Enter name"
    assert messages["#id_concerns"] == "Enter concerns"
    assert messages["#id_agency"] == "Select agency"
    assert messages["#id_route"] == "Select route"
    assert messages["#id_needs"] == "Select needs"
    assert messages["#id_evidence"] == "Select evidence"
    assert '<span class="govuk-visually-hidden">Error:</span> Enter name' in html
    assert "This field is required." not in html


def test_a_required_message_the_form_chose_is_kept():
    class NameForm(forms.Form):
        name = forms.CharField(error_messages={"required": "Enter their full name"})

    form = NameForm(data={})
    form.is_valid()

    assert error_list(form) == [{"text": "Enter their full name", "href": "#id_name"}]


def test_non_field_errors_are_listed_without_a_link():
    form = ReferralForm(data=BAD_INPUT)
    form.is_valid()
    form.add_error(None, "This person is already referred")

    assert {"text": "This person is already referred", "href": ""} in error_list(form)


def test_fields_in_error_get_the_error_classes_and_inline_messages(bad_form):
    html = render_form(bad_form)
    elements = _Elements(html)

    assert html.count("govuk-form-group--error") == len(bad_form.errors)
    assert "govuk-input--error" in elements.classes("id_name")
    assert "govuk-textarea--error" in elements.classes("id_concerns")
    assert "govuk-select--error" in elements.classes("id_agency")
    assert "govuk-file-upload--error" in elements.classes("id_evidence")
    for field in bad_form.errors:
        error = elements.by_id[f"id_{field}-error"]
        assert error[0] == "p" and error[1]["class"] == "govuk-error-message"
    assert (
        '<span class="govuk-visually-hidden">Error:</span> '
        "Enter an email address in the correct format, like name@example.com" in html
    )


def test_hints_come_from_help_text_and_are_described_before_errors(bad_form):
    elements = _Elements(render_form(bad_form)).by_id

    assert elements["id_name-hint"][1]["class"] == "govuk-hint"
    assert elements["id_name"][1]["aria-describedby"] == "id_name-hint id_name-error"
    assert elements["id_concerns"][1]["aria-describedby"] == "id_concerns-hint id_concerns-error"
    # Radios and dates are described on their fieldset, as the components do.
    fieldsets = [attrs for tag, attrs in _Elements(render_form(bad_form)).tags if tag == "fieldset"]
    described = {attrs.get("aria-describedby") for attrs in fieldsets}
    assert "id_route-hint id_route-error" in described
    assert "id_referred_on-hint id_referred_on-error" in described
    # A single checkbox carries its own hint and the field's error.
    assert elements["id_consent"][1]["aria-describedby"] == "id_consent-error id_consent-item-hint"


def test_each_widget_becomes_its_gov_uk_component(bad_form):
    html = render_form(bad_form)
    elements = _Elements(html).by_id

    assert elements["id_name"][1]["type"] == "text"
    assert elements["id_name"][1]["autocomplete"] == "name"
    assert "govuk-input--width-20" in str(elements["id_name"][1]["class"])
    assert elements["id_email"][1]["type"] == "email"
    assert elements["id_email"][1]["spellcheck"] == "false"
    assert elements["id_email"][1]["value"] == "not-an-email"
    assert elements["id_website"][1]["type"] == "url"
    # GOV.UK asks for numbers in a text input with a numeric keyboard.
    assert (elements["id_age"][1]["type"], elements["id_age"][1]["inputmode"]) == (
        "text",
        "numeric",
    )
    assert elements["id_passphrase"][1]["type"] == "password"
    assert elements["id_concerns"] == ("textarea", elements["id_concerns"][1])
    assert elements["id_concerns"][1]["rows"] == "5"
    assert elements["id_agency"][0] == "select"
    assert elements["id_route"][1]["type"] == "radio"
    assert elements["id_route-2"][1]["type"] == "radio"
    assert elements["id_needs-2"][1]["type"] == "checkbox"
    assert elements["id_consent"][1]["type"] == "checkbox"
    assert [elements[f"id_referred_on-{part}"][1]["name"] for part in ("day", "month", "year")] == [
        "referred_on-day",
        "referred_on-month",
        "referred_on-year",
    ]
    assert elements["id_evidence"][1]["type"] == "file"
    assert 'class="govuk-date-input"' in html
    assert 'class="govuk-radios" data-module="govuk-radios"' in html
    assert "required" not in elements["id_name"][1]


def test_labels_legends_and_optional_questions(bad_form):
    html = render_form(bad_form)

    assert '<label class="govuk-label govuk-label--m" for="id_name">' in html
    assert "Website (optional)" in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">' in html


def test_a_form_of_only_optional_fields_marks_none_of_them_optional():
    class SearchForm(forms.Form):
        q = forms.CharField(label="Search", required=False)

    class MarkedSearchForm(SearchForm):
        govuk_mark_optional = True

    assert "(optional)" not in render_form(SearchForm())
    assert "Search (optional)" in render_form(MarkedSearchForm())


def test_what_the_user_typed_is_shown_again():
    form = ReferralForm(
        data={
            **BAD_INPUT,
            "agency": "police",
            "route": "other",
            "needs": ["health"],
            "consent": "true",
        }
    )
    form.is_valid()
    elements = _Elements(render_form(form)).by_id

    assert "selected" in next(
        a
        for t, a in _Elements(render_form(form)).tags
        if t == "option" and a.get("value") == "police"
    )
    assert "checked" in elements["id_route-2"][1] and "checked" not in elements["id_route"][1]
    assert "checked" in elements["id_needs-2"][1]
    assert "checked" in elements["id_consent"][1]
    assert elements["id_referred_on-day"][1]["value"] == "3"
    assert elements["id_referred_on-year"][1]["value"] == "2024"
    assert "value" not in elements["id_passphrase"][1]


def test_hidden_inputs_are_left_as_django_renders_them(bad_form):
    assert '<input type="hidden" name="version" value="7" id="id_version">' in render_form(bad_form)


def test_a_valid_form_cleans_every_widget():
    form = ReferralForm(
        data={
            "name": "Sam",
            "email": "sam@example.org",
            "passphrase": "x",
            "concerns": "Worrying posts",
            "agency": "school",
            "route": "channel",
            "needs": ["housing", "health"],
            "consent": "true",
            "referred_on-day": "27",
            "referred_on-month": "3",
            "referred_on-year": "2024",
        },
        files=MultiValueDict({"evidence": [SimpleUploadedFile("note.txt", b"hello")]}),
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["referred_on"] == dt.date(2024, 3, 27)
    assert form.cleaned_data["consent"] is True
    assert form.cleaned_data["needs"] == ["housing", "health"]


def test_an_unbound_form_shows_the_initial_date_in_the_boxes():
    form = ReferralForm(initial={"referred_on": dt.date(2024, 3, 27)})
    elements = _Elements(render_form(form)).by_id

    assert [elements[f"id_referred_on-{p}"][1]["value"] for p in ("day", "month", "year")] == [
        "27",
        "3",
        "2024",
    ]
    assert "govuk-form-group--error" not in render_form(form)


def test_a_form_can_make_a_label_the_page_heading():
    class NameForm(forms.Form):
        govuk_options = {"name": {"label": {"isPageHeading": True, "classes": "govuk-label--l"}}}
        name = forms.CharField(label="What is their name?")

    html = render_form(NameForm())

    assert '<h1 class="govuk-label-wrapper">' in html
    assert '<label class="govuk-label govuk-label--l" for="id_name">' in html


def test_a_widget_without_a_gov_uk_component_still_gets_label_hint_and_error():
    class MeetingForm(forms.Form):
        starts_at = forms.SplitDateTimeField(help_text="Date and time")

    form = MeetingForm(data={})
    form.is_valid()
    html = render_form(form)

    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert '<label class="govuk-label govuk-label--m" for="id_starts_at">' in html
    assert 'aria-describedby="id_starts_at-hint id_starts_at-error"' in html


class DateForm(forms.Form):
    when = GovukDateField(label="Date of referral")
    optional = GovukDateField(required=False)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "parts"),
    [
        ("", "", "", "Enter the date of referral", ["day", "month", "year"]),
        ("3", "", "2024", "Date of referral must include a month", ["month"]),
        ("", "", "2024", "Date of referral must include a day and month", ["day", "month"]),
        ("31", "2", "2024", "Date of referral must be a real date", ["day"]),
        ("3", "13", "2024", "Date of referral must be a real date", ["month"]),
        ("3", "x", "2024", "Date of referral must be a real date", ["month"]),
        ("3", "4", "24", "Year must include 4 numbers", ["year"]),
    ],
)
def test_the_date_field_gives_gov_uk_error_messages(day, month, year, message, parts):
    form = DateForm(data={"when-day": day, "when-month": month, "when-year": year})

    assert not form.is_valid()
    assert form.errors["when"] == [message]
    error = form.errors.as_data()["when"][0]
    assert error.params is not None
    assert error.params["parts"] == parts
    elements = _Elements(render_form(form)).by_id
    highlighted = [
        p
        for p in ("day", "month", "year")
        if "govuk-input--error" in str(elements[f"id_when-{p}"][1]["class"])
    ]
    assert highlighted == parts


@pytest.mark.parametrize(
    ("month", "expected"), [("3", 3), ("03", 3), ("March", 3), ("mar", 3), ("Dec", 12)]
)
def test_the_date_field_accepts_month_numbers_and_names(month, expected):
    form = DateForm(data={"when-day": "1", "when-month": month, "when-year": "2024"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == dt.date(2024, expected, 1)
    assert form.cleaned_data["optional"] is None


def test_a_ticked_single_checkbox_says_checked_once():
    from django import forms as django_forms

    class AgreeForm(django_forms.Form):
        agree = django_forms.BooleanField(label="Agree", required=False, initial=True)

    html = str(AgreeForm())
    assert html.count("checked") == 1
