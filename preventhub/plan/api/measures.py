"""Outcome measures with their actuals, trend and RAG. Everyone with a role reads them; the
Prevent lead adds and changes them. (No ``from __future__ import annotations``.)"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.lookups import pick
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Date, Identified, Labelled, Record, Text, Unset, Version
from preventhub.core.api.schemas import changes as changed
from preventhub.core.policies import Action as Act
from preventhub.core.policies import RestrictedPrefetch
from preventhub.plan import outcomes, policies, services
from preventhub.plan.models import Action, Actual, Direction, Measure, MeasureTrend, Rag

from .common import LIMIT, Value, label, money, number, require_manage

ops = Operations(tags=["plan: measures"])
router = ops.router

NO_PLAN = "There is no plan with that id that you can change."
NO_OBJECTIVE = "There is no objective with that id in this plan."
NO_ACTION = "There is no action with that id in this plan."


class ActualOut(Identified):
    period_end: dt.date
    value: float
    note: str

    @staticmethod
    def resolve_value(obj: Actual) -> float | None:
        return number(obj.value)


class MeasureOut(Record):
    plan: Labelled
    objective: Labelled | None
    title: str
    unit: str
    baseline: float | None
    target: float
    direction: Direction
    trend: MeasureTrend
    rag: Rag
    actuals: list[ActualOut] = Field(description="Oldest first.")
    actions: list[Labelled] = Field(description="Actions that contribute to it.")

    @staticmethod
    def resolve_plan(obj: Measure) -> dict[str, Any] | None:
        return label(obj.plan, obj.plan.title)

    @staticmethod
    def resolve_objective(obj: Measure) -> dict[str, Any] | None:
        return label(obj.objective, obj.objective.title) if obj.objective else None

    @staticmethod
    def resolve_baseline(obj: Measure) -> float | None:
        return number(obj.baseline)

    @staticmethod
    def resolve_target(obj: Measure) -> float | None:
        return number(obj.target)

    @staticmethod
    def resolve_actuals(obj: Measure) -> list[Any]:
        return getattr(obj, "ordered_actuals", [])

    @staticmethod
    def resolve_actions(obj: Measure) -> list[dict[str, Any] | None]:
        return [label(a, str(a)) for a in getattr(obj, "linked_actions", [])]

    @staticmethod
    def resolve_trend(obj: Measure) -> str:
        values = [a.value for a in getattr(obj, "ordered_actuals", [])]
        return str(outcomes.trend(values, obj.direction))

    @staticmethod
    def resolve_rag(obj: Measure) -> str:
        values = [a.value for a in getattr(obj, "ordered_actuals", [])]
        return str(
            outcomes.measure_rag(
                latest=values[-1] if values else None,
                baseline=obj.baseline,
                target=obj.target,
                direction=obj.direction,
            )
        )


class MeasureIn(Schema):
    plan: UUID
    objective: UUID | None = None
    title: Text = Field(min_length=1, max_length=200)
    unit: Text = Field(min_length=1, max_length=40)
    baseline: float | None = Value(default=None)
    target: float = Value()
    direction: Direction


class MeasurePatch(Schema):
    version: int = Version
    objective: UUID | None = Unset()
    title: Text = Unset(min_length=1, max_length=200)
    unit: Text = Unset(min_length=1, max_length=40)
    baseline: float | None = Unset(ge=-LIMIT, le=LIMIT, allow_inf_nan=False)
    target: float = Unset(ge=-LIMIT, le=LIMIT, allow_inf_nan=False)
    direction: Direction = Unset()


class MeasureFilters(Schema):
    plan: UUID | None = None


class ActionLinkIn(Schema):
    action: UUID


class ActualIn(Schema):
    period_end: Date
    value: float = Value()
    note: Text = Field("", max_length=300)


def _measures(request: HttpRequest, action: Act = Act.VIEW) -> QuerySet[Measure]:
    return (
        policies.measures.visible_to(request.user, action)
        .select_related("plan", "objective")
        .prefetch_related(
            RestrictedPrefetch(
                "actuals",
                request.user,
                queryset=Actual.objects.order_by("period_end"),
                to_attr="ordered_actuals",
            ),
            RestrictedPrefetch(
                "actions",
                request.user,
                queryset=Action.objects.order_by("due_on", "id"),
                to_attr="linked_actions",
            ),
        )
    )


def _one(request: HttpRequest, public_id: UUID, action: Act = Act.VIEW) -> Measure:
    return policies.measures.get_or_404(
        request, action, queryset=_measures(request, action), public_id=public_id
    )


@ops.list("/measures", MeasureOut, name="plan_measure_list", summary="List outcome measures")
def list_measures(request: HttpRequest, filters: Query[MeasureFilters]) -> QuerySet[Measure]:
    qs = _measures(request)
    if filters.plan:
        qs = qs.filter(plan__public_id=filters.plan)
    return qs.order_by("plan_id", "title", "pk")


@ops.read(
    "/measures/{public_id}",
    MeasureOut,
    name="plan_measure_detail",
    summary="Get an outcome measure with its actuals",
)
def get_measure(request: HttpRequest, public_id: UUID) -> Measure:
    return _one(request, public_id)


def _numbers(data: dict[str, Any]) -> dict[str, Any]:
    for name in ("baseline", "target"):
        if name in data:
            data[name] = money(data[name])
    return data


@ops.create("/measures", MeasureOut, name="plan_measure_create", summary="Add an outcome measure")
def create_measure(request: HttpRequest, payload: MeasureIn) -> Measure:
    require_manage(request, "measures")
    data = _numbers(payload.model_dump())
    plan = pick(policies.plans.visible_to(request.user, Act.CHANGE), data["plan"], "plan", NO_PLAN)
    assert plan is not None
    objectives = policies.objectives.visible_to(request.user).filter(plan=plan)
    data["plan"] = plan
    data["objective"] = pick(objectives, data["objective"], "objective", NO_OBJECTIVE)
    measure = services.create_measure(actor=request.user, **data)
    return _one(request, measure.public_id)


@ops.update(
    "/measures/{public_id}",
    MeasureOut,
    name="plan_measure_update",
    summary="Change an outcome measure",
)
def update_measure(request: HttpRequest, public_id: UUID, payload: MeasurePatch) -> Measure:
    measure = _one(request, public_id, Act.CHANGE)
    data, version = changed(payload)
    data = _numbers(data)
    if "objective" in data:
        objectives = policies.objectives.visible_to(request.user).filter(plan=measure.plan)
        data["objective"] = pick(objectives, data["objective"], "objective", NO_OBJECTIVE)
    services.update_measure(
        actor=request.user, measure=measure, data=data, expected_version=version
    )
    return _one(request, public_id)


@ops.action(
    "/measures/{public_id}/actuals",
    MeasureOut,
    name="plan_measure_record_actual",
    summary="Record an actual for a period",
)
def record_actual(request: HttpRequest, public_id: UUID, payload: ActualIn) -> Measure:
    measure = _one(request, public_id, Act.CHANGE)
    value = money(payload.value)
    assert value is not None
    services.record_actual(
        actor=request.user,
        measure=measure,
        period_end=payload.period_end,
        value=value,
        note=payload.note,
    )
    return _one(request, public_id)


@ops.action(
    "/measures/{public_id}/actions",
    MeasureOut,
    name="plan_measure_link_action",
    summary="Link an action of the plan that contributes to the measure",
)
def link_action(request: HttpRequest, public_id: UUID, payload: ActionLinkIn) -> Measure:
    measure = _one(request, public_id, Act.CHANGE)
    actions = policies.actions.visible_to(request.user).filter(objective__plan=measure.plan)
    action = pick(actions, payload.action, "action", NO_ACTION)
    assert action is not None
    services.link_action(actor=request.user, measure=measure, action=action)
    return _one(request, public_id)


@ops.delete(
    "/measures/{public_id}/actions/{action_id}",
    MeasureOut,
    name="plan_measure_unlink_action",
    summary="Remove the link to an action",
)
def unlink_action(request: HttpRequest, public_id: UUID, action_id: UUID) -> Measure:
    measure = _one(request, public_id, Act.CHANGE)
    action = policies.actions.get_or_404(request, public_id=action_id)
    services.unlink_action(actor=request.user, measure=measure, action=action)
    return _one(request, public_id)
