"""verify_audit run from the shell, as an operator would: a real database file, events written by
the audit service in one process, cut off the end behind a forged chain head with plain SQL, and
checked by ``manage.py verify_audit`` in another."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

WRITE_FIVE_EVENTS = (
    "from preventhub.audit.services import record_event\n"
    "for n in range(5):\n"
    "    record_event(actor=None, action='auth.login_failed', actor_label=f'x{n}@e.org')\n"
)


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def shell(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path, Path]:
    """A migrated SQLite file with five events, checkpointed every two events."""
    where = tmp_path_factory.mktemp("verify_audit_shell")
    database, checkpoints = where / "db.sqlite3", where / "checkpoints.jsonl"
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{database}",
        "AUDIT_CHAIN_KEY": "a key the database never holds",
        "AUDIT_CHECKPOINT_FILE": str(checkpoints),
        "AUDIT_CHECKPOINT_EVERY": "2",
    }
    env.pop("PREVENTHUB_TESTING", None)
    for args in (("migrate", "-v0"), ("shell", "-c", WRITE_FIVE_EVENTS)):
        completed = _manage(env, *args)
        assert completed.returncode == 0, completed.stderr
    return env, database, checkpoints


def _truncate_with_forged_head(database: Path, keep: int) -> None:
    with sqlite3.connect(database) as db:
        (kept_hash,) = db.execute(
            "SELECT hash FROM audit_auditevent WHERE seq = ?", [keep]
        ).fetchone()
        db.execute("DELETE FROM audit_auditevent WHERE seq > ?", [keep])
        db.execute("UPDATE audit_auditchainhead SET last_seq = ?, last_hash = ?", [keep, kept_hash])


def test_manage_py_verify_audit_in_a_shell_names_truncation_behind_a_forged_head(shell):
    env, database, checkpoints = shell
    untouched = _manage(env, "verify_audit", "--checkpoint", str(checkpoints))
    assert untouched.returncode == 0, untouched.stderr
    assert "5 events verified against 2 checkpoints" in untouched.stdout

    _truncate_with_forged_head(database, keep=3)
    without_file = _manage({**env, "AUDIT_CHECKPOINT_FILE": ""}, "verify_audit")
    with_file = _manage(env, "verify_audit", "--checkpoint", str(checkpoints))

    assert without_file.returncode == 1
    assert "at event #4: the chain head was altered" in without_file.stderr
    assert with_file.returncode == 1
    assert "events #4 to #4 are missing" in with_file.stderr
    assert "records event #4" in with_file.stderr
