"""Finding the records a spreadsheet names (people, organisations, wards, categories) by what a
council types: the name in any case and spacing, or for people an e-mail address. One query per
batch of rows and kind of record, whatever the number of rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import Lower


def key(name: str) -> str:
    return " ".join(name.split()).casefold()


def by_name(queryset: QuerySet[Any], field: str, names: Iterable[str]) -> dict[str, list[Any]]:
    """The records of ``queryset`` whose ``field`` matches one of ``names`` ignoring case and
    spacing, grouped by the matched name's :func:`key`."""
    wanted = {key(n) for n in names if n}
    found: dict[str, list[Any]] = {}
    if not wanted:
        return found
    matches = queryset.annotate(_name_key=Lower(field)).filter(_name_key__in=wanted)
    for record in matches:
        found.setdefault(key(getattr(record, field)), []).append(record)
    return found


def one(found: dict[str, list[Any]], name: str, *, noun: str, missing: str = "") -> Any:
    """The single record called ``name``; ``LookupError`` with the message for the council when
    there is none or more than one."""
    matches = found.get(key(name), [])
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise LookupError(missing or f"There is no {noun} called ‘{name}’")
    raise LookupError(
        f"More than one {noun} is called ‘{name}’: give an e-mail address or change one of "
        "their names"
        if noun == "person"
        else f"More than one {noun} is called ‘{name}’"
    )


def match_ids(
    rows: list[Any],
    *,
    column: str,
    every: QuerySet[Any],
    changeable: QuerySet[Any],
    state: dict[str, Any],
    noun: str,
) -> list[Any]:
    """Resolve each row's id to the record it updates (``row.resolved["record"]``, ``None`` for a
    new record, which keeps the id). Errors for an id used twice in the file and for an id of a
    record the person may not change (worded as if it were missing)."""
    from .sheets import RowError

    errors: list[RowError] = []
    seen: dict[Any, int] = state.setdefault("ids", {})
    ids = [row.values.get(column) for row in rows if row.values.get(column)]
    found = {r.public_id: r for r in changeable.filter(public_id__in=ids)} if ids else {}
    hidden = (
        set(
            every.filter(public_id__in=[i for i in ids if i not in found]).values_list(
                "public_id", flat=True
            )
        )
        if len(found) < len(ids)
        else set()
    )
    for row in rows:
        public_id = row.values.get(column)
        row.resolved["record"] = found.get(public_id) if public_id else None
        if not public_id:
            continue
        header = row.headers.get(column, "ID")
        if public_id in seen:
            errors.append(RowError(row.number, header, f"This ID is also on row {seen[public_id]}"))
        else:
            seen[public_id] = row.number
        if public_id in hidden:
            errors.append(
                RowError(row.number, header, f"There is no {noun} you can change with this ID")
            )
    return errors
