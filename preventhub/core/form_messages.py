"""GOV.UK wording for form errors.

Django's built-in messages ("This field is required.", "Enter a whole number.", "Select a valid
choice. ...") do not say which question is wrong, so GOV.UK asks for specific ones ("Enter the
meeting date", "Quorum must be a whole number"). :func:`govuk_message` rewords any of Django's own
messages from the field's label; a message a form chose itself is kept as it is.

A form says its own wording per field with ``govuk_messages = {"field": {"code": "message"}}``
(see :class:`preventhub.core.forms.GovukFormMixin`).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.db import models

# Validators' messages, kept as the objects themselves: the plural ones ("Ensure this value has at
# most %(limit_value)d character(s)") cannot be compared as text before they have their number.
_VALIDATOR_MESSAGES = [
    message
    for name in dir(validators)
    if (message := getattr(getattr(validators, name), "message", None)) is not None
]


def _django_defaults() -> set[str]:
    """Every message Django's form fields, validators and model fields give by default."""
    found: set[str] = set()
    classes: list[Any] = [
        getattr(forms, name)
        for name in dir(forms)
        if isinstance(getattr(forms, name), type) and issubclass(getattr(forms, name), forms.Field)
    ]
    classes += [models.Field, models.ForeignKey]
    for cls in classes:
        for klass in cls.__mro__:
            found.update(str(m) for m in getattr(klass, "default_error_messages", {}).values())
    for message in _VALIDATOR_MESSAGES:
        try:
            found.add(str(message))
        except (KeyError, TypeError):  # a plural message needs its number to become a string
            continue
    # Model.unique_error_message words unique_together clashes itself.
    found.add("%(model_name)s with this %(field_labels)s already exists.")
    return found - {""}


DJANGO_DEFAULTS = _django_defaults()


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:] if label[1:2].islower() or len(label) == 1 else label


def _article(noun: str) -> str:
    noun = noun.lower()
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _is_typed(field: forms.Field) -> bool:
    widget = field.widget
    return isinstance(widget, forms.Textarea | forms.widgets.Input) and not isinstance(
        widget, forms.FileInput | forms.CheckboxInput | forms.RadioSelect
    )


def _invalid(field: forms.Field, label: str) -> str:
    if isinstance(field, forms.EmailField):
        return "Enter an email address in the correct format, like name@example.com"
    if isinstance(field, forms.URLField):
        return "Enter a web address in the correct format, like https://www.example.com"
    if isinstance(field, forms.IntegerField):
        return f"{label} must be a whole number"
    if isinstance(field, forms.DecimalField | forms.FloatField):
        return f"{label} must be a number"
    if isinstance(field, forms.DateTimeField):
        return f"{label} must be a real date and time"
    if isinstance(field, forms.DateField):
        return f"{label} must be a real date"
    if isinstance(field, forms.TimeField):
        return f"{label} must be a real time, like 14:30"
    if isinstance(field, forms.FileField):
        return "The selected file could not be read: choose it again"
    if isinstance(field, forms.ModelChoiceField | forms.ChoiceField):
        return f"Select {_lower(label)} from the list"
    return f"Enter {_lower(label)} in the correct format"


def default_message(
    field: forms.Field, code: str, params: dict[str, Any] | None, label: str = ""
) -> str | None:
    """GOV.UK's wording for one of Django's own messages, or ``None`` if there is none for it."""
    label = label or str(field.label or "This answer")
    params = params or {}
    limit = params.get("limit_value", "")
    if code == "required":
        if isinstance(field, forms.FileField):
            return f"Select {_lower(label)}"
        return f"{'Enter' if _is_typed(field) else 'Select'} {_lower(label)}"
    wording = {
        "invalid_choice": f"Select {_lower(label)} from the list",
        "invalid_pk_value": f"Select {_lower(label)} from the list",
        "invalid_list": f"Select {_lower(label)}",
        "max_length": f"{label} must be {limit} characters or fewer",
        "min_length": f"{label} must be {limit} characters or more",
        "max_value": f"{label} must be {limit} or less",
        "min_value": f"{label} must be {limit} or more",
        "max_digits": f"{label} must have no more than {params.get('max', '')} digits",
        "max_decimal_places": (
            f"{label} must have no more than {params.get('max', '')} decimal places"
        ),
        "empty": "The selected file is empty",
        "missing": f"Select {_lower(label)}",
        "contradiction": f"Either choose a new file for {_lower(label)} or keep the current one",
        "unique": (
            f"There is already {_article(str(params.get('model_name', 'record')))} "
            f"with this {_lower(str(params.get('field_label', label)))}"
        ),
        "null": f"Enter {_lower(label)}",
        "blank": f"Enter {_lower(label)}",
    }
    if code == "invalid":
        return _invalid(field, label)
    return wording.get(code)


def govuk_message(field: forms.Field, error: ValidationError, label: str = "") -> list[str]:
    """The messages to show for one error: Django's defaults reworded, the form's own kept."""
    is_default = any(error.message is message for message in _VALIDATOR_MESSAGES)
    if not is_default:
        try:
            is_default = str(error.message) in DJANGO_DEFAULTS
        except (KeyError, TypeError):
            is_default = False
    if is_default and error.code:
        reworded = default_message(field, error.code, error.params, label)
        if reworded:
            return [reworded]
    return [str(m) for m in error.messages]


def apply_messages(form: forms.BaseForm, declared: dict[str, dict[str, str]]) -> None:
    """Put a form's declared GOV.UK messages onto its fields (each field has its own copy)."""
    for name, messages in declared.items():
        field = form.fields.get(name)
        if field is not None:
            field.error_messages = {**field.error_messages, **messages}
