"""People the partnership works with: find, read (audited), add, change and delete."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from preventhub.core.forms import GovukForm
from preventhub.core.history import record_history
from preventhub.core.pages import form_errors, form_page, paginate, require
from preventhub.core.policies import Action

from .. import policies, queries, services
from ..forms import PersonFilterForm, PersonForm
from ..models import Person

TEMPLATE = "directory/person_form.html"
DELETE_TEMPLATE = "directory/person_delete.html"


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(request, policies.can_view_directory(user))
    filters = PersonFilterForm(
        request.GET, organisations=policies.organisations.visible_to(user, Action.VIEW)
    )
    found = policies.people.visible_to(user, Action.VIEW)
    found = (
        queries.find_people(found, **filters.cleaned_data)
        if filters.is_valid()
        else queries.find_people(found)
    )
    return render(
        request,
        "directory/person_list.html",
        {
            "section": "people",
            "filters": filters,
            "filter_errors": form_errors(filters),
            "filtered": any(request.GET.get(k) for k in filters.fields),
            "can_add": policies.can_add_person(user),
            **paginate(request, found),
        },
    )


@login_required
def person_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    user = request.user
    visible = policies.people.visible_to(user, Action.VIEW).select_related("organisation")
    # get_or_404 writes the directory.person_viewed audit event: contact details are personal data.
    person = policies.people.get_or_404(request, Action.VIEW, queryset=visible, public_id=public_id)
    can_change = policies.people.can(user, Action.CHANGE, person)
    return render(
        request,
        "directory/person_detail.html",
        {
            "section": "people",
            "person": person,
            "can_change": can_change,
            "can_delete": can_change and policies.people.can(user, Action.DELETE, person),
            "history": record_history(person),
        },
    )


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(request, policies.can_add_person(user), "add person")
    initial = {}
    if organisation_id := request.GET.get("organisation"):
        # Arriving from an organisation's page: start with that organisation chosen.
        initial["organisation"] = organisation_id
    return form_page(
        request,
        PersonForm,
        template=TEMPLATE,
        form_kwargs={"user": user},
        initial=initial,
        save=lambda form: services.create_person(actor=user, **form.changes()),
        success=_detail_url,
        message=lambda person: f"{person.name} has been added.",
        context={"section": "people"},
    )


@login_required
def person_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    user = request.user
    person = policies.people.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        PersonForm,
        template=TEMPLATE,
        instance=person,
        form_kwargs={"user": user},
        save=lambda form: services.update_person(
            actor=user,
            person=person,
            data=form.changes(),
            expected_version=form.cleaned_data["version"],
        ),
        success=_detail_url,
        message=lambda saved: f"{saved.name} has been updated.",
        context={"section": "people", "person": person},
    )


def _detail_url(person: Person) -> str:
    return reverse("directory:person_detail", kwargs={"public_id": person.public_id})


@login_required
def person_delete(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Confirm, then delete; someone still referred to is not offered the button (and a reference
    made between the page and the POST is refused by the service, with its reason shown)."""
    person = policies.people.get_or_404(request, Action.DELETE, public_id=public_id)
    context = {"section": "people", "person": person}
    if reason := services.person_in_use_reason(person):
        return render(request, DELETE_TEMPLATE, {**context, "reason": reason})

    def delete(form: GovukForm) -> None:
        try:
            services.delete_person(actor=request.user, person=person)
        except services.PersonInUseError as exc:
            raise ValidationError(str(exc)) from exc

    return form_page(
        request,
        GovukForm,
        template=DELETE_TEMPLATE,
        save=delete,
        success=reverse("directory:person_list"),
        message=f"{person.name} has been deleted.",
        context=lambda form: {**context, "reason": " ".join(map(str, form.non_field_errors()))},
    )
