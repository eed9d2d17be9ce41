"""The CSV export: the filtered events, streamed, only after re-entering a password in the last
few minutes, guarded against spreadsheet formula injection, and itself recorded in the trail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyotp
import pytest
import time_machine
from django.conf import settings
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.audit_viewer.views import CSV_HEADER, safe_cell
from preventhub.accounts.audit_viewer.visibility import HIDDEN
from preventhub.accounts.testing import PASSWORD, TOTP_SECRET
from preventhub.audit.models import AuditEvent
from preventhub.audit.services import record_event

from .conftest import SECRET_SUMMARY, SECRET_TITLE, change_exempt_report

URL = reverse("audit:export")
REAUTH = reverse("account_reauthenticate")


def _reauthenticate(client) -> None:
    response = client.post(REAUTH, {"password": PASSWORD})
    assert response.status_code == 302, "re-authentication with the password should succeed"


@pytest.fixture
def auditor_client(client, auditor):
    client.force_login(auditor)
    _reauthenticate(client)
    return client


def _rows(response) -> list[list[str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = response.getvalue().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_a_signed_in_auditor_must_re_enter_their_password_first(client, auditor, trail):
    trail(3)
    client.force_login(auditor)
    response = client.get(URL, {"action": "accounts.user_updated"})
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{REAUTH}?next=%2Faudit%2Fexport%2F%3Faction%3Daccounts.user_updated"
    )
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


def test_an_auditor_who_has_just_signed_in_is_not_asked_for_their_password_again(
    client, auditor, trail
):
    trail(1)
    response = client.post(reverse("account_login"), {"login": auditor.email, "password": PASSWORD})
    assert response.status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})
    assert response.status_code == 302
    response = client.get(URL)
    assert response.status_code == 200
    assert len(_rows(response)) > 1


def test_a_sign_in_older_than_the_timeout_is_not_enough(client, auditor, trail):
    trail(1)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(reverse("account_login"), {"login": auditor.email, "password": PASSWORD})
        client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(TOTP_SECRET).now()})
    later = start + dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)


def test_after_re_entering_the_password_the_auditor_is_taken_back_to_the_download(
    client, auditor, trail
):
    trail(2)
    client.force_login(auditor)
    response = client.post(
        f"{REAUTH}?next=/audit/export/%3Faction%3Daccounts.user_updated", {"password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/audit/export/?action=accounts.user_updated"
    assert client.get(response["Location"]).status_code == 200


def test_a_re_authentication_older_than_the_timeout_is_not_enough(auditor_client, trail):
    trail(1)
    assert auditor_client.get(URL).status_code == 200
    later = timezone.now() + dt.timedelta(seconds=settings.ACCOUNT_REAUTHENTICATION_TIMEOUT + 60)
    with time_machine.travel(later, tick=False):
        response = auditor_client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)


@pytest.mark.parametrize(
    "persona", ["administrator", "prevent_lead", "partner_lead", "councillor", "outsider"]
)
def test_anyone_but_the_auditor_gets_404_even_after_re_authenticating(client, personas, persona):
    client.force_login(personas[persona])
    _reauthenticate(client)
    assert client.get(URL).status_code == 404


def test_the_file_holds_exactly_the_filtered_events_oldest_first(auditor_client, personas):
    admin, lead = personas["administrator"], personas["prevent_lead"]
    wanted = [
        record_event(
            actor=admin,
            action="accounts.user_updated",
            obj=lead,
            changes={"full_name": ["P", "Priya"]},
        ),
        record_event(actor=admin, action="accounts.user_updated", obj=personas["councillor"]),
    ]
    record_event(actor=lead, action="accounts.user_updated", obj=admin)  # someone else did it
    record_event(actor=admin, action="accounts.role_assigned", obj=lead)  # another action
    response = auditor_client.get(URL, {"person": "ada", "action": "accounts.user_updated"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()  # TIME_ZONE is Europe/London
    assert response["Content-Disposition"] == f'attachment; filename="audit-trail-{today}.csv"'
    header, *rows = _rows(response)
    assert header == CSV_HEADER
    assert [int(row[0]) for row in rows] == [e.seq for e in wanted]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Person"] == admin.email
    assert first["Action"] == "User updated"
    assert first["Action code"] == "accounts.user_updated"
    assert first["Record type"] == "accounts.user"
    assert first["Record ID"] == str(lead.public_id)
    assert first["Changes"] == '{"full_name": ["P", "Priya"]}'
    assert first["Hash"] == wanted[0].hash and first["Previous hash"] == wanted[0].prev_hash
    assert first["When (Europe/London)"] == timezone.localtime(wanted[0].occurred_at).isoformat(
        timespec="seconds"
    )


def test_the_export_is_recorded_with_its_filters_and_row_count(auditor_client, auditor, trail):
    trail(7)
    response = auditor_client.get(
        URL,
        {
            "action": "accounts.user_updated",
            "from_day": "1",
            "from_month": "1",
            "from_year": "2026",
        },
    )
    rows = _rows(response)[1:]
    exported = AuditEvent.objects.filter(action="audit.exported").get()
    assert exported.actor_id == auditor.pk
    assert exported.changes == {
        "action": [None, "accounts.user_updated"],
        "date_from": [None, "2026-01-01"],
        "rows": [None, 7],
    }
    assert len(rows) == 7


def test_the_export_s_own_event_is_not_in_the_file_and_the_count_matches(auditor_client):
    rows = _rows(auditor_client.get(URL))[1:]
    exported = AuditEvent.objects.get(action="audit.exported")
    assert exported.changes["rows"] == [None, len(rows)]
    assert str(exported.seq) not in [row[0] for row in rows]


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_made_text(auditor_client):
    for label in ('=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)"):
        record_event(
            actor=None,
            action="auth.login_failed",
            object_type="accounts.user",
            actor_label=label,
            object_repr=label,
        )
    rows = _rows(auditor_client.get(URL, {"action": "auth.login_failed"}))[1:]
    people = sorted(row[2] for row in rows)
    assert people == sorted(['\'=HYPERLINK("http://evil")', "'+1+1", "'-2+3", "'@SUM(A1)"])
    assert all(row[7] == row[2] for row in rows)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
        (42, "42"),
    ],
)
def test_safe_cell(value, cell):
    assert safe_cell(value) == cell


def test_bad_filters_send_the_auditor_back_to_the_list_to_see_why(auditor_client):
    response = auditor_client.get(URL, {"from_day": "31", "from_month": "2", "from_year": "2026"})
    assert response.status_code == 302
    assert response["Location"] == "/audit/?from_day=31&from_month=2&from_year=2026"
    assert not AuditEvent.objects.filter(action="audit.exported").exists()


@pytest.mark.parametrize("events", [10, 1000])
def test_the_export_keeps_to_its_query_budget(
    auditor_client, trail, django_assert_max_num_queries, events
):
    trail(events)
    # 1 session, 2 user, 3 role assignments, 4 the MFA middleware's TOTP check, 5-7 allauth's
    # re-authentication check asking which kinds of authenticator the user has (recovery codes,
    # TOTP, WebAuthn), 8 the chain head's last sequence number, 9 COUNT of the rows, 10-14 recording
    # "audit.exported" (savepoint, lock the head, insert, update the head, release), 15-17 saving
    # the session, 18 the rows themselves, read by one cursor in chunks while the response streams.
    with django_assert_max_num_queries(18):
        response = auditor_client.get(URL)
        rows = _rows(response)[1:]
    assert len(rows) >= events


def test_the_file_hides_an_exempt_report_s_content_from_an_auditor_who_cannot_see_it(
    auditor_client, exempt_report_change
):
    rows = _rows(auditor_client.get(URL))
    text = "\n".join(",".join(row) for row in rows)
    assert SECRET_TITLE not in text and SECRET_SUMMARY not in text and "Kestrel" not in text

    (row,) = [row for row in rows[1:] if row[0] == str(exempt_report_change.seq)]
    record = dict(zip(CSV_HEADER, row, strict=True))
    assert record["Record"] == HIDDEN
    assert record["Record ID"] == exempt_report_change.object_id
    assert record["Action code"] == "governance.report_updated"
    assert json.loads(record["Changes"]) == {
        "executive_summary": [HIDDEN, HIDDEN],
        "title": [HIDDEN, HIDDEN],
    }


def test_the_file_shows_the_content_to_an_auditor_who_may_see_the_report(
    client, auditor_with_exempt_access, exempt_report_change
):
    client.force_login(auditor_with_exempt_access)
    _reauthenticate(client)
    text = "\n".join(",".join(row) for row in _rows(client.get(URL)))
    assert SECRET_TITLE in text and SECRET_SUMMARY in text and HIDDEN not in text


@pytest.mark.parametrize("events", [10, 1000])
def test_the_export_of_restricted_records_keeps_to_its_query_budget(
    auditor_client, trail, prevent_lead, django_assert_max_num_queries, events
):
    reports = [change_exempt_report(prevent_lead).object_id for _ in range(3)]
    for object_id in reports:
        trail(events // 3 + 1, object_type="governance.report", object_id=object_id)
    # As the unrestricted export (18), plus 1 per batch of 2,000 rows: which of the batch's
    # reports the auditor may see.
    with django_assert_max_num_queries(19):
        rows = _rows(auditor_client.get(URL))[1:]
    assert len(rows) >= events
    assert {row[CSV_HEADER.index("Record")] for row in rows if "report" in row[5]} == {HIDDEN}
