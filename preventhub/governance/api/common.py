"""Pieces every governance API module shares: the record and reference schemas, the version field,
date and time bounds, and the lookups that turn a public id in a request body into a record the
caller may use (reported on the field when they may not, exactly as an unknown id is)."""

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator

from preventhub.governance import policies


class Message(Schema):
    detail: Any


class Record(Schema):
    """Fields every governance record carries. ``version`` goes back with a change."""

    id: UUID = Field(description="The record's public identifier.")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return obj.public_id


class Named(Schema):
    """A reference to a record with a name: a body, a person, a political group, an organisation."""

    id: UUID
    name: str

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return _public_id(obj)


class Labelled(Schema):
    """A reference to a record without a name of its own (a meeting, a resolution, a report…),
    with a short label to show."""

    id: UUID
    label: str

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return _public_id(obj)


def _public_id(obj: Any) -> UUID:
    """A record's public id (never its database key), or the id of a reference already built."""
    return obj["id"] if isinstance(obj, dict) else obj.public_id


def named(obj: Any, name: str | None = None) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "name": name if name is not None else obj.name}


def labelled(obj: Any, label: str) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "label": label}


def meeting_label(meeting: Any) -> str:
    return f"{meeting.body.name}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


def item_label(item: Any) -> str:
    return f"{item.number}. {item.title}"


# Required in every change: the optimistic-concurrency check against the stored version.
Version = Field(
    ge=1, le=2**31 - 1, description="The version you last read (409 if it has changed)."
)

# Dates and times a council could mean. Wider values are valid JSON but overflow when Django turns
# a local time into UTC (a 500), and no meeting or term is ever dated there.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)


class VersionOnly(Schema):
    """The body of an action that changes nothing but the record's state (publish, mark held)."""

    version: int = Version


def _bounded_date(value: dt.date) -> dt.date:
    if not EARLIEST <= value <= LATEST:
        raise ValueError(f"Enter a date between {EARLIEST:%Y} and {LATEST:%Y}.")
    return value


def _aware(value: dt.datetime) -> dt.datetime:
    """A time without an offset is local (the council's) time, as the web forms take it."""
    _bounded_date(value.date())
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


Date = Annotated[dt.date, AfterValidator(_bounded_date)]
DateTime = Annotated[dt.datetime, AfterValidator(_aware)]


def changes(payload: Schema) -> tuple[dict[str, Any], int]:
    """The fields the client sent, and the version it last read."""
    data = payload.model_dump(exclude_unset=True)
    return data, data.pop("version")


def forbid(allowed: bool, message: str) -> None:
    """A collection the caller can list but not add to: 403 (as the directory API does)."""
    if not allowed:
        raise PermissionDenied(message)


def require_manage(request: Any, what: str) -> None:
    forbid(policies.can_manage_governance(request.user), f"You cannot add {what}.")


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
