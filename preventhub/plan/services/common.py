"""What the plan's services share: naming the actor for record history and refusing a change the
actor may not make (the views and the API have usually checked already)."""

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
