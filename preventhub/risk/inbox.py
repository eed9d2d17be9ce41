"""The risk module's task in the inbox (``core.inbox``): contributions requested from you.

Found through the person linked to the signed-in user (the contribution policy's ``change`` rows
that wait for them), so a partner officer with no role who has been asked sees the task.
"""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, F, QuerySet, Value
from django.db.models.functions import Concat
from django.urls import reverse

from preventhub.core.inbox import register_task_source
from preventhub.core.policies import Action

from . import policies
from .models import Contribution, ContributionStatus

CONTRIBUTIONS_SOURCE = "risk.contributions_requested"


def contributions_requested(user: Any) -> QuerySet[Contribution]:
    person_id = (
        getattr(user, "person_id", None) if getattr(user, "is_authenticated", False) else None
    )
    if not person_id:
        return Contribution.objects.none()
    return policies.contributions.visible_to(user, Action.CHANGE).filter(
        requested_from_id=person_id, status=ContributionStatus.REQUESTED
    )


def register_sources() -> None:
    register_task_source(
        CONTRIBUTIONS_SOURCE,
        contributions_requested,
        label="Contributions requested from you",
        title=Concat(
            Value("Contribute to "),
            F("assessment__title"),
            Value(" for "),
            F("organisation__name"),
            output_field=CharField(),
        ),
        due_on=F("due_on"),
        link=lambda public_id: reverse("risk:contribution_respond", args=[public_id]),
        list_url_name="risk:my_contributions",
        order=40,
    )
