"""Signed checkpoints of the audit chain, kept outside the database.

The head seal stops anyone without the key from cutting events off the end of the trail, but the
database alone cannot show that it was rolled back as a whole to an earlier, genuinely sealed state
(a restored backup, say). So every ``AUDIT_CHECKPOINT_EVERY`` events, and at every successful chain
check, the head's sequence number and hash are signed and written where the database cannot reach:
appended as one JSON line to the file ``AUDIT_CHECKPOINT_FILE`` (when set) and always to the log.
``verify_audit --checkpoint FILE`` reads them back: a checkpoint newer than the trail, or whose hash
differs from the event it names, is reported.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .models import chain_mac

logger = logging.getLogger("preventhub.audit.checkpoints")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str
    at: str  # when it was written, ISO 8601 UTC
    line: int = 0  # its line in the file it was read from


class CheckpointFileError(ValueError):
    """The checkpoint file cannot be trusted: a line is not JSON or its signature is wrong."""


def _signature(seq: int, chain_hash: str, at: str) -> str:
    return chain_mac(f"audit-checkpoint|{seq}|{chain_hash}|{at}")


def configured_file() -> Path | None:
    name = getattr(settings, "AUDIT_CHECKPOINT_FILE", "")
    return Path(name) if name else None


def write_checkpoint(seq: int, chain_hash: str, path: Path | None = None) -> dict[str, object]:
    """Sign (seq, hash) and append it to the checkpoint file and the log; return the record."""
    at = timezone.now().astimezone(dt.UTC).isoformat(timespec="microseconds")
    record: dict[str, object] = {
        "seq": seq,
        "hash": chain_hash,
        "at": at,
        "signature": _signature(seq, chain_hash, at),
    }
    logger.info("audit checkpoint %s", json.dumps(record, sort_keys=True))
    target = path or configured_file()
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_APPEND: each line lands whole at the end, even with several writers.
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (json.dumps(record, sort_keys=True) + "\n").encode())
            os.fsync(fd)
        finally:
            os.close(fd)
    return record


def read_checkpoints(path: Path) -> list[Checkpoint]:
    """Every checkpoint in the file, each one's signature checked; raise on any bad line."""
    checkpoints = []
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            checkpoints.append(_parse(text, number))
    return checkpoints


def _parse(text: str, number: int) -> Checkpoint:
    try:
        record = json.loads(text)
        seq, chain_hash, at = int(record["seq"]), str(record["hash"]), str(record["at"])
        signature = str(record["signature"])
    except (ValueError, KeyError, TypeError) as error:
        raise CheckpointFileError(f"line {number} is not a checkpoint ({error})") from None
    if not hmac.compare_digest(signature, _signature(seq, chain_hash, at)):
        raise CheckpointFileError(
            f"line {number} is not signed with the audit key (altered or forged)"
        )
    return Checkpoint(seq=seq, hash=chain_hash, at=at, line=number)
