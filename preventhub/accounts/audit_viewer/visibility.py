"""What of an event an auditor may read: the rule that keeps restricted records' content out of the
audit viewer and its CSV export.

An auditor sees every event's who, when, action, record type, record id and the names of the fields
that changed. The changed VALUES and the record's description are content of the record, so for a
record whose policy declares ``audit_values_restricted = True`` they are shown only to a viewer the
policy lets see that record (``visible_to(viewer, "view")``); anyone else reads ``HIDDEN``.

This is the hook later modules rely on: a policy for a record whose content is confidential (an
exempt or draft report, a Channel case, a case note) sets ``audit_values_restricted = True`` and
nothing else. The check is batched: one query per restricted record type among the events shown,
however many events there are.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import QuerySet

from preventhub.audit.models import AuditEvent
from preventhub.core.policies import Action, Policy, registered_policies

HIDDEN = "Hidden: you cannot see this record"


def restricted_types() -> dict[str, Policy[Any]]:
    """``app_label.model_name`` of every record whose policy restricts its audit values."""
    return {
        f"{model._meta.app_label}.{model._meta.model_name}": policy
        for model, policy in registered_policies().items()
        if policy.audit_values_restricted
    }


def _id_field(model: type[models.Model]) -> str:
    """The field an event's ``object_id`` holds (``object_id_of``: the public id, else the pk)."""
    names = {f.name for f in model._meta.get_fields()}
    return "public_id" if "public_id" in names else "pk"


def _valid_ids(model: type[models.Model], field: str, ids: set[str]) -> list[Any]:
    target = model._meta.get_field("public_id") if field == "public_id" else model._meta.pk
    assert isinstance(target, models.Field)  # a public id or a primary key: a concrete field
    valid: list[Any] = []
    for value in ids:
        try:
            valid.append(target.to_python(value))
        except Exception:  # noqa: BLE001 — an id that cannot be this model's names no record
            continue
        if isinstance(valid[-1], uuid.UUID) and str(valid[-1]) != value:
            valid.pop()  # "urn:uuid:..." and the like: not the form record_event writes
    return valid


class ValueMask:
    """For one viewer and a batch of records (``(object_type, object_id)`` pairs from events): which
    records' values and description are hidden from the viewer."""

    def __init__(self, viewer: Any, records: Iterable[tuple[str, str]]) -> None:
        self._policies = restricted_types()
        wanted: dict[str, set[str]] = defaultdict(set)
        for object_type, object_id in records:
            if object_type in self._policies and object_id:
                wanted[object_type].add(object_id)
        visible = {
            object_type: _visible_ids(viewer, self._policies[object_type], ids)
            for object_type, ids in wanted.items()
        }
        self.hidden: dict[str, set[str]] = {
            object_type: ids - visible[object_type] for object_type, ids in wanted.items()
        }

    @classmethod
    def of_events(cls, viewer: Any, events: Iterable[AuditEvent]) -> ValueMask:
        return cls(viewer, ((event.object_type, event.object_id) for event in events))

    def hides(self, event: AuditEvent) -> bool:
        if event.object_type not in self._policies:
            return False
        # A restricted record with no id is hidden too: nothing says the viewer may see it.
        return event.object_id in self.hidden.get(event.object_type, {event.object_id})


def _visible_ids(viewer: Any, policy: Policy[Any], ids: set[str]) -> set[str]:
    model = policy.model
    field = _id_field(model)
    valid = _valid_ids(model, field, ids)
    if not valid:
        return set()
    rows = (
        policy.visible_to(viewer, Action.VIEW)
        .filter(**{f"{field}__in": valid})
        .values_list(field, flat=True)
    )
    return {str(value) for value in rows}


def without_hidden(qs: QuerySet[AuditEvent], viewer: Any) -> QuerySet[AuditEvent]:
    """``qs`` less the events whose record's description the viewer may not read, for searches
    by description: otherwise a match would tell the auditor what a hidden title contains. Call it
    on an already bounded queryset (the text search's window): it lists the restricted records in
    it once."""
    records = (
        qs.filter(object_type__in=list(restricted_types()))
        .order_by()
        .values_list("object_type", "object_id")
        .distinct()
    )
    for object_type, hidden in ValueMask(viewer, records).hidden.items():
        if hidden:
            qs = qs.exclude(object_type=object_type, object_id__in=sorted(hidden))
    return qs


def masked_changes(changes: Any) -> Any:
    """The same field names, every value replaced by ``HIDDEN`` (even an empty one: whether a
    field was blank is itself something about the record)."""
    if not isinstance(changes, dict):
        return HIDDEN if changes else changes
    return {
        name: [HIDDEN, HIDDEN] if isinstance(pair, list) and len(pair) == 2 else HIDDEN
        for name, pair in changes.items()
    }
