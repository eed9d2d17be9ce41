"""Render any Django form field (allauth's included) as a GOV.UK form group.

allauth's forms come with their own widgets, placeholders and help texts; this gives each widget
its GOV.UK class, points it at its hint and error message (``aria-describedby``) and drops the
placeholders (GOV.UK asks for labels and hints instead).
"""

from __future__ import annotations

from typing import Any

from django import forms, template

from preventhub.core.forms import error_list

register = template.Library()


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


_CLASSES = {
    "checkbox": "govuk-checkboxes__input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "input": "govuk-input",
}


@register.inclusion_tag("allauth/govuk_field.html")
def govuk_field(
    field: forms.BoundField,
    label: str = "",
    hint: Any = None,
    label_class: str = "",
    width: str = "",
    show_hint: bool = True,
) -> dict[str, Any]:
    widget = field.field.widget
    kind = _kind(widget)
    hint_text = hint if hint is not None else (field.help_text if show_hint else "")
    described = []
    if hint_text:
        described.append(f"{field.auto_id}-hint")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    css = _CLASSES[kind]
    if width:
        css += f" {width}"
    if field.errors and kind != "checkbox":
        css += f" {_CLASSES[kind]}--error"
    attrs = {k: v for k, v in widget.attrs.items() if k != "placeholder"}
    attrs["class"] = css
    if described:
        attrs["aria-describedby"] = " ".join(described)
    widget.attrs = attrs
    if kind == "input" and getattr(widget, "input_type", "") in {"email", "password"}:
        widget.attrs.setdefault("spellcheck", "false")
    return {
        "field": field,
        "kind": kind,
        "label": label or field.label,
        "hint": hint_text,
        "label_class": label_class,
    }


@register.simple_tag
def form_error_list(*forms_: Any) -> list[dict[str, Any]]:
    """The error summary items for one or more forms (missing forms are skipped)."""
    items: list[dict[str, Any]] = []
    for form in forms_:
        if form is not None and hasattr(form, "errors"):
            items.extend(error_list(form))
    return items
