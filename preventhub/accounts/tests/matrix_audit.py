"""Permission-matrix cases for the audit viewer (accounts/audit_viewer): the auditor only; everyone
else gets 404. Joined to the accounts cases by matrix.py."""

from __future__ import annotations

from typing import Any

from preventhub.audit.services import record_event
from preventhub.core.testing.matrix import Case

AUDITOR = frozenset({"auditor"})


def build(world: Any) -> None:
    world.audit_event = record_event(
        actor=world.administrator,
        action="accounts.user_updated",
        obj=world.partner_lead,
        changes={"full_name": ["Sam Scool", "Sam School"]},
    )


CASES = [
    Case("audit:event_list", allowed=AUDITOR),
    Case(
        "audit:event_list",
        allowed=AUDITOR,
        query="action=auth.login&from_day=1&from_month=1&from_year=2020",
    ),
    # The error state (summary, date input in error), so the browser walk checks it with axe too.
    Case(
        "audit:event_list",
        allowed=AUDITOR,
        query="from_day=31&from_month=2&from_year=2026&to_month=13",
    ),
    Case("audit:event_detail", allowed=AUDITOR, kwargs=lambda w: {"seq": w.audit_event.seq}),
    # force_login records no allauth authentication step (a real sign-in would count as recent,
    # see accounts/adapters.py), so even the auditor is first sent to re-enter their password:
    # 302 to /accounts/reauthenticate/. The download itself is tested in
    # tests/audit_viewer/test_export.py. Everyone else gets 404 before re-authentication.
    Case(
        "audit:export",
        allowed=AUDITOR,
        ok=(302,),
        browse=False,
        note="re-authentication required; see test_export.py",
    ),
    Case("audit:verify", allowed=AUDITOR),
    # Queues the check for the task worker and comes back to the page.
    Case("audit:verify", allowed=AUDITOR, method="post", ok=(302,), browse=False),
]
