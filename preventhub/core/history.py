"""Record history for detail pages: who changed what, when, from django-simple-history.

    history = record_history(organisation)
    {% include "core/includes/history.html" with history=history %}

Query budget: one query for the newest ``limit`` + 1 historical rows (with their users), plus at
most one query per foreign-key field whose value changed, to show related records by name rather
than by database id. The extra row is only used to work out what the oldest shown entry changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.formats import date_format

DEFAULT_LIMIT = 20
# Bookkeeping fields that change on every save and mean nothing to a reader.
ALWAYS_EXCLUDED = frozenset({"id", "public_id", "version", "created_at", "updated_at"})

KIND_LABELS = {"+": "Created", "~": "Changed", "-": "Deleted"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: dt.datetime
    who: str
    kind: str
    changes: tuple[FieldChange, ...]

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, "Changed")


@dataclass(frozen=True)
class RecordHistory:
    entries: tuple[HistoryEntry, ...]
    has_older: bool


def record_history(
    obj: models.Model, *, limit: int = DEFAULT_LIMIT, exclude: Iterable[str] = ()
) -> RecordHistory:
    """The newest ``limit`` versions of ``obj``, newest first, each with its field-level changes."""
    history_manager = obj.history  # type: ignore[attr-defined]  # simple_history's, undeclared
    rows = list(
        history_manager.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    has_older = len(rows) > limit
    shown = rows[:limit]
    excluded = ALWAYS_EXCLUDED | set(exclude)
    model = type(obj)
    raw_changes: list[list[tuple[str, Any, Any]]] = []
    for index, row in enumerate(shown):
        previous = rows[index + 1] if index + 1 < len(rows) else None
        raw_changes.append(_changes(row, previous, excluded))
    labels = _foreign_key_labels(model, raw_changes)
    entries = tuple(
        HistoryEntry(
            when=row.history_date,
            who=_who(row),
            kind=row.history_type,
            changes=tuple(
                FieldChange(
                    field=name,
                    label=_field_label(model, name),
                    old=_display(model, name, old, labels),
                    new=_display(model, name, new, labels),
                )
                for name, old, new in changes
            ),
        )
        for row, changes in zip(shown, raw_changes, strict=True)
    )
    return RecordHistory(entries=entries, has_older=has_older)


def _changes(
    row: Any, previous: Any | None, excluded: frozenset[str] | set[str]
) -> list[tuple[str, Any, Any]]:
    if row.history_type == "-":
        return []
    if previous is None or row.history_type == "+":
        # The first version: show what it was created with (empty values say nothing).
        names = [f.name for f in row.tracked_fields if f.editable and f.name not in excluded]
        return [(n, None, _raw(row, n)) for n in names if _raw(row, n) not in (None, "")]
    fields = [f.name for f in row.tracked_fields if f.editable and f.name not in excluded]
    delta = row.diff_against(previous, included_fields=fields)
    order = {name: index for index, name in enumerate(fields)}  # the model's own field order
    return sorted(((c.field, c.old, c.new) for c in delta.changes), key=lambda c: order[c[0]])


def _raw(row: Any, name: str) -> Any:
    field = row.instance_type._meta.get_field(name)
    return getattr(row, field.attname)


def _who(row: Any) -> str:
    user = row.history_user
    if user is None:
        return "the system"
    return str(user)


def _concrete_field(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    """A field that history records (reverse relations are never in a history row)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def _field_label(model: type[models.Model], name: str) -> str:
    label = str(_concrete_field(model, name).verbose_name)
    return label[:1].upper() + label[1:]


def _foreign_key_labels(
    model: type[models.Model], raw: list[list[tuple[str, Any, Any]]]
) -> dict[str, dict[Any, str]]:
    """One query per foreign-key field that appears in the changes: pk → name."""
    wanted: dict[str, set[Any]] = defaultdict(set)
    for changes in raw:
        for name, old, new in changes:
            if isinstance(model._meta.get_field(name), models.ForeignKey):
                wanted[name] |= {v for v in (old, new) if v is not None}
    labels: dict[str, dict[Any, str]] = {}
    for name, pks in wanted.items():
        related = _concrete_field(model, name).related_model
        assert isinstance(related, type)  # a foreign key's target is resolved once apps are ready
        labels[name] = {o.pk: str(o) for o in related._default_manager.filter(pk__in=pks)}
    return labels


def _display(
    model: type[models.Model], name: str, value: Any, labels: dict[str, dict[Any, str]]
) -> str:
    if value is None or value == "":
        return ""
    field = _concrete_field(model, name)
    if isinstance(field, models.ForeignKey):
        return labels.get(name, {}).get(value, "(deleted record)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.datetime):
        return date_format(value, "j F Y H:i")
    if isinstance(value, dt.date):
        return date_format(value, "j F Y")
    return str(value)
