"""Shared service helpers: audited create/update/delete with optimistic concurrency.

Module services call these so every change is saved with ``update_fields``, bumps ``version`` and
writes its audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.models import PublicModel


class ConcurrentEditError(Exception):
    """Someone else saved the record after this user opened it."""

    message = (
        "Someone else changed this record while you were editing it. "
        "Check the current details below and make your change again."
    )


def check_version(current: Any, expected_version: int | None) -> None:
    """The one optimistic-version check: refuse if the stored ``current`` row (locked by the caller)
    moved on from the version the user opened. ``None`` means the caller does not know it."""
    if expected_version is not None and current.version != expected_version:
        raise ConcurrentEditError


def locked_version[M: models.Model](instance: M, expected_version: int | None, *fields: str) -> M:
    """Lock ``instance``'s stored row (loading only ``version`` and ``fields``) and check its
    version; the caller must be inside ``transaction.atomic()``."""
    manager = type(instance)._default_manager
    current = manager.select_for_update().only("version", *fields).get(pk=instance.pk)
    check_version(current, expected_version)
    return current


def create_record[M: models.Model](*, actor: Any, instance: M, action: str) -> M:
    """Validate, save and audit a new record (all its editable fields are recorded as changes)."""
    instance.full_clean()
    with transaction.atomic():
        instance.save()
        fields = [
            f.name for f in instance._meta.concrete_fields if f.editable and not f.primary_key
        ]
        record_event(
            actor=actor, action=action, obj=instance, changes=diff({}, snapshot(instance, fields))
        )
    return instance


def update_record[M: PublicModel](
    *, actor: Any, instance: M, data: dict[str, Any], expected_version: int | None, action: str
) -> M:
    """Apply ``data`` to ``instance`` if nobody else changed it since ``expected_version``."""
    with transaction.atomic():
        current = locked_version(instance, expected_version)
        changes = diff(snapshot(instance, list(data)), data)
        if not changes:
            return instance
        for name, value in data.items():
            setattr(instance, name, value)
        instance.full_clean()
        instance.version = current.version + 1
        instance.save(update_fields=[*data, "version", "updated_at"])
        record_event(actor=actor, action=action, obj=instance, changes=changes)
    return instance


def delete_record(*, actor: Any, instance: models.Model, action: str) -> None:
    with transaction.atomic():
        record_event(actor=actor, action=action, obj=instance)
        instance.delete()
