"""E-mail goes out through the task queue after the transaction commits, to a real SMTP server
(aiosmtpd on 127.0.0.1), both with the test settings' immediate backend and through the database
queue worked by ``manage.py db_worker --batch``."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from preventhub.core.tasks import send_email_after_commit


class Inbox:
    """aiosmtpd handler that keeps every message it is sent."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_inbox() -> Iterator[Inbox]:
    """A real SMTP server on a free local port, with MAILERS pointing at it."""
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    mailers = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    try:
        with override_settings(MAILERS=mailers):
            yield inbox
    finally:
        controller.stop()


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    return body.get_content()


@pytest.mark.django_db
def test_password_reset_email_reaches_the_smtp_server_after_commit(
    client, smtp_inbox, django_capture_on_commit_callbacks, councillor
):
    user = councillor

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    # Nothing is sent while the request's transaction is still open.
    assert smtp_inbox.messages == []

    for callback in callbacks:
        callback()

    assert smtp_inbox.recipients == [[user.email]]
    message = smtp_inbox.messages[0]
    assert message["Subject"] == "Prevent Hub: Reset your password"
    assert "http://testserver/accounts/password/reset/key/" in _text(message)


@pytest.mark.django_db
def test_no_email_is_sent_for_a_rolled_back_change(smtp_inbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                send_email_after_commit(subject="Never", body="Never sent", to=["x@example.org"])
                raise RuntimeError("roll back")
        except RuntimeError:
            pass

    assert smtp_inbox.messages == []


@pytest.mark.django_db(transaction=True)
def test_db_worker_sends_a_queued_email_to_the_smtp_server(smtp_inbox):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        with transaction.atomic():
            send_email_after_commit(
                subject="Channel panel on Thursday",
                body="The agenda is ready.",
                to=["panel@example.org"],
            )
        queued = DBTaskResult.objects.get()
        assert queued.status == "READY"
        assert smtp_inbox.messages == []

        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

        queued.refresh_from_db()
        assert queued.status == "SUCCESSFUL"
    assert smtp_inbox.recipients == [["panel@example.org"]]
    assert smtp_inbox.messages[0]["Subject"] == "Channel panel on Thursday"
    assert _text(smtp_inbox.messages[0]).strip() == "The agenda is ready."
