"""The page toolkit every module's views share: access decorators and the form page.

A create or edit page is a few lines::

    @capability_required(Cap.GOVERNANCE_MANAGE, partnership=True)
    def body_edit(request, public_id):
        body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
        return form_page(
            request, BodyForm, template="governance/bodies/form.html", instance=body,
            save=lambda form: services.update_body(
                actor=request.user, body=body, data=form.changes(),
                expected_version=form.cleaned_data["version"]),
            success=lambda saved: saved.get_absolute_url(),
            message=lambda saved: f"{saved.name} has been updated.",
        )

:func:`form_page` binds the form to the POST (or shows the record), calls the service once for a
valid form, turns the service's validation errors and a concurrent edit into GOV.UK errors on the
form (what the user typed is kept), and redirects with a success banner.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, TypeVar, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from preventhub.audit.services import record_event
from preventhub.core.forms import error_list
from preventhub.core.models import PublicModel
from preventhub.core.policies import grants_for
from preventhub.core.services import ConcurrentEditError

T = TypeVar("T")
View = Callable[..., HttpResponse]
# Any view, downloads included (a streamed or file response is not an HttpResponse).
AnyView = TypeVar("AnyView", bound=Callable[..., HttpResponseBase])

PER_PAGE = 25


# -- Access ----------------------------------------------------------------------------------------


def refuse(request: HttpRequest, what: str) -> Http404:
    """Record a refused request and return the 404 to raise: forbidden looks like missing, and the
    attempt is on the audit trail as a policy's refusal is."""
    record_event(
        actor=request.user,
        action="access.denied",
        object_repr=what,
        changes={"action": [None, what], "path": [None, request.path]},
    )
    return Http404("Page not found.")


def require(request: HttpRequest, allowed: bool, what: str = "view") -> None:
    """404 (audited) unless ``allowed``."""
    if not allowed:
        raise refuse(request, what)


def capability_required(*caps: str, partnership: bool = False) -> Callable[[AnyView], AnyView]:
    """Sign-in first (anonymous visitors go to the sign-in page), then any one of ``caps`` or an
    audited 404.

    ``partnership=True`` asks for the capability across the partnership, not only through an
    organisation-scoped role.
    """

    def decorator(view: AnyView) -> AnyView:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            grants = grants_for(request.user)
            has = grants.has_partnership if partnership else grants.has
            require(request, any(has(cap) for cap in caps), " or ".join(caps))
            return view(request, *args, **kwargs)

        return cast(AnyView, login_required(checked))

    return decorator


# -- Form pages ------------------------------------------------------------------------------------


def form_errors(form: forms.BaseForm) -> list[dict[str, Any]]:
    """Error summary items in the order the questions appear (errors about the whole form first)."""
    return error_list(form, in_order=True) if form.is_bound else []


def form_context(form: forms.BaseForm, **extra: Any) -> dict[str, Any]:
    """What a form page's template needs: the form and its error summary."""
    return {"form": form, "errors": form_errors(form), **extra}


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """A service's validation errors onto the form: each on its question, the rest on the form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def ensure_version(form: forms.BaseForm, record: PublicModel) -> None:
    """Carry the version of ``record`` the user opened in a hidden field (added if the form has
    none), so the service can tell that someone else saved in between."""
    if "version" not in form.fields:
        form.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
    if not form.is_bound:
        form.initial["version"] = record.version


def run_service[R](form: forms.BaseForm, call: Callable[[], R], *, record: Any = None) -> bool:
    """Call the service for a valid form; ``True`` if it succeeded.

    Its validation errors go onto the form. A concurrent edit shows GOV.UK's error, keeps what
    the user typed and moves the form to the record's new version, so saving again knowingly
    replaces the other person's change (``form.concurrent_edit`` lets the page show the record as
    it is now).
    """
    try:
        call()
    except ConcurrentEditError as exc:
        form.add_error(None, exc.message)
        if record is not None:
            record.refresh_from_db()
            data = form.data.copy()  # type: ignore[attr-defined]  # a QueryDict, immutable
            data[form.add_prefix("version")] = str(record.version)
            form.data = data
            form.concurrent_edit = True  # type: ignore[attr-defined]  # a flag for the page only
        return False
    except ValidationError as exc:
        add_service_errors(form, exc)
        if record is not None:
            record.refresh_from_db()  # the service may have applied the rejected values in memory
        return False
    return True


def form_page[F: forms.BaseForm, R](
    request: HttpRequest,
    form_class: Callable[..., F],
    *,
    template: str,
    save: Callable[[F], R],
    success: str | Callable[[R], str | HttpResponse],
    message: str | Callable[[R], str] | None = None,
    instance: models.Model | None = None,
    record: models.Model | None = None,
    initial: Mapping[str, Any] | None = None,
    form_kwargs: Mapping[str, Any] | None = None,
    context: Mapping[str, Any] | Callable[[F], Mapping[str, Any]] | None = None,
    files: bool = False,
) -> HttpResponse:
    """GET shows the form; POST validates it, calls ``save(form)`` once and redirects to
    ``success`` with the ``message`` banner, or shows the form again with GOV.UK errors.

    ``instance`` is a model form's record (the bound form validates a copy, so the service still
    compares the typed values with what is stored); ``record`` is the versioned record whose
    version the page carries (the instance by default). An empty POST still binds, so a
    confirmation page with no questions works and a form sent empty shows its errors.
    """
    kwargs: dict[str, Any] = dict(form_kwargs or {})
    record = record if record is not None else instance
    posted = request.method == "POST"
    if instance is not None:
        kwargs["instance"] = copy.copy(instance) if posted else instance
    if initial:
        kwargs["initial"] = dict(initial)
    if posted:
        form = (
            form_class(request.POST, request.FILES, **kwargs)
            if files
            else form_class(request.POST, **kwargs)
        )
    else:
        form = form_class(**kwargs)
    if isinstance(record, PublicModel):  # a versioned record
        ensure_version(form, record)
    if posted and form.is_valid():
        result: list[R] = []
        if run_service(form, lambda: result.append(save(form)), record=record):
            return _succeeded(request, result[0], success, message)
    extra = context(form) if callable(context) else (context or {})
    return render(request, template, form_context(form, **extra))


def _succeeded[R](
    request: HttpRequest,
    result: R,
    success: str | Callable[[R], str | HttpResponse],
    message: str | Callable[[R], str] | None,
) -> HttpResponse:
    text = message(result) if callable(message) else message
    if text:
        messages.success(request, text)
    target = success(result) if callable(success) else success
    return target if isinstance(target, HttpResponse) else redirect(target)


# -- Lists -----------------------------------------------------------------------------------------


def paginate(
    request: HttpRequest, queryset: Any, param: str = "page", per_page: int = PER_PAGE
) -> dict[str, Any]:
    """One page of ``queryset`` (two queries: a count and the rows) and the options of GOV.UK's
    pagination component (``None`` when everything fits on one page).

    ``param`` names the query parameter, so one page can carry two lists paged separately.
    """
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))
    return {"page": page, "pagination": pagination_options(request, page, param)}


def pagination_options(
    request: HttpRequest, page: Page, param: str = "page"
) -> dict[str, Any] | None:
    """Previous, next and the numbered links (elided around the current page); each link keeps
    the rest of the query string, so filters survive paging."""
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
        return f"?{query.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if isinstance(number, int):
            items.append(
                {"number": str(number), "href": href(number), "current": number == page.number}
            )
        else:  # Paginator.ELLIPSIS
            items.append({"ellipsis": True})
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }
