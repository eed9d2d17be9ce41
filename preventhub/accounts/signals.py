"""Sign-ins, failures and MFA changes go to the audit trail."""

from __future__ import annotations

from typing import Any

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from preventhub.audit.services import record_event


@receiver(auth_signals.user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(actor=user, action="auth.login", obj=user)


@receiver(auth_signals.user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record_event(actor=user, action="auth.logout", obj=user)


@receiver(auth_signals.user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # Only the identifier tried is kept, never the password.
    tried = str(credentials.get("email") or credentials.get("username") or "")[:254]
    record_event(
        actor=None, action="auth.login_failed", object_type="accounts.user", actor_label=tried
    )


@receiver(account_signals.password_changed)
def _password_changed(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(actor=user, action="auth.password_changed", obj=user)


@receiver(account_signals.password_reset)
def _password_reset(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record_event(actor=user, action="auth.password_reset", obj=user)


def _authenticator_event(action: str) -> Any:
    def handler(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
        record_event(
            actor=user,
            action=action,
            obj=user,
            changes={"method": [None, authenticator.type]},
        )

    return handler


_added = _authenticator_event("mfa.authenticator_added")
_removed = _authenticator_event("mfa.authenticator_removed")
_reset = _authenticator_event("mfa.recovery_codes_reset")
mfa_signals.authenticator_added.connect(_added, dispatch_uid="audit_mfa_added")
mfa_signals.authenticator_removed.connect(_removed, dispatch_uid="audit_mfa_removed")
mfa_signals.authenticator_reset.connect(_reset, dispatch_uid="audit_mfa_reset")
