"""Rendering Django forms with GOV.UK Frontend markup.

``{{ form }}`` renders each visible field through the same component templates that
``{% govuk "<name>" %}`` uses (``govuk/components/*.html``): :func:`field_component` turns a
``BoundField`` into that component's macro options, so there is one source of GOV.UK markup.

A form can adjust the options per field with ``govuk_options = {"field_name": {...}}`` (merged
into the built options, e.g. ``{"label": {"isPageHeading": True, "classes": "govuk-label--l"}}``)
and the label and legend size for all its fields with ``govuk_label_classes`` /
``govuk_legend_classes``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import SafeData

from preventhub.core.form_messages import apply_messages, govuk_message
from preventhub.core.widgets import DATE_PARTS, GovukDateInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LABEL_CLASSES = "govuk-label--m"
LEGEND_CLASSES = "govuk-fieldset__legend--m"

# Attributes the component options already express, or that GOV.UK asks us not to use: `required`
# (browser validation is inconsistent and bypasses our error messages) and placeholders (labels and
# hints instead). Django's own aria-describedby/aria-invalid would point at ids we do not render.
_HANDLED_ATTRS = {
    "class", "id", "name", "type", "value", "required", "disabled", "placeholder",
    "aria-describedby", "aria-invalid", "autocomplete", "spellcheck", "inputmode", "pattern",
    "autocapitalize", "rows", "cols", "multiple", "min", "max", "step", "checked",
}  # fmt: skip

# Base classes the component adds itself: a widget carrying them would get them twice.
_BASE_CLASSES = {
    "govuk-input",
    "govuk-textarea",
    "govuk-select",
    "govuk-file-upload",
    "govuk-checkboxes__input",
}


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"


class GovukFormMixin:
    """The one foundation of every form: GOV.UK markup through :class:`GovukFormRenderer`, and
    GOV.UK error messages.

    ``govuk_messages = {"date": {"required": "Enter the meeting date"}}`` gives a field its own
    wording for an error code; Django's default messages are reworded from the field's label
    anyway (:func:`~preventhub.core.form_messages.govuk_message`). ``govuk_mark_optional`` says
    whether optional questions are labelled "(optional)" (by default: when any question is
    required).
    """

    govuk_messages: ClassVar[dict[str, dict[str, str]]] = {}
    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        apply_messages(self, self.govuk_messages)  # type: ignore[arg-type]  # mixed into forms only

    def full_clean(self) -> None:
        # Again, for fields a subclass swapped in after __init__.
        apply_messages(self, self.govuk_messages)  # type: ignore[arg-type]  # mixed into forms only
        super().full_clean()  # type: ignore[misc]  # BaseForm's, after the mixin in the MRO


class GovukForm(GovukFormMixin, forms.Form):
    def clean(self) -> dict[str, Any]:
        # Django's ``Form.clean`` returns ``cleaned_data``; the stubs allow None, so a subclass's
        # ``cleaned = super().clean()`` would need a check on every form.
        cleaned = super().clean()
        return self.cleaned_data if cleaned is None else cleaned


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    """A model form; :meth:`changes` gives the cleaned model fields for an ``update_*`` service."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()  # returns ``cleaned_data``, as ``GovukForm.clean`` says
        return self.cleaned_data if cleaned is None else cleaned

    def changes(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields or ()
            if name in self.cleaned_data
        }


class VersionedForm(GovukForm):
    """Carries the record version the user opened, so a concurrent edit is detected on save.

    :func:`preventhub.core.pages.form_page` adds this field to any form it edits a versioned record
    with; declaring it is only needed where a page binds the form itself."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class VersionedModelForm(GovukModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class PublicChoiceField(forms.ModelChoiceField[Any]):
    """A choice of records keyed by public id (database keys never leave the server).

    ``describe`` words a record's option when its ``str()`` is not the right label.
    """

    def __init__(
        self, queryset: Any, *, describe: Callable[[Any], str] | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("to_field_name", "public_id")
        kwargs.setdefault("empty_label", "")
        super().__init__(queryset, **kwargs)
        self.describe = describe

    def label_from_instance(self, obj: Any) -> str:
        if self.describe is not None:
            return self.describe(obj)
        return super().label_from_instance(obj)


def form_field[F: forms.Field](form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """``form.fields[name]``, checked to be the kind of field the form declared, so a form's
    ``__init__`` sets a choice field's ``choices`` or a model choice's ``queryset`` type-checked."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(
            f"{type(form).__name__}.{name} is a {type(field).__name__}, not a {kind.__name__}"
        )
    return field


