from __future__ import annotations

import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from preventhub.audit.services import record_event
from preventhub.core.tasks import send_email_after_commit


class AccountAdapter(DefaultAccountAdapter):
    # GOV.UK style: say what went wrong and what to do next.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "Enter a correct email address and password",
        "too_many_login_attempts": (
            "You have tried to sign in too many times. Wait 5 minutes before you try again, "
            "or reset your password"
        ),
    }

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """The "key" of the login_failed rate limit (LOGIN_FAILED_RATE_LIMIT, "5/5m/key"): the
        account AND the client address. Keyed by the account alone, anyone who knows an e-mail
        address could lock its owner out from everywhere by typing wrong passwords; per address,
        the owner signing in from elsewhere is unaffected, and "10/m/ip" still caps one address.
        The address is the one TRUSTED_PROXY_COUNT makes out (see README)."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created by administrators, never by self sign-up.
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        """allauth's rate limit refuses the attempt before the password is checked, so no
        "failed sign-in" is recorded for it; record the refusal instead."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            tried = str(credentials.get("email") or credentials.get("username") or "")[:254]
            record_event(
                actor=None,
                action="auth.login_blocked",
                object_type="accounts.user",
                actor_label=tried,
            )
            raise

    def format_email_subject(self, subject: str) -> str:
        return f"{settings.SERVICE_NAME}: {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render now, send from the task queue after the transaction commits."""
        request = context.get("request") or self.request
        ctx = {
            "email": email,
            "request": request,
            "current_site": get_current_site(request),
            "service_name": settings.SERVICE_NAME,
            "council_name": settings.COUNCIL_NAME,
            **context,
        }
        message = self.render_mail(template_prefix, email, ctx)
        html = None
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = str(content)
        send_email_after_commit(
            subject=str(message.subject),
            body=str(message.body),
            to=list(message.to),
            from_email=message.from_email,
            html=html,
        )

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        # Signing in is an authentication like any other: someone who has just given their
        # password (and code) is not asked for it again for a sensitive action within
        # ACCOUNT_REAUTHENTICATION_TIMEOUT. allauth by itself counts only an explicit
        # re-authentication as recent. A session made without signing in (none is, outside tests)
        # carries no authentication record and is always asked.
        if self._authenticated_recently():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _authenticated_recently(self) -> bool:
        request = self.request
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        records = get_authentication_records(request, user)
        if not records:
            return False
        return time.time() - records[-1]["at"] < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT


class MFAAdapter(DefaultMFAAdapter):
    pass
