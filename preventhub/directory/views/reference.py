"""Reference data the partnership manages centrally: wards and municipal years."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from preventhub.core.history import record_history
from preventhub.core.policies import Action

from .. import policies, queries, services
from ..forms import MunicipalYearForm, SearchForm, WardForm
from .common import (
    PAGINATION_TEMPLATES,
    edit_form,
    form_context,
    ordered_errors,
    paginate,
    require,
    save,
)

# Wards ------------------------------------------------------------------------------------------


@login_required
def ward_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(policies.can_view_directory(user))
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
            "filter_errors": ordered_errors(filters),
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
    require(policies.can_add_ward(request.user))
    form = WardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ward = save(form, lambda: services.create_ward(actor=request.user, **form.changes()))
        if ward is not None:
            messages.success(request, f"{ward.name} ward has been added.")
            return redirect("directory:ward_detail", public_id=ward.public_id)
    return render(request, "directory/ward_form.html", form_context(form, section="wards"))


@login_required
def ward_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    ward = policies.wards.get_or_404(request, Action.CHANGE, public_id=public_id)
    form = edit_form(WardForm, request, ward)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_ward(
                actor=request.user,
                ward=ward,
                data=form.changes(),
                expected_version=form.cleaned_data["version"],
            ),
            record=ward,
        )
        if saved is not None:
            messages.success(request, f"{saved.name} ward has been updated.")
            return redirect("directory:ward_detail", public_id=saved.public_id)
    return render(
        request, "directory/ward_form.html", form_context(form, section="wards", ward=ward)
    )


# Municipal years --------------------------------------------------------------------------------


@login_required
def municipal_year_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(policies.can_view_directory(user))
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
    require(policies.can_add_municipal_year(request.user))
    form = MunicipalYearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        year = save(
            form, lambda: services.create_municipal_year(actor=request.user, **form.changes())
        )
        if year is not None:
            messages.success(request, f"The municipal year {year.label} has been added.")
            return redirect("directory:municipal_year_detail", public_id=year.public_id)
    return render(
        request, "directory/municipal_year_form.html", form_context(form, section="municipal_years")
    )


@login_required
def municipal_year_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    year = policies.municipal_years.get_or_404(request, Action.CHANGE, public_id=public_id)
    form = edit_form(MunicipalYearForm, request, year)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_municipal_year(
                actor=request.user,
                municipal_year=year,
                data=form.changes(),
                expected_version=form.cleaned_data["version"],
            ),
            record=year,
        )
        if saved is not None:
            messages.success(request, f"The municipal year {saved.label} has been updated.")
            return redirect("directory:municipal_year_detail", public_id=saved.public_id)
    return render(
        request,
        "directory/municipal_year_form.html",
        form_context(form, section="municipal_years", year=year),
    )
