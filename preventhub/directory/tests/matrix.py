"""Permission-matrix cases for every directory page (see preventhub/core/testing/matrix.py).

Who may do what: anyone with a role reads the directory; the Prevent lead, democratic services and
the administrator manage it all; a partner lead changes only their own organisation and its people.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, PARTNER_LEADS, Case
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory, WardFactory

MANAGERS = frozenset({"administrator", "prevent_lead", "democratic_services"})
SCHOOL_EDITORS = MANAGERS | {"partner_lead"}
COLLEGE_EDITORS = MANAGERS | {"other_partner_lead"}


def build(world: Any) -> None:
    world.school_person = PersonFactory.create(name="Mark Bennett", organisation=world.school)
    world.college_person = PersonFactory.create(name="Aisha Karim", organisation=world.college)
    world.ward = WardFactory.create(name="Abbey")
    world.municipal_year = MunicipalYearFactory.create(
        label="2016/17", starts_on=dt.date(2016, 5, 18), ends_on=dt.date(2017, 5, 16)
    )


def _id(attr: str) -> Any:
    return lambda w: {"public_id": getattr(w, attr).public_id}


def _organisation_post(w: Any) -> dict[str, Any]:
    return {
        "name": w.school.name,
        "sector": w.school.sector,
        "is_specified_authority": "on",
        "website": "https://www.northbridge-academy.example",
        "address": "",
        "version": w.school.version,
    }


def _person_post(w: Any) -> dict[str, Any]:
    return {
        "name": "Mark Bennett",
        "job_title": "Designated Safeguarding Lead",
        "organisation": str(w.school.public_id),
        "email": "",
        "phone": "",
        "version": w.school_person.version,
    }


CASES = [
    Case("directory:organisation_list", allowed=EVERY_ROLE),
    Case(
        "directory:organisation_list",
        allowed=EVERY_ROLE,
        query="q=North&sector=school&specified=yes",
    ),
    Case("directory:organisation_detail", allowed=EVERY_ROLE, kwargs=_id("school")),
    Case("directory:organisation_create", allowed=MANAGERS),
    Case("directory:organisation_edit", allowed=SCHOOL_EDITORS, kwargs=_id("school")),
    Case("directory:organisation_edit", allowed=COLLEGE_EDITORS, kwargs=_id("college")),
    Case(
        "directory:organisation_edit",
        allowed=SCHOOL_EDITORS,
        kwargs=_id("school"),
        method="post",
        data=_organisation_post,
        ok=(302,),
        note="saving the school's details",
    ),
    Case("directory:person_list", allowed=EVERY_ROLE),
    Case("directory:person_detail", allowed=EVERY_ROLE, kwargs=_id("school_person")),
    Case("directory:person_create", allowed=MANAGERS | PARTNER_LEADS),
    Case("directory:person_edit", allowed=SCHOOL_EDITORS, kwargs=_id("school_person")),
    Case("directory:person_edit", allowed=COLLEGE_EDITORS, kwargs=_id("college_person")),
    Case(
        "directory:person_edit",
        allowed=SCHOOL_EDITORS,
        kwargs=_id("school_person"),
        method="post",
        data=_person_post,
        ok=(302,),
        note="saving a school person's details",
    ),
    Case("directory:person_delete", allowed=SCHOOL_EDITORS, kwargs=_id("school_person")),
    Case("directory:person_delete", allowed=COLLEGE_EDITORS, kwargs=_id("college_person")),
    Case(
        "directory:person_delete",
        allowed=COLLEGE_EDITORS,
        kwargs=_id("college_person"),
        method="post",
        ok=(302,),
        note="deleting a college person",
    ),
    Case("directory:ward_list", allowed=EVERY_ROLE),
    Case("directory:ward_detail", allowed=EVERY_ROLE, kwargs=_id("ward")),
    Case("directory:ward_create", allowed=MANAGERS),
    Case("directory:ward_edit", allowed=MANAGERS, kwargs=_id("ward")),
    Case("directory:municipal_year_list", allowed=EVERY_ROLE),
    Case("directory:municipal_year_detail", allowed=EVERY_ROLE, kwargs=_id("municipal_year")),
    Case("directory:municipal_year_create", allowed=MANAGERS),
    Case("directory:municipal_year_edit", allowed=MANAGERS, kwargs=_id("municipal_year")),
    # The pickers' type-ahead searches: anyone who reads the directory.
    Case("directory:search_people", allowed=EVERY_ROLE, query="q=Mark", browse=False),
    Case("directory:search_people", allowed=EVERY_ROLE, query="q=Mark&format=json", browse=False),
    Case("directory:search_organisations", allowed=EVERY_ROLE, query="q=North", browse=False),
    Case("directory:search_wards", allowed=EVERY_ROLE, query="q=Abbey&format=json", browse=False),
]
