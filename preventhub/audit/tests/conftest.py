"""Fixtures for the audit viewer's tests: a trail of any length, chained exactly as record_event
chains it but written with one bulk insert, so 1,000-event tests stay fast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from preventhub.accounts.models import RoleAssignment
from preventhub.accounts.roles import Role
from preventhub.audit.models import AuditChainHead, AuditEvent
from preventhub.governance.services.reports import update_report
from preventhub.governance.tests.reports_fixtures import seed_report

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


@pytest.fixture
def trail(db) -> BuildTrail:
    return append_events


SECRET_TITLE = "Draft: Operation Kestrel referrals at Northbridge Academy"
SECRET_SUMMARY = "Three pupils were referred after the assembly on 4 March."


def change_exempt_report(actor: Any, **fields: Any) -> AuditEvent:
    """Draft an exempt report and change its title and executive summary; return that event."""
    report = seed_report(is_exempt=True, exempt_paragraph=1, **fields).report
    update_report(
        actor=actor,
        report=report,
        data={
            "title": SECRET_TITLE,
            "executive_summary": SECRET_SUMMARY,
            "is_exempt": True,
            "exempt_paragraph": 1,
        },
        expected_version=None,
    )
    return AuditEvent.objects.filter(object_id=str(report.public_id)).latest("seq")


@pytest.fixture
def exempt_report_change(db, prevent_lead) -> AuditEvent:
    return change_exempt_report(prevent_lead)


@pytest.fixture
def auditor_with_exempt_access(auditor) -> Any:
    """An auditor who also holds the Prevent lead's role, so may see exempt and draft reports."""
    RoleAssignment.objects.create(user=auditor, role=Role.PREVENT_LEAD)
    return auditor
