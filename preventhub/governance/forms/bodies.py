"""Forms for bodies and memberships, and the GOV.UK form pieces the members forms share.

Choices are keyed by public id, never by database key, and every field renders as GOV.UK markup
through the templates in governance/bodies/forms/.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import ORGANISATIONS, PEOPLE
from preventhub.governance.models import (
    Body,
    BodyKind,
    LedBy,
    Membership,
    MembershipRole,
    PoliticalBalance,
)

TEMPLATES = "governance/bodies/forms"
_WIDGET_CLASSES = {
    "Select": "govuk-select",
    "Textarea": "govuk-textarea",
    "CheckboxInput": "govuk-checkboxes__input",
    "ClearableFileInput": "govuk-file-upload",
    "FileInput": "govuk-file-upload",
}
_ERROR_CLASSES = {
    "Select": "govuk-select--error",
    "Textarea": "govuk-textarea--error",
    "ClearableFileInput": "govuk-file-upload--error",
    "FileInput": "govuk-file-upload--error",
}
DATE_PARTS = (("day", "Day"), ("month", "Month"), ("year", "Year"))


class GovukBoundField(forms.BoundField):
    """Adds GOV.UK's error modifier to a widget whose field has errors, and the date boxes."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            name = type(widget or self.field.widget).__name__
            modifier = _ERROR_CLASSES.get(name, "govuk-input--error")
            attrs["class"] = (
                f"{(widget or self.field.widget).attrs.get('class', '')} {modifier}".strip()
            )
        return attrs

    @property
    def date_parts(self) -> list[dict[str, Any]]:
        value = self.value()
        parts = value if isinstance(value, list | tuple) else self.field.widget.decompress(value)
        return [
            {
                "label": label,
                "name": f"{self.html_name}_{key}",
                # The day box takes the field's id, so the error summary's link lands in it.
                "id": self.auto_id if key == "day" else f"{self.auto_id}_{key}",
                "value": "" if part is None else part,
                "width": 4 if key == "year" else 2,
            }
            for (key, label), part in zip(DATE_PARTS, parts, strict=True)
        ]


class GovukMixin:
    """GOV.UK classes and templates for every visible field of the form."""

    bound_field_class = GovukBoundField
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()

    def style(self) -> None:
        """Give each field its GOV.UK class and template (again after a subclass swaps a field)."""
        for field in self.fields.values():
            widget = field.widget
            if widget.is_hidden:
                continue
            name = type(widget).__name__
            if isinstance(field, DateField):
                field.template_name = f"{TEMPLATES}/date.html"
            elif isinstance(widget, forms.RadioSelect):
                field.template_name = f"{TEMPLATES}/radios.html"
            else:
                css = _WIDGET_CLASSES.get(name, "govuk-input")
                classes = widget.attrs.get("class", "").split()
                if css not in classes:
                    widget.attrs["class"] = " ".join([css, *classes])
                field.template_name = (
                    f"{TEMPLATES}/{'checkbox' if name == 'CheckboxInput' else 'field'}.html"
                )


