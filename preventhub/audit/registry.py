"""Registry of audit action codes. Every event's ``action`` must be registered here, with a label
the audit viewer shows; apps register their own codes in ``<app>/audit_actions.py`` with
``register``.
"""

from __future__ import annotations

_ACTIONS: dict[str, str] = {}


def register(code: str, label: str) -> str:
    _ACTIONS[code] = label
    return code


def label_for(code: str) -> str:
    return _ACTIONS.get(code, code)


def is_registered(code: str) -> bool:
    return code in _ACTIONS


def choices() -> list[tuple[str, str]]:
    return sorted(_ACTIONS.items(), key=lambda item: item[1])


for _code, _label in [
    ("auth.login", "Signed in"),
    ("auth.login_failed", "Failed sign-in"),
    ("auth.logout", "Signed out"),
    ("auth.password_changed", "Password changed"),
    ("auth.password_reset", "Password reset"),
    ("mfa.authenticator_added", "MFA method added"),
    ("mfa.authenticator_removed", "MFA method removed"),
    ("mfa.recovery_codes_reset", "MFA recovery codes regenerated"),
    ("access.denied", "Access denied"),
    ("accounts.user_created", "User created"),
    ("accounts.user_updated", "User updated"),
    ("accounts.user_deactivated", "User deactivated"),
    ("accounts.user_reactivated", "User reactivated"),
    ("accounts.role_assigned", "Role assigned"),
    ("accounts.role_removed", "Role removed"),
    ("accounts.token_created", "API token created"),
    ("accounts.token_revoked", "API token revoked"),
    ("audit.exported", "Audit trail exported"),
    ("audit.viewed", "Audit trail viewed"),
    ("audit.event_viewed", "Audit event viewed"),
    ("audit.verify_requested", "Audit trail check requested"),
    ("audit.verified", "Audit trail checked"),
]:
    register(_code, _label)