def public_choice(
    queryset: Any, *, label: str, empty: str, required: bool = False, **kwargs: Any
) -> PublicChoiceField:
    """A select of records by public id: optional unless ``required``, ``empty`` as its prompt."""
    return PublicChoiceField(queryset, required=required, label=label, empty_label=empty, **kwargs)


# -- Dates -----------------------------------------------------------------------------------------

_MONTH_NAMES = {
    name: number
    for number, month in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"),
        start=1,
    )
    for name in (month, month[:3])
}  # fmt: skip


class GovukDateField(forms.Field):
    """A date typed into day, month and year boxes, with the GOV.UK date input's error messages.

    Each error carries ``params["parts"]``, the boxes to highlight, which the renderer and
    :func:`error_list` read. ``{label}`` in a message is the field's label and ``{missing}`` the
    missing parts (``day and month``).
    """

    widget = GovukDateInput
    default_error_messages = {
        "required": "Enter the {lower}",
        "incomplete": "{label} must include a {missing}",
        "invalid": "{label} must be a real date",
        "year_length": "Year must include 4 numbers",
        "too_early": "{label} must be the same as or after {earliest}",
    }
    # Nothing the partnership records is older: an earlier year is a typing slip ("1016").
    EARLIEST = dt.date(1900, 1, 1)

    def __init__(self, *, earliest: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.earliest = earliest or self.EARLIEST

    def _error(self, code: str, parts: list[str], **fmt: str) -> ValidationError:
        label = str(self.label or "Date")
        message = str(self.error_messages[code]).format(
            label=label, lower=label[:1].lower() + label[1:], **fmt
        )
        return ValidationError(message, code=code, params={"parts": parts})

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.date) or value is None:
            return value
        parts = dict(zip(DATE_PARTS, (str(v or "").strip() for v in value), strict=False))
        if not any(parts.values()):
            return None
        missing = [part for part in DATE_PARTS if not parts.get(part)]
        if missing:
            raise self._error("incomplete", missing, missing=" and ".join(missing))
        month_name = _MONTH_NAMES.get(parts["month"].lower())
        if month_name:
            parts["month"] = str(month_name)
        not_numbers = [part for part in DATE_PARTS if not parts[part].isdigit()]
        if not_numbers:
            raise self._error("invalid", not_numbers)
        if len(parts["year"]) != 4:
            raise self._error("year_length", ["year"])
        day, month, year = (int(parts[part]) for part in DATE_PARTS)
        if not 1 <= month <= 12:
            raise self._error("invalid", ["month"])
        try:
            value = dt.date(year, month, day)
        except ValueError:
            raise self._error("invalid", ["day"] if 1 <= day <= 31 else list(DATE_PARTS)) from None
        if value < self.earliest:
            raise self._error("too_early", ["year"], earliest=f"{self.earliest:%-d %B %Y}")
        return value

    def validate(self, value: dt.date | None) -> None:
        if value is None and self.required:
            raise self._error("required", list(DATE_PARTS))


def _error_parts(bound_field: forms.BoundField) -> list[str]:
    """The date parts the field's errors are about (all three when an error does not say)."""
    parts: list[str] = []
    for error in bound_field.errors.as_data():
        for part in (error.params or {}).get("parts", DATE_PARTS):
            if part not in parts:
                parts.append(part)
    return [part for part in DATE_PARTS if part in parts]


# -- Fields as component options -------------------------------------------------------------------


def _field_id(bound_field: forms.BoundField) -> str:
    return str(
        bound_field.field.widget.attrs.get("id") or bound_field.auto_id or bound_field.html_name
    )


def _marks_optional(form: forms.BaseForm) -> bool:
    """GOV.UK marks the optional questions rather than the required ones; a form of nothing but
    optional fields (a search or filter form) marks none. ``govuk_mark_optional`` overrides."""
    choice = getattr(form, "govuk_mark_optional", None)
    if choice is not None:
        return bool(choice)
    return any(field.required for field in form.fields.values() if not field.widget.is_hidden)


OPTIONAL = " (optional)"


def _label_text(bound_field: forms.BoundField) -> str:
    # A label that already says "(optional)" is not marked twice.
    label = str(bound_field.label).removesuffix(OPTIONAL)
    if bound_field.field.required or not _marks_optional(bound_field.form):
        return label
    return f"{label}{OPTIONAL}"


def _hint(bound_field: forms.BoundField) -> dict[str, StrOrPromise] | None:
    help_text = bound_field.help_text
    if not help_text:
        return None
    return {"html": help_text} if isinstance(help_text, SafeData) else {"text": str(help_text)}


def _error_text(bound_field: forms.BoundField) -> str:
    """The field's errors as one message. Django's generic messages ("This field is required.")
    become GOV.UK's specific ones ("Enter ...", "Select ..."), so the error summary says which
    question (see :mod:`preventhub.core.form_messages`)."""
    messages: list[str] = []
    for error in bound_field.errors.as_data():
        messages.extend(govuk_message(bound_field.field, error, str(bound_field.label)))
    return " ".join(messages)