class DateWidget(forms.MultiWidget):
    """Day, month and year boxes: GOV.UK's date input."""

    def __init__(self) -> None:
        super().__init__(widgets={key: forms.TextInput for key, _ in DATE_PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.Field):
    """A date typed in three boxes, with GOV.UK's error messages."""

    widget = DateWidget

    def clean(self, value: Any) -> dt.date | None:
        parts = [str(v or "").strip() for v in (value or ["", "", ""])]
        noun = str(self.label or "date")
        noun = noun[0].lower() + noun[1:]
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


class PublicChoiceField(forms.ModelChoiceField):
    """A choice of records keyed by public id (database keys never leave the server)."""

    def __init__(self, queryset: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "public_id")
        kwargs.setdefault("empty_label", "")
        super().__init__(queryset, **kwargs)


def public_choice(
    queryset: Any, *, label: str, empty: str, required: bool = False, **kwargs: Any
) -> PublicChoiceField:
    """A select of records by public id: optional unless ``required``, ``empty`` as its prompt."""
    return PublicChoiceField(queryset, required=required, label=label, empty_label=empty, **kwargs)


class VersionedModelForm(GovukMixin, forms.ModelForm):
    """Carries the version the user opened, so a concurrent edit is detected when they save."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields or ()
            if name in self.cleaned_data
        }


def edit_form(form_class: type[Any], request: HttpRequest, record: Any, **kwargs: Any) -> Any:
    """Bound to the POST (validating a copy, so the service still compares with what is stored), or
    showing the record and the version the user opened."""
    if request.method == "POST":
        return form_class(request.POST, instance=copy.copy(record), **kwargs)
    return form_class(instance=record, initial={"version": record.version}, **kwargs)


# Bodies -----------------------------------------------------------------------------------------


class BodyForm(VersionedModelForm):
    starts_on = DateField(label="Start date", required=False, help_text="For example, 18 5 2016")
    ends_on = DateField(
        label="End date", required=False, help_text="Leave blank if the body has no end date."
    )

    class Meta:
        model = Body
        fields = [
            "name",
            "kind",
            "led_by",
            "purpose",
            "parent",
            "quorum",
            "meeting_frequency",
            "political_balance",
            "seats",
            "established_by",
            "starts_on",
            "starts_note",
            "ends_on",
            "is_public",
        ]
        labels = {
            "name": "Name",
            "kind": "Kind of body",
            "led_by": "Led by",
            "purpose": "Purpose",
            "parent": "Reports to",
            "quorum": "Quorum",
            "meeting_frequency": "How often it meets",
            "political_balance": "Political balance",
            "seats": "Seats for councillors",
            "established_by": "Established by resolution",
            "starts_note": "When it starts, in words",
            "is_public": "Show this body on the public pages",
        }
        help_texts = {
            "purpose": "One or two sentences, as in its terms of reference.",
            "parent": "The body it reports to. Leave blank if it reports to no other body.",
            "quorum": "The number of members who must be present for the meeting to go ahead.",
            "meeting_frequency": "For example, quarterly.",
            "seats": "Leave blank if councillors do not sit on it.",
            "established_by": "The resolution that set it up, if it is recorded here.",
            "starts_note": "For example, the new municipal year.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "led_by": forms.RadioSelect,
            "political_balance": forms.RadioSelect,
            "quorum": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "seats": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {
                "required": "Enter the body's name",
                "unique": "There is already a body with this name",
            },
            "kind": {"required": "Select the kind of body"},
            "political_balance": {"required": "Select whether the body is politically balanced"},
            "quorum": {"invalid": "The quorum must be a whole number, like 3"},
            "seats": {"invalid": "The number of seats must be a whole number, like 5"},
        }

    def __init__(self, *args: Any, parents: Any, resolutions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = PublicChoiceField(
            parents, required=False, label="Reports to", help_text=self.fields["parent"].help_text
        )
        if self.instance.pk:
            parent.queryset = parents.exclude(pk=self.instance.pk)
        self.fields["parent"] = parent
        self.fields["established_by"] = PublicChoiceField(
            resolutions,
            required=False,
            label="Established by resolution",
            help_text=self.fields["established_by"].help_text,
        )
        self.fields["established_by"].label_from_instance = lambda r: (
            f"Resolution {r.number}: {r.text[:90]}"
        )
        self.fields["led_by"].choices = [("", "Not stated"), *LedBy.choices]
        self.fields["kind"].choices = BodyKind.choices
        self.fields["political_balance"].choices = PoliticalBalance.choices
        self.style()  # the two fields swapped above


class MembershipForm(GovukMixin, forms.Form):
    person = PickerField(
        PEOPLE,
        label="Person",
        help_text="Someone in the directory. Add them to the directory first if they are not.",
        error_messages={"required": "Choose the person", "invalid_choice": "Choose the person"},
    )
    role = forms.ChoiceField(
        label="Role",
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the role"},
    )
    representing_group = PublicChoiceField(
        None,
        required=False,
        label="Representing a political group",
        help_text="For councillors appointed to a group's seat.",
    )
    representing_organisation = PickerField(
        ORGANISATIONS, required=False, label="Representing a partner organisation"
    )
    starts_on = DateField(label="Start date", help_text="For example, 18 5 2016")
    ends_on = DateField(
        label="End date",
        required=False,
        help_text="Leave blank if the appointment has no end date.",
    )

    def __init__(
        self, *args: Any, people: Any, groups: Any, organisations: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["representing_group"].queryset = groups
        self.fields["representing_organisation"].queryset = organisations

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        if data.get("representing_group") and data.get("representing_organisation"):
            self.add_error(
                "representing_organisation",
                "Choose a political group or a partner organisation, not both",
            )
        return data


class EndMembershipForm(GovukMixin, forms.Form):
    ends_on = DateField(label="Last day of the membership", help_text="For example, 17 5 2017")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_ends_on(self) -> dt.date:
        ends = self.cleaned_data["ends_on"]
        if ends < self.membership.starts_on:
            raise ValidationError(
                "The last day must be on or after the start date, "
                f"{self.membership.starts_on:%-d %B %Y}"
            )
        return ends


class BodyFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Name or purpose contains")
    kind = forms.ChoiceField(
        required=False, label="Kind of body", choices=[("", "Any kind"), *BodyKind.choices]
    )
