"""The plan's tasks in the inbox (``core.inbox``): an owner's open actions due in the next 14 days
or overdue, and, for the Prevent lead, every such action across the partnership.

Owners are found through the person linked to the signed-in account, so an owner who holds no role
sees their actions. Titles and due dates are SQL expressions over the action rows.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Concat, Left
from django.urls import reverse

from preventhub.core.inbox import register_task_source

from . import policies
from .models import Action
from .queries import due_soon_or_overdue

OWNER_SOURCE = "plan.actions_due"
PARTNERSHIP_SOURCE = "plan.partnership_actions_due"


def actions_due(user: Any) -> QuerySet[Action]:
    """The user's own open actions that are overdue or due in the next 14 days."""
    person_id = getattr(user, "person_id", None)
    if not person_id:
        return Action.objects.none()
    return policies.actions.visible_to(user, policies.UPDATE).filter(
        due_soon_or_overdue(), owner_id=person_id
    )


def partnership_actions_due(user: Any) -> QuerySet[Action]:
    """For the Prevent lead: every open action that is overdue or due in the next 14 days."""
    if not policies.can_manage_plans(user):
        return Action.objects.none()
    return policies.actions.visible_to(user, policies.UPDATE).filter(due_soon_or_overdue())


def _title(prefix: str, with_lead: bool = False) -> Any:
    parts: list[Any] = [Value(prefix), Left("description", 80)]
    if with_lead:
        parts += [Value(" ("), F("lead_organisation__name"), Value(")")]
    return Concat(*parts, output_field=CharField())


def _link(public_id: Any) -> str:
    return reverse("plan:action_detail", args=[public_id])


def register_sources() -> None:
    register_task_source(
        OWNER_SOURCE,
        actions_due,
        label="Actions due",
        title=_title("Update your action: "),
        due_on=F("due_on"),
        link=_link,
        list_url_name="plan:my_actions",
        order=40,
    )
    register_task_source(
        PARTNERSHIP_SOURCE,
        partnership_actions_due,
        label="Partnership actions overdue or due soon",
        title=_title("Check on: ", with_lead=True),
        due_on=F("due_on"),
        link=_link,
        list_url_name="plan:actions_due",
        order=41,
    )
