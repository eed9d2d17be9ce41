"""A risk's history for its page: core's record history, with the wards each version covered.

django-simple-history keeps each version's wards in its own table (``m2m_fields``); core's history
reads only a record's own columns, so a change of wards shows as a version with no changed field.
Here those versions gain a "Wards" change, read in one more query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from django.apps import apps

from preventhub.core.history import FieldChange, HistoryEntry, RecordHistory, record_history

from .models import Risk

LIMIT = 20


def risk_history(risk: Risk, *, limit: int = LIMIT) -> RecordHistory:
    base = record_history(risk, limit=limit)
    rows = list(
        risk.history.order_by("-history_date", "-history_id").values_list(
            "history_id", "history_date"
        )[: limit + 1]
    )
    wards_by_row = _wards_by_row([row_id for row_id, _ in rows])
    entries: list[HistoryEntry] = []
    for index, entry in enumerate(base.entries):
        current = wards_by_row.get(rows[index][0], []) if index < len(rows) else []
        previous = wards_by_row.get(rows[index + 1][0], []) if index + 1 < len(rows) else None
        changes = list(entry.changes)
        if entry.kind != "-" and current != (previous or []) and (previous is not None or current):
            changes.append(
                FieldChange(
                    field="wards",
                    label="Wards",
                    old=", ".join(previous or []),
                    new=", ".join(current),
                )
            )
        if changes or entry.kind != "~":
            entries.append(replace(entry, changes=tuple(changes)))
    return RecordHistory(entries=tuple(entries), has_older=base.has_older)


def _wards_by_row(row_ids: list[int]) -> dict[int, list[str]]:
    through: Any = apps.get_model("risk", "HistoricalRisk_wards")
    found: dict[int, list[str]] = defaultdict(list)
    for row_id, name in (
        through.objects.filter(history_id__in=row_ids)
        .order_by("ward__name")
        .values_list("history_id", "ward__name")
    ):
        found[row_id].append(name)
    return found
