"""Directory forms: declarations on the core GOV.UK form foundation (:mod:`preventhub.core.forms`),
plain-English messages, public ids instead of database keys."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from preventhub.core.forms import GovukDateField, GovukForm, VersionedModelForm, form_field
from preventhub.core.pickers import PickerField

from . import policies
from .models import MunicipalYear, Organisation, Person, Sector, Ward
from .pickers import ORGANISATIONS
from .validators import check_municipal_year, municipal_year_label_errors


def _add_class(field: forms.Field, css: str) -> None:
    field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}".strip()


class OrganisationForm(VersionedModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "sector", "is_specified_authority", "website", "address"]
        labels = {"name": "Name", "is_specified_authority": "This is a specified authority"}
        help_texts = {
            "website": "For example, https://www.northbridge.example",
            "is_specified_authority": (
                "Specified authorities have the Prevent duty under section 26 of the "
                "Counter-Terrorism and Security Act 2015 (Schedule 6)."
            ),
        }
        error_messages = {
            "name": {"required": "Enter the organisation's name"},
            "sector": {"required": "Choose the organisation's sector"},
            "website": {
                "invalid": "Enter a web address in the correct format, like https://www.example.org"
            },
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 4, "autocomplete": "off"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "sector", forms.ChoiceField).choices = [
            ("", "Choose a sector"),
            *Sector.choices,
        ]
        self.fields["name"].widget.attrs.update(autocomplete="organization", spellcheck="false")
        self.fields["website"].widget.attrs.update(spellcheck="false")


class PersonForm(VersionedModelForm):
    organisation = PickerField(
        ORGANISATIONS, label="Organisation", help_text="Type part of the organisation's name."
    )

    class Meta:
        model = Person
        fields = ["name", "job_title", "organisation", "email", "phone"]
        labels = {"name": "Full name", "email": "Email address", "phone": "Telephone number"}
        error_messages = {
            "name": {"required": "Enter the person's full name"},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.org"
            },
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = form_field(self, "organisation", PickerField)
        field.queryset = policies.organisations_for_new_person(user)
        # Someone who manages only their own organisation must put people in it, or they would
        # create records they could never change again.
        field.required = not policies.can_manage_whole_directory(user)
        field.error_messages["required"] = "Choose the person's organisation"
        if self.instance.organisation_id and not self.is_bound:
            # Model forms start from the database key; the choices are public ids.
            self.initial["organisation"] = self.instance.organisation.public_id
        self.fields["email"].widget.attrs.update(autocomplete="off", spellcheck="false")
        self.fields["phone"].widget.attrs.update(autocomplete="off", type="tel")
        self.fields["name"].widget.attrs.update(autocomplete="off", spellcheck="false")


class WardForm(VersionedModelForm):
    # No length limit here: clean_code explains the format rather than counting characters.
    code = forms.CharField(
        label="ONS code",
        required=False,
        help_text="The nine-character GSS code, for example E05000001.",
    )

    class Meta:
        model = Ward
        fields = ["name", "code"]
        error_messages = {"name": {"required": "Enter the ward's name"}}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_class(self.fields["code"], "govuk-input--width-10")
        self.fields["code"].widget.attrs["spellcheck"] = "false"

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().upper()
        if code and not (len(code) == 9 and code[0].isalpha() and code[1:].isdigit()):
            raise ValidationError("Enter the ONS code as a letter and 8 digits, like E05000001")
        return code


class MunicipalYearForm(VersionedModelForm):
    # No length limit here: clean_label explains the format rather than counting characters.
    label = forms.CharField(
        label="Municipal year",
        help_text="For example, 2016/17",
        error_messages={"required": "Enter the municipal year, like 2016/17"},
    )
    starts_on = GovukDateField(
        label="Start date",
        help_text="The date of the annual meeting that opens the year. For example, 18 5 2016",
    )
    ends_on = GovukDateField(
        label="End date", help_text="The day before the next annual meeting. For example, 16 5 2017"
    )

    class Meta:
        model = MunicipalYear
        fields = ["label", "starts_on", "ends_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_class(self.fields["label"], "govuk-input--width-5")
        self.fields["label"].widget.attrs["spellcheck"] = "false"

    def clean_label(self) -> str:
        label = self.cleaned_data["label"].strip().replace("-", "/")
        if errors := municipal_year_label_errors(label):
            raise ValidationError(errors)
        return label

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "label" in data:
            try:
                check_municipal_year(data["label"], data.get("starts_on"), data.get("ends_on"))
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


# Finding ----------------------------------------------------------------------------------------

SPECIFIED_CHOICES = [
    ("", "Any"),
    ("yes", "Specified authorities"),
    ("no", "Not specified authorities"),
]


class OrganisationFilterForm(GovukForm):
    q = forms.CharField(label="Name", required=False, max_length=200)
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "Any sector"), *Sector.choices]
    )
    specified = forms.ChoiceField(
        label="Specified authority", required=False, choices=SPECIFIED_CHOICES
    )


class PersonFilterForm(GovukForm):
    q = forms.CharField(label="Name, email address or job title", required=False, max_length=200)
    organisation = PickerField(
        ORGANISATIONS,
        label="Organisation",
        required=False,
        help_text="Type part of the name. Leave blank for any organisation.",
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "organisation", PickerField).queryset = organisations


class SearchForm(GovukForm):
    q = forms.CharField(label="Name", required=False, max_length=200)
