"""verify_audit passes on an untouched trail and names the first event altered, deleted or inserted
directly in SQL, including events cut off the end behind a forged chain head, and compares the trail
with the signed checkpoints kept outside the database."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from preventhub.audit.checkpoints import write_checkpoint
from preventhub.audit.models import AuditChainHead, AuditEvent
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


INSERT_EVENT = (
    "INSERT INTO audit_auditevent (seq, occurred_at, actor_label, action, object_type, object_id, "
    "object_repr, changes, request_id, prev_hash, hash) "
    "VALUES (%s, %s, '', 'auth.login', '', '', '', '{}', '', %s, %s)"
)


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
        INSERT_EVENT,
        [6, last.occurred_at, last.hash, "f" * 64],
    )
    with pytest.raises(CommandError, match=r"event #6"):
        call_command("verify_audit")


def test_event_inserted_with_a_forged_sequence_is_named(trail):
    # Shift the tail up and slip a row in at #4, as an attacker rewriting history would.
    for seq in (5, 4):
        _sql("UPDATE audit_auditevent SET seq = %s WHERE seq = %s", [seq + 1, seq])
    _sql(
        INSERT_EVENT,
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


def _truncate_with_forged_head(trail, keep: int) -> None:
    """What an attacker with the database but not the key does: delete the newest events and copy
    the last kept event's hash into the chain head, so the chain itself still links up."""
    _sql("DELETE FROM audit_auditevent WHERE seq > %s", [keep])
    _sql(
        "UPDATE audit_auditchainhead SET last_seq = %s, last_hash = %s",
        [keep, trail[keep - 1].hash],
    )


def test_truncation_behind_a_forged_chain_head_is_named(trail):
    _truncate_with_forged_head(trail, keep=3)

    with pytest.raises(CommandError, match=r"at event #4: the chain head was altered"):
        call_command("verify_audit")


def test_truncation_behind_a_forged_chain_head_is_named_against_a_checkpoint(trail, tmp_path):
    checkpoints = tmp_path / "checkpoints.jsonl"
    write_checkpoint(5, trail[4].hash, path=checkpoints)
    _truncate_with_forged_head(trail, keep=3)

    with pytest.raises(CommandError, match=r"events #4 to #5 are missing .* records event #5"):
        call_command("verify_audit", checkpoint=checkpoints)


def test_a_database_rolled_back_to_an_earlier_sealed_state_is_caught_only_by_a_checkpoint(
    trail, tmp_path
):
    # A genuine head from when the trail was three events long, as a restored backup would hold.
    _sql("DELETE FROM audit_auditevent WHERE seq > %s", [3])
    genuine_head = AuditChainHead(pk=1)
    genuine_head.advance(3, trail[2].hash)
    checkpoints = tmp_path / "checkpoints.jsonl"
    write_checkpoint(5, trail[4].hash, path=checkpoints)

    call_command("verify_audit")  # the database alone cannot tell
    with pytest.raises(CommandError, match=r"events #4 to #5 are missing"):
        call_command("verify_audit", checkpoint=checkpoints)


def test_a_checkpoint_whose_hash_differs_from_its_event_is_named(trail, tmp_path):
    checkpoints = tmp_path / "checkpoints.jsonl"
    write_checkpoint(2, "ab" * 32, path=checkpoints)

    with pytest.raises(CommandError, match=r"event #2 is not the event checkpointed"):
        call_command("verify_audit", checkpoint=checkpoints)


def test_an_intact_trail_agrees_with_its_checkpoints(trail, tmp_path, capsys):
    checkpoints = tmp_path / "checkpoints.jsonl"
    write_checkpoint(2, trail[1].hash, path=checkpoints)
    write_checkpoint(5, trail[4].hash, path=checkpoints)

    call_command("verify_audit", checkpoint=checkpoints)

    assert "5 events verified against 2 checkpoints" in capsys.readouterr().out


def test_a_checkpoint_forged_without_the_key_is_refused(trail, tmp_path):
    checkpoints = tmp_path / "checkpoints.jsonl"
    write_checkpoint(5, trail[4].hash, path=checkpoints)
    forged = checkpoints.read_text().replace('"seq": 5', '"seq": 3')
    checkpoints.write_text(forged)

    with pytest.raises(CommandError, match=r"line 1 is not signed with the audit key"):
        call_command("verify_audit", checkpoint=checkpoints)


def test_a_missing_checkpoint_file_is_an_error_not_a_pass(trail, tmp_path):
    with pytest.raises(CommandError, match=r"does not exist"):
        call_command("verify_audit", checkpoint=tmp_path / "nowhere.jsonl")


def test_record_event_writes_a_signed_checkpoint_every_n_events_once_committed(
    db, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.AUDIT_CHECKPOINT_FILE = str(tmp_path / "checkpoints.jsonl")
    settings.AUDIT_CHECKPOINT_EVERY = 2
    with django_capture_on_commit_callbacks(execute=True):
        events = [
            record_event(actor=None, action="auth.login_failed", actor_label=f"x{n}@e.org")
            for n in range(5)
        ]

    lines = (tmp_path / "checkpoints.jsonl").read_text().splitlines()
    assert [line.split('"seq": ')[1].split(",")[0] for line in lines] == ["2", "4"]
    assert events[3].hash in lines[1]
