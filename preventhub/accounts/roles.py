"""The roles a person can hold and what each lets them do.

Roles are data (`RoleAssignment` rows); this module is the single place that says which capabilities
each role carries. Views never name roles: they ask an app's policies, which ask for capabilities.
"""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    PREVENT_LEAD = "prevent_lead", "Prevent lead"
    CHANNEL_COORDINATOR = "channel_coordinator", "Channel coordinator"
    CHANNEL_PANEL_MEMBER = "channel_panel_member", "Channel panel member"
    PARTNER_LEAD = "partner_lead", "Partner lead"
    DEMOCRATIC_SERVICES = "democratic_services", "Democratic services officer"
    COUNCILLOR = "councillor", "Councillor"
    AUDITOR = "auditor", "Auditor"


# Anyone who can reach case data, administer accounts or read the audit trail must use MFA.
MFA_REQUIRED_ROLES: frozenset[str] = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.PREVENT_LEAD,
        Role.CHANNEL_COORDINATOR,
        Role.CHANNEL_PANEL_MEMBER,
        Role.AUDITOR,
    }
)

# Roles that only make sense for one organisation (their scope must be an organisation).
ORGANISATION_SCOPED_ROLES: frozenset[str] = frozenset({Role.PARTNER_LEAD})


class Cap:
    """Capability codes. A capability granted through an organisation-scoped assignment applies to
    that organisation's records only."""

    DIRECTORY_VIEW = "directory.view"
    DIRECTORY_MANAGE = "directory.manage"
    ACCOUNTS_MANAGE = "accounts.manage"
    AUDIT_VIEW = "audit.view"
    API_TOKENS = "api.tokens"
    GOVERNANCE_VIEW = "governance.view"
    GOVERNANCE_MANAGE = "governance.manage"
    GOVERNANCE_VIEW_EXEMPT = "governance.view_exempt"
    GOVERNANCE_VIEW_DRAFTS = "governance.view_drafts"
    GOVERNANCE_NOMINATE = "governance.nominate"
    GOVERNANCE_REPORTS = "governance.reports"  # draft committee reports and request implications
    # Local risk assessment and the partnership plan (issue 7).
    RISK_VIEW = "risk.view"  # risks and assessments marked OFFICIAL
    RISK_VIEW_SENSITIVE = "risk.view_sensitive"  # ... and those marked OFFICIAL-SENSITIVE
    RISK_MANAGE = "risk.manage"  # assessments, the register, the taxonomy and the rating matrix
    RISK_CONTRIBUTE = "risk.contribute"  # a partner's contribution (organisation-scoped)
    PLAN_VIEW = "plan.view"  # plans, objectives, actions, measures and funding
    PLAN_MANAGE = "plan.manage"  # every plan record
    PLAN_UPDATE = "plan.update"  # progress on actions the organisation leads (organisation-scoped)


_EVERYONE = {Cap.DIRECTORY_VIEW, Cap.API_TOKENS, Cap.GOVERNANCE_VIEW, Cap.RISK_VIEW, Cap.PLAN_VIEW}
_SENSITIVE_RISK = {Cap.RISK_VIEW_SENSITIVE}

ROLE_CAPABILITIES: dict[str, frozenset[str]] = {
    Role.ADMINISTRATOR: frozenset({Cap.ACCOUNTS_MANAGE, Cap.DIRECTORY_MANAGE, *_EVERYONE}),
    Role.PREVENT_LEAD: frozenset(
        {
            Cap.DIRECTORY_MANAGE,
            Cap.GOVERNANCE_REPORTS,
            Cap.GOVERNANCE_VIEW_DRAFTS,
            Cap.GOVERNANCE_VIEW_EXEMPT,
            Cap.RISK_MANAGE,
            Cap.PLAN_MANAGE,
            *_SENSITIVE_RISK,
            *_EVERYONE,
        }
    ),
    Role.CHANNEL_COORDINATOR: frozenset({*_SENSITIVE_RISK, *_EVERYONE}),
    Role.CHANNEL_PANEL_MEMBER: frozenset(_EVERYONE),
    Role.PARTNER_LEAD: frozenset(
        {
            Cap.DIRECTORY_MANAGE,
            Cap.RISK_CONTRIBUTE,
            Cap.PLAN_UPDATE,
            *_SENSITIVE_RISK,
            *_EVERYONE,
        }
    ),
    Role.DEMOCRATIC_SERVICES: frozenset(
        {
            Cap.DIRECTORY_MANAGE,
            Cap.GOVERNANCE_MANAGE,
            Cap.GOVERNANCE_REPORTS,
            Cap.GOVERNANCE_VIEW_DRAFTS,
            Cap.GOVERNANCE_VIEW_EXEMPT,
            *_EVERYONE,
        }
    ),
    Role.COUNCILLOR: frozenset({Cap.GOVERNANCE_NOMINATE, *_EVERYONE}),
    Role.AUDITOR: frozenset({Cap.AUDIT_VIEW, *_EVERYONE}),
}
