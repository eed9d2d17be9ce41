"""Turning the public ids in a request body into records the caller may use.

An id the caller may not use is reported on its field exactly as an unknown id is (a 400 with the
field at fault), so a body never reveals whether a record it may not see exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, overload
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet


def forbid(allowed: bool, message: str) -> None:
    """A collection the caller can list but not add to: 403."""
    if not allowed:
        raise PermissionDenied(message)


@overload
def pick[M: Model](queryset: QuerySet[M], public_id: UUID, field: str, message: str) -> M: ...
@overload
def pick[M: Model](
    queryset: QuerySet[M], public_id: UUID | None, field: str, message: str
) -> M | None: ...
def pick[M: Model](
    queryset: QuerySet[M], public_id: UUID | None, field: str, message: str
) -> M | None:
    """The record with ``public_id`` in ``queryset`` (the ones the caller may choose), or a
    ValidationError on ``field``; ``None`` stays ``None``."""
    if public_id is None:
        return None
    found = queryset.filter(public_id=public_id).first()
    if found is None:
        raise ValidationError({field: [message]})
    return found


def resolve_refs(
    data: dict[str, Any], lookups: dict[str, Callable[[UUID | None], Any]]
) -> dict[str, Any]:
    """Replace each public id in ``data`` by its record (only the fields the client sent), all
    errors reported together."""
    errors: dict[str, list[str]] = {}
    for name, lookup in lookups.items():
        if name not in data:
            continue
        try:
            data[name] = lookup(data[name])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return data
