"""verify_audit passes on an untouched trail and names the first event altered, deleted or inserted
directly in SQL."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from preventhub.audit.models import AuditEvent
from preventhub.audit.services import record_event


@pytest.fixture
def trail(db):
    for n in range(5):
        record_event(
            actor=None,
            action="auth.login_failed",
            object_type="accounts.user",
            actor_label=f"x{n}@e.org",
        )
    return list(AuditEvent.objects.order_by("seq"))


def _sql(statement: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_untouched_trail_verifies(trail, capsys):
    call_command("verify_audit")
    assert "5 events verified" in capsys.readouterr().out


def test_altered_event_is_named(trail):
    _sql("UPDATE audit_auditevent SET actor_label = %s WHERE seq = %s", ["mallory@e.org", 3])
    with pytest.raises(CommandError, match=r"event #3 was altered"):
        call_command("verify_audit")


def test_deleted_event_in_the_middle_is_named(trail):
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [2])
    with pytest.raises(CommandError, match=r"event #2 is missing"):
        call_command("verify_audit")


def test_deleted_event_at_the_end_is_named(trail):
    _sql("DELETE FROM audit_auditevent WHERE seq = %s", [5])
    with pytest.raises(CommandError, match=r"#5 to #5 are missing"):
        call_command("verify_audit")


def test_inserted_event_is_named(trail):
    last = trail[-1]
    _sql(
        "INSERT INTO audit_auditevent (seq, occurred_at, actor_label, action, object_type, object_id, "
        "object_repr, changes, request_id, prev_hash, hash) VALUES (%s, %s, '', 'auth.login', '', '', '', "
        "'{}', '', %s, %s)",
        [6, last.occurred_at, last.hash, "f" * 64],
    )
    with pytest.raises(CommandError, match=r"event #6"):
        call_command("verify_audit")


def test_event_inserted_with_a_forged_sequence_is_named(trail):
    # Shift the tail up and slip a row in at #4, as an attacker rewriting history would.
    for seq in (5, 4):
        _sql("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [seq + 1, seq])
    _sql(
        "INSERT INTO audit_auditevent (seq, occurred_at, actor_label, action, object_type, object_id, "
        "object_repr, changes, request_id, prev_hash, hash) VALUES (%s, %s, '', 'auth.login', '', '', '', "
        "'{}', '', %s, %s)",
        [4, trail[2].occurred_at, trail[2].hash, "0" * 64],
    )
    with pytest.raises(CommandError, match=r"event #4 was altered"):
        call_command("verify_audit")


def test_application_code_cannot_update_or_delete_events(trail):
    event = trail[0]
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
