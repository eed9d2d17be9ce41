"""Schemas and field types every module's API shares.

- ``Identified``: a record addressed by its public UUID (``id``), never its database key;
  ``Record`` adds the version and timestamps every stored record carries; ``Named`` and
  ``Labelled`` are references to other records.
- ``Text``: any string, made storable (NUL and lone surrogates become U+FFFD).
- ``Unset``: a PATCH field that may be left out; ``Version``: the optimistic-concurrency field.
- ``Date`` and ``DateTime``: dates a council could mean (1900 to 2999), local times made aware.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, overload
from uuid import UUID

from django.utils import timezone
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

# NUL cannot be stored in PostgreSQL text, and lone surrogates (valid in JSON's \\u escapes) cannot
# be encoded as UTF-8 by any database driver. Both become U+FFFD, the replacement character, as
# Django already does with undecodable bytes in a query string: the schema says "any string", so
# any string is accepted, and none can surface as a 500.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def _storable(value: Any) -> Any:
    if isinstance(value, str):
        return _UNSTORABLE.sub(REPLACEMENT, value)
    return value


Text = Annotated[str, BeforeValidator(_storable)]


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def Unset(**kwargs: Any) -> Any:  # noqa: N802  (reads as a field declaration, like Field)
    """An optional PATCH field: leave it out to keep the current value; ``null`` is refused by the
    field's type (it is not nullable), and the schema shows no misleading ``default: null``."""
    return Field(None, json_schema_extra=_no_default, **kwargs)


# Required in every change: the optimistic-concurrency check against the stored version.
Version = Field(
    ge=1, le=2**31 - 1, description="The version you last read (409 if it has changed)."
)


def public_id(obj: Any) -> UUID:
    """A record's public id (never its database key), or the id of a reference already built."""
    return obj["id"] if isinstance(obj, dict) else obj.public_id


class Identified(Schema):
    """A record as the API shows it: identified by its public UUID."""

    id: UUID = Field(description="The record's public identifier.")

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return public_id(obj)


class Record(Identified):
    """Fields every stored record carries. ``version`` goes back with a change."""

    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class Named(Identified):
    """A reference to a record with a name: a body, a person, a political group, an
    organisation."""

    name: str


class Labelled(Identified):
    """A reference to a record without a name of its own (a meeting, a resolution, a report...),
    with a short label to show."""

    label: str


@overload
def named(obj: None, name: str | None = None) -> None: ...
@overload
def named(obj: object, name: str | None = None) -> dict[str, Any]: ...
def named(obj: Any, name: str | None = None) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "name": name if name is not None else obj.name}


@overload
def labelled(obj: None, label: str) -> None: ...
@overload
def labelled(obj: object, label: str) -> dict[str, Any]: ...
def labelled(obj: Any, label: str) -> dict[str, Any] | None:
    if obj is None:
        return None
    return {"id": obj.public_id, "label": label}


class VersionOnly(Schema):
    """The body of an action that changes nothing but the record's state (publish, mark held)."""

    version: int = Version


def changes(payload: Schema) -> tuple[dict[str, Any], int]:
    """The fields the client sent, and the version it last read."""
    data = payload.model_dump(exclude_unset=True)
    return data, data.pop("version")


# Dates and times a council could mean. Wider values are valid JSON but overflow when Django turns
# a local time into UTC (a 500), and no meeting or term is ever dated there.
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)
YEARS = r"^(19|2[0-9])[0-9]{2}-"  # the same bounds, as the schema states them


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


class _StatesDateBounds:
    """Puts the accepted years in the schema (a pattern on the date's text, since JSON Schema has
    no date bounds), so the documented dates are the dates the API accepts."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["pattern"] = YEARS
        return schema


def _date_text(value: Any) -> Any:
    """Only ISO 8601 text is a date here: pydantic would otherwise read "0.0" or 1700000000 as a
    Unix timestamp, which the schema (a date string) does not allow."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise ValueError("Enter a date in the form YYYY-MM-DD.")
    return value


Date = Annotated[
    dt.date, BeforeValidator(_date_text), AfterValidator(_bounded_date), _StatesDateBounds()
]
DateTime = Annotated[
    dt.datetime, BeforeValidator(_date_text), AfterValidator(_aware), _StatesDateBounds()
]
