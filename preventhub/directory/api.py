"""The directory's REST API: organisations, people, wards and municipal years.

Thin like the views: each operation reads from a policy (lists from ``visible_to``, single records
through ``get_or_404`` so forbidden looks like missing and reads of people are audited), calls one
service in ``services.py`` for any change, and returns a schema. Records are addressed by their
public UUID only.

(No ``from __future__ import annotations`` here: ninja reads the operations' annotations at import
time to build their parameters, and string annotations such as ``Query[...]`` defeat it.)
"""

import datetime as dt
from typing import Annotated
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from preventhub.core.api.filters import FilterLookup, Filters, search
from preventhub.core.api.lookups import forbid
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Identified, Named, Record, Text, Unset, Version, changes
from preventhub.core.policies import Action

from . import policies, services
from .models import MunicipalYear, Organisation, Person, Sector, Ward

ops = Operations(tags=["directory"])
router = ops.router

# Schemas -----------------------------------------------------------------------------------------


class OrganisationOut(Record):
    name: str
    sector: Sector
    sector_label: str
    is_specified_authority: bool
    website: str
    address: str

    @staticmethod
    def resolve_sector_label(obj: Organisation) -> str:
        return obj.get_sector_display()


class OrganisationIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    sector: Sector
    is_specified_authority: bool = False
    website: Text = Field("", max_length=200)
    address: Text = Field("", max_length=2000)


class OrganisationPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=200)
    sector: Sector = Unset()
    is_specified_authority: bool = Unset()
    website: Text = Unset(max_length=200)
    address: Text = Unset(max_length=2000)


class OrganisationFilters(Filters):
    search: Annotated[Text | None, FilterLookup("name__icontains")] = search("Part of the name.")
    sector: Sector | None = None


class PersonSummary(Identified):
    """A person in a list: no contact details, because every read of those is audited (fetch the
    person to see them)."""

    name: str
    job_title: str
    organisation: Named | None


class PersonOut(Record):
    name: str
    job_title: str
    organisation: Named | None
    email: str
    phone: str


class PersonIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    organisation: UUID | None = Field(None, description="The organisation's id; omit for none.")
    job_title: Text = Field("", max_length=200)
    email: Text = Field("", max_length=254)
    phone: Text = Field("", max_length=40)


class PersonPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=200)
    organisation: UUID | None = Unset(description="The organisation's id, or null for none.")
    job_title: Text = Unset(max_length=200)
    email: Text = Unset(max_length=254)
    phone: Text = Unset(max_length=40)


class PersonFilters(Filters):
    search: Annotated[Text | None, FilterLookup(["name__icontains", "job_title__icontains"])] = (
        search("Part of the name or job title.")
    )
    organisation: Annotated[UUID | None, FilterLookup("organisation__public_id")] = Field(
        None, description="Only people in this organisation."
    )


class WardOut(Record):
    name: str
    code: str


class WardIn(Schema):
    name: Text = Field(min_length=1, max_length=120)
    code: Text = Field("", max_length=9, description="The nine-character GSS code.")


class WardPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=120)
    code: Text = Unset(max_length=9)


# The shape only; services check that the second year follows the first and matches the dates.
LABEL_PATTERN = r"^[0-9]{4}/[0-9]{2}$"


class MunicipalYearOut(Record):
    label: str
    starts_on: dt.date
    ends_on: dt.date


class MunicipalYearIn(Schema):
    label: Text = Field(pattern=LABEL_PATTERN, description="For example 2016/17.")
    starts_on: dt.date
    ends_on: dt.date


class MunicipalYearPatch(Schema):
    version: int = Version
    label: Text = Unset(pattern=LABEL_PATTERN)
    starts_on: dt.date = Unset()
    ends_on: dt.date = Unset()


# Organisations -----------------------------------------------------------------------------------


@ops.list(
    "/organisations",
    OrganisationOut,
    name="directory_organisation_list",
    summary="List organisations",
)
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationFilters]
) -> QuerySet[Organisation]:
    qs = policies.organisations.visible_to(request.user, Action.VIEW)
    return filters.filter(qs).order_by("name", "pk")


@ops.read(
    "/organisations/{public_id}",
    OrganisationOut,
    name="directory_organisation_detail",
    summary="Get an organisation",
)
def get_organisation(request: HttpRequest, public_id: UUID) -> Organisation:
    return policies.organisations.get_or_404(request, Action.VIEW, public_id=public_id)


@ops.create(
    "/organisations",
    OrganisationOut,
    name="directory_organisation_create",
    summary="Add an organisation",
)
def create_organisation(request: HttpRequest, payload: OrganisationIn) -> Organisation:
    forbid(policies.can_add_organisation(request.user), "You cannot add organisations.")
    return services.create_organisation(actor=request.user, **payload.model_dump())


@ops.update(
    "/organisations/{public_id}",
    OrganisationOut,
    name="directory_organisation_update",
    summary="Change an organisation",
)
def update_organisation(
    request: HttpRequest, public_id: UUID, payload: OrganisationPatch
) -> Organisation:
    organisation = policies.organisations.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = changes(payload)
    return services.update_organisation(
        actor=request.user, organisation=organisation, data=data, expected_version=version
    )


# People ------------------------------------------------------------------------------------------


def _people(request: HttpRequest, action: Action) -> QuerySet[Person]:
    return policies.people.visible_to(request.user, action).select_related("organisation")


CHOOSE_ORGANISATION = "Choose the organisation this person works for."
UNKNOWN_ORGANISATION = "There is no organisation with that id that you can add people to."


