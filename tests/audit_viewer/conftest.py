"""Fixtures for the audit viewer's tests: a trail of any length (``preventhub.audit.testing``) and
the change of an exempt committee report, a record whose policy keeps its content from auditors who
may not see it. These tests sit here, among the cross-app tests, because they read governance's
records through the viewer in accounts."""

from __future__ import annotations

from typing import Any

import pytest

from preventhub.accounts.models import RoleAssignment
from preventhub.accounts.roles import Role
from preventhub.audit.models import AuditEvent
from preventhub.audit.testing import BuildTrail, append_events
from preventhub.governance.services.reports import update_report
from preventhub.governance.tests.reports_fixtures import seed_report


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
