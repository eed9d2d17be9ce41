"""Plans and objectives. A new plan is given the starting objectives in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from preventhub.core.policies import Action as Act
from preventhub.core.services import create_record, update_record
from preventhub.governance.models import Decision
from preventhub.plan import audit_actions as codes
from preventhub.plan import policies
from preventhub.plan.models import Objective, Plan, PlanStatus
from preventhub.plan.objectives import STARTING_OBJECTIVES

from .common import by, only, require

PLAN_FIELDS = ("title", "starts_on", "ends_on", "status", "agreed_by")
OBJECTIVE_FIELDS = ("title", "description", "deliverable", "toolkit_area")


def create_plan(
    *,
    actor: Any,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    status: str = PlanStatus.DRAFT,
    agreed_by: Decision | None = None,
) -> Plan:
    require(policies.can_manage_plans(actor))
    plan = Plan(
        title=title, starts_on=starts_on, ends_on=ends_on, status=status, agreed_by=agreed_by
    )
    by(plan, actor)
    with transaction.atomic():
        create_record(actor=actor, instance=plan, action=codes.PLAN_CREATED)
        for position, (name, deliverable, area) in enumerate(STARTING_OBJECTIVES, start=1):
            objective = Objective(
                plan=plan,
                title=name,
                deliverable=deliverable,
                toolkit_area=area,
                position=position,
            )
            by(objective, actor)
            create_record(actor=actor, instance=objective, action=codes.OBJECTIVE_CREATED)
    return plan


def update_plan(
    *, actor: Any, plan: Plan, data: dict[str, Any], expected_version: int | None
) -> Plan:
    require(policies.plans.can(actor, Act.CHANGE, plan))
    by(plan, actor)
    return update_record(
        actor=actor,
        instance=plan,
        data=only(data, PLAN_FIELDS),
        expected_version=expected_version,
        action=codes.PLAN_UPDATED,
    )


def add_objective(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    description: str = "",
    deliverable: str = "",
    toolkit_area: str = "",
) -> Objective:
    require(policies.plans.can(actor, Act.CHANGE, plan))
    last = plan.objectives.order_by("-position").values_list("position", flat=True).first()
    objective = Objective(
        plan=plan,
        title=title,
        description=description,
        deliverable=deliverable,
        toolkit_area=toolkit_area,
        position=(last or 0) + 1,
    )
    by(objective, actor)
    return create_record(actor=actor, instance=objective, action=codes.OBJECTIVE_CREATED)


def update_objective(
    *, actor: Any, objective: Objective, data: dict[str, Any], expected_version: int | None
) -> Objective:
    require(policies.objectives.can(actor, Act.CHANGE, objective))
    by(objective, actor)
    return update_record(
        actor=actor,
        instance=objective,
        data=only(data, OBJECTIVE_FIELDS),
        expected_version=expected_version,
        action=codes.OBJECTIVE_UPDATED,
    )
