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

from preventhub.core.policies import Action, Policy, registered_policies

from .models import AuditEvent

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
    valid: list[Any] = []
    for value in ids:
        try:
            valid.append(target.to_python(value))  # type: ignore[union-attr]
        except Exception:  # noqa: BLE001 — an id that cannot be this model's names no record
            continue
        if isinstance(valid[-1], uuid.UUID) and str(valid[-1]) != value:
            valid.pop()  # "urn:uuid:..." and the like: not the form record_event writes
    return valid


class ValueMask:
    """For one viewer and one batch of events: which events' values and description are hidden."""

    def __init__(self, viewer: Any, events: Iterable[AuditEvent]) -> None:
        policies = restricted_types()
        wanted: dict[str, set[str]] = defaultdict(set)
        for event in events:
            if event.object_type in policies and event.object_id:
                wanted[event.object_type].add(event.object_id)
        self._policies = policies
        self._visible: dict[str, set[str]] = {
            object_type: self._visible_ids(viewer, policies[object_type], ids)
            for object_type, ids in wanted.items()
        }

    @staticmethod
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

    def hides(self, event: AuditEvent) -> bool:
        if event.object_type not in self._policies:
            return False
        return event.object_id not in self._visible.get(event.object_type, set())


def masked_changes(changes: Any) -> Any:
    """The same field names, every value replaced by ``HIDDEN`` (even an empty one: whether a
    field was blank is itself something about the record)."""
    if not isinstance(changes, dict):
        return HIDDEN if changes else changes
    return {
        name: [HIDDEN, HIDDEN] if isinstance(pair, list) and len(pair) == 2 else HIDDEN
        for name, pair in changes.items()
    }
