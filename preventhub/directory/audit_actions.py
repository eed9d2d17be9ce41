"""Audit action codes for the directory. Imported by the directory's services and API so the codes
are registered before any event using them is written."""

from __future__ import annotations

from preventhub.audit import registry

for _code, _label in [
    ("directory.organisation_created", "Organisation created"),
    ("directory.organisation_updated", "Organisation updated"),
    ("directory.person_created", "Person created"),
    ("directory.person_updated", "Person updated"),
    ("directory.person_deleted", "Person deleted"),
    ("directory.person_viewed", "Person viewed"),
    ("directory.ward_created", "Ward created"),
    ("directory.ward_updated", "Ward updated"),
    ("directory.municipal_year_created", "Municipal year created"),
    ("directory.municipal_year_updated", "Municipal year updated"),
]:
    registry.register(_code, _label)
