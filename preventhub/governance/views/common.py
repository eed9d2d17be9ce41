"""What every governance page shares: the manage decorator, pagination and optional links.

Forms and access come from the core page toolkit (:mod:`preventhub.core.pages`).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required

PER_PAGE = 25

# Sign-in first, then governance.manage across the partnership, or an audited 404.
manage_required = capability_required(Cap.GOVERNANCE_MANAGE, partnership=True)


def optional_url(name: str, *args: Any, query: str = "") -> str:
    """The URL of a page another part of governance provides, or "" until it exists."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def paginate(
    request: HttpRequest, queryset: Any, param: str = "page", per_page: int = PER_PAGE
) -> dict[str, Any]:
    """One page (two queries: a count and the rows) and GOV.UK pagination options."""
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))
    return {"page": page, "pagination": _pagination(request, page, param)}


def _pagination(request: HttpRequest, page: Page, param: str) -> dict[str, Any] | None:
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
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


def to(name: str, record: Any, anchor: str = "") -> str:
    """The URL of ``record``'s page ``governance:<name>``, with an optional #anchor."""
    url = reverse(f"governance:{name}", kwargs={"public_id": record.public_id})
    return f"{url}#{anchor}" if anchor else url
