"""Field types shared by every router's schemas."""

from __future__ import annotations

import re
from typing import Annotated, Any

from ninja import Field
from pydantic import AfterValidator

# NUL cannot be stored in PostgreSQL text, and lone surrogates (valid in JSON's \\u escapes) cannot
# be encoded as UTF-8 by any database driver; both would otherwise surface as a 500.
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def _storable(value: str) -> str:
    if _UNSTORABLE.search(value):
        raise ValueError("Text must not contain NUL characters or unpaired surrogates.")
    return value


Text = Annotated[str, AfterValidator(_storable)]


def _no_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def Unset(**kwargs: Any) -> Any:  # noqa: N802  (reads as a field declaration, like Field)
    """An optional PATCH field: leave it out to keep the current value; ``null`` is refused by the
    field's type (it is not nullable), and the schema shows no misleading ``default: null``."""
    return Field(None, json_schema_extra=_no_default, **kwargs)
