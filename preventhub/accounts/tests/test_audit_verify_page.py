"""The auditor's "check the audit trail" page: asking for a check queues it for the task worker
(the whole-chain walk is too long for a request), the page shows the latest result with a "check
again" button, and each request and result is recorded in the trail."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from preventhub.audit.models import AuditEvent, ChainCheck, ChainCheckStatus

URL = reverse("audit:verify")


@pytest.fixture
def auditor_client(client, auditor):
    client.force_login(auditor)
    return client


def _check(client, capture) -> str:
    """Ask for a check (run at once by the test task backend) and read the page it returns to."""
    with capture(execute=True):
        response = client.post(URL)
    assert response.status_code == 302 and response["Location"] == URL
    return client.get(URL).content.decode()


def test_the_page_explains_the_check_without_running_it(auditor_client, trail):
    trail(3)
    response = auditor_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the audit trail" in html and "has not been checked here yet" in html
    assert "The audit trail is intact" not in html
    assert "The audit trail has been tampered with" not in html
    assert not AuditEvent.objects.filter(action__startswith="audit.verif").exists()


def test_an_untouched_trail_is_reported_intact_with_its_size(
    auditor_client, auditor, trail, django_capture_on_commit_callbacks
):
    trail(1000)
    html = _check(auditor_client, django_capture_on_commit_callbacks)
    # 1,000 built here, the auditor's own sign-in and the request for the check.
    assert "The audit trail is intact" in html and "1,002 events checked" in html
    assert "Check again" in html and "Aud Auditor" in html
    checked, requested = AuditEvent.objects.order_by("-seq")[:2]
    assert (requested.action, requested.actor_id) == ("audit.verify_requested", auditor.pk)
    assert (checked.action, checked.actor_id) == ("audit.verified", auditor.pk)
    assert checked.changes["result"] == [None, "intact"]
    assert checked.changes["events"] == [None, 1002]


def test_an_event_altered_in_the_database_is_named(
    auditor_client, trail, django_capture_on_commit_callbacks
):
    events = trail(10)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET object_repr = %s WHERE seq = %s", ["forged", events[4].seq]
        )
    html = _check(auditor_client, django_capture_on_commit_callbacks)
    assert "The audit trail has been tampered with" in html
    assert (
        f"The first problem is at event #{events[4].seq}: event #{events[4].seq} was altered"
        in html
    )
    assert f"/audit/?before={events[4].seq + 1}" in html
    checked = AuditEvent.objects.latest("seq")
    assert checked.action == "audit.verified"
    assert checked.changes["result"] == [None, "broken"]
    assert checked.changes["event"] == [None, events[4].seq]


def test_an_event_deleted_in_the_database_is_named(
    auditor_client, trail, django_capture_on_commit_callbacks
):
    events = trail(5)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq = %s", [events[2].seq])
    html = _check(auditor_client, django_capture_on_commit_callbacks)
    assert f"event #{events[2].seq} is missing" in html


def test_asking_twice_while_a_check_waits_queues_only_one(auditor_client, trail):
    trail(3)
    auditor_client.post(URL)  # not committed in this test, so never run: it stays queued
    response = auditor_client.post(URL, follow=True)
    assert ChainCheck.objects.count() == 1
    assert "A check is already running" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_request_only_queues_the_check_and_the_task_worker_runs_it(client, personas):
    client.force_login(personas["auditor"])
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        response = client.post(URL, follow=True)
        html = response.content.decode()
        assert "The check has started" in html and "Waiting to start" in html
        assert ChainCheck.objects.get().status == ChainCheckStatus.QUEUED

        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

        check = ChainCheck.objects.get()
        assert check.status == ChainCheckStatus.INTACT and check.finished_at is not None
        assert "The audit trail is intact" in client.get(URL).content.decode()


@pytest.mark.parametrize("persona", ["administrator", "prevent_lead", "outsider"])
def test_others_cannot_run_the_check(client, personas, persona):
    client.force_login(personas[persona])
    assert client.post(URL).status_code == 404
    assert not ChainCheck.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="audit.verif").exists()
