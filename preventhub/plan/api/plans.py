"""Plans and objectives. Everyone with a role reads them; the Prevent lead adds and changes them.
A new plan starts with the strategy's objectives. (No ``from __future__ import annotations``.)"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.lookups import pick, resolve_refs
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Date, Labelled, Record, Text, Unset, Version, changes
from preventhub.core.policies import Action as Act
from preventhub.governance import policies as governance_policies
from preventhub.plan import policies, services
from preventhub.plan.models import Deliverable, Objective, Plan, PlanStatus, ToolkitArea

from .common import label, require_manage

ops = Operations(tags=["plan: plans"])
router = ops.router

NO_DECISION = "There is no decision with that id that you can choose."
NO_PLAN = "There is no plan with that id that you can change."


class PlanOut(Record):
    title: str
    starts_on: dt.date
    ends_on: dt.date
    status: PlanStatus
    status_label: str
    agreed_by: Labelled | None = Field(description="The decision that agreed the plan.")

    @staticmethod
    def resolve_status_label(obj: Plan) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_agreed_by(obj: Plan) -> dict[str, Any] | None:
        if obj.agreed_by is None or not getattr(obj, "agreed_by_visible", False):
            return None
        return label(obj.agreed_by, obj.agreed_by.title)


class PlanIn(Schema):
    title: Text = Field(min_length=1, max_length=200)
    starts_on: Date
    ends_on: Date
    status: PlanStatus = PlanStatus.DRAFT
    agreed_by: UUID | None = Field(None, description="The decision that agreed the plan.")


class PlanPatch(Schema):
    version: int = Version
    title: Text = Unset(min_length=1, max_length=200)
    starts_on: Date = Unset()
    ends_on: Date = Unset()
    status: PlanStatus = Unset()
    agreed_by: UUID | None = Unset()


class PlanFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the title.")
    status: PlanStatus | None = None


class ObjectiveOut(Record):
    plan: Labelled
    title: str
    description: str
    deliverable: Deliverable | None
    toolkit_area: ToolkitArea | None

    @staticmethod
    def resolve_plan(obj: Objective) -> dict[str, Any] | None:
        return label(obj.plan, obj.plan.title)

    @staticmethod
    def resolve_deliverable(obj: Objective) -> str | None:
        return obj.deliverable or None

    @staticmethod
    def resolve_toolkit_area(obj: Objective) -> str | None:
        return obj.toolkit_area or None


class ObjectiveIn(Schema):
    plan: UUID
    title: Text = Field(min_length=1, max_length=300)
    description: Text = Field("", max_length=5000)
    deliverable: Deliverable | None = None
    toolkit_area: ToolkitArea | None = None


class ObjectivePatch(Schema):
    version: int = Version
    title: Text = Unset(min_length=1, max_length=300)
    description: Text = Unset(max_length=5000)
    deliverable: Deliverable | None = Unset()
    toolkit_area: ToolkitArea | None = Unset()


class ObjectiveFilters(Schema):
    plan: UUID | None = None


def _plans(request: HttpRequest, action: Act = Act.VIEW) -> QuerySet[Plan]:
    decisions = governance_policies.decisions.visible_to(request.user)
    return (
        policies.plans.visible_to(request.user, action)
        .select_related("agreed_by")
        .annotate(agreed_by_visible=Exists(decisions.filter(pk=OuterRef("agreed_by_id"))))
    )


def _decision_ref(request: HttpRequest) -> Any:
    decisions = governance_policies.decisions.visible_to(request.user)
    return lambda public_id: pick(decisions, public_id, "agreed_by", NO_DECISION)


@ops.list("/plans", PlanOut, name="plan_plan_list", summary="List plans (latest first)")
def list_plans(request: HttpRequest, filters: Query[PlanFilters]) -> QuerySet[Plan]:
    qs = _plans(request)
    if filters.search:
        qs = qs.filter(title__icontains=filters.search)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("-starts_on", "-pk")


@ops.read("/plans/{public_id}", PlanOut, name="plan_plan_detail", summary="Get a plan")
def get_plan(request: HttpRequest, public_id: UUID) -> Plan:
    return policies.plans.get_or_404(request, queryset=_plans(request), public_id=public_id)


@ops.create("/plans", PlanOut, name="plan_plan_create", summary="Add a plan")
def create_plan(request: HttpRequest, payload: PlanIn) -> Plan:
    require_manage(request, "plans")
    data = resolve_refs(payload.model_dump(), {"agreed_by": _decision_ref(request)})
    plan = services.create_plan(actor=request.user, **data)
    return _plans(request).get(pk=plan.pk)


@ops.update("/plans/{public_id}", PlanOut, name="plan_plan_update", summary="Change a plan")
def update_plan(request: HttpRequest, public_id: UUID, payload: PlanPatch) -> Plan:
    plan = policies.plans.get_or_404(
        request, Act.CHANGE, queryset=_plans(request, Act.CHANGE), public_id=public_id
    )
    data, version = changes(payload)
    data = resolve_refs(data, {"agreed_by": _decision_ref(request)})
    services.update_plan(actor=request.user, plan=plan, data=data, expected_version=version)
    return _plans(request).get(pk=plan.pk)


def _objectives(request: HttpRequest, action: Act = Act.VIEW) -> QuerySet[Objective]:
    return policies.objectives.visible_to(request.user, action).select_related("plan")


@ops.list("/objectives", ObjectiveOut, name="plan_objective_list", summary="List plan objectives")
def list_objectives(request: HttpRequest, filters: Query[ObjectiveFilters]) -> QuerySet[Objective]:
    qs = _objectives(request)
    if filters.plan:
        qs = qs.filter(plan__public_id=filters.plan)
    return qs.order_by("plan_id", "position", "pk")


@ops.read(
    "/objectives/{public_id}",
    ObjectiveOut,
    name="plan_objective_detail",
    summary="Get a plan objective",
)
def get_objective(request: HttpRequest, public_id: UUID) -> Objective:
    return policies.objectives.get_or_404(
        request, queryset=_objectives(request), public_id=public_id
    )


def _blank(data: dict[str, Any]) -> dict[str, Any]:
    for name in ("deliverable", "toolkit_area"):
        if name in data and data[name] is None:
            data[name] = ""
    return data


@ops.create("/objectives", ObjectiveOut, name="plan_objective_create", summary="Add an objective")
def create_objective(request: HttpRequest, payload: ObjectiveIn) -> Objective:
    require_manage(request, "objectives")
    data = _blank(payload.model_dump())
    plans = policies.plans.visible_to(request.user, Act.CHANGE)
    data["plan"] = pick(plans, data["plan"], "plan", NO_PLAN)
    return services.add_objective(actor=request.user, **data)


@ops.update(
    "/objectives/{public_id}",
    ObjectiveOut,
    name="plan_objective_update",
    summary="Change an objective",
)
def update_objective(request: HttpRequest, public_id: UUID, payload: ObjectivePatch) -> Objective:
    objective = policies.objectives.get_or_404(
        request, Act.CHANGE, queryset=_objectives(request, Act.CHANGE), public_id=public_id
    )
    data, version = changes(payload)
    return services.update_objective(
        actor=request.user, objective=objective, data=_blank(data), expected_version=version
    )
