"""The weekly digest: one e-mail per owner (actions overdue and due this week, risk reviews due),
sent by the background task to a real SMTP server (aiosmtpd on 127.0.0.1), none for a person with
nothing listed or who stopped it, and no OFFICIAL-SENSITIVE title in any e-mail."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.digest import build_digests
from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.core.tests.test_email_task import Inbox
from preventhub.directory.testing import PersonFactory
from preventhub.plan.models import ActionStatus
from preventhub.risk.models import Marking, RiskStatus
from preventhub.risk.tests.factories import AssessmentFactory, RiskFactory

from .factories import ActionFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    return str(body.get_content())


def _owner(name: str, email: str, **user: Any) -> Any:
    person = PersonFactory.create(name=name, email=email)
    make_user(None, email=email, full_name=name, person=person, **user)
    return person


def _world() -> dict[str, Any]:
    """Olivia owns actions and risks at every boundary; Sam stopped the digest; Nina owns only
    things not due; Pat owns an overdue action but cannot sign in."""
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    olivia = _owner("Olivia Owner", "olivia@example.gov.uk")
    sam = _owner("Sam Stopped", "sam@example.gov.uk", weekly_digest=False)
    nina = _owner("Nina Nothing", "nina@example.gov.uk")
    pat = PersonFactory.create(name="Pat No Account", email="pat@example.gov.uk")
    for description, due_on, status in (
        ("Due today", today, ActionStatus.IN_PROGRESS),
        ("Due tomorrow", today + day, ActionStatus.NOT_STARTED),
        ("Due in a week", today + 7 * day, ActionStatus.ON_HOLD),
        ("Due in eight days", today + 8 * day, ActionStatus.NOT_STARTED),
        ("No due date", None, ActionStatus.IN_PROGRESS),
        ("Overdue by a day", today - day, ActionStatus.IN_PROGRESS),
        ("Completed though past due", today - 3 * day, ActionStatus.COMPLETE),
        ("Cancelled though past due", today - 3 * day, ActionStatus.CANCELLED),
    ):
        ActionFactory.create(
            description=description, due_on=due_on, starts_on=None, status=status, owner=olivia
        )
    ActionFactory.create(description="Sam's overdue action", due_on=today - day, owner=sam)
    ActionFactory.create(description="Nina's later action", due_on=today + 30 * day, owner=nina)
    ActionFactory.create(description="Pat's overdue action", due_on=today - day, owner=pat)
    sensitive = AssessmentFactory.create(marking=Marking.OFFICIAL_SENSITIVE)
    RiskFactory.create(title="Review missed last week", owner=olivia, review_on=today - 7 * day)
    RiskFactory.create(
        title="Named extremist group recruiting at the gym",
        owner=olivia,
        review_on=today,
        marking=Marking.OFFICIAL_SENSITIVE,
    )
    RiskFactory.create(
        title="Risk in a sensitive assessment",
        owner=olivia,
        review_on=today + day,
        assessment=sensitive,
    )
    RiskFactory.create(
        title="Closed risk past review", owner=olivia, review_on=today - day,
        status=RiskStatus.CLOSED,
    )  # fmt: skip
    RiskFactory.create(title="Review next month", owner=olivia, review_on=today + 30 * day)
    RiskFactory.create(title="Risk with no review date", owner=olivia, review_on=None)
    return {"olivia": olivia, "sam": sam, "nina": nina}


INCLUDED = ["Due today", "Due tomorrow", "Due in a week", "Overdue by a day"]
EXCLUDED = [
    "Due in eight days",
    "No due date",
    "Completed though past due",
    "Cancelled though past due",
    "Closed risk past review",
    "Review next month",
    "Risk with no review date",
    # OFFICIAL-SENSITIVE titles never travel by e-mail.
    "Named extremist group",
    "Risk in a sensitive assessment",
]


@pytest.mark.django_db
def test_each_owner_gets_one_email_listing_what_is_due_at_the_boundaries(smtp_inbox):
    _world()
    call_command("send_digests")  # the test settings' immediate backend runs the task at once

    assert smtp_inbox.recipients == [["olivia@example.gov.uk"]]
    message = smtp_inbox.messages[0]
    assert message["Subject"] == "Prevent Hub: your weekly digest (7 items)"
    settings_url = "http://127.0.0.1:8000" + reverse("accounts:email_settings")
    assert message["List-Unsubscribe"] == f"<{settings_url}>"
    text = _text(message)
    for title in [*INCLUDED, "Review missed last week"]:
        assert f"- {title} (" in text, title
    for title in EXCLUDED:
        assert title not in text, title
    assert text.count("- A risk you own (") == 2
    assert "OFFICIAL-SENSITIVE is named only after you sign in" in text
    assert settings_url in text
    overdue, due, reviews = (
        text.index("Actions overdue (1)"),
        text.index("Actions due this week (3)"),
        text.index("Risk reviews due (3)"),
    )
    assert overdue < text.index("Overdue by a day") < due < text.index("Due today") < reviews


@pytest.mark.django_db
def test_a_week_with_nothing_due_sends_nothing(smtp_inbox):
    nina = _owner("Nina Nothing", "nina@example.gov.uk")
    ActionFactory.create(
        description="Later", due_on=timezone.localdate() + dt.timedelta(30), owner=nina
    )
    call_command("send_digests")
    assert smtp_inbox.messages == []


@pytest.mark.django_db
def test_the_boundaries_follow_the_day_the_digest_is_built():
    world = _world()
    today = timezone.localdate()
    # Built a day later, "due today" is overdue and "due in eight days" comes into the week.
    [digest] = build_digests(today + dt.timedelta(days=1))
    assert digest.user.person_id == world["olivia"].pk
    titles = {section.name: [item.title for item in items] for section, items in digest.sections}
    assert titles["plan_overdue"] == ["Overdue by a day", "Due today"]
    assert titles["plan_due"] == ["Due tomorrow", "Due in a week", "Due in eight days"]


@pytest.mark.django_db(transaction=True)
def test_the_command_queues_the_task_and_the_worker_sends_the_digests(smtp_inbox):
    from django_tasks_db.models import DBTaskResult

    _world()
    with override_settings(TASKS=DATABASE_QUEUE):
        call_command("send_digests")
        queued = DBTaskResult.objects.get()
        assert queued.status == "READY"
        assert smtp_inbox.messages == []
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        queued.refresh_from_db()
        assert queued.status == "SUCCESSFUL"
    assert smtp_inbox.recipients == [["olivia@example.gov.uk"]]


@pytest.mark.django_db
def test_a_person_stops_the_digest_from_their_email_settings(client, smtp_inbox):
    world = _world()
    olivia = world["olivia"].user
    client.force_login(olivia)
    url = reverse("accounts:email_settings")
    page = client.get(url).content.decode()
    assert 'type="checkbox"' in page and "checked" in page

    response = client.post(url, {})
    assert response.status_code == 302
    olivia.refresh_from_db()
    assert olivia.weekly_digest is False
    event = AuditEvent.objects.filter(action="accounts.digest_preference_changed").get()
    assert event.changes == {"weekly_digest": [True, False]}

    call_command("send_digests")
    assert smtp_inbox.messages == []

    client.post(url, {"weekly_digest": "on"})
    olivia.refresh_from_db()
    assert olivia.weekly_digest is True
    call_command("send_digests")
    assert smtp_inbox.recipients == [["olivia@example.gov.uk"]]
