"""Benchmark data for the audit trail: a long, correctly chained trail, bulk-inserted."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from .models import GENESIS_HASH, AuditChainHead, AuditEvent

EVENTS = {"district": 20_000, "metropolitan": 100_000, "national": 1_000_000}
ACTIONS = ("auth.login", "directory.person_viewed", "access.denied", "auth.login_failed")


def seed(size: str, rng: random.Random) -> dict[str, int]:
    head, _ = AuditChainHead.objects.get_or_create(pk=1)
    seq, prev = head.last_seq, head.last_hash or GENESIS_HASH
    start = timezone.now() - dt.timedelta(days=365)
    batch: list[AuditEvent] = []
    total = EVENTS[size]
    for n in range(total):
        seq += 1
        event = AuditEvent(
            seq=seq,
            occurred_at=start + dt.timedelta(seconds=n * 30),
            actor_label=f"user{rng.randrange(500)}@example.org",
            action=rng.choice(ACTIONS),
            object_type="directory.person",
            object_id=f"{rng.getrandbits(64):016x}",
            object_repr=f"Person {rng.randrange(10_000)}",
            prev_hash=prev,
        )
        event.hash = event.compute_hash()
        prev = event.hash
        batch.append(event)
        if len(batch) == 5_000:
            AuditEvent.objects.bulk_create(batch)
            batch.clear()
    AuditEvent.objects.bulk_create(batch)
    head.advance(seq, prev)
    return {"audit events": total}
