"""Pickers: choosing one record among thousands (people, organisations, wards, councillors).

A select listing every person weighs megabytes at national scale, so a choice of a record is a
text box instead. With JavaScript, ``frontend/src/picker.js`` turns it into a GOV.UK-styled
type-ahead (the accessible-autocomplete pattern: an ARIA 1.2 combobox) over a search endpoint that
answers at most :data:`LIMIT` matches. Without JavaScript, what was typed is searched on submit:
one match is taken, several give the error "Choose one of these people" with the matches as
radios, none gives "No people match ...".

Each app declares a :class:`PickerSource` per kind of record (``directory/pickers.py``,
``governance/pickers.py``), registers it with :func:`register_source` and mounts
:func:`search_view` for it. A module in a lower layer that holds a relation to a record of a higher
one (an account linked to a directory person) finds that record's source with :func:`source_for`,
as the Django admin's autocomplete finds the related model's admin in its registry. The source
searches a queryset that always starts from the model's policy, so a picker never offers or accepts
a record the user may not see: a forbidden public id is treated as missing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import Q
from django.forms.utils import flatatt
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from preventhub.audit.services import record_event
from preventhub.core.policies import Action, policy_for

LIMIT = 20  # matches a search answers, and radios the no-JavaScript step shows
MAX_QUERY = 100  # characters of a search that are read
MAX_TERMS = 5  # words of a search that are matched


@dataclass(frozen=True)
class PickerSource:
    """One kind of record a picker chooses: how it is searched, sorted and described."""

    kind: str  # the search URL's last part and the JSON's "kind": "people"
    model: type[models.Model]
    singular: str  # "person"
    plural: str  # "people"
    search_fields: tuple[str, ...]  # each word typed must occur in one of these
    order_by: tuple[str, ...]  # indexed, so a search stops after LIMIT rows
    describe: Callable[[Any], str]  # "Jane Smith, Chief Accountant, Northbridge Borough Council"
    url_name: str  # the search endpoint, e.g. "directory:search_people"
    related: tuple[str, ...] = ()  # select_related for describe
    search_action: str = ""  # audit code for a search, when the policy audits reads

    def visible(self, user: Any) -> models.QuerySet[Any]:
        return policy_for(self.model).visible_to(user, Action.VIEW)

    def matching(self, queryset: models.QuerySet[Any], text: str) -> models.QuerySet[Any]:
        """Rows of ``queryset`` containing every word of ``text`` in one of the search fields."""
        found = queryset.select_related(*self.related) if self.related else queryset
        # Commas too: the type-ahead fills the box with "Name, Job title, Organisation".
        for word in [w for w in re.split(r"[\s,]+", text) if w][:MAX_TERMS]:
            condition = Q()
            for name in self.search_fields:
                condition |= Q(**{f"{name}__icontains": word})
            found = found.filter(condition)
        return found.order_by(*self.order_by)

    def search(self, queryset: models.QuerySet[Any], text: str, limit: int = LIMIT) -> list[Any]:
        return list(self.matching(queryset, text[:MAX_QUERY])[:limit])

    def by_public_id(self, queryset: models.QuerySet[Any], value: Any) -> Any:
        """The row of ``queryset`` with this public id, or None (missing, forbidden, not an id)."""
        try:
            public_id = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value).strip())
        except ValueError:
            return None
        found = queryset.select_related(*self.related) if self.related else queryset
        return found.filter(public_id=public_id).first()

    def option(self, obj: Any) -> dict[str, str]:
        return {"id": str(obj.public_id), "label": self.describe(obj)}


_SOURCES: dict[type[models.Model], PickerSource] = {}


def register_source(source: PickerSource) -> PickerSource:
    """Make ``source`` the picker for its model (see ``source_for``)."""
    _SOURCES[source.model] = source
    return source


def source_for(model: type[models.Model]) -> PickerSource:
    """The registered picker source of ``model``."""
    try:
        return _SOURCES[model]
    except KeyError:
        raise ImproperlyConfigured(
            f"No picker source is registered for {model._meta.label}: register one with "
            "core.pickers.register_source in its app's pickers.py, imported from AppConfig.ready."
        ) from None


def _is_public_id(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# -- The form field --------------------------------------------------------------------------------


class PickerWidget(forms.Widget):
    """A text box (the typed text or the chosen record's description), a hidden box with the chosen
    record's public id, and after an ambiguous search the matches as radios.

    The data it reads back is ``{"text", "id", "choice"}`` from ``<name>``, ``<name>-id`` and
    ``<name>-choice``; :class:`PickerField` decides what was chosen.
    """

    template_name = "core/pickers/widget.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source: PickerSource | None = None
        self.candidates: list[dict[str, str]] = []
        self.more = False

    def use_required_attribute(self, initial: Any) -> bool:
        return False  # GOV.UK: browser validation bypasses our error messages

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> dict[str, str]:
        return {
            "text": str(data.get(name) or ""),
            "id": str(data.get(f"{name}-id") or ""),
            "choice": str(data.get(f"{name}-choice") or ""),
        }

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return name not in data and f"{name}-choice" not in data

    def format_value(self, value: Any) -> Any:
        return value

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        attrs = dict(widget["attrs"])
        classes = [c for c in str(attrs.pop("class", "")).split() if c != "govuk-input"]
        if attrs.get("aria-invalid") == "true" and "govuk-input--error" not in classes:
            classes.append("govuk-input--error")
        attrs.pop("required", None)
        current = value if isinstance(value, dict) else {}
        source = self.source
        attrs.update(
            {
                "class": " ".join(["govuk-input", *classes]),
                "data-module": "app-picker",
                "data-picker-url": reverse(source.url_name) if source else "",
                "data-picker-plural": source.plural if source else "",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        )
        widget.update(
            text=current.get("text", ""),
            chosen_id=current.get("id", "") if not self.candidates else "",
            input_attrs=flatatt({k: v for k, v in attrs.items() if v not in (None, False)}),
            candidates=self.candidates,
            more=self.more,
            plural=source.plural if source else "",
            limit=LIMIT,
        )
        return context


class PickerField(forms.Field):
    """A choice of one record of ``source`` within ``queryset``, held by public id.

    Accepts the chosen record's public id (from the type-ahead or an API-like post), a radio
    chosen after an ambiguous search, or typed text with exactly one match. The form may narrow
    ``queryset`` (always a policy queryset) after construction, as with a ModelChoiceField.
    """

    widget = PickerWidget
    default_error_messages = {
        "choose": "Choose one of these {plural}",
        "no_match": "No {plural} match ‘{text}’. Check the spelling or enter part of the name",
        "missing": "The {singular} you chose cannot be found. Search again",
    }

    def __init__(
        self, source: PickerSource, queryset: models.QuerySet[Any] | None = None, **kwargs: Any
    ) -> None:
        # Accepted for drop-in replacement of ModelChoiceField declarations; a picker has no
        # empty option and always keys by public id.
        for unused in ("empty_label", "to_field_name"):
            kwargs.pop(unused, None)
        messages = dict(kwargs.pop("error_messages", None) or {})
        # A form's "invalid_choice" says which records it accepts ("Choose a member of the
        # body"): the answer when the record chosen is not one of them (or is forbidden).
        if "invalid_choice" in messages:
            messages["missing"] = messages.pop("invalid_choice")
        super().__init__(error_messages=messages, **kwargs)
        self.source = source
        self.queryset = queryset if queryset is not None else source.model._default_manager.none()
        self.widget.source = source

    def __deepcopy__(self, memo: dict[int, Any]) -> PickerField:
        result: PickerField = super().__deepcopy__(memo)
        result.widget.source = self.source
        result.queryset = self.queryset.all()  # each form its own result cache
        return result

    def _error(self, code: str, **fmt: str) -> ValidationError:
        source = self.source
        message = str(self.error_messages[code]).format(
            singular=source.singular, plural=source.plural, **fmt
        )
        return ValidationError(message, code=code)

    def prepare_value(self, value: Any) -> dict[str, str]:
        """What the text box and the hidden id show: the typed data, or the current record."""
        if isinstance(value, dict):
            # A radio chosen, or an id posted, while another question is in error: show it.
            key = value.get("choice") or value.get("text", "").strip()
            posted = self.source.by_public_id(self.queryset, key) if _is_public_id(key) else None
            if posted is not None:
                return {"text": self.source.describe(posted), "id": str(posted.public_id)}
            return {"text": value.get("text", ""), "id": value.get("id", "")}
        if value in (None, ""):
            return {"text": "", "id": ""}
        obj: Any = value if isinstance(value, models.Model) else self._current(value)
        if obj is None:
            return {"text": str(value), "id": ""}
        return {"text": self.source.describe(obj), "id": str(obj.public_id)}

    def _current(self, value: Any) -> Any:
        if isinstance(value, int):  # a model form's initial data is the database key
            related = self.source.related
            found = self.queryset.select_related(*related) if related else self.queryset
            return found.filter(pk=value).first()
        return self.source.by_public_id(self.queryset, value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, models.Model):
            value = {"id": str(getattr(value, "public_id", ""))}
        data = value if isinstance(value, dict) else {"text": str(value or "")}
        source, queryset = self.source, self.queryset
        if data.get("choice"):
            chosen = source.by_public_id(queryset, data["choice"])
            if chosen is None:
                raise self._error("missing")
            return chosen
        text = str(data.get("text") or "").strip()
        if not text:  # an emptied box removes the choice, whatever the hidden id still says
            return None
        if data.get("id"):
            chosen = source.by_public_id(queryset, data["id"])
            if chosen is not None and _same(text, source.describe(chosen)):
                return chosen
        if _is_public_id(text):  # posted by a script, or forbidden: the same answer either way
            chosen = source.by_public_id(queryset, text)
            if chosen is None:
                raise self._error("missing")
            return chosen
        return self._from_text(text)

    def _from_text(self, text: str) -> Any:
        matches = self.source.search(self.queryset, text, limit=LIMIT + 1)
        if len(matches) == 1:
            return matches[0]
        exact = [m for m in matches if _same(text, self.source.describe(m))]
        if len(exact) == 1:
            return exact[0]
        if not matches:
            raise self._error("no_match", text=text[:MAX_QUERY])
        self.widget.candidates = [self.source.option(m) for m in matches[:LIMIT]]
        self.widget.more = len(matches) > LIMIT
        raise self._error("choose")

    def has_changed(self, initial: Any, data: Any) -> bool:
        return self.prepare_value(initial).get("id") != self.prepare_value(data).get("id")


# -- The search endpoint ---------------------------------------------------------------------------


def _wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json" or "application/json" in request.headers.get(
        "Accept", ""
    )


def _audit_search(request: HttpRequest, source: PickerSource, text: str, found: list[Any]) -> None:
    """One event per search that showed records whose every read is audited."""
    if not (found and source.search_action and policy_for(source.model).audit_reads):
        return
    record_event(
        actor=request.user,
        action=source.search_action,
        object_type=f"{source.model._meta.app_label}.{source.model._meta.model_name}",
        object_repr=f"Search for ‘{text}’",
        changes={
            "query": [None, text],
            "results": [None, [str(obj.public_id) for obj in found]],
        },
    )


def search_view(source: PickerSource) -> Callable[..., HttpResponse]:
    """``GET ?q=...``: up to LIMIT records of ``source`` the user may see, as JSON
    (``Accept: application/json`` or ``format=json``) or as an HTML fragment.

    A user who may see none of them gets 404, as for any page they may not use."""

    @login_required
    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        visible = source.visible(request.user)
        if visible.query.is_empty():
            raise Http404
        text = " ".join(request.GET.get("q", "").split())[:MAX_QUERY]
        matches = source.search(visible, text, limit=LIMIT + 1) if text else []
        found, more = matches[:LIMIT], len(matches) > LIMIT
        _audit_search(request, source, text, found)
        options = [source.option(obj) for obj in found]
        if _wants_json(request):
            return JsonResponse(
                {"kind": source.kind, "query": text, "results": options, "more": more}
            )
        return render(
            request,
            "core/pickers/results.html",
            {"source": source, "query": text, "results": options, "more": more},
        )

    view.__name__ = f"search_{source.kind}"
    return view
