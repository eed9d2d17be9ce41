"""What the governance API modules share beyond the API toolkit (preventhub/core/api): labels for
records without a name of their own, and the check for adding to a collection. The toolkit's
schemas, field types and lookups are re-exported here so each module imports from one place."""

from typing import Any

from django.utils import timezone

from preventhub.core.api.lookups import forbid, pick, resolve_refs
from preventhub.core.api.schemas import (
    EARLIEST,
    LATEST,
    Date,
    DateTime,
    Identified,
    Labelled,
    Named,
    Record,
    Version,
    VersionOnly,
    changes,
    labelled,
    named,
)
from preventhub.governance import policies

__all__ = [
    "EARLIEST",
    "LATEST",
    "Date",
    "DateTime",
    "Identified",
    "Labelled",
    "Named",
    "Record",
    "Version",
    "VersionOnly",
    "changes",
    "forbid",
    "item_label",
    "labelled",
    "meeting_label",
    "named",
    "pick",
    "require_manage",
    "resolve_refs",
]


def meeting_label(meeting: Any) -> str:
    return f"{meeting.body.name}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


def item_label(item: Any) -> str:
    return f"{item.number}. {item.title}"


def require_manage(request: Any, what: str) -> None:
    forbid(policies.can_manage_governance(request.user), f"You cannot add {what}.")
