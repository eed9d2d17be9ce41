"""The plan's section on a governance decision's page: the plan actions the decision asked for
(the other end of ``Action.decisions``), for those who may see the plan."""

from __future__ import annotations

from typing import Any

from preventhub.core.related import register_section

from . import policies
from .queries import with_rag


def decision_actions(user: Any, decision: Any) -> dict[str, Any] | None:
    if not policies.can_view_plans(user):
        return None
    actions = (
        with_rag(policies.actions.visible_to(user).filter(decisions=decision))
        .select_related("lead_organisation", "objective__plan")
        .order_by("due_on", "id")
    )
    return {"plan_actions": list(actions[:50])}


def register_sections() -> None:
    register_section("governance.decision", "plan/includes/decision_actions.html", decision_actions)
