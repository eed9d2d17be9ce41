"""Small pieces every directory view shares: 404 for the forbidden, pagination, saving a form."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpRequest

from preventhub.core.forms import error_list
from preventhub.core.services import ConcurrentEditError

PER_PAGE = 25
# The shared GOV.UK component is used once it exists; until then our copy of its markup.
PAGINATION_TEMPLATES = ["govuk/components/pagination.html", "directory/includes/pagination.html"]


def require(allowed: bool) -> None:
    """Forbidden looks like missing."""
    if not allowed:
        raise Http404


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


def form_context(form: Any, **extra: Any) -> dict[str, Any]:
    return {"form": form, "errors": ordered_errors(form) if form.is_bound else [], **extra}


def ordered_errors(form: Any) -> list[dict[str, Any]]:
    """Error summary items in the order the fields appear (errors about the whole form first)."""
    order = {f"#{form[name].auto_id}": index for index, name in enumerate(form.fields)}
    return sorted(error_list(form), key=lambda item: order.get(item["href"], -1))


def save[T](form: Any, call: Callable[[], T], *, record: models.Model | None = None) -> T | None:
    """Run one service call for a valid form. Its validation errors, and a concurrent edit, go back
    onto the form (what the user typed is kept) and ``None`` is returned.

    After a concurrent edit the form carries the record's new version, so saving again knowingly
    replaces the other person's change; the page shows the current details beside the form.
    """
    try:
        return call()
    except ConcurrentEditError as exc:
        form.add_error(None, exc.message)
        if record is not None:
            record.refresh_from_db()
            form.data = form.data.copy()
            form.data["version"] = str(record.version)  # type: ignore[attr-defined]
            form.concurrent_edit = True
    except ValidationError as exc:
        _add_errors(form, exc)
        if record is not None:
            record.refresh_from_db()  # the service may have applied the rejected values in memory
    return None


def _add_errors(form: Any, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def edit_form(
    form_class: type[Any], request: HttpRequest, record: models.Model, **kwargs: Any
) -> Any:
    """A form for changing ``record``: bound to the POST, or showing the record and its version.

    The bound form validates a copy, because Django's model forms write the typed values onto the
    instance and the update service must compare them with what is stored.
    """
    if request.method == "POST":
        return form_class(request.POST, instance=copy.copy(record), **kwargs)
    return form_class(instance=record, initial={"version": record.version}, **kwargs)  # type: ignore[attr-defined]
