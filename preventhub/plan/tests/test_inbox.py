"""The plan's tasks in the inbox: an owner sees their open actions due in the next 14 days or
overdue; the Prevent lead sees every such action across the partnership."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from preventhub.accounts.testing import make_user
from preventhub.core.inbox import inbox_for
from preventhub.plan.inbox import OWNER_SOURCE, PARTNERSHIP_SOURCE
from preventhub.plan.models import PlanActionStatus
from preventhub.plan.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


def _in(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def owned():
    """An owner (no role) with actions: overdue, due today, in 14 and 15 days, complete."""
    first = ActionFactory.create(due_on=_in(-3), starts_on=None, description="Overdue one")
    person = first.owner
    for days, description, status in (
        (0, "Due today", PlanActionStatus.IN_PROGRESS),
        (14, "Due in a fortnight", PlanActionStatus.NOT_STARTED),
        (15, "Not yet due", PlanActionStatus.NOT_STARTED),
        (-1, "Done already", PlanActionStatus.COMPLETE),
    ):
        ActionFactory.create(
            owner=person, due_on=_in(days), starts_on=None, description=description, status=status
        )
    return make_user(None, person=person)


def test_an_owner_without_a_role_sees_their_open_actions_due_soon_or_overdue(owned):
    found = inbox_for(owned)
    assert [t.title for t in found.tasks] == [
        "Update your action: Overdue one",
        "Update your action: Due today",
        "Update your action: Due in a fortnight",
    ]
    assert found.tasks[0].is_overdue
    assert found.tasks[0].link.startswith("/plan/actions/")
    assert [(c.name, c.count, c.list_url) for c in found.counts] == [
        (OWNER_SOURCE, 3, reverse("plan:my_actions"))
    ]


def test_the_prevent_lead_sees_overdue_and_due_soon_actions_across_the_partnership(
    owned, prevent_lead, councillor, partner_lead
):
    found = inbox_for(prevent_lead)
    counts = {c.name: c.count for c in found.counts}
    assert counts == {PARTNERSHIP_SOURCE: 3}
    assert found.tasks[0].title.startswith("Check on: Overdue one (")
    assert not inbox_for(councillor).counts
    assert not inbox_for(partner_lead).counts


def test_the_owners_list_of_actions_shows_only_theirs(owned, client):
    ActionFactory.create(description="Someone else's action")
    client.force_login(owned)
    page = client.get(reverse("plan:my_actions")).content.decode()
    assert "Due in a fortnight" in page and "Not yet due" in page
    assert "Someone else" not in page
