"""The directory's REST API: organisations, people, wards and municipal years.

Thin like the views: each operation reads from a policy (lists from ``visible_to``, single records
through ``get_or_404`` so forbidden looks like missing and reads of people are audited), calls one
service in ``services.py`` for any change, and returns a schema. Records are addressed by their
public UUID only.

(No ``from __future__ import annotations`` here: ninja reads the operations' annotations at import
time to build their parameters, and string annotations such as ``Query[...]`` defeat it.)
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.api.schemas import Text, Unset
from preventhub.core.policies import Action

from . import policies, services
from .models import MunicipalYear, Organisation, Person, Sector, Ward

router = Router(tags=["directory"])


class Message(Schema):
    detail: Any


# Schemas -----------------------------------------------------------------------------------------


class Record(Schema):
    """Fields every directory record carries. ``version`` goes back with a PATCH."""

    id: UUID = Field(description="The record's public identifier.")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_id(obj: Any) -> UUID:
        return obj.public_id


# Required in every PATCH: the optimistic-concurrency check against the stored version.
Version = Field(
    ge=1, le=2**31 - 1, description="The version you last read (409 if it has changed)."
)


class OrganisationRef(Schema):
    id: UUID
    name: str

    @staticmethod
    def resolve_id(obj: Organisation) -> UUID:
        return obj.public_id


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


class OrganisationFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the name.")
    sector: Sector | None = None


class PersonSummary(Schema):
    """A person in a list: no contact details, because every read of those is audited (fetch the
    person to see them)."""

    id: UUID
    name: str
    job_title: str
    organisation: OrganisationRef | None

    @staticmethod
    def resolve_id(obj: Person) -> UUID:
        return obj.public_id


class PersonOut(Record):
    name: str
    job_title: str
    organisation: OrganisationRef | None
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


class PersonFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the name or job title.")
    organisation: UUID | None = Field(None, description="Only people in this organisation.")


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


def _changes(payload: Schema) -> tuple[dict[str, Any], int]:
    """The fields the client sent, and the version it last read."""
    data = payload.model_dump(exclude_unset=True)
    return data, data.pop("version")


def _forbid(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


# Organisations -----------------------------------------------------------------------------------


@router.get(
    "/organisations",
    response=list[OrganisationOut],
    url_name="directory_organisation_list",
    operation_id="directory_organisation_list",
    summary="List organisations",
)
@paginate(Pagination)
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationFilters]
) -> QuerySet[Organisation]:
    qs = policies.organisations.visible_to(request.user, Action.VIEW)
    if filters.search:
        qs = qs.filter(name__icontains=filters.search)
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    return qs.order_by("name", "pk")


@router.get(
    "/organisations/{public_id}",
    response=OrganisationOut,
    url_name="directory_organisation_detail",
    operation_id="directory_organisation_detail",
    summary="Get an organisation",
)
def get_organisation(request: HttpRequest, public_id: UUID) -> Organisation:
    return policies.organisations.get_or_404(request, Action.VIEW, public_id=public_id)


@router.post(
    "/organisations",
    response={201: OrganisationOut, 400: Message, 403: Message},
    url_name="directory_organisation_create",
    operation_id="directory_organisation_create",
    summary="Add an organisation",
)
def create_organisation(request: HttpRequest, payload: OrganisationIn) -> Status:
    _forbid(policies.can_add_organisation(request.user), "You cannot add organisations.")
    return Status(201, services.create_organisation(actor=request.user, **payload.model_dump()))


@router.patch(
    "/organisations/{public_id}",
    response={200: OrganisationOut, 400: Message, 404: Message, 409: Message},
    url_name="directory_organisation_update",
    operation_id="directory_organisation_update",
    summary="Change an organisation",
)
def update_organisation(
    request: HttpRequest, public_id: UUID, payload: OrganisationPatch
) -> Organisation:
    organisation = policies.organisations.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = _changes(payload)
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


@router.get(
    "/people",
    response=list[PersonSummary],
    url_name="directory_person_list",
    operation_id="directory_person_list",
    summary="List people",
)
@paginate(Pagination)
def list_people(request: HttpRequest, filters: Query[PersonFilters]) -> QuerySet[Person]:
    qs = _people(request, Action.VIEW)
    if filters.search:
        qs = qs.filter(Q(name__icontains=filters.search) | Q(job_title__icontains=filters.search))
    if filters.organisation:
        qs = qs.filter(organisation__public_id=filters.organisation)
    return qs.order_by("name", "pk")


@router.get(
    "/people/{public_id}",
    response=PersonOut,
    url_name="directory_person_detail",
    operation_id="directory_person_detail",
    summary="Get a person (audited: their contact details are personal data)",
)
def get_person(request: HttpRequest, public_id: UUID) -> Person:
    # get_or_404 writes directory.person_viewed, exactly as the person's page does.
    return policies.people.get_or_404(
        request, Action.VIEW, queryset=_people(request, Action.VIEW), public_id=public_id
    )


@router.post(
    "/people",
    response={201: PersonOut, 400: Message, 403: Message},
    url_name="directory_person_create",
    operation_id="directory_person_create",
    summary="Add a person",
)
def create_person(request: HttpRequest, payload: PersonIn) -> Status:
    _forbid(policies.can_add_person(request.user), "You cannot add people.")
    data = payload.model_dump()
    data["organisation"] = _placement(request, data["organisation"])
    return Status(201, services.create_person(actor=request.user, **data))


@router.patch(
    "/people/{public_id}",
    response={200: PersonOut, 400: Message, 404: Message, 409: Message},
    url_name="directory_person_update",
    operation_id="directory_person_update",
    summary="Change a person",
)
def update_person(request: HttpRequest, public_id: UUID, payload: PersonPatch) -> Person:
    person = policies.people.get_or_404(
        request, Action.CHANGE, queryset=_people(request, Action.CHANGE), public_id=public_id
    )
    data, version = _changes(payload)
    if "organisation" in data:
        current = person.organisation.public_id if person.organisation else None
        if data["organisation"] == current:
            data["organisation"] = person.organisation
        else:
            data["organisation"] = _placement(request, data["organisation"])
    return services.update_person(
        actor=request.user, person=person, data=data, expected_version=version
    )


@router.delete(
    "/people/{public_id}",
    response={204: None, 404: Message, 409: Message},
    url_name="directory_person_delete",
    operation_id="directory_person_delete",
    summary="Delete a person",
)
def delete_person(request: HttpRequest, public_id: UUID) -> Status:
    person = policies.people.get_or_404(request, Action.DELETE, public_id=public_id)
    try:
        services.delete_person(actor=request.user, person=person)
    except services.PersonInUseError as exc:
        raise HttpError(409, str(exc)) from exc
    return Status(204, None)


# Wards -------------------------------------------------------------------------------------------


@router.get(
    "/wards",
    response=list[WardOut],
    url_name="directory_ward_list",
    operation_id="directory_ward_list",
    summary="List wards",
)
@paginate(Pagination)
def list_wards(request: HttpRequest) -> QuerySet[Ward]:
    return policies.wards.visible_to(request.user, Action.VIEW).order_by("name", "pk")


@router.get(
    "/wards/{public_id}",
    response=WardOut,
    url_name="directory_ward_detail",
    operation_id="directory_ward_detail",
    summary="Get a ward",
)
def get_ward(request: HttpRequest, public_id: UUID) -> Ward:
    return policies.wards.get_or_404(request, Action.VIEW, public_id=public_id)


@router.post(
    "/wards",
    response={201: WardOut, 400: Message, 403: Message},
    url_name="directory_ward_create",
    operation_id="directory_ward_create",
    summary="Add a ward",
)
def create_ward(request: HttpRequest, payload: WardIn) -> Status:
    _forbid(policies.can_add_ward(request.user), "You cannot add wards.")
    return Status(201, services.create_ward(actor=request.user, **payload.model_dump()))


@router.patch(
    "/wards/{public_id}",
    response={200: WardOut, 400: Message, 404: Message, 409: Message},
    url_name="directory_ward_update",
    operation_id="directory_ward_update",
    summary="Change a ward",
)
def update_ward(request: HttpRequest, public_id: UUID, payload: WardPatch) -> Ward:
    ward = policies.wards.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = _changes(payload)
    return services.update_ward(actor=request.user, ward=ward, data=data, expected_version=version)


# Municipal years ---------------------------------------------------------------------------------


@router.get(
    "/municipal-years",
    response=list[MunicipalYearOut],
    url_name="directory_municipal_year_list",
    operation_id="directory_municipal_year_list",
    summary="List municipal years (latest first)",
)
@paginate(Pagination)
def list_municipal_years(request: HttpRequest) -> QuerySet[MunicipalYear]:
    return policies.municipal_years.visible_to(request.user, Action.VIEW).order_by(
        "-starts_on", "pk"
    )


@router.get(
    "/municipal-years/{public_id}",
    response=MunicipalYearOut,
    url_name="directory_municipal_year_detail",
    operation_id="directory_municipal_year_detail",
    summary="Get a municipal year",
)
def get_municipal_year(request: HttpRequest, public_id: UUID) -> MunicipalYear:
    return policies.municipal_years.get_or_404(request, Action.VIEW, public_id=public_id)


@router.post(
    "/municipal-years",
    response={201: MunicipalYearOut, 400: Message, 403: Message},
    url_name="directory_municipal_year_create",
    operation_id="directory_municipal_year_create",
    summary="Add a municipal year",
)
def create_municipal_year(request: HttpRequest, payload: MunicipalYearIn) -> Status:
    _forbid(policies.can_add_municipal_year(request.user), "You cannot add municipal years.")
    return Status(201, services.create_municipal_year(actor=request.user, **payload.model_dump()))


@router.patch(
    "/municipal-years/{public_id}",
    response={200: MunicipalYearOut, 400: Message, 404: Message, 409: Message},
    url_name="directory_municipal_year_update",
    operation_id="directory_municipal_year_update",
    summary="Change a municipal year",
)
def update_municipal_year(
    request: HttpRequest, public_id: UUID, payload: MunicipalYearPatch
) -> MunicipalYear:
    year = policies.municipal_years.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = _changes(payload)
    return services.update_municipal_year(
        actor=request.user, municipal_year=year, data=data, expected_version=version
    )
