"""Who may see and change the partnership plan.

Everyone holding a role may read plans, objectives, actions, progress, measures and funding
(``plan.view``). The Prevent lead (``plan.manage`` across the partnership) changes everything.
Progress on an action (its status, updates, evidence and RAG override) may also be recorded by a
partner lead for an action their organisation leads (``plan.update`` held for that organisation)
and by the action's owner (the directory person linked to the signed-in account), who also sees
their own actions without holding a role.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from preventhub.accounts.roles import Cap
from preventhub.core.policies import Action as Act
from preventhub.core.policies import Policy, grants_for, register

from .models import (
    Action,
    Actual,
    BudgetLine,
    Evidence,
    Measure,
    Objective,
    Plan,
    ProgressUpdate,
    SpendItem,
)

UPDATE = "update"  # record progress on an action: status, updates, evidence, RAG override


def can_view_plans(user: Any) -> bool:
    return grants_for(user).has(Cap.PLAN_VIEW)


def can_manage_plans(user: Any) -> bool:
    return grants_for(user).has_partnership(Cap.PLAN_MANAGE)


def _plan_record(model: Any, user: Any, action: Act | str) -> QuerySet[Any]:
    qs = model._default_manager.all()
    if str(action) == Act.VIEW:
        return qs if can_view_plans(user) else qs.none()
    return qs if can_manage_plans(user) else qs.none()


@register
class PlanPolicy(Policy[Plan]):
    model = Plan

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Plan]:
        return _plan_record(Plan, user, action)


@register
class ObjectivePolicy(Policy[Objective]):
    model = Objective

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Objective]:
        return _plan_record(Objective, user, action)


def _owned(user: Any) -> Q | None:
    person_id = getattr(user, "person_id", None) if user.is_authenticated else None
    return Q(owner_id=person_id) if person_id else None


@register
class ActionPolicy(Policy[Action]):
    """View: role holders, and an owner their own actions. Change (every field): the Prevent lead.
    Update (progress): the Prevent lead, the lead organisation's partner lead and the owner."""

    model = Action

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Action]:
        qs = Action._default_manager.all()
        if str(action) == Act.VIEW and can_view_plans(user) or can_manage_plans(user):
            return qs
        owned = _owned(user)
        if str(action) == Act.VIEW:
            return qs.filter(owned) if owned is not None else qs.none()
        if str(action) != UPDATE:
            return qs.none()
        condition = Q(lead_organisation_id__in=grants_for(user).organisations_with(Cap.PLAN_UPDATE))
        if owned is not None:
            condition |= owned
        return qs.filter(condition)


def _through_action(model: Any, path: str, user: Any, action: Act | str) -> QuerySet[Any]:
    """Child records of an action: viewed with it; added or changed by whoever may update it."""
    qs = model._default_manager.all()
    wanted = Act.VIEW if str(action) == Act.VIEW else UPDATE
    allowed = actions.visible_to(user, wanted)
    if not allowed.query.where and not allowed.query.is_empty():
        return qs
    return qs.filter(**{f"{path}__in": allowed.values("pk")})


@register
class ProgressUpdatePolicy(Policy[ProgressUpdate]):
    model = ProgressUpdate

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[ProgressUpdate]:
        return _through_action(ProgressUpdate, "action", user, action)


@register
class EvidencePolicy(Policy[Evidence]):
    model = Evidence

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Evidence]:
        return _through_action(Evidence, "update__action", user, action)


@register
class MeasurePolicy(Policy[Measure]):
    model = Measure

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Measure]:
        return _plan_record(Measure, user, action)


@register
class ActualPolicy(Policy[Actual]):
    model = Actual

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[Actual]:
        return _plan_record(Actual, user, action)


@register
class BudgetLinePolicy(Policy[BudgetLine]):
    model = BudgetLine

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[BudgetLine]:
        return _plan_record(BudgetLine, user, action)


@register
class SpendItemPolicy(Policy[SpendItem]):
    model = SpendItem

    def visible_to(self, user: Any, action: Act | str = Act.VIEW) -> QuerySet[SpendItem]:
        return _plan_record(SpendItem, user, action)


plans = PlanPolicy()
objectives = ObjectivePolicy()
actions = ActionPolicy()
updates = ProgressUpdatePolicy()
evidence = EvidencePolicy()
measures = MeasurePolicy()
actuals = ActualPolicy()
budget_lines = BudgetLinePolicy()
spend_items = SpendItemPolicy()
