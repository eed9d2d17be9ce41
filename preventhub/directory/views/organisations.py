"""Partner organisations: find, read, add and change."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from preventhub.core.history import record_history
from preventhub.core.policies import Action

from .. import policies, queries, services
from ..forms import OrganisationFilterForm, OrganisationForm
from .common import (
    PAGINATION_TEMPLATES,
    edit_form,
    form_context,
    ordered_errors,
    paginate,
    require,
    save,
)

PEOPLE_SHOWN = 50


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(policies.can_view_directory(user))
    filters = OrganisationFilterForm(request.GET)
    found = policies.organisations.visible_to(user, Action.VIEW)
    if filters.is_valid():
        found = queries.find_organisations(found, **filters.cleaned_data)
    else:
        found = queries.find_organisations(found)
    return render(
        request,
        "directory/organisation_list.html",
        {
            "section": "organisations",
            "filters": filters,
            "filter_errors": ordered_errors(filters),
            "filtered": any(request.GET.get(k) for k in filters.fields),
            "can_add": policies.can_add_organisation(user),
            "pagination_templates": PAGINATION_TEMPLATES,
            **paginate(request, found),
        },
    )


@login_required
def organisation_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    user = request.user
    organisation = policies.organisations.get_or_404(request, Action.VIEW, public_id=public_id)
    people = (
        policies.people.visible_to(user, Action.VIEW)
        .filter(organisation=organisation)
        .order_by("name", "pk")
    )
    return render(
        request,
        "directory/organisation_detail.html",
        {
            "section": "organisations",
            "organisation": organisation,
            "people": people[:PEOPLE_SHOWN],
            "people_count": people.count(),
            "can_change": policies.organisations.can(user, Action.CHANGE, organisation),
            "can_add_person": policies.can_add_person(user)
            and policies.may_place_person_in(user, organisation),
            "history": record_history(organisation),
        },
    )


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    require(policies.can_add_organisation(request.user))
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = save(
            form, lambda: services.create_organisation(actor=request.user, **form.changes())
        )
        if organisation is not None:
            messages.success(request, f"{organisation.name} has been added.")
            return redirect("directory:organisation_detail", public_id=organisation.public_id)
    return render(
        request, "directory/organisation_form.html", form_context(form, section="organisations")
    )


@login_required
def organisation_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = policies.organisations.get_or_404(request, Action.CHANGE, public_id=public_id)
    form = edit_form(OrganisationForm, request, organisation)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_organisation(
                actor=request.user,
                organisation=organisation,
                data=form.changes(),
                expected_version=form.cleaned_data["version"],
            ),
            record=organisation,
        )
        if saved is not None:
            messages.success(request, f"{saved.name} has been updated.")
            return redirect("directory:organisation_detail", public_id=saved.public_id)
    return render(
        request,
        "directory/organisation_form.html",
        form_context(form, section="organisations", organisation=organisation),
    )
