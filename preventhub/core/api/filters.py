"""List filters: each list's query parameters declared as a ninja ``FilterSchema``.

    class BodyFilters(Filters):
        search: Annotated[Text | None, FilterLookup(["name__icontains", "purpose__icontains"])] = (
            search("Part of the name or purpose.")
        )
        kind: BodyKind | None = None                      # kind=<value>
        parent: Annotated[UUID | None, FilterLookup("parent__public_id")] = None

and in the operation ``return filters.filter(queryset).order_by(...)``. A parameter left out (or
null) filters nothing; a filter that is not a plain lookup is a ``filter_<name>`` method returning
a ``Q``. (No ``from __future__ import annotations`` in modules declaring filters: ninja reads the
annotations to build the parameters.)
"""

from typing import Any

from ninja import Field, FilterLookup, FilterSchema

SEARCH_MAX_LENGTH = 200


class Filters(FilterSchema):
    """The base of every list's filters."""


def search(description: str) -> Any:
    """A free-text filter: part of a name (or the fields its ``FilterLookup`` names)."""
    return Field(None, max_length=SEARCH_MAX_LENGTH, description=description)


__all__ = ["FilterLookup", "Filters", "search"]
