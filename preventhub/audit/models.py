"""The append-only, tamper-evident audit trail.

Each event stores ``seq`` (1, 2, 3, ... with no gaps), the previous event's hash and an
HMAC-SHA256 over its own content and that previous hash. ``AuditChainHead`` holds the sequence
number and hash of the newest event, sealed with an HMAC under the same key, so removing events
from the end is detected as well as altering, inserting or deleting events in the middle: someone
who deletes the newest events cannot write a matching head without the key. Signed checkpoints
written outside the database (``checkpoints.py``) catch the one thing the database alone cannot:
the whole database, head included, rolled back to an earlier genuine state. Application code only
ever inserts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.db import models

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True, editable=False)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the trail outlives users; a deleted user must not alter it
        related_name="+",
    )
    actor_label = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=80)
    object_type = models.CharField(max_length=80, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    request_id = models.CharField(max_length=32, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]
        # One per filter of the audit viewer, each ending in -seq so a filtered page of the newest
        # events is read straight from the index, however long the trail (see forms.py).
        indexes = [
            models.Index(fields=["actor", "-seq"], name="audit_actor_seq"),
            models.Index(fields=["actor_label", "-seq"], name="audit_actor_label_seq"),
            models.Index(fields=["action", "-seq"], name="audit_action_seq"),
            models.Index(fields=["object_type", "-seq"], name="audit_object_type_seq"),
            models.Index(fields=["object_id", "-seq"], name="audit_object_id_seq"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Audit events are append-only.")

    def content(self) -> dict[str, Any]:
        """The fields the hash covers, in a canonical form."""
        return {
            "seq": self.seq,
            "occurred_at": self.occurred_at.isoformat(timespec="microseconds"),
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "changes": self.changes,
            "request_id": self.request_id,
            "ip_address": self.ip_address,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        payload = json.dumps(self.content(), sort_keys=True, separators=(",", ":"), default=str)
        return chain_mac(payload)


def chain_mac(message: str) -> str:
    """HMAC-SHA256 under AUDIT_CHAIN_KEY. Callers prefix their messages with what they sign
    (an event's JSON starts with "{", a head with "audit-head|"), so one kind of signature can never
    be passed off as another."""
    return hmac.new(settings.AUDIT_CHAIN_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()


def head_seal(last_seq: int, last_hash: str) -> str:
    return chain_mac(f"audit-head|{last_seq}|{last_hash}")


class AuditChainHead(models.Model):
    """One row: the newest event's sequence number and hash, and their seal (an HMAC over both).
    Locked while an event is appended."""

    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    seal = models.CharField(max_length=64, blank=True)

    def __str__(self) -> str:
        return f"audit head at #{self.last_seq}"

    def advance(self, last_seq: int, last_hash: str) -> None:
        """Move the head to a new newest event and save it, sealed."""
        self.last_seq, self.last_hash = last_seq, last_hash
        self.seal = head_seal(last_seq, last_hash)
        self.save(update_fields=["last_seq", "last_hash", "seal"])

    def is_sealed(self) -> bool:
        return hmac.compare_digest(self.seal, head_seal(self.last_seq, self.last_hash))


class ChainCheckStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    INTACT = "intact", "Intact"
    BROKEN = "broken", "Tampered with"
    FAILED = "failed", "Could not finish"


class ChainCheck(models.Model):
    """One run of the whole-chain check, asked for on the verify page and done by the task worker
    (it reads every event, about 19 seconds at a million events: too long for a request)."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ChainCheckStatus.choices, default=ChainCheckStatus.QUEUED
    )
    events = models.PositiveBigIntegerField(null=True, blank=True)
    problem_seq = models.PositiveBigIntegerField(null=True, blank=True)
    problem = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"audit chain check {self.pk}: {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status in (ChainCheckStatus.QUEUED, ChainCheckStatus.RUNNING)

    @property
    def seconds(self) -> float | None:
        if self.started_at is None or self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()