def _error_message(bound_field: forms.BoundField) -> dict[str, str] | None:
    return {"text": _error_text(bound_field)} if bound_field.errors else None


def _widget_context(bound_field: forms.BoundField) -> dict[str, Any]:
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs(dict(widget.attrs), widget)
    return widget.get_context(bound_field.html_name, bound_field.value(), attrs)["widget"]


def _classes(attrs: dict[str, Any]) -> str:
    return " ".join(c for c in str(attrs.get("class", "")).split() if c not in _BASE_CLASSES)


def _common(bound_field: forms.BoundField, attrs: dict[str, Any]) -> dict[str, Any]:
    form = bound_field.form
    return {
        "id": _field_id(bound_field),
        "name": bound_field.html_name,
        "label": {
            "text": _label_text(bound_field),
            "classes": getattr(form, "govuk_label_classes", LABEL_CLASSES),
        },
        "hint": _hint(bound_field),
        "errorMessage": _error_message(bound_field),
        "classes": _classes(attrs),
        "disabled": bool(attrs.get("disabled")),
        "autocomplete": attrs.get("autocomplete"),
        "attributes": {
            k: v
            for k, v in attrs.items()
            if k not in _HANDLED_ATTRS and v is not None and v is not False
        },
    }


def _fieldset(bound_field: forms.BoundField) -> dict[str, Any]:
    classes = getattr(bound_field.form, "govuk_legend_classes", LEGEND_CLASSES)
    return {"legend": {"text": _label_text(bound_field), "classes": classes}}