def _placement(request: HttpRequest, organisation_id: UUID | None) -> Organisation | None:
    """The organisation a person is to be placed in, checked against what this user may do, with
    the refusal reported on the field (an organisation they cannot use reads as unknown)."""
    if organisation_id is None:
        if not policies.may_place_person_in(request.user, None):
            raise ValidationError({"organisation": [CHOOSE_ORGANISATION]})
        return None
    organisation = (
        policies.organisations_for_new_person(request.user)
        .filter(public_id=organisation_id)
        .first()
    )
    if organisation is None:
        raise ValidationError({"organisation": [UNKNOWN_ORGANISATION]})
    return organisation


@ops.list("/people", PersonSummary, name="directory_person_list", summary="List people")
def list_people(request: HttpRequest, filters: Query[PersonFilters]) -> QuerySet[Person]:
    return filters.filter(_people(request, Action.VIEW)).order_by("name", "pk")


@ops.read(
    "/people/{public_id}",
    PersonOut,
    name="directory_person_detail",
    summary="Get a person (audited: their contact details are personal data)",
)
def get_person(request: HttpRequest, public_id: UUID) -> Person:
    # get_or_404 writes directory.person_viewed, exactly as the person's page does.
    return policies.people.get_or_404(
        request, Action.VIEW, queryset=_people(request, Action.VIEW), public_id=public_id
    )


@ops.create("/people", PersonOut, name="directory_person_create", summary="Add a person")
def create_person(request: HttpRequest, payload: PersonIn) -> Person:
    forbid(policies.can_add_person(request.user), "You cannot add people.")
    data = payload.model_dump()
    data["organisation"] = _placement(request, data["organisation"])
    return services.create_person(actor=request.user, **data)


@ops.update(
    "/people/{public_id}", PersonOut, name="directory_person_update", summary="Change a person"
)
def update_person(request: HttpRequest, public_id: UUID, payload: PersonPatch) -> Person:
    person = policies.people.get_or_404(
        request, Action.CHANGE, queryset=_people(request, Action.CHANGE), public_id=public_id
    )
    data, version = changes(payload)
    if "organisation" in data:
        current = person.organisation.public_id if person.organisation else None
        if data["organisation"] == current:
            data["organisation"] = person.organisation
        else:
            data["organisation"] = _placement(request, data["organisation"])
    return services.update_person(
        actor=request.user, person=person, data=data, expected_version=version
    )


@ops.delete("/people/{public_id}", name="directory_person_delete", summary="Delete a person")
def delete_person(request: HttpRequest, public_id: UUID) -> None:
    person = policies.people.get_or_404(request, Action.DELETE, public_id=public_id)
    try:
        services.delete_person(actor=request.user, person=person)
    except services.PersonInUseError as exc:
        raise HttpError(409, str(exc)) from exc


# Wards -------------------------------------------------------------------------------------------


@ops.list("/wards", WardOut, name="directory_ward_list", summary="List wards")
def list_wards(request: HttpRequest) -> QuerySet[Ward]:
    return policies.wards.visible_to(request.user, Action.VIEW).order_by("name", "pk")


@ops.read("/wards/{public_id}", WardOut, name="directory_ward_detail", summary="Get a ward")
def get_ward(request: HttpRequest, public_id: UUID) -> Ward:
    return policies.wards.get_or_404(request, Action.VIEW, public_id=public_id)


@ops.create("/wards", WardOut, name="directory_ward_create", summary="Add a ward")
def create_ward(request: HttpRequest, payload: WardIn) -> Ward:
    forbid(policies.can_add_ward(request.user), "You cannot add wards.")
    return services.create_ward(actor=request.user, **payload.model_dump())


@ops.update("/wards/{public_id}", WardOut, name="directory_ward_update", summary="Change a ward")
def update_ward(request: HttpRequest, public_id: UUID, payload: WardPatch) -> Ward:
    ward = policies.wards.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = changes(payload)
    return services.update_ward(actor=request.user, ward=ward, data=data, expected_version=version)


# Municipal years ---------------------------------------------------------------------------------


@ops.list(
    "/municipal-years",
    MunicipalYearOut,
    name="directory_municipal_year_list",
    summary="List municipal years (latest first)",
)
def list_municipal_years(request: HttpRequest) -> QuerySet[MunicipalYear]:
    return policies.municipal_years.visible_to(request.user, Action.VIEW).order_by(
        "-starts_on", "pk"
    )


@ops.read(
    "/municipal-years/{public_id}",
    MunicipalYearOut,
    name="directory_municipal_year_detail",
    summary="Get a municipal year",
)
def get_municipal_year(request: HttpRequest, public_id: UUID) -> MunicipalYear:
    return policies.municipal_years.get_or_404(request, Action.VIEW, public_id=public_id)


@ops.create(
    "/municipal-years",
    MunicipalYearOut,
    name="directory_municipal_year_create",
    summary="Add a municipal year",
)
def create_municipal_year(request: HttpRequest, payload: MunicipalYearIn) -> MunicipalYear:
    forbid(policies.can_add_municipal_year(request.user), "You cannot add municipal years.")
    return services.create_municipal_year(actor=request.user, **payload.model_dump())


@ops.update(
    "/municipal-years/{public_id}",
    MunicipalYearOut,
    name="directory_municipal_year_update",
    summary="Change a municipal year",
)
def update_municipal_year(
    request: HttpRequest, public_id: UUID, payload: MunicipalYearPatch
) -> MunicipalYear:
    year = policies.municipal_years.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = changes(payload)
    return services.update_municipal_year(
        actor=request.user, municipal_year=year, data=data, expected_version=version
    )
