"""Test support: a trail of any length, chained exactly as record_event chains it but written with
one bulk insert, so 1,000-event tests stay fast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .models import AuditChainHead, AuditEvent

BuildTrail = Callable[..., list[AuditEvent]]


def append_events(
    n: int,
    *,
    start: dt.datetime | None = None,
    step: dt.timedelta = dt.timedelta(minutes=1),
    actor: Any = None,
    action: str = "accounts.user_updated",
    object_type: str = "accounts.user",
    object_id: str = "",
    object_repr: str = "",
    changes: dict[str, list[Any]] | None = None,
) -> list[AuditEvent]:
    """Append ``n`` events with correct seq, prev_hash and hash (so verify_chain passes)."""
    head, _ = AuditChainHead.objects.get_or_create(pk=1)
    start = start or dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    prev_hash, events = head.last_hash, []
    for i in range(n):
        event = AuditEvent(
            seq=head.last_seq + 1 + i,
            # Stored and read back in UTC, so the hash computed here matches the one verify_chain
            # recomputes from the database.
            occurred_at=(start + i * step).astimezone(dt.UTC),
            actor_id=actor.pk if actor else None,
            actor_label=actor.email if actor else "",
            action=action,
            object_type=object_type,
            object_id=object_id or f"obj-{head.last_seq + 1 + i}",
            object_repr=object_repr or f"Record {head.last_seq + 1 + i}",
            changes=changes or {},
            request_id="",
            ip_address=None,
            prev_hash=prev_hash,
        )
        event.hash = event.compute_hash()
        prev_hash = event.hash
        events.append(event)
    AuditEvent.objects.bulk_create(events, batch_size=500)
    head.advance(head.last_seq + n, prev_hash)
    return events
