"""Forms for the managed type-of-concern taxonomy."""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import GovukDateField, GovukForm, VersionedForm


class ConcernTypeForm(GovukForm):
    code = forms.SlugField(
        label="Code",
        max_length=60,
        help_text="A short key kept when the label changes, for example extreme_right_wing.",
        error_messages={"invalid": "The code may only use letters, numbers, _ and -"},
    )
    label = forms.CharField(label="Label", max_length=200)
    description = forms.CharField(
        label="Description", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    valid_from = GovukDateField(label="In use from")
    valid_to = GovukDateField(label="In use until", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", "‘In use until’ must be the same as or after ‘In use from’")
        return data


class ConcernTypeChangeForm(VersionedForm):
    description = forms.CharField(
        label="Description", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    valid_to = GovukDateField(
        label="In use until", required=False, help_text="Leave empty while it is still in use."
    )

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class RelabelForm(VersionedForm):
    label = forms.CharField(label="New label", max_length=200)
    valid_from = GovukDateField(
        label="New label in use from",
        help_text="The current label ends the day before. Records made before keep it.",
    )
