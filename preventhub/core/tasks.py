"""Background tasks. ``task`` comes from django-tasks (the backport) because its database backend
needs it; switching to ``django.tasks`` later is a change to this one import."""

from __future__ import annotations

from functools import partial

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django_tasks import task


@task()
def send_email_task(
    subject: str, body: str, to: list[str], from_email: str | None = None, html: str | None = None
) -> int:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def send_email_after_commit(
    *, subject: str, body: str, to: list[str], from_email: str | None = None, html: str | None = None
) -> None:
    """Queue an e-mail once the current transaction commits (never for a rolled-back change)."""
    transaction.on_commit(
        partial(send_email_task.enqueue, subject=subject, body=body, to=to, from_email=from_email, html=html)
    )
