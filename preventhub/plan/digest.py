"""The plan's part of the weekly digest: each owner's open actions that are overdue, and those due
from today to a week from today. Actions without a due date, completed and cancelled ones are not
listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import QuerySet
from django.urls import reverse

from preventhub.accounts.digest import DigestItem, DigestSection, register_digest_section

from .models import Action
from .rag import OPEN_STATUSES


def _open() -> QuerySet[Action]:
    return Action.objects.filter(owner__isnull=False, status__in=OPEN_STATUSES).order_by(
        "due_on", "id"
    )


def _item(action: Action) -> DigestItem:
    return DigestItem(
        title=str(action),
        path=reverse("plan:action_detail", args=[action.public_id]),
        on=action.due_on,
    )


def overdue(today: dt.date, last: dt.date) -> Iterator[tuple[int, DigestItem]]:
    for action in (
        _open().filter(due_on__lt=today).only("public_id", "description", "due_on", "owner_id")
    ):
        if action.owner_id is not None:
            yield action.owner_id, _item(action)


def due(today: dt.date, last: dt.date) -> Iterator[tuple[int, DigestItem]]:
    for action in (
        _open()
        .filter(due_on__gte=today, due_on__lte=last)
        .only("public_id", "description", "due_on", "owner_id")
    ):
        if action.owner_id is not None:
            yield action.owner_id, _item(action)


def register() -> None:
    register_digest_section(DigestSection("plan_overdue", "Actions overdue", 10, overdue))
    register_digest_section(DigestSection("plan_due", "Actions due this week", 20, due))
