"""A new task sends its person an e-mail through the worker: queued in the database task backend
when the change commits, sent by ``manage.py db_worker``, carrying a link and nothing of the task's
content. With the console mailer (development's), the worker prints it."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from preventhub.governance.services import reports as services
from preventhub.governance.tests.reports_fixtures import seed_report

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CONSOLE = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}


def _work_the_queue() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, MAILERS=LOCMEM)
def test_each_officer_asked_to_verify_is_emailed_a_link_by_the_worker(personas):
    from django_tasks_db.models import DBTaskResult

    seed = seed_report()
    mail.outbox = []

    with transaction.atomic():
        services.request_implications(
            actor=personas["prevent_lead"], report=seed.report, expected_version=1
        )
        # Nothing is queued until the change commits.
        assert not DBTaskResult.objects.exists()
    queued = list(DBTaskResult.objects.values_list("status", flat=True))
    assert queued == ["READY"] * 3 and mail.outbox == []

    _work_the_queue()

    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    by_officer = {message.to[0]: message for message in mail.outbox}
    assert set(by_officer) == {seed.finance.email, seed.legal.email, seed.equality.email}
    finance = by_officer[seed.finance.email]
    link = reverse("governance:implication_verify", args=[seed.implications["financial"].public_id])
    assert finance.subject == "Prevent Hub: a new task for you"
    assert f"http://127.0.0.1:8000{link}" in finance.body
    assert "Dear Jo Whitfield" in finance.body
    # Only the kind of task and the link: not the report's title, body or wording.
    assert seed.report.title not in finance.body
    assert seed.report.body.name not in finance.body
    assert seed.implications["financial"].text not in finance.body


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, MAILERS=LOCMEM)
def test_no_email_is_queued_when_the_request_is_refused(personas):
    from django_tasks_db.models import DBTaskResult

    seed = seed_report()
    seed.implications["legal"].verifier = None
    seed.implications["legal"].save()

    with pytest.raises(ValidationError, match="Choose who verifies the legal implications"):
        services.request_implications(
            actor=personas["prevent_lead"], report=seed.report, expected_version=1
        )

    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE, MAILERS=CONSOLE)
def test_in_development_the_worker_prints_the_email_on_the_console(personas):
    seed = seed_report()
    with transaction.atomic():
        services.request_implications(
            actor=personas["prevent_lead"], report=seed.report, expected_version=1
        )

    printed = io.StringIO()
    with redirect_stdout(printed):
        _work_the_queue()

    console = printed.getvalue()
    assert console.count("Subject: Prevent Hub: a new task for you") == 3
    assert f"To: {seed.finance.email}" in console
    assert "implications to verify" in console
