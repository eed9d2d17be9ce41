"""The auditor's "check the audit trail" page: runs the hash-chain check on request, says the
trail is intact with how many events, or names the first broken event; each check is recorded."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from preventhub.audit.models import AuditEvent

URL = reverse("audit:verify")


@pytest.fixture
def auditor_client(client, auditor):
    client.force_login(auditor)
    return client


def test_the_page_explains_the_check_without_running_it(auditor_client, trail):
    trail(3)
    response = auditor_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the audit trail" in html
    assert response.context["checked"] is False
    assert (
        "The audit trail is intact" not in html
        and "The audit trail has been tampered with" not in html
    )
    assert not AuditEvent.objects.filter(action="audit.verified").exists()


def test_an_untouched_trail_is_reported_intact_with_its_size(auditor_client, auditor, trail):
    trail(1000)
    response = auditor_client.post(URL)
    assert response.status_code == 200
    html = response.content.decode()
    # 1,000 built here and the auditor's own sign-in.
    assert "The audit trail is intact" in html and "1,001 events checked" in html
    checked = AuditEvent.objects.order_by("-seq").first()
    assert (checked.action, checked.actor_id) == ("audit.verified", auditor.pk)
    assert checked.changes == {"result": [None, "intact"], "events": [None, 1001]}


def test_an_event_altered_in_the_database_is_named(auditor_client, trail):
    events = trail(10)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET object_repr = %s WHERE seq = %s", ["forged", events[4].seq]
        )
    response = auditor_client.post(URL)
    html = response.content.decode()
    assert "The audit trail has been tampered with" in html
    assert (
        f"The first problem is at event #{events[4].seq}: event #{events[4].seq} was altered"
        in html
    )
    assert f"/audit/?before={events[4].seq + 1}" in html
    checked = AuditEvent.objects.order_by("-seq").first()
    assert checked.action == "audit.verified"
    assert checked.changes["result"] == [None, "broken"]
    assert checked.changes["event"] == [None, events[4].seq]


def test_an_event_deleted_in_the_database_is_named(auditor_client, trail):
    events = trail(5)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [events[2].seq])
    html = auditor_client.post(URL).content.decode()
    assert f"event #{events[2].seq} is missing" in html


@pytest.mark.parametrize("persona", ["administrator", "prevent_lead", "outsider"])
def test_others_cannot_run_the_check(client, personas, persona):
    client.force_login(personas[persona])
    assert client.post(URL).status_code == 404
    assert not AuditEvent.objects.filter(action="audit.verified").exists()
