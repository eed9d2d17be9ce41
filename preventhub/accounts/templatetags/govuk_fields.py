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


# GOV.UK error messages say what to do ("Enter your password"), not Django's "This field is
# required."; allauth's forms use these field names.
_REQUIRED_MESSAGES = {
    "login": "Enter your email address",
    "email": "Enter your email address",
    "password": "Enter your password",
    "oldpassword": "Enter your current password",
    "password1": "Enter a new password",
    "password2": "Enter the new password again",
    "code": "Enter the code from your authenticator app",
}


def _plain_required_messages(form: forms.BaseForm) -> None:
    for name, errors in form.errors.items():
        if name not in form.fields:
            continue
        required = str(form.fields[name].error_messages.get("required", ""))
        message = _REQUIRED_MESSAGES.get(name) or f"Enter {str(form.fields[name].label).lower()}"
        errors[:] = [message if str(e) == required else e for e in errors]


@register.simple_tag
def form_error_list(*forms_: Any) -> list[dict[str, Any]]:
    """The error summary items for one or more forms (missing forms are skipped).

    Call it before the fields are rendered: it also rewrites Django's generic "required" message
    in GOV.UK style."""
    items: list[dict[str, Any]] = []
    for form in forms_:
        if form is not None and hasattr(form, "errors"):
            _plain_required_messages(form)
            items.extend(error_list(form))
    return items
