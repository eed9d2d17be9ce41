"""Funding: budget lines (with the spend against each, summed in SQL) and spend items. Everyone
with a role reads them; the Prevent lead records them.
(No ``from __future__ import annotations``.)"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.lookups import pick
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Date, Labelled, Record, Text, Unset, Version, changes
from preventhub.core.policies import Action as Act
from preventhub.plan import policies, services
from preventhub.plan.models import BudgetLine, SpendItem
from preventhub.plan.queries import with_spend

from .common import LIMIT, Amount, label, money, number, require_manage

ops = Operations(tags=["plan: funding"])
router = ops.router

NO_PLAN = "There is no plan with that id that you can change."
NO_LINE = "There is no budget line with that id that you can record spend against."
NO_ACTION = "There is no action with that id in this budget line's plan."


class BudgetLineOut(Record):
    plan: Labelled
    source: str
    amount: float
    starts_on: dt.date
    ends_on: dt.date
    value_for_money: str
    spent: float = Field(description="The spend recorded against the line.")
    remaining: float

    @staticmethod
    def resolve_plan(obj: BudgetLine) -> dict[str, Any] | None:
        return label(obj.plan, obj.plan.title)

    @staticmethod
    def resolve_amount(obj: BudgetLine) -> float | None:
        return number(obj.amount)

    @staticmethod
    def resolve_spent(obj: BudgetLine) -> float | None:
        return number(getattr(obj, "spent", None))

    @staticmethod
    def resolve_remaining(obj: BudgetLine) -> float | None:
        return number(getattr(obj, "remaining", None))


class BudgetLineIn(Schema):
    plan: UUID
    source: Text = Field(min_length=1, max_length=200)
    amount: float = Amount()
    starts_on: Date
    ends_on: Date
    value_for_money: Text = Field("", max_length=5000)


class BudgetLinePatch(Schema):
    version: int = Version
    source: Text = Unset(min_length=1, max_length=200)
    amount: float = Unset(ge=0, le=LIMIT, allow_inf_nan=False)
    starts_on: Date = Unset()
    ends_on: Date = Unset()
    value_for_money: Text = Unset(max_length=5000)


class PlanFilter(Schema):
    plan: UUID | None = None


class SpendOut(Record):
    budget_line: Labelled
    action: Labelled | None
    spent_on: dt.date
    amount: float
    description: str

    @staticmethod
    def resolve_budget_line(obj: SpendItem) -> dict[str, Any] | None:
        return label(obj.budget_line, obj.budget_line.source)

    @staticmethod
    def resolve_action(obj: SpendItem) -> dict[str, Any] | None:
        return label(obj.action, str(obj.action)) if obj.action else None

    @staticmethod
    def resolve_amount(obj: SpendItem) -> float | None:
        return number(obj.amount)


class SpendIn(Schema):
    budget_line: UUID
    action: UUID | None = None
    spent_on: Date
    amount: float = Field(gt=0, le=LIMIT, allow_inf_nan=False)
    description: Text = Field(min_length=1, max_length=300)


class SpendFilters(Schema):
    budget_line: UUID | None = None
    action: UUID | None = None


def _lines(request: HttpRequest, action: Act = Act.VIEW) -> QuerySet[BudgetLine]:
    return with_spend(policies.budget_lines.visible_to(request.user, action).select_related("plan"))


def _line(request: HttpRequest, public_id: UUID, action: Act = Act.VIEW) -> BudgetLine:
    return policies.budget_lines.get_or_404(
        request, action, queryset=_lines(request, action), public_id=public_id
    )


@ops.list("/budget-lines", BudgetLineOut, name="plan_budget_line_list", summary="List budget lines")
def list_lines(request: HttpRequest, filters: Query[PlanFilter]) -> QuerySet[BudgetLine]:
    qs = _lines(request)
    if filters.plan:
        qs = qs.filter(plan__public_id=filters.plan)
    return qs.order_by("plan_id", "starts_on", "pk")


@ops.read(
    "/budget-lines/{public_id}",
    BudgetLineOut,
    name="plan_budget_line_detail",
    summary="Get a budget line with its spend",
)
def get_line(request: HttpRequest, public_id: UUID) -> BudgetLine:
    return _line(request, public_id)


@ops.create(
    "/budget-lines", BudgetLineOut, name="plan_budget_line_create", summary="Add a budget line"
)
def create_line(request: HttpRequest, payload: BudgetLineIn) -> BudgetLine:
    require_manage(request, "budget lines")
    data = payload.model_dump()
    data["amount"] = money(data["amount"])
    plans = policies.plans.visible_to(request.user, Act.CHANGE)
    data["plan"] = pick(plans, data["plan"], "plan", NO_PLAN)
    line = services.create_budget_line(actor=request.user, **data)
    return _line(request, line.public_id)


@ops.update(
    "/budget-lines/{public_id}",
    BudgetLineOut,
    name="plan_budget_line_update",
    summary="Change a budget line",
)
def update_line(request: HttpRequest, public_id: UUID, payload: BudgetLinePatch) -> BudgetLine:
    line = _line(request, public_id, Act.CHANGE)
    data, version = changes(payload)
    if "amount" in data:
        data["amount"] = money(data["amount"])
    services.update_budget_line(actor=request.user, line=line, data=data, expected_version=version)
    return _line(request, public_id)


def _spend(request: HttpRequest) -> QuerySet[SpendItem]:
    return policies.spend_items.visible_to(request.user).select_related("budget_line", "action")


@ops.list("/spend-items", SpendOut, name="plan_spend_list", summary="List spend (newest first)")
def list_spend(request: HttpRequest, filters: Query[SpendFilters]) -> QuerySet[SpendItem]:
    qs = _spend(request)
    if filters.budget_line:
        qs = qs.filter(budget_line__public_id=filters.budget_line)
    if filters.action:
        qs = qs.filter(action__public_id=filters.action)
    return qs.order_by("-spent_on", "-pk")


@ops.read("/spend-items/{public_id}", SpendOut, name="plan_spend_detail", summary="Get spend")
def get_spend(request: HttpRequest, public_id: UUID) -> SpendItem:
    return policies.spend_items.get_or_404(request, queryset=_spend(request), public_id=public_id)


@ops.create("/spend-items", SpendOut, name="plan_spend_create", summary="Record spend")
def create_spend(request: HttpRequest, payload: SpendIn) -> SpendItem:
    require_manage(request, "spend")
    lines = policies.budget_lines.visible_to(request.user, Act.CHANGE)
    line = pick(lines, payload.budget_line, "budget_line", NO_LINE)
    assert line is not None
    actions = policies.actions.visible_to(request.user).filter(objective__plan_id=line.plan_id)
    amount = money(payload.amount)
    assert amount is not None
    item = services.record_spend(
        actor=request.user,
        line=line,
        spent_on=payload.spent_on,
        amount=amount,
        description=payload.description,
        action=pick(actions, payload.action, "action", NO_ACTION),
    )
    return _spend(request).get(pk=item.pk)
