"""The API toolkit (preventhub/core/api): the one error map every operation documents, the error
shapes with field-level detail, the page envelope, list filters, the query parameters an
operation takes, and the no-store header on every answer to a token."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest

from preventhub.api.api import api
from preventhub.core.api.errors import ERRORS
from preventhub.core.testing.api import url
from preventhub.directory.models import Sector
from preventhub.directory.testing import OrganisationFactory, PersonFactory

ORGS = url("directory_organisation_list")
PEOPLE = url("directory_person_list")


@pytest.fixture(scope="module")
def schema():
    return api.get_openapi_schema()


def _response_schema(schema, path: str, method: str, code: int) -> str:
    response = schema["paths"][path][method]["responses"][code]
    return response["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]


def test_every_operation_documents_the_errors_it_can_answer_from_the_one_map(schema):
    operations = [
        (path, method, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    prefixes = {path.split("/")[3] for path, _, _ in operations}
    assert prefixes == {"directory", "governance", "plan", "risk"}
    assert len(operations) > 150
    for path, method, operation in operations:
        codes = {int(code) for code in operation["responses"]}
        expected = {400, 401, 403, 422}
        expected |= {404} if "{" in path else set()
        expected |= {409} if method != "get" else set()
        assert codes - {200, 201, 204} == expected, (method, path)
        for code in expected:
            assert operation["responses"][code]["description"] == ERRORS[code][1]


def test_no_two_schema_classes_share_an_openapi_name():
    """django-ninja names a component after its class and keeps the first class of a name it
    meets, so two modules' ``ActionIn`` would validate one module's requests against the other's
    fields. Every schema class the API uses must have a name of its own."""
    seen: dict[str, set[str]] = {}
    for _prefix, router in api._routers:
        for path_operations in router.path_operations.values():
            for operation in path_operations.operations:
                models = [*operation.models, *operation.response_models.values()]
                for model in models:
                    for cls in _schema_classes(model):
                        seen.setdefault(cls.__name__, set()).add(
                            f"{cls.__module__}.{cls.__qualname__}"
                        )
    shared = {name: sorted(paths) for name, paths in seen.items() if len(paths) > 1}
    assert shared == {}


def _schema_classes(model: Any) -> list[type]:
    """The pydantic classes reachable from ``model`` through its fields."""
    found: list[type] = []
    stack: list[Any] = [model]
    while stack:
        current = stack.pop()
        if not isinstance(current, type) or current in found:
            continue
        if issubclass(current, enum.Enum):
            found.append(current)  # an enum is a component of its own name too
            continue
        if not hasattr(current, "model_fields"):
            continue
        found.append(current)
        fields: dict[str, Any] = getattr(current, "model_fields")  # noqa: B009 (a pydantic model)
        for field in fields.values():
            stack.extend(_types_in(field.annotation))
    return found


def _types_in(annotation):
    args = getattr(annotation, "__args__", None)
    if args:
        return [t for arg in args for t in _types_in(arg)]
    return [annotation]


def test_errors_are_documented_with_their_shapes(schema):
    components = schema["components"]["schemas"]
    assert _response_schema(schema, "/api/v1/directory/people", "post", 422) == "FieldErrors"
    assert _response_schema(schema, "/api/v1/directory/people", "post", 400) == "FieldErrors"
    assert _response_schema(schema, "/api/v1/directory/people", "post", 409) == "ErrorMessage"
    assert set(components["FieldError"]["properties"]) == {"loc", "msg", "type"}
    assert components["ErrorMessage"]["properties"]["detail"]["type"] == "string"


def test_a_422_locates_each_problem_at_its_field(api_as):
    body = {"name": "x" * 201, "sector": "nowhere"}

    response = api_as("prevent_lead").post(ORGS, body)

    assert response.status_code == 422
    problems = {tuple(p["loc"]): p for p in response.json()["detail"]}
    assert set(problems) == {("body", "payload", "name"), ("body", "payload", "sector")}
    assert problems[("body", "payload", "name")]["type"] == "string_too_long"
    assert all(p["msg"] for p in problems.values())


def test_a_400_for_a_rule_the_schema_cannot_state_has_the_same_shape(api_as):
    unknown = "00000000-0000-4000-8000-000000000000"

    response = api_as("prevent_lead").post(PEOPLE, {"name": "Nia New", "organisation": unknown})

    assert response.status_code == 400
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "payload", "organisation"]
    assert "no organisation with that id" in problem["msg"]


def test_an_unreadable_body_is_a_400_located_at_the_body(api_as):
    response = api_as("prevent_lead").send_raw("POST", ORGS, b"{not json")

    assert response.status_code == 400
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body"] and problem["type"] == "unreadable"


def test_lists_answer_in_the_page_envelope(api_as, schema):
    count = api_as("councillor").get(ORGS).json()["count"]
    OrganisationFactory.create(name="Abbey Primary School")
    OrganisationFactory.create(name="Zeal Primary School")

    response = api_as("councillor").get(ORGS, {"limit": 1})

    assert response.json().keys() == {"items", "count"}
    assert response.json()["count"] == count + 2 and len(response.json()["items"]) == 1
    paged = schema["components"]["schemas"]["PagedOrganisationOut"]
    assert set(paged["required"]) == {"items", "count"}
    assert paged["properties"]["items"]["items"]["$ref"].endswith("/OrganisationOut")


def test_list_filters_combine_their_lookups(api_as):
    school = OrganisationFactory.create(name="Quillfield Academy", sector=Sector.SCHOOL)
    OrganisationFactory.create(name="Quillfield Police", sector=Sector.POLICE)
    PersonFactory.create(name="Sam Teacher", job_title="Quillhead of year", organisation=school)
    PersonFactory.create(name="Quillhead Constable", job_title="Inspector")

    orgs = api_as("prevent_lead").get(ORGS, {"search": "quillfield", "sector": "school"})
    people = api_as("prevent_lead").get(PEOPLE, {"search": "quillhead"})  # name or job title
    at_school = api_as("prevent_lead").get(PEOPLE, {"organisation": str(school.public_id)})

    assert [o["name"] for o in orgs.json()["items"]] == ["Quillfield Academy"]
    assert [p["name"] for p in people.json()["items"]] == ["Quillhead Constable", "Sam Teacher"]
    assert [p["name"] for p in at_school.json()["items"]] == ["Sam Teacher"]


@pytest.mark.parametrize(
    ("query", "loc"),
    [
        ("serach=northbridge", ["query", "serach"]),  # misspelt: never silently lists everything
        ("search=a&search=b", ["query", "search"]),  # one value, given twice
        ("limit=1&limit=2", ["query", "limit"]),
    ],
)
def test_a_query_parameter_the_operation_does_not_take_is_a_422(api_as, query, loc):
    response = api_as("prevent_lead").get(f"{ORGS}?{query}")

    assert response.status_code == 422
    assert [p["loc"] for p in response.json()["detail"]] == [loc]


def test_every_answer_to_a_token_is_not_to_be_stored(api_as):
    client = api_as("prevent_lead")
    organisation = OrganisationFactory.create()

    answers = [
        client.get(ORGS),
        client.get(url("directory_organisation_detail", public_id=organisation.public_id)),
        client.post(ORGS, {"name": ""}),
        client.send_raw("POST", ORGS, json.dumps({"name": "x", "sector": "school"})),
    ]

    assert [a.status_code for a in answers] == [200, 200, 422, 201]
    assert all("no-store" in a["Cache-Control"] for a in answers)
