"""Outcome measures and their actuals (the Prevent lead)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from preventhub.audit.services import record_event
from preventhub.core.policies import Action as Act
from preventhub.core.services import create_record, update_record
from preventhub.plan import audit_actions as codes
from preventhub.plan import policies
from preventhub.plan.models import Action, Actual, Measure, Objective, Plan

from .common import by, only, require

MEASURE_FIELDS = ("title", "unit", "baseline", "target", "direction", "objective")


def _check_objective(plan: Plan, objective: Objective | None) -> None:
    from django.core.exceptions import ValidationError

    if objective is not None and objective.plan_id != plan.pk:
        raise ValidationError({"objective": ["Choose an objective of this plan"]})


def create_measure(
    *,
    actor: Any,
    plan: Plan,
    title: str,
    unit: str,
    target: Decimal,
    direction: str,
    baseline: Decimal | None = None,
    objective: Objective | None = None,
) -> Measure:
    require(policies.plans.can(actor, Act.CHANGE, plan))
    _check_objective(plan, objective)
    measure = Measure(
        plan=plan,
        objective=objective,
        title=title,
        unit=unit,
        baseline=baseline,
        target=target,
        direction=direction,
    )
    by(measure, actor)
    return create_record(actor=actor, instance=measure, action=codes.MEASURE_CREATED)


def update_measure(
    *, actor: Any, measure: Measure, data: dict[str, Any], expected_version: int | None
) -> Measure:
    require(policies.measures.can(actor, Act.CHANGE, measure))
    data = only(data, MEASURE_FIELDS)
    if "objective" in data:
        _check_objective(measure.plan, data["objective"])
    by(measure, actor)
    return update_record(
        actor=actor,
        instance=measure,
        data=data,
        expected_version=expected_version,
        action=codes.MEASURE_UPDATED,
    )


def record_actual(
    *, actor: Any, measure: Measure, period_end: dt.date, value: Decimal, note: str = ""
) -> Actual:
    require(policies.measures.can(actor, Act.CHANGE, measure))
    actual = Actual(measure=measure, period_end=period_end, value=value, note=note)
    by(actual, actor)
    return create_record(actor=actor, instance=actual, action=codes.ACTUAL_RECORDED)


def link_action(*, actor: Any, measure: Measure, action: Action) -> Measure:
    """Record that ``action`` contributes to ``measure`` (an action of the same plan)."""
    from django.core.exceptions import ValidationError

    require(policies.measures.can(actor, Act.CHANGE, measure))
    if action.objective.plan_id != measure.plan_id:
        raise ValidationError({"action": ["Choose an action of this measure's plan"]})
    with transaction.atomic():
        if not measure.actions.filter(pk=action.pk).exists():
            measure.actions.add(action)
            record_event(
                actor=actor,
                action=codes.MEASURE_ACTION_LINKED,
                obj=measure,
                changes={"action": [None, str(action)]},
            )
    return measure


def unlink_action(*, actor: Any, measure: Measure, action: Action) -> Measure:
    require(policies.measures.can(actor, Act.CHANGE, measure))
    with transaction.atomic():
        if measure.actions.filter(pk=action.pk).exists():
            measure.actions.remove(action)
            record_event(
                actor=actor,
                action=codes.MEASURE_ACTION_UNLINKED,
                obj=measure,
                changes={"action": [str(action), None]},
            )
    return measure
