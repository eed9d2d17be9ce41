"""Pagination, which every directory list shares (forms and access come from core.pages)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.http import HttpRequest

PER_PAGE = 25
# The shared GOV.UK component is used once it exists; until then our copy of its markup.
PAGINATION_TEMPLATES = ["govuk/components/pagination.html", "directory/includes/pagination.html"]


def paginate(request: HttpRequest, queryset: models.QuerySet[Any]) -> dict[str, Any]:
    """The page asked for (two queries: a count and the rows) and GOV.UK pagination options."""
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    return {"page": page, "pagination": _pagination_options(request, page)}


def _pagination_options(request: HttpRequest, page: Page) -> dict[str, Any] | None:
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"?{query.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": str(number), "href": href(int(number)), "current": number == page.number}
            )
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }
