"""Rendering Django forms with GOV.UK Frontend markup."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class VersionedForm(forms.Form):
    """Carries the record version the user opened, so a concurrent edit is detected on save."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def error_list(form: forms.BaseForm) -> list[dict[str, Any]]:
    """Items for the error summary: each links to the field it is about."""
    items = []
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS:
            items.extend({"text": str(e), "href": ""} for e in errors)
            continue
        field = form[name]
        anchor = field.auto_id
        for error in errors:
            items.append({"text": str(error), "href": f"#{anchor}"})
    return items
