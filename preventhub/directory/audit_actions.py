"""Audit action codes for the directory (registered when the app is ready)."""

from __future__ import annotations

from preventhub.audit.registry import register

ORGANISATION_CREATED = register("directory.organisation_created", "Organisation added")
ORGANISATION_UPDATED = register("directory.organisation_updated", "Organisation changed")
PERSON_CREATED = register("directory.person_created", "Person added")
PERSON_UPDATED = register("directory.person_updated", "Person changed")
PERSON_DELETED = register("directory.person_deleted", "Person deleted")
PERSON_VIEWED = register("directory.person_viewed", "Person's contact details viewed")
WARD_CREATED = register("directory.ward_created", "Ward added")
WARD_UPDATED = register("directory.ward_updated", "Ward changed")
MUNICIPAL_YEAR_CREATED = register("directory.municipal_year_created", "Municipal year added")
MUNICIPAL_YEAR_UPDATED = register("directory.municipal_year_updated", "Municipal year changed")
PEOPLE_SEARCHED = register("directory.people_searched", "People searched (names shown in a picker)")
