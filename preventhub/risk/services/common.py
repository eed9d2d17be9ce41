"""Helpers shared by the risk services."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models


def by(instance: models.Model, actor: Any) -> None:
    """Tell django-simple-history who is acting (it otherwise relies on the current request)."""
    instance._history_user = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[attr-defined]


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def only(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    return data


def bump(instance: Any, fields: list[str] | set[str]) -> None:
    instance.version += 1
    instance.save(update_fields=[*fields, "version", "updated_at"])
