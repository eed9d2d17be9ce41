"""The weekly digest: one e-mail per person listing what waits for them (plan actions overdue and
due in the coming week, risks whose review is due), sent by a background task.

The modules that own the items sit above accounts, so each registers a ``DigestSection`` from its
``AppConfig.ready``: a function returning ``(person id, DigestItem)`` pairs for every person at
once (one query per section, whatever the number of people). The task groups them by person and
sends to each signed-up person who has not stopped the digest one e-mail, and none to a person
with nothing listed. ``manage.py send_digests`` (run weekly by cron) queues the task.

Nothing OFFICIAL-SENSITIVE goes into an e-mail: a section words such an item without its title
("A risk you own") and the link leads behind sign-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.inbox import absolute

from .models import User

DIGEST_DAYS = 7  # "due" means due from today up to and including a week from today
PREFERENCE_CHANGED = register(
    "accounts.digest_preference_changed", "Weekly digest turned on or off"
)


@dataclass(frozen=True)
class DigestItem:
    title: str
    path: str  # a path on this site, behind sign-in
    on: dt.date | None = None  # the due or review date


@dataclass(frozen=True)
class DigestSection:
    name: str
    heading: str  # "Actions overdue"
    order: int
    # (today, last day counted as due) → (person id, item) pairs for every person
    items: Callable[[dt.date, dt.date], Iterable[tuple[int, DigestItem]]]


_SECTIONS: dict[str, DigestSection] = {}


def register_digest_section(section: DigestSection) -> None:
    _SECTIONS[section.name] = section


def sections() -> list[DigestSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name))


@dataclass(frozen=True)
class Digest:
    user: User
    sections: list[tuple[DigestSection, list[DigestItem]]]

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.sections)


def build_digests(today: dt.date | None = None) -> list[Digest]:
    """Each person's digest with at least one item, for people who sign in, are active, have an
    e-mail address and have not stopped the digest. Queries: one per section and one for users."""
    today = today or timezone.localdate()
    last = today + dt.timedelta(days=DIGEST_DAYS)
    found: dict[int, dict[str, list[DigestItem]]] = {}
    for section in sections():
        for person_id, item in section.items(today, last):
            found.setdefault(person_id, {}).setdefault(section.name, []).append(item)
    if not found:
        return []
    users = (
        User.objects.filter(person_id__in=list(found), is_active=True, weekly_digest=True)
        .exclude(email="")
        .order_by("email")
    )
    digests = []
    for user in users:
        assert user.person_id is not None  # filtered above
        mine = found[user.person_id]
        parts = [(section, mine[section.name]) for section in sections() if section.name in mine]
        digests.append(Digest(user, parts))
    return digests


def digest_message(digest: Digest) -> EmailMessage:
    settings_url = absolute(reverse("accounts:email_settings"))
    context = {
        "name": digest.user.full_name or digest.user.email,
        "sections": [
            (section.heading, [(item, absolute(item.path)) for item in items])
            for section, items in digest.sections
        ],
        "days": DIGEST_DAYS,
        "settings_url": settings_url,
        "service_name": settings.SERVICE_NAME,
    }
    message = EmailMessage(
        subject=f"{settings.SERVICE_NAME}: your weekly digest ({digest.count} "
        f"item{'s' if digest.count != 1 else ''})",
        body=render_to_string("accounts/email/weekly_digest.txt", context),
        to=[digest.user.email],
        headers={"List-Unsubscribe": f"<{settings_url}>"},
    )
    return message


@task()
def send_digests_task() -> int:
    """Send this week's digests; returns how many e-mails were sent."""
    sent = 0
    for digest in build_digests():
        sent += digest_message(digest).send()
    return sent


def queue_digests() -> None:
    """Queue the digest task once the current transaction commits."""
    transaction.on_commit(send_digests_task.enqueue)


def set_weekly_digest(*, actor: Any, user: User, weekly_digest: bool) -> User:
    """Turn the person's weekly digest on or off (audited)."""
    if user.weekly_digest == weekly_digest:
        return user
    with transaction.atomic():
        before = user.weekly_digest
        user.weekly_digest = weekly_digest
        user.save(update_fields=["weekly_digest"])
        record_event(
            actor=actor,
            action=PREFERENCE_CHANGED,
            obj=user,
            changes={"weekly_digest": [before, weekly_digest]},
        )
    return user
