"""The whole-chain check, run by the task worker rather than inside a request."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .checkpoints import CheckpointFileError, configured_file, read_checkpoints, write_checkpoint
from .models import AuditChainHead, AuditEvent, ChainCheck, ChainCheckStatus
from .services import ChainProblem, record_event, verify_chain

logger = logging.getLogger(__name__)
TRAIL_TYPE, TRAIL_REPR = "audit.auditevent", "Audit trail"


def request_chain_check(*, actor: Any) -> tuple[ChainCheck, bool]:
    """Queue a check unless one is already waiting or running (a worker that died while running
    one is given an hour); return the check and whether it is new."""
    with transaction.atomic():
        pending = ChainCheck.objects.filter(
            status__in=[ChainCheckStatus.QUEUED, ChainCheckStatus.RUNNING],
            requested_at__gte=timezone.now() - dt.timedelta(hours=1),
        ).first()
        if pending is not None:
            return pending, False
        check = ChainCheck.objects.create(
            requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            requested_at=timezone.now(),
        )
        record_event(
            actor=actor,
            action="audit.verify_requested",
            object_type=TRAIL_TYPE,
            object_repr=TRAIL_REPR,
            changes={"check": [None, check.pk]},
        )
        transaction.on_commit(lambda: verify_audit_chain_task.enqueue(check.pk))
    return check, True


@task()
def verify_audit_chain_task(check_id: int) -> str:
    check = ChainCheck.objects.select_related("requested_by").get(pk=check_id)
    check.status, check.started_at = ChainCheckStatus.RUNNING, timezone.now()
    check.save(update_fields=["status", "started_at"])
    try:
        problem = _run_check()
    except Exception:
        logger.exception("audit chain check %s failed", check_id)
        check.status, check.finished_at = ChainCheckStatus.FAILED, timezone.now()
        check.save(update_fields=["status", "finished_at"])
        raise
    _store(check, problem)
    return str(check.status)


def _run_check() -> ChainProblem | None:
    head = AuditChainHead.objects.filter(pk=1).first()
    path = configured_file()
    try:
        checkpoints = read_checkpoints(path) if path is not None and path.exists() else []
    except CheckpointFileError as error:
        return ChainProblem(0, f"the checkpoint file cannot be trusted: {error}")
    problem = verify_chain(checkpoints=checkpoints)
    # The event the head named when the walk began was part of the intact chain: sign it.
    if (
        problem is None
        and head is not None
        and head.is_sealed()
        and AuditEvent.objects.filter(seq=head.last_seq, hash=head.last_hash).exists()
    ):
        write_checkpoint(head.last_seq, head.last_hash)
    return problem


def _store(check: ChainCheck, problem: ChainProblem | None) -> None:
    events = AuditChainHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0
    check.finished_at, check.events = timezone.now(), events
    if problem is None:
        check.status = ChainCheckStatus.INTACT
        outcome: dict[str, object] = {"result": "intact", "events": events}
    else:
        check.status = ChainCheckStatus.BROKEN
        check.problem_seq, check.problem = problem.seq, problem.message
        outcome = {"result": "broken", "event": problem.seq, "problem": problem.message}
    check.save(update_fields=["status", "finished_at", "events", "problem_seq", "problem"])
    record_event(
        actor=check.requested_by,
        action="audit.verified",
        object_type=TRAIL_TYPE,
        object_repr=TRAIL_REPR,
        changes={"check": [None, check.pk], **{k: [None, v] for k, v in outcome.items()}},
    )
