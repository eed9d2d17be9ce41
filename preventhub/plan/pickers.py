"""What the plan's pickers choose (see core/pickers.py): decisions that asked for an action, and
actions that spend was made on."""

from __future__ import annotations

from typing import Any

from preventhub.core.pickers import PickerSource
from preventhub.governance.models import Decision
from preventhub.risk.models import Risk

from .models import Action


def describe_decision(decision: Any) -> str:
    return f"{decision.title}, {decision.decided_on:%-d %B %Y}"


def describe_action(action: Any) -> str:
    return f"{action}, led by {action.lead_organisation.name}"


DECISIONS = PickerSource(
    kind="decisions",
    model=Decision,
    singular="decision",
    plural="decisions",
    search_fields=("title",),
    order_by=("-decided_on", "-id"),
    describe=describe_decision,
    url_name="plan:search_decisions",
)

ACTIONS = PickerSource(
    kind="actions",
    model=Action,
    singular="action",
    plural="actions",
    search_fields=("description", "lead_organisation__name"),
    order_by=("due_on", "id"),
    describe=describe_action,
    url_name="plan:search_actions",
    related=("lead_organisation",),
)


def describe_risk(risk: Any) -> str:
    return f"{risk.reference} {risk.title}".strip()


RISKS = PickerSource(
    kind="risks",
    model=Risk,
    singular="risk",
    plural="risks",
    search_fields=("title", "reference"),
    order_by=("title", "id"),
    describe=describe_risk,
    url_name="plan:search_risks",
)
