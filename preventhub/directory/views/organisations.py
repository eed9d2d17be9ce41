"""Partner organisations: find, read, add and change."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.core.history import record_history
from preventhub.core.pages import form_errors, form_page, paginate, require
from preventhub.core.policies import Action

from .. import policies, queries, services
from ..forms import OrganisationFilterForm, OrganisationForm
from ..models import Organisation

PEOPLE_SHOWN = 50
TEMPLATE = "directory/organisation_form.html"


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(request, policies.can_view_directory(user))
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
            "filter_errors": form_errors(filters),
            "filtered": any(request.GET.get(k) for k in filters.fields),
            "can_add": policies.can_add_organisation(user),
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
    require(request, policies.can_add_organisation(request.user), "add organisation")
    return form_page(
        request,
        OrganisationForm,
        template=TEMPLATE,
        save=lambda form: services.create_organisation(actor=request.user, **form.changes()),
        success=_detail_url,
        message=lambda organisation: f"{organisation.name} has been added.",
        context={"section": "organisations"},
    )


@login_required
def organisation_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    organisation = policies.organisations.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        OrganisationForm,
        template=TEMPLATE,
        instance=organisation,
        save=lambda form: services.update_organisation(
            actor=request.user,
            organisation=organisation,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success=_detail_url,
        message=lambda saved: f"{saved.name} has been updated.",
        context={"section": "organisations", "organisation": organisation},
    )


def _detail_url(organisation: Organisation) -> str:
    return reverse("directory:organisation_detail", kwargs={"public_id": organisation.public_id})
