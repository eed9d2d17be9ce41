"""Writing and verifying the audit trail. ``record_event`` is the only way events are created."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from . import registry
from .checkpoints import Checkpoint, write_checkpoint
from .context import current_request
from .models import GENESIS_HASH, AuditChainHead, AuditEvent

Changes = dict[str, list[Any]]


def object_type_of(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def object_id_of(obj: models.Model) -> str:
    return str(getattr(obj, "public_id", None) or obj.pk)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, models.Model):
        return getattr(value, "audit_label", str(value))
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> Changes:
    """Field-by-field [old, new] for the fields whose values differ."""
    return {
        name: [_jsonable(before.get(name)), _jsonable(after[name])]
        for name in after
        if before.get(name) != after[name]
    }


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in fields}


def record_event(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    changes: Changes | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event to the chain, inside the caller's transaction when there is one."""
    if not registry.is_registered(action):
        raise ValueError(f"Unregistered audit action {action!r}; add it to an audit registry.")
    if obj is not None:
        object_type = object_type or object_type_of(obj)
        object_id = object_id or object_id_of(obj)
        object_repr = object_repr or str(getattr(obj, "audit_label", obj))
    meta = current_request.get()
    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        # The head row is the lock that serialises appends (a row lock on PostgreSQL; SQLite's
        # IMMEDIATE transactions already hold the database write lock).
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            seq=head.last_seq + 1,
            occurred_at=timezone.now(),
            actor_id=actor_id,
            actor_label=(actor_label or (actor.email if actor_id else ""))[:254],
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr[:300],
            changes={k: [_jsonable(v) for v in pair] for k, pair in (changes or {}).items()},
            request_id=meta.request_id if meta else "",
            ip_address=meta.ip_address if meta else None,
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save()
        head.advance(event.seq, event.hash)
        every = settings.AUDIT_CHECKPOINT_EVERY
        if every and event.seq % every == 0:
            # Only once committed: a checkpoint of a rolled-back event would accuse the trail.
            transaction.on_commit(partial(write_checkpoint, event.seq, event.hash))
    return event


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    message: str


def verify_chain(
    chunk_size: int = 2000, checkpoints: Iterable[Checkpoint] = ()
) -> ChainProblem | None:
    """Walk the whole trail in order and return the first problem, or None if it is intact.

    ``checkpoints`` (read from outside the database) must each name an event that exists and has
    the hash they recorded; the chain head must carry a valid seal and name the last event.
    """
    by_seq = {checkpoint.seq: checkpoint for checkpoint in checkpoints}
    expected_seq, prev_hash = 1, GENESIS_HASH
    events: Iterator[AuditEvent] = AuditEvent.objects.order_by("seq").iterator(
        chunk_size=chunk_size
    )
    for event in events:
        if problem := _link_problem(event, expected_seq, prev_hash):
            return problem
        checkpoint = by_seq.get(event.seq)
        if checkpoint is not None and checkpoint.hash != event.hash:
            return ChainProblem(
                event.seq,
                f"event #{event.seq} is not the event checkpointed at {checkpoint.at} "
                "(the trail was rewritten from here)",
            )
        prev_hash = event.hash
        expected_seq += 1
    return _end_problem(expected_seq - 1, prev_hash, by_seq)


def _link_problem(event: AuditEvent, expected_seq: int, prev_hash: str) -> ChainProblem | None:
    if event.seq != expected_seq:
        return ChainProblem(
            expected_seq,
            f"event #{expected_seq} is missing (deleted); the next event found is #{event.seq}",
        )
    if event.prev_hash != prev_hash:
        return ChainProblem(
            event.seq,
            f"event #{event.seq} does not follow event #{event.seq - 1} (inserted or reordered)",
        )
    if event.compute_hash() != event.hash:
        return ChainProblem(
            event.seq, f"event #{event.seq} was altered: its hash does not match its content"
        )
    return None


def _end_problem(
    last_seq: int, last_hash: str, checkpoints: dict[int, Checkpoint]
) -> ChainProblem | None:
    """After the walk: nothing may be missing from the end, by the checkpoints or by the head."""
    newest = max(checkpoints.values(), key=lambda c: c.seq, default=None)
    if newest is not None and newest.seq > last_seq:
        return ChainProblem(
            last_seq + 1,
            f"events #{last_seq + 1} to #{newest.seq} are missing (deleted from the end): "
            f"the checkpoint written at {newest.at} records event #{newest.seq}",
        )
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is None:
        if last_seq == 0:
            return None
        return ChainProblem(last_seq, "the chain head is missing (deleted)")
    if not head.is_sealed():
        return ChainProblem(
            last_seq + 1,
            "the chain head was altered outside the audit service: its seal does not match "
            f"(it claims event #{head.last_seq}; events may have been deleted from the end)",
        )
    if head.last_seq > last_seq:
        return ChainProblem(
            last_seq + 1,
            f"events #{last_seq + 1} to #{head.last_seq} are missing (deleted from the end)",
        )
    if head.last_seq != last_seq or head.last_hash != last_hash:
        return ChainProblem(
            last_seq, f"event #{last_seq} was added outside the audit service (inserted)"
        )
    return None
