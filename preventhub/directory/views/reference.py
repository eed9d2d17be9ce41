"""Reference data the partnership manages centrally: wards and municipal years."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.core.history import record_history
from preventhub.core.pages import form_errors, form_page, require
from preventhub.core.policies import Action

from .. import policies, queries, services
from ..forms import MunicipalYearForm, SearchForm, WardForm
from .common import PAGINATION_TEMPLATES, paginate

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
            "pagination_templates": PAGINATION_TEMPLATES,
            **paginate(request, found),
        },
    )


@login_required
def ward_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    ward = policies.wards.get_or_404(request, Action.VIEW, public_id=public_id)
    return render(
        request,
        "directory/ward_detail.html",
        {
            "section": "wards",
            "ward": ward,
            "can_change": policies.wards.can(request.user, Action.CHANGE, ward),
            "history": record_history(ward),
        },
    )


@login_required
def ward_create(request: HttpRequest) -> HttpResponse:
    require(request, policies.can_add_ward(request.user), "add ward")
    return form_page(
        request,
        WardForm,
        template="directory/ward_form.html",
        save=lambda form: services.create_ward(actor=request.user, **form.changes()),
        success=lambda ward: _url("ward_detail", ward),
        message=lambda ward: f"{ward.name} ward has been added.",
        context={"section": "wards"},
    )


@login_required
def ward_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    ward = policies.wards.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        WardForm,
        template="directory/ward_form.html",
        instance=ward,
        save=lambda form: services.update_ward(
            actor=request.user,
            ward=ward,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success=lambda saved: _url("ward_detail", saved),
        message=lambda saved: f"{saved.name} ward has been updated.",
        context={"section": "wards", "ward": ward},
    )


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
            "pagination_templates": PAGINATION_TEMPLATES,
            **paginate(request, found),
        },
    )


@login_required
def municipal_year_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    year = policies.municipal_years.get_or_404(request, Action.VIEW, public_id=public_id)
    return render(
        request,
        "directory/municipal_year_detail.html",
        {
            "section": "municipal_years",
            "year": year,
            "can_change": policies.municipal_years.can(request.user, Action.CHANGE, year),
            "history": record_history(year),
        },
    )


@login_required
def municipal_year_create(request: HttpRequest) -> HttpResponse:
    require(request, policies.can_add_municipal_year(request.user), "add municipal year")
    return form_page(
        request,
        MunicipalYearForm,
        template="directory/municipal_year_form.html",
        save=lambda form: services.create_municipal_year(actor=request.user, **form.changes()),
        success=lambda municipal_year: _url("municipal_year_detail", municipal_year),
        message=lambda municipal_year: f"The municipal year {municipal_year.label} has been added.",
        context={"section": "municipal_years"},
    )


@login_required
def municipal_year_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    year = policies.municipal_years.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        MunicipalYearForm,
        template="directory/municipal_year_form.html",
        instance=year,
        save=lambda form: services.update_municipal_year(
            actor=request.user,
            municipal_year=year,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success=lambda saved: _url("municipal_year_detail", saved),
        message=lambda saved: f"The municipal year {saved.label} has been updated.",
        context={"section": "municipal_years", "year": year},
    )


def _url(name: str, record: Any) -> str:
    return reverse(f"directory:{name}", kwargs={"public_id": record.public_id})
