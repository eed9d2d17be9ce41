"""Directory pages. Each view parses the request, calls at most one service and renders."""

from .organisations import (
    organisation_create,
    organisation_detail,
    organisation_edit,
    organisation_list,
)
from .people import person_create, person_delete, person_detail, person_edit, person_list
from .reference import (
    municipal_year_create,
    municipal_year_detail,
    municipal_year_edit,
    municipal_year_list,
    ward_create,
    ward_detail,
    ward_edit,
    ward_list,
)

__all__ = [
    "municipal_year_create",
    "municipal_year_detail",
    "municipal_year_edit",
    "municipal_year_list",
    "organisation_create",
    "organisation_detail",
    "organisation_edit",
    "organisation_list",
    "person_create",
    "person_delete",
    "person_detail",
    "person_edit",
    "person_list",
    "ward_create",
    "ward_detail",
    "ward_edit",
    "ward_list",
]
