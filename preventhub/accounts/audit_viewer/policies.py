"""Who may read the audit trail.

Only holders of ``audit.view`` (the auditor / data protection officer role) see it; for everyone
else the trail does not exist (404). The trail is never changed through the application, so the only
action a policy answers for is viewing: any other action yields no rows for anyone.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from preventhub.accounts.roles import Cap
from preventhub.audit.models import AuditEvent
from preventhub.core.policies import Action, Policy, grants_for, register


def can_view_audit(user: Any) -> bool:
    # Partnership-wide only: an organisation-scoped grant of the trail would still show every
    # organisation's events, so it must not count.
    return grants_for(user).has_partnership(Cap.AUDIT_VIEW)


@register
class AuditEventPolicy(Policy[AuditEvent]):
    model = AuditEvent

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[AuditEvent]:
        qs = AuditEvent._default_manager.all()
        if str(action) == Action.VIEW and can_view_audit(user):
            return qs
        return qs.none()


audit_events = AuditEventPolicy()


def audit_events_visible_to(user: Any) -> QuerySet[AuditEvent]:
    return audit_events.visible_to(user, Action.VIEW)
