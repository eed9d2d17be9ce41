"""Permission-matrix cases for every API URL pattern (see preventhub/core/testing/matrix.py).

The matrix signs personas in with the session (the test client does not enforce CSRF); token auth
is covered in test_auth.py. Anonymous callers get 401 from every operation. Decisions:

- ``openapi.json`` is public: it describes the shape of the API, never any data, and API clients and
  tools (schemathesis, code generators) read it before they have a token.
- ``docs`` (Swagger UI) is for signed-in users, like every other page of the service; anonymous
  visitors are sent to sign in. It is not a GOV.UK page, so the browser walk does not visit it
  (test_docs_browser.py checks it in Chromium under the CSP instead).
- ``api-root`` (ninja's marker for the API's base address) and ``unknown_address`` (every other
  address under /api/v1/, answered with a JSON 404) are 404 for everyone.
- Lists answer 200 to every signed-in user, with only the rows their policy shows (none for an
  outsider); records outside that are 404; adding without the right is 403 (the collection exists).
"""

from __future__ import annotations

from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory, WardFactory

PARTNERSHIP_MANAGERS = frozenset({"prevent_lead", "democratic_services", "administrator"})
SCHOOL_MANAGERS = PARTNERSHIP_MANAGERS | {"partner_lead"}


def build(world: Any) -> None:
    world.api_person = PersonFactory.create(name="Sam Safeguarding", organisation=world.school)
    world.api_ward = WardFactory.create(name="Quayside (API)")
    world.api_year = MunicipalYearFactory.create()


def _api(url_name: str, **options: Any) -> Case:
    return Case(f"api:{url_name}", anonymous="401", browse=False, **options)


def _write(url_name: str, method: str, data: Any, **options: Any) -> Case:
    return _api(url_name, method=method, json=True, data=data, **options)


def _id(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _version(**fields: Any) -> Any:
    return lambda w: {"version": 1, **fields}


CASES = [
    Case("api:openapi-json", allowed=EVERYONE_SIGNED_IN, anonymous="public", browse=False),
    Case("api:openapi-view", allowed=EVERYONE_SIGNED_IN, anonymous="login", browse=False),
    Case("api:api-root", allowed=frozenset(), anonymous="404", browse=False),
    Case(
        "api:unknown_address",
        kwargs=lambda w: {"path": "no/such/thing"},
        allowed=frozenset(),
        anonymous="404",
        browse=False,
    ),
    # Organisations
    _api("directory_organisation_list", allowed=EVERYONE_SIGNED_IN),
    _api(
        "directory_organisation_list",
        allowed=EVERYONE_SIGNED_IN,
        query="search=academy&sector=school",
    ),
    _write(
        "directory_organisation_create",
        "post",
        lambda w: {"name": "Northbridge Sixth Form", "sector": "further_education"},
        allowed=PARTNERSHIP_MANAGERS,
        ok=(201,),
        denied=(403,),
    ),
    _api(
        "directory_organisation_detail",
        kwargs=lambda w: {"public_id": w.school.public_id},
        allowed=EVERY_ROLE,
    ),
    _write(
        "directory_organisation_update",
        "patch",
        _version(website="https://academy.example.org"),
        kwargs=lambda w: {"public_id": w.school.public_id},
        allowed=SCHOOL_MANAGERS,
    ),
    # People
    _api("directory_person_list", allowed=EVERYONE_SIGNED_IN),
    _api("directory_person_detail", kwargs=_id("api_person"), allowed=EVERY_ROLE),
    _write(
        "directory_person_create",
        "post",
        lambda w: {"name": "Nia New", "organisation": str(w.school.public_id)},
        allowed=SCHOOL_MANAGERS,
        ok=(201,),
        # 403 for those who cannot add people at all; 400 (on the organisation field) for the
        # other school's partner lead, who may add people but not to this organisation.
        denied=(403, 400),
    ),
    _write(
        "directory_person_update",
        "patch",
        _version(job_title="Designated safeguarding lead"),
        kwargs=_id("api_person"),
        allowed=SCHOOL_MANAGERS,
    ),
    _write(
        "directory_person_delete",
        "delete",
        lambda w: {},
        kwargs=_id("api_person"),
        allowed=SCHOOL_MANAGERS,
        ok=(204,),
    ),
    # Wards
    _api("directory_ward_list", allowed=EVERYONE_SIGNED_IN),
    _api("directory_ward_detail", kwargs=_id("api_ward"), allowed=EVERY_ROLE),
    _write(
        "directory_ward_create",
        "post",
        lambda w: {"name": "Riverside (API)", "code": "E05099102"},
        allowed=PARTNERSHIP_MANAGERS,
        ok=(201,),
        denied=(403,),
    ),
    _write(
        "directory_ward_update",
        "patch",
        _version(code="E05099009"),
        kwargs=_id("api_ward"),
        allowed=PARTNERSHIP_MANAGERS,
    ),
    # Municipal years
    _api("directory_municipal_year_list", allowed=EVERYONE_SIGNED_IN),
    _api("directory_municipal_year_detail", kwargs=_id("api_year"), allowed=EVERY_ROLE),
    _write(
        "directory_municipal_year_create",
        "post",
        lambda w: {"label": "2031/32", "starts_on": "2031-05-20", "ends_on": "2032-05-18"},
        allowed=PARTNERSHIP_MANAGERS,
        ok=(201,),
        denied=(403,),
    ),
    _write(
        "directory_municipal_year_update",
        "patch",
        lambda w: {"version": 1, "ends_on": w.api_year.ends_on.replace(day=18).isoformat()},
        kwargs=_id("api_year"),
        allowed=PARTNERSHIP_MANAGERS,
    ),
]
