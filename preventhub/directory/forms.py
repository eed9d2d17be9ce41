"""Directory forms: GOV.UK markup, plain-English messages, public ids instead of database keys."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from . import policies
from .models import MunicipalYear, Organisation, Person, Sector, Ward
from .validators import check_municipal_year, municipal_year_label_errors

FIELD_TEMPLATE = "directory/forms/field.html"
CHECKBOX_TEMPLATE = "directory/forms/checkbox.html"
DATE_TEMPLATE = "directory/forms/date.html"


class GovukBoundField(forms.BoundField):
    """Adds GOV.UK's error modifier class to a widget whose field has errors."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            widget = widget or self.field.widget
            modifier = _ERROR_CLASSES.get(type(widget).__name__, "govuk-input--error")
            attrs["class"] = f"{(widget.attrs.get('class') or '')} {modifier}".strip()
        return attrs

    @property
    def date_parts(self) -> list[dict[str, Any]]:
        """Day, month and year boxes for the GOV.UK date input (values as typed when bound)."""
        value = self.value()
        parts = value if isinstance(value, (list, tuple)) else self.field.widget.decompress(value)
        return [
            {
                "label": label,
                "name": f"{self.html_name}_{key}",
                # The day box takes the field's own id, so the error summary's link lands in it.
                "id": self.auto_id if key == "day" else f"{self.auto_id}_{key}",
                "value": "" if part is None else part,
                "width": 4 if key == "year" else 2,
            }
            for (key, label), part in zip(DATE_PARTS, parts, strict=True)
        ]


_ERROR_CLASSES = {"Select": "govuk-select--error", "Textarea": "govuk-textarea--error"}
_WIDGET_CLASSES = {
    "Select": "govuk-select",
    "Textarea": "govuk-textarea",
    "CheckboxInput": "govuk-checkboxes__input",
}


class GovukFormMixin:
    """Gives every visible field GOV.UK classes and this app's field templates."""

    bound_field_class = GovukBoundField
    fields: dict[str, forms.Field]
    # Labels say "(optional)" on forms that record something, not on search filters.
    mark_optional = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden:
                continue
            name = type(widget).__name__
            if isinstance(field, GovukDateField):
                field.template_name = DATE_TEMPLATE
                continue
            css = _WIDGET_CLASSES.get(name, "govuk-input")
            widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()
            field.template_name = CHECKBOX_TEMPLATE if name == "CheckboxInput" else FIELD_TEMPLATE


def _add_class(field: forms.Field, css: str) -> None:
    field.widget.attrs["class"] = f"{field.widget.attrs.get('class', '')} {css}".strip()


# Dates ------------------------------------------------------------------------------------------

DATE_PARTS = (("day", "Day"), ("month", "Month"), ("year", "Year"))


class GovukDateWidget(forms.MultiWidget):
    """Three boxes (day, month, year): GOV.UK's date input pattern."""

    template_name = "django/forms/widgets/multiwidget.html"

    def __init__(self) -> None:
        # Django names the boxes starts_on_day, starts_on_month and starts_on_year.
        super().__init__(widgets={key: forms.TextInput for key, _ in DATE_PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.Field):
    """A date typed as day, month and year, with GOV.UK's error messages."""

    widget = GovukDateWidget

    def clean(self, value: Any) -> dt.date | None:
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        noun = str(self.label or "date").lower()
        if not any(parts):
            if self.required:
                raise ValidationError(f"Enter the {noun}", code="required")
            return None
        missing = [
            label.lower() for (_, label), part in zip(DATE_PARTS, parts, strict=True) if not part
        ]
        if missing:
            raise ValidationError(
                f"The {noun} must include a {' and a '.join(missing)}", code="incomplete"
            )
        try:
            day, month, year = (int(p) for p in parts)
            if year < 1000:
                raise ValueError("two-digit year")
            return dt.date(year, month, day)
        except ValueError:
            raise ValidationError(f"The {noun} must be a real date", code="invalid") from None


# Editing ----------------------------------------------------------------------------------------


class VersionedModelForm(GovukFormMixin, forms.ModelForm):
    """Carries the version the user opened so a concurrent edit is detected when they save."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    mark_optional = True

    def changes(self) -> dict[str, Any]:
        """The model fields as cleaned, ready for an ``update_*`` service."""
        return {name: self.cleaned_data[name] for name in self._meta.fields or ()}


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
        self.fields["sector"].choices = [("", "Choose a sector"), *Sector.choices]
        self.fields["name"].widget.attrs.update(autocomplete="organization", spellcheck="false")
        self.fields["website"].widget.attrs.update(spellcheck="false")


class PersonForm(VersionedModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        to_field_name="public_id",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
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
        field = self.fields["organisation"]
        field.queryset = policies.organisations_for_new_person(user).only("public_id", "name")  # type: ignore[attr-defined]
        # Someone who manages only their own organisation must put people in it, or they would
        # create records they could never change again.
        field.required = not policies.can_manage_whole_directory(user)
        field.empty_label = "No organisation" if not field.required else "Choose an organisation"  # type: ignore[attr-defined]
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


class OrganisationFilterForm(GovukFormMixin, forms.Form):
    q = forms.CharField(label="Name", required=False, max_length=200)
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "Any sector"), *Sector.choices]
    )
    specified = forms.ChoiceField(
        label="Specified authority", required=False, choices=SPECIFIED_CHOICES
    )


class PersonFilterForm(GovukFormMixin, forms.Form):
    q = forms.CharField(label="Name, email address or job title", required=False, max_length=200)
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=Organisation.objects.none(),
        to_field_name="public_id",
        empty_label="Any organisation",
        error_messages={"invalid_choice": "Choose an organisation from the list"},
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.only("public_id", "name")  # type: ignore[attr-defined]


class SearchForm(GovukFormMixin, forms.Form):
    q = forms.CharField(label="Name", required=False, max_length=200)
