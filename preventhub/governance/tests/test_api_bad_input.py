"""Bad input to the governance API never makes a 500: malformed JSON, wrong types, unknown choices,
dates no council means, malformed ids and junk text all get a JSON 4xx naming what is wrong
(test_api_schemathesis.py then explores the rest)."""

import json
from urllib.parse import quote

import pytest

from preventhub.governance.models import Body, Meeting
from preventhub.governance.tests.factories import BodyFactory, MeetingFactory

from .api_fixtures import clients

pytestmark = pytest.mark.django_db

BASE = "/api/v1/governance"
UNKNOWN = "00000000-0000-4000-8000-000000000000"

GETS = [
    (f"{BASE}/bodies?limit=0", 422),
    (f"{BASE}/bodies?limit=201", 422),
    (f"{BASE}/bodies?kind=parish", 422),
    (f"{BASE}/bodies?parent=not-a-uuid", 422),
    (f"{BASE}/bodies?is_public=perhaps", 422),
    (f"{BASE}/bodies?search=%00", 200),  # NUL becomes U+FFFD
    (f"{BASE}/bodies?search={'x' * 201}", 422),
    (f"{BASE}/bodies?search={quote('‮ﷺ𝕏🏴\u200d☠️')}", 200),
    (f"{BASE}/bodies/{UNKNOWN}", 404),
    (f"{BASE}/bodies/not-a-uuid", 422),
    (f"{BASE}/meetings?status=postponed", 422),
    (f"{BASE}/meetings?date_from=2016-02-30", 422),
    (f"{BASE}/meetings?date_from=0001-01-01", 422),
    (f"{BASE}/meetings?date_to=9999-12-31", 422),
    (f"{BASE}/meetings?municipal_year=2016/17", 422),
    (f"{BASE}/meetings?municipal_year={UNKNOWN}", 200),
    (f"{BASE}/meetings/{UNKNOWN}/attendance", 404),
    (f"{BASE}/meetings/{UNKNOWN}/declarations", 404),
    (f"{BASE}/reports?published_from=yesterday", 422),
    (f"{BASE}/decisions?decided_to=2016-13-01", 422),
    (f"{BASE}/decisions?kind=edict", 422),
    (f"{BASE}/group-memberships?on=soon", 422),
    (f"{BASE}/minutes/{'9' * 400}", 422),
    (f"{BASE}/no-such-thing", 404),
]


@pytest.fixture
def api_as(personas):
    return clients(personas)


@pytest.mark.parametrize(("path", "expected"), GETS, ids=[p for p, _ in GETS])
def test_bad_query_and_path_values_get_a_json_answer_not_a_500(api_as, path, expected):
    response = api_as("democratic_services").get(path)

    assert response.status_code == expected
    assert response["Content-Type"].startswith("application/json")


BODY = f"{BASE}/bodies"
MEETING = f"{BASE}/meetings"


def _bodies() -> list[tuple[str, bytes, int]]:
    return [
        (BODY, b"{not json", 400),
        (BODY, b"", 422),
        (BODY, b"[]", 422),
        (BODY, b'{"name": "\\u0000", "kind": "panel"}', 201),  # stored as U+FFFD
        (BODY, b'{"name": "\\ud800", "kind": "panel"}', 201),
        (BODY, b'{"name": "Panel", "kind": "parish"}', 422),
        (BODY, b'{"name": "Panel", "kind": "panel", "led_by": "nobody"}', 422),
        (BODY, b'{"name": "Panel", "kind": "panel", "quorum": 0}', 422),
        (BODY, b'{"name": "Panel", "kind": "panel", "seats": 99999}', 422),
        (BODY, b'{"name": "Panel", "kind": "panel", "starts_on": "0001-01-01"}', 422),
        (BODY, b'{"name": "Panel", "kind": "panel", "parent": "not-a-uuid"}', 422),
        (BODY, json.dumps({"name": "x" * 201, "kind": "panel"}).encode(), 422),
        (BODY, json.dumps({"name": "𝕏 ‮ 🏴\u200d☠️ ﷺ", "kind": "panel"}).encode(), 201),
        (MEETING, b'{"body": "BODY", "starts_at": "tomorrow"}', 422),
        (MEETING, b'{"body": "BODY", "starts_at": "0001-01-01T00:00:00+14:00"}', 422),
        (MEETING, b'{"body": "BODY", "starts_at": "9999-12-31T23:59:59-14:00"}', 422),
        (MEETING, b'{"body": "BODY", "starts_at": "2016-06-15T18:30:00", "venue": 5}', 422),
        (MEETING, b'{"body": "BODY", "starts_at": "2016-06-15T18:30:00Z"}', 201),
    ]


@pytest.mark.parametrize(("path", "raw", "expected"), _bodies(), ids=lambda v: str(v)[:60])
def test_bad_request_bodies_get_a_json_4xx(api_as, path, raw, expected):
    body = BodyFactory.create()
    raw = raw.replace(b"BODY", str(body.public_id).encode())

    response = api_as("democratic_services").send_raw("POST", path, raw)

    assert response.status_code == expected, response.content
    assert response["Content-Type"].startswith("application/json")


def test_a_patch_without_a_version_or_with_null_for_a_required_field_is_refused(api_as):
    body = BodyFactory.create(name="Working Group")
    api = api_as("democratic_services")
    detail = f"{BODY}/{body.public_id}"

    no_version = api.patch(detail, {"name": "Renamed"})
    null_name = api.patch(detail, {"version": 1, "name": None})
    huge_version = api.patch(detail, {"version": 2**40, "name": "Renamed"})

    assert no_version.status_code == null_name.status_code == huge_version.status_code == 422
    assert no_version.json()["detail"][0]["loc"] == ["body", "payload", "version"]
    body.refresh_from_db()
    assert body.name == "Working Group" and Body.objects.count() == 1


def test_a_meeting_change_with_a_wrong_type_changes_nothing(api_as):
    meeting = MeetingFactory.create(venue="Room 1")

    response = api_as("democratic_services").patch(
        f"{MEETING}/{meeting.public_id}", {"version": 1, "starts_at": [2016, 6, 15]}
    )

    assert response.status_code == 422
    assert Meeting.objects.get(pk=meeting.pk).venue == "Room 1"


def test_attendance_with_too_many_rows_is_refused_before_any_lookup(api_as):
    meeting = MeetingFactory.create()
    rows = [
        {"person": f"00000000-0000-4000-8000-{i:012d}", "status": "present"} for i in range(1001)
    ]

    response = api_as("democratic_services").send_raw(
        "PUT", f"{MEETING}/{meeting.public_id}/attendance", json.dumps({"version": 1, "rows": rows})
    )

    assert response.status_code == 422
