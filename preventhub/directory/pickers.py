"""What the directory's pickers choose (see core/pickers.py): people, organisations and wards."""

from __future__ import annotations

from typing import Any

from preventhub.core.pickers import PickerSource, register_source

from .audit_actions import PEOPLE_SEARCHED
from .models import Organisation, Person, Ward


def describe_person(person: Any) -> str:
    """Name, job title and organisation: officers choose "the chief accountant", not a bare name."""
    organisation = person.organisation.name if person.organisation_id else ""
    return ", ".join(part for part in (person.name, person.job_title, organisation) if part)


def describe_ward(ward: Any) -> str:
    return f"{ward.name} ({ward.code})" if ward.code else str(ward.name)


PEOPLE = register_source(
    PickerSource(
        kind="people",
        model=Person,
        singular="person",
        plural="people",
        search_fields=("name", "job_title", "organisation__name"),
        order_by=("name", "id"),
        describe=describe_person,
        url_name="directory:search_people",
        related=("organisation",),
        search_action=PEOPLE_SEARCHED,
    )
)

ORGANISATIONS = register_source(
    PickerSource(
        kind="organisations",
        model=Organisation,
        singular="organisation",
        plural="organisations",
        search_fields=("name",),
        order_by=("name",),
        describe=lambda organisation: str(organisation.name),
        url_name="directory:search_organisations",
    )
)

WARDS = register_source(
    PickerSource(
        kind="wards",
        model=Ward,
        singular="ward",
        plural="wards",
        search_fields=("name", "code"),
        order_by=("name",),
        describe=describe_ward,
        url_name="directory:search_wards",
    )
)