def _input(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    context = _widget_context(bound_field)
    attrs = context["attrs"]
    params = {**_common(bound_field, attrs), "type": context["type"], "value": context["value"]}
    for key in ("pattern", "autocapitalize", "inputmode"):
        params[key] = attrs.get(key)
    if context["type"] == "number":
        # GOV.UK asks for numbers with a text input and a numeric keyboard: type="number" rounds,
        # changes on scroll and is announced badly by some screen readers.
        step = attrs.get("step")
        params.update(
            type="text",
            inputmode="numeric" if step in (None, 1, "1") else "decimal",
            spellcheck=False,
        )
    if context["type"] in {"email", "password", "url"}:
        params["spellcheck"] = False
    if context["type"] == "password":
        params["autocapitalize"] = "none"
    return "input", params


def _textarea(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    context = _widget_context(bound_field)
    params = _common(bound_field, context["attrs"])
    return "textarea", {
        **params,
        "rows": context["attrs"].get("rows"),
        "value": context["value"] or "",
    }


def _options(context: dict[str, Any]) -> list[dict[str, Any]]:
    # GOV.UK's select, radios and checkboxes have no option groups, so groups are flattened.
    return [option for _, group, _ in context["optgroups"] for option in group]


def _select(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    context = _widget_context(bound_field)
    params = _common(bound_field, context["attrs"])
    if context["attrs"].get("multiple"):
        params["attributes"]["multiple"] = {"value": True, "optional": True}
    params["items"] = [
        {"value": str(o["value"]), "text": str(o["label"]), "selected": bool(o["selected"])}
        for o in _options(context)
    ]
    return "select", params


def _choices(bound_field: forms.BoundField, *, multiple: bool) -> tuple[str, dict[str, Any]]:
    context = _widget_context(bound_field)
    params = _common(bound_field, context["attrs"])
    params.update(idPrefix=params.pop("id"), fieldset=_fieldset(bound_field))
    del params["label"], params["autocomplete"], params["disabled"]
    params["items"] = [
        {"value": str(o["value"]), "text": str(o["label"]), "checked": bool(o["selected"])}
        for o in _options(context)
    ]
    return ("checkboxes" if multiple else "radios"), params


def _checkbox(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    """A single yes/no checkbox: the checkboxes component with one item and no fieldset."""
    context = _widget_context(bound_field)
    widget = bound_field.field.widget
    params = _common(bound_field, context["attrs"])
    item = {
        "value": "true",
        "text": str(bound_field.label),
        "checked": bool(widget.check_test(bound_field.value())),
        "hint": params.pop("hint"),
        "attributes": params.pop("attributes"),
    }
    params.update(idPrefix=params.pop("id"), items=[item], classes=_classes(context["attrs"]))
    del params["label"], params["autocomplete"], params["disabled"]
    return "checkboxes", params


def _date(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    widget: GovukDateInput = bound_field.field.widget
    params = _common(bound_field, dict(widget.attrs))
    values = widget.parts(bound_field.value())
    error_parts = _error_parts(bound_field) if bound_field.errors else []
    autocomplete = widget.attrs.get("autocomplete")
    items = []
    for part in DATE_PARTS:
        item: dict[str, Any] = {"name": part, "value": values[part], "error": part in error_parts}
        if autocomplete == "bday":
            item["autocomplete"] = f"bday-{part}"
        items.append(item)
    params.update(namePrefix=bound_field.html_name, items=items, fieldset=_fieldset(bound_field))
    for key in ("label", "autocomplete", "disabled", "name"):
        del params[key]
    return "date-input", params


def _file(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]]:
    context = _widget_context(bound_field)
    params = _common(bound_field, context["attrs"])
    params["multiple"] = bool(getattr(bound_field.field.widget, "allow_multiple_selected", False))
    current = bound_field.initial
    if current and getattr(current, "name", None):
        # There is no GOV.UK pattern for "replace the current file", so it is told in the hint.
        hint = params.get("hint") or {}
        text = f"Current file: {current.name}. Choose a file to replace it."
        params["hint"] = (
            {"text": f"{hint.get('text', '')} {text}".strip()} if "html" not in hint else hint
        )
    return "file-upload", params


# Order matters: CheckboxSelectMultiple is a RadioSelect, and FileInput an Input.
_BUILDERS: list[
    tuple[type[forms.Widget], Callable[[forms.BoundField], tuple[str, dict[str, Any]]]]
] = [
    (GovukDateInput, _date),
    (forms.CheckboxSelectMultiple, lambda bf: _choices(bf, multiple=True)),
    (forms.RadioSelect, lambda bf: _choices(bf, multiple=False)),
    (forms.CheckboxInput, _checkbox),
    (forms.Select, _select),
    (forms.Textarea, _textarea),
    (forms.FileInput, _file),
    (forms.widgets.Input, _input),
]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = (
            _merge(merged[key], value)
            if isinstance(value, dict) and isinstance(merged.get(key), dict)
            else value
        )
    return merged


def field_component(bound_field: forms.BoundField) -> tuple[str, dict[str, Any]] | None:
    """The GOV.UK component and its options for a field, or ``None`` for a widget GOV.UK has no
    component for."""
    widget = bound_field.field.widget
    for widget_class, build in _BUILDERS:
        if isinstance(widget, widget_class):
            name, params = build(bound_field)
            overrides = getattr(bound_field.form, "govuk_options", {}).get(bound_field.name, {})
            return name, _merge({k: v for k, v in params.items() if v is not None}, overrides)
    return None


def fallback_context(bound_field: forms.BoundField) -> dict[str, Any]:
    """For a widget without a GOV.UK component: Django's own widget inside a GOV.UK form group."""
    field_id = _field_id(bound_field)
    hint, error = _hint(bound_field), _error_message(bound_field)
    described_by = " ".join(
        i for i, present in ((f"{field_id}-hint", hint), (f"{field_id}-error", error)) if present
    )
    attrs: dict[str, str | bool] = {"aria-describedby": described_by} if described_by else {}
    return {
        "id": field_id,
        "label": {
            "text": _label_text(bound_field),
            "classes": getattr(bound_field.form, "govuk_label_classes", LABEL_CLASSES),
        },
        "hint": hint,
        "errorMessage": error,
        "widget": bound_field.as_widget(attrs=attrs),
    }


# -- Error summary ---------------------------------------------------------------------------------


def _error_href(bound_field: forms.BoundField) -> str:
    """Where the summary links: the first input of the field, as GOV.UK asks (the components give
    the first radio or checkbox the field's own id; a date links to its first box in error)."""
    if bound_field.is_hidden:
        return ""
    field_id = _field_id(bound_field)
    if isinstance(bound_field.field.widget, GovukDateInput):
        parts = _error_parts(bound_field) or [DATE_PARTS[0]]
        return f"#{field_id}-{parts[0]}"
    return f"#{field_id}"


def error_list(form: forms.BaseForm, *, in_order: bool = False) -> list[dict[str, Any]]:
    """Items for the error summary: one per field in error, worded as the field's inline message.

    ``in_order`` lists them in the order the questions appear, errors about the whole form first
    (otherwise in the order they were found)."""
    names = list(form.errors)
    if in_order:
        position = {name: index for index, name in enumerate(form.fields)}
        names.sort(key=lambda name: position.get(name, -1))
    items: list[dict[str, Any]] = []
    for name in names:
        errors = form.errors[name]
        if name == NON_FIELD_ERRORS or name not in form.fields:
            items.extend({"text": str(e), "href": ""} for e in errors)
            continue
        items.append({"text": _error_text(form[name]), "href": _error_href(form[name])})
    return items
