"""Budget lines and spend against them (the Prevent lead)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from preventhub.core.policies import Action as Act
from preventhub.core.services import create_record, update_record
from preventhub.plan import audit_actions as codes
from preventhub.plan import policies
from preventhub.plan.models import Action, BudgetLine, Plan, SpendItem

from .common import by, only, require

BUDGET_FIELDS = ("source", "amount", "starts_on", "ends_on", "value_for_money")


def create_budget_line(
    *,
    actor: Any,
    plan: Plan,
    source: str,
    amount: Decimal,
    starts_on: dt.date,
    ends_on: dt.date,
    value_for_money: str = "",
) -> BudgetLine:
    require(policies.plans.can(actor, Act.CHANGE, plan))
    line = BudgetLine(
        plan=plan,
        source=source,
        amount=amount,
        starts_on=starts_on,
        ends_on=ends_on,
        value_for_money=value_for_money,
    )
    by(line, actor)
    return create_record(actor=actor, instance=line, action=codes.BUDGET_LINE_CREATED)


def update_budget_line(
    *, actor: Any, line: BudgetLine, data: dict[str, Any], expected_version: int | None
) -> BudgetLine:
    require(policies.budget_lines.can(actor, Act.CHANGE, line))
    by(line, actor)
    return update_record(
        actor=actor,
        instance=line,
        data=only(data, BUDGET_FIELDS),
        expected_version=expected_version,
        action=codes.BUDGET_LINE_UPDATED,
    )


def record_spend(
    *,
    actor: Any,
    line: BudgetLine,
    spent_on: dt.date,
    amount: Decimal,
    description: str,
    action: Action | None = None,
) -> SpendItem:
    require(policies.budget_lines.can(actor, Act.CHANGE, line))
    if action is not None and action.objective.plan_id != line.plan_id:
        raise ValidationError({"action": ["Choose an action of this plan"]})
    if amount <= 0:
        raise ValidationError({"amount": ["The amount must be more than £0"]})
    item = SpendItem(
        budget_line=line, action=action, spent_on=spent_on, amount=amount, description=description
    )
    by(item, actor)
    return create_record(actor=actor, instance=item, action=codes.SPEND_RECORDED)
