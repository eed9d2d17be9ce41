"""Reference data the partnership manages centrally: wards and municipal years.

The two kinds have the same detail, add and change pages; a :class:`_Kind` declares what differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.core.forms import GovukModelForm
from preventhub.core.history import record_history
from preventhub.core.pages import form_errors, form_page, paginate, require
from preventhub.core.policies import Action, Policy

from .. import policies, queries, services
from ..forms import MunicipalYearForm, SearchForm, WardForm


@dataclass(frozen=True)
class _Kind:
    """One kind of reference record: its pages' names, its policy, form and services."""

    name: str  # URL names are directory:<name>_detail and so on; templates directory/<name>_*.html
    section: str
    key: str  # what the templates call the record
    policy: Policy[Any]
    form: type[GovukModelForm]
    can_add: Callable[[Any], bool]
    create: Callable[..., Any]
    update: Callable[..., Any]  # update(actor, record, data, expected_version)
    added: Callable[[Any], str]
    updated: Callable[[Any], str]


WARDS = _Kind(
    name="ward",
    section="wards",
    key="ward",
    policy=policies.wards,
    form=WardForm,
    can_add=policies.can_add_ward,
    create=services.create_ward,
    update=lambda actor, record, **kw: services.update_ward(actor=actor, ward=record, **kw),
    added=lambda ward: f"{ward.name} ward has been added.",
    updated=lambda ward: f"{ward.name} ward has been updated.",
)
MUNICIPAL_YEARS = _Kind(
    name="municipal_year",
    section="municipal_years",
    key="year",
    policy=policies.municipal_years,
    form=MunicipalYearForm,
    can_add=policies.can_add_municipal_year,
    create=services.create_municipal_year,
    update=lambda actor, record, **kw: services.update_municipal_year(
        actor=actor, municipal_year=record, **kw
    ),
    added=lambda year: f"The municipal year {year.label} has been added.",
    updated=lambda year: f"The municipal year {year.label} has been updated.",
)


def _detail(request: HttpRequest, kind: _Kind, public_id: UUID) -> HttpResponse:
    record = kind.policy.get_or_404(request, Action.VIEW, public_id=public_id)
    return render(
        request,
        f"directory/{kind.name}_detail.html",
        {
            "section": kind.section,
            kind.key: record,
            "can_change": kind.policy.can(request.user, Action.CHANGE, record),
            "history": record_history(record),
        },
    )


def _create(request: HttpRequest, kind: _Kind) -> HttpResponse:
    require(request, kind.can_add(request.user), f"add {kind.name.replace('_', ' ')}")
    return form_page(
        request,
        kind.form,
        template=f"directory/{kind.name}_form.html",
        save=lambda form: kind.create(actor=request.user, **form.changes()),
        success=lambda record: _url(kind, record),
        message=kind.added,
        context={"section": kind.section},
    )


def _edit(request: HttpRequest, kind: _Kind, public_id: UUID) -> HttpResponse:
    record = kind.policy.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        kind.form,
        template=f"directory/{kind.name}_form.html",
        instance=record,
        save=lambda form: kind.update(
            request.user,
            record,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success=lambda saved: _url(kind, saved),
        message=kind.updated,
        context={"section": kind.section, kind.key: record},
    )


def _url(kind: _Kind, record: Any) -> str:
    return reverse(f"directory:{kind.name}_detail", kwargs={"public_id": record.public_id})


# Wards ------------------------------------------------------------------------------------------


@login_required
def ward_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(request, policies.can_view_directory(user))
    filters = SearchForm(request.GET)
    found = policies.wards.visible_to(user, Action.VIEW)
    found = (
        queries.find_wards(found, **filters.cleaned_data)
        if filters.is_valid()
        else queries.find_wards(found)
    )
    return render(
        request,
        "directory/ward_list.html",
        {
            "section": "wards",
            "filters": filters,
            "filter_errors": form_errors(filters),
            "filtered": bool(request.GET.get("q")),
            "can_add": policies.can_add_ward(user),
            **paginate(request, found),
        },
    )


@login_required
def ward_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _detail(request, WARDS, public_id)


@login_required
def ward_create(request: HttpRequest) -> HttpResponse:
    return _create(request, WARDS)


@login_required
def ward_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _edit(request, WARDS, public_id)


# Municipal years --------------------------------------------------------------------------------


@login_required
def municipal_year_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(request, policies.can_view_directory(user))
    found = queries.find_municipal_years(policies.municipal_years.visible_to(user, Action.VIEW))
    return render(
        request,
        "directory/municipal_year_list.html",
        {
            "section": "municipal_years",
            "can_add": policies.can_add_municipal_year(user),
            **paginate(request, found),
        },
    )


@login_required
def municipal_year_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _detail(request, MUNICIPAL_YEARS, public_id)


@login_required
def municipal_year_create(request: HttpRequest) -> HttpResponse:
    return _create(request, MUNICIPAL_YEARS)


@login_required
def municipal_year_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    return _edit(request, MUNICIPAL_YEARS, public_id)
