"""Every change to the directory: verb-named, keyword-only, taking the acting user.

Each service checks the actor may make the change (the view has usually checked already; the API
and commands rely on this), saves through ``core.services`` so the change is validated, versioned
and audited in one transaction, and names the actor as the django-simple-history user so record
history says who made the change even outside a web request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import ProtectedError

from preventhub.accounts.models import User
from preventhub.core.policies import Action
from preventhub.core.services import create_record, delete_record, update_record

from . import audit_actions as codes
from . import policies
from .models import MunicipalYear, Organisation, Person, Ward
from .validators import check_municipal_year

ORGANISATION_FIELDS = ("name", "sector", "is_specified_authority", "website", "address")
PERSON_FIELDS = ("name", "job_title", "organisation", "email", "phone")
WARD_FIELDS = ("name", "code")
MUNICIPAL_YEAR_FIELDS = ("label", "starts_on", "ends_on")


class PersonInUseError(Exception):
    """The person cannot be deleted because something still refers to them."""


def _by(instance: models.Model, actor: Any) -> None:
    """Tell django-simple-history who is acting (it otherwise relies on the current request)."""
    # django-simple-history reads this undeclared attribute.
    instance._history_user = actor if getattr(actor, "is_authenticated", False) else None  # type: ignore[attr-defined]


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _only(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    return data


# Organisations -----------------------------------------------------------------------------------


def create_organisation(
    *,
    actor: Any,
    name: str,
    sector: str,
    is_specified_authority: bool = False,
    website: str = "",
    address: str = "",
) -> Organisation:
    _require(policies.can_add_organisation(actor))
    organisation = Organisation(
        name=name,
        sector=sector,
        is_specified_authority=is_specified_authority,
        website=website,
        address=address,
    )
    _by(organisation, actor)
    return create_record(actor=actor, instance=organisation, action=codes.ORGANISATION_CREATED)


def update_organisation(
    *, actor: Any, organisation: Organisation, data: dict[str, Any], expected_version: int | None
) -> Organisation:
    _require(policies.organisations.can(actor, Action.CHANGE, organisation))
    _by(organisation, actor)
    return update_record(
        actor=actor,
        instance=organisation,
        data=_only(data, ORGANISATION_FIELDS),
        expected_version=expected_version,
        action=codes.ORGANISATION_UPDATED,
    )


# People ------------------------------------------------------------------------------------------


def create_person(
    *,
    actor: Any,
    name: str,
    organisation: Organisation | None,
    job_title: str = "",
    email: str = "",
    phone: str = "",
) -> Person:
    _require(policies.can_add_person(actor) and policies.may_place_person_in(actor, organisation))
    person = Person(
        name=name, organisation=organisation, job_title=job_title, email=email, phone=phone
    )
    _by(person, actor)
    return create_record(actor=actor, instance=person, action=codes.PERSON_CREATED)


def update_person(
    *, actor: Any, person: Person, data: dict[str, Any], expected_version: int | None
) -> Person:
    _require(policies.people.can(actor, Action.CHANGE, person))
    if "organisation" in data and data["organisation"] != person.organisation:
        # A partner lead may not move someone into an organisation they do not manage.
        _require(policies.may_place_person_in(actor, data["organisation"]))
    _by(person, actor)
    return update_record(
        actor=actor,
        instance=person,
        data=_only(data, PERSON_FIELDS),
        expected_version=expected_version,
        action=codes.PERSON_UPDATED,
    )


def person_in_use_reason(person: Person) -> str:
    """Why the person cannot be deleted, or "" if they can."""
    if User.objects.filter(person=person).exists():
        return (
            f"{person.name} has a login to this service. Remove the link from their account first."
        )
    return ""


def delete_person(*, actor: Any, person: Person) -> None:
    """Delete someone nobody refers to; raise PersonInUseError otherwise (nothing is changed)."""
    _require(policies.people.can(actor, Action.DELETE, person))
    if reason := person_in_use_reason(person):
        raise PersonInUseError(reason)
    _by(person, actor)
    try:
        delete_record(actor=actor, instance=person, action=codes.PERSON_DELETED)
    except ProtectedError as exc:
        # Other modules protect the people they refer to (memberships, action owners...).
        where = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
        raise PersonInUseError(
            f"{person.name} is still named in {', '.join(where)}. Remove them there first."
        ) from exc


# Wards -------------------------------------------------------------------------------------------


def create_ward(*, actor: Any, name: str, code: str = "") -> Ward:
    _require(policies.can_add_ward(actor))
    ward = Ward(name=name, code=code)
    _by(ward, actor)
    return create_record(actor=actor, instance=ward, action=codes.WARD_CREATED)


def update_ward(
    *, actor: Any, ward: Ward, data: dict[str, Any], expected_version: int | None
) -> Ward:
    _require(policies.wards.can(actor, Action.CHANGE, ward))
    _by(ward, actor)
    return update_record(
        actor=actor,
        instance=ward,
        data=_only(data, WARD_FIELDS),
        expected_version=expected_version,
        action=codes.WARD_UPDATED,
    )


# Municipal years ---------------------------------------------------------------------------------


def create_municipal_year(
    *, actor: Any, label: str, starts_on: dt.date, ends_on: dt.date
) -> MunicipalYear:
    _require(policies.can_add_municipal_year(actor))
    check_municipal_year(label, starts_on, ends_on)
    year = MunicipalYear(label=label, starts_on=starts_on, ends_on=ends_on)
    _by(year, actor)
    return create_record(actor=actor, instance=year, action=codes.MUNICIPAL_YEAR_CREATED)


def update_municipal_year(
    *, actor: Any, municipal_year: MunicipalYear, data: dict[str, Any], expected_version: int | None
) -> MunicipalYear:
    _require(policies.municipal_years.can(actor, Action.CHANGE, municipal_year))
    _only(data, MUNICIPAL_YEAR_FIELDS)
    check_municipal_year(
        data.get("label", municipal_year.label),
        data.get("starts_on", municipal_year.starts_on),
        data.get("ends_on", municipal_year.ends_on),
    )
    _by(municipal_year, actor)
    return update_record(
        actor=actor,
        instance=municipal_year,
        data=data,
        expected_version=expected_version,
        action=codes.MUNICIPAL_YEAR_UPDATED,
    )
