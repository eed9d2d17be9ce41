"""Limit/offset pagination: ``?limit=&offset=`` in, the page envelope
``{"items": [...], "count": n}`` out.

(No ``from __future__ import annotations``: ninja builds the query parameters from these fields.)"""

from typing import Any

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

# Far beyond any real list, and well inside a 64-bit integer (larger offsets overflow the database
# driver instead of returning an empty page).
MAX_OFFSET = 10_000_000


class Page(LimitOffsetPagination.Output):
    """The envelope of every list: one page of items and how many there are in all. (ninja makes
    a ``Paged<Item>`` schema from it for each list, with ``items`` typed.)"""

    items: list[Any] = Field(description="This page's items, in the list's order.")
    count: int = Field(ge=0, description="How many items match, on every page together.")


class Pagination(LimitOffsetPagination):
    """ninja's limit/offset pagination with both bounds enforced: a limit above
    ``NINJA_PAGINATION_MAX_LIMIT`` or an absurd offset is a 422, not a silent clamp or a crash."""

    class Input(Schema):
        limit: int = Field(
            settings.NINJA_PAGINATION_PER_PAGE,
            ge=1,
            le=settings.NINJA_PAGINATION_MAX_LIMIT,
            description=f"How many items to return, at most {settings.NINJA_PAGINATION_MAX_LIMIT}.",
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="How many items to skip.")

    Output = Page
