"""Bad input never makes a 500: malformed JSON, wrong types, huge limits, unknown or malformed
UUIDs and unicode junk all get a JSON 4xx (test_schemathesis.py then explores the rest)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

ORGS = "/api/v1/directory/organisations"
PEOPLE = "/api/v1/directory/people"
YEARS = "/api/v1/directory/municipal-years"
UNKNOWN = "00000000-0000-4000-8000-000000000000"

GETS = [
    (f"{ORGS}?limit=1000000000000000000000000000000", 422),
    (f"{ORGS}?limit=201", 422),
    (f"{ORGS}?limit=0", 422),
    (f"{ORGS}?limit=abc", 422),
    (f"{ORGS}?offset=-1", 422),
    (f"{ORGS}?offset=99999999999999999999999", 422),
    (f"{ORGS}?sector=bogus", 422),
    (f"{ORGS}?search={'x' * 201}", 422),
    (f"{ORGS}?search=%00", 200),  # NUL becomes U+FFFD, as undecodable bytes do
    (f"{ORGS}?search=%ED%A0%80", 200),  # invalid UTF-8: Django decodes it to U+FFFD
    (f"{ORGS}?search={quote('‮ﷺ𝕏🏴\u200d☠️')}", 200),
    (f"{ORGS}/{UNKNOWN}", 404),
    (f"{ORGS}/not-a-uuid", 422),
    (f"{ORGS}/{quote('ünïcode')}", 422),
    (f"{ORGS}/{'9' * 400}", 422),
    (f"{PEOPLE}?organisation=not-a-uuid", 422),
    (f"{PEOPLE}?organisation={UNKNOWN}", 200),
    (f"{PEOPLE}/{UNKNOWN}", 404),
    (f"{YEARS}/{UNKNOWN}", 404),
]


@pytest.mark.parametrize(("path", "expected"), GETS, ids=[p for p, _ in GETS])
def test_bad_query_and_path_values_get_a_json_answer_not_a_500(api_as, path, expected):
    response = api_as("prevent_lead").get(path)

    assert response.status_code == expected
    assert response["Content-Type"].startswith("application/json")


BODIES = [
    ("POST", ORGS, b"{not json", 400),
    ("POST", ORGS, b"", 422),
    ("POST", ORGS, b"null", 422),
    ("POST", ORGS, b"[]", 422),
    ("POST", ORGS, b'"a string"', 422),
    ("POST", ORGS, b"\xff\xfe\x00garbage", 400),
    ("POST", ORGS, b'{"name": "\\u0000", "sector": "school"}', 201),  # stored as U+FFFD
    ("POST", ORGS, b'{"name": "\\ud800", "sector": "school"}', 201),
    ("POST", ORGS, b'{"name": 123, "sector": "school"}', 422),
    ("POST", ORGS, b'{"name": ["x"], "sector": "school"}', 422),
    ("POST", ORGS, b'{"name": "x", "sector": "nope"}', 422),
    ("POST", ORGS, b'{"name": "x", "sector": "school", "is_specified_authority": "maybe"}', 422),
    ("POST", ORGS, json.dumps({"name": "x" * 201, "sector": "school"}).encode(), 422),
    ("POST", ORGS, json.dumps({"name": "𝕏 ‮ 🏴\u200d☠️ ﷺ", "sector": "school"}).encode(), 201),
    (
        "POST",
        ORGS,
        json.dumps({"name": "Webbed", "sector": "school", "website": "http://[::1"}).encode(),
        400,
    ),
    ("POST", PEOPLE, json.dumps({"name": "x", "organisation": "nope"}).encode(), 422),
    ("POST", PEOPLE, json.dumps({"name": "x", "organisation": UNKNOWN}).encode(), 400),
    ("POST", PEOPLE, json.dumps({"name": "x", "email": "not an email"}).encode(), 400),
    (
        "POST",
        YEARS,
        json.dumps(
            {"label": "2024/25", "starts_on": "2024-02-30", "ends_on": "2025-05-01"}
        ).encode(),
        422,
    ),
    (
        "POST",
        YEARS,
        json.dumps(
            {"label": "2024/25", "starts_on": "0000-01-01", "ends_on": "2025-05-01"}
        ).encode(),
        422,
    ),
    (
        "POST",
        YEARS,
        json.dumps(
            {"label": "9999/00", "starts_on": "9999-05-01", "ends_on": "9999-12-31"}
        ).encode(),
        201,  # the far future is odd but valid
    ),
    ("PATCH", f"{ORGS}/{UNKNOWN}", b'{"version": 1}', 404),
    ("PATCH", f"{ORGS}/not-a-uuid", b'{"version": 1}', 422),
    ("PATCH", f"{ORGS}/{UNKNOWN}", b"{", 400),
    ("PATCH", f"{PEOPLE}/{UNKNOWN}", b'{"version": 99999999999999999999}', 422),
    ("DELETE", f"{PEOPLE}/{UNKNOWN}", b"", 404),
    ("PUT", ORGS, b"{}", 405),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    BODIES,
    ids=[f"{m} {p} {b[:40]!r}" for m, p, b, _ in BODIES],
)
def test_bad_bodies_get_a_json_4xx_not_a_500(api_as, method, path, body, expected):
    response = api_as("prevent_lead").send_raw(method, path, body)

    assert response.status_code == expected, response.content
    if expected != 405:
        assert response["Content-Type"].startswith("application/json")


def test_a_form_encoded_body_is_refused_as_unreadable(api_as):
    response = api_as("prevent_lead").send_raw(
        "POST", ORGS, "name=x&sector=school", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 400


def test_a_body_over_the_upload_limit_is_a_400(api_as, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = json.dumps({"name": "x", "sector": "school", "address": "y" * 2000}).encode()

    response = api_as("prevent_lead").send_raw("POST", ORGS, body)

    assert response.status_code == 400
    # The same shape as every 400 and 422: a list of problems (here, the request as a whole).
    assert response.json() == {
        "detail": [{"loc": [], "msg": "Bad request.", "type": "bad_request"}]
    }


def test_text_the_database_cannot_store_is_kept_with_replacement_characters(api_as):
    # The schema says "any string", so a NUL or a lone surrogate is not refused: each becomes
    # U+FFFD (PostgreSQL text cannot hold NUL, and no driver can encode a lone surrogate).
    body = b'{"name": "Nul\\u0000and\\ud800lone", "sector": "school"}'

    response = api_as("prevent_lead").send_raw("POST", ORGS, body)

    assert response.status_code == 201
    assert response.json()["name"] == "Nul\ufffdand\ufffdlone"


def test_validation_errors_locate_the_bad_field(api_as):
    response = api_as("prevent_lead").send_raw("POST", ORGS, b'{"name": "x", "sector": "nope"}')

    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "sector"] and error["msg"]


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing/here", f"{ORGS}/{UNKNOWN}/extra", "/api/v1/directory"]
)
def test_an_unknown_api_address_is_a_json_404(api_as, path):
    response = api_as("prevent_lead").get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
