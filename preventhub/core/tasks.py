"""Background tasks. ``task`` comes from Django's own ``django.tasks``: on Django 6.x the
django-tasks-db backend and its ``db_worker`` are built on it and refuse tasks made with the
django-tasks backport's decorator (test_email_task runs the worker to prove it)."""

from __future__ import annotations

from functools import partial

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task


@task()
def send_email_task(
    subject: str, body: str, to: list[str], from_email: str | None = None, html: str | None = None
) -> int:
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def send_email_after_commit(
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html: str | None = None,
) -> None:
    """Queue an e-mail once the current transaction commits (never for a rolled-back change)."""
    transaction.on_commit(
        partial(
            send_email_task.enqueue,
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            html=html,
        )
    )
