from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from preventhub.core.tasks import send_email_after_commit


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Accounts are created by administrators, never by self sign-up.
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Render now, send from the task queue after the transaction commits."""
        request = context.get("request")
        ctx = {"email": email, "request": request, **context}
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


class MFAAdapter(DefaultMFAAdapter):
    pass
