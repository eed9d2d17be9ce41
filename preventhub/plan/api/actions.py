"""Actions and their progress updates. Everyone with a role reads them; the Prevent lead adds and
changes actions and links the decisions that asked for them; progress and RAG overrides are also
for the lead organisation's partner lead and the owner, exactly as on the pages.
(No ``from __future__ import annotations``.)"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.lookups import pick, resolve_refs
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import (
    Date,
    Labelled,
    Named,
    Record,
    Text,
    Unset,
    Version,
    VersionOnly,
    changes,
    named,
)
from preventhub.core.policies import Action as Act
from preventhub.core.policies import RestrictedPrefetch
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies as governance_policies
from preventhub.governance.models import Decision
from preventhub.plan import policies, services
from preventhub.plan.models import Action, PlanActionStatus, ProgressUpdate, Rag
from preventhub.plan.queries import overdue, with_rag
from preventhub.risk import policies as risk_policies
from preventhub.risk.models import Risk

from .common import label

ops = Operations(tags=["plan: actions"])
router = ops.router

NO_OBJECTIVE = "There is no objective with that id that you can add actions to."
NO_ORGANISATION = "There is no organisation with that id."
NO_PERSON = "There is no person with that id that you can choose."
NO_DECISION = "There is no decision with that id that you can choose."
NO_ACTION = "There is no action with that id that you can update."
NO_RISK = "There is no risk with that id that you can choose."


class ActionOut(Record):
    plan: Labelled
    objective: Labelled
    description: str
    lead_organisation: Named
    owner: Named | None
    starts_on: dt.date | None
    due_on: dt.date | None
    status: PlanActionStatus
    status_label: str
    progress: int = Field(description="Per cent complete, from the latest progress update.")
    rag: Rag = Field(description="The rating shown: the override if there is one.")
    rag_reason: str
    rag_overridden: bool
    decisions: list[Labelled] = Field(description="Decisions that asked for it, that you see.")
    risks: list[Labelled] = Field(description="Risks it reduces, that you may see.")

    @staticmethod
    def resolve_plan(obj: Action) -> dict[str, Any] | None:
        return label(obj.objective.plan, obj.objective.plan.title)

    @staticmethod
    def resolve_objective(obj: Action) -> dict[str, Any] | None:
        return label(obj.objective, obj.objective.title)

    @staticmethod
    def resolve_lead_organisation(obj: Action) -> dict[str, Any] | None:
        return named(obj.lead_organisation)

    @staticmethod
    def resolve_owner(obj: Action) -> dict[str, Any] | None:
        return named(obj.owner)

    @staticmethod
    def resolve_status_label(obj: Action) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_rag(obj: Action) -> str:
        return str(obj.rating().rag)

    @staticmethod
    def resolve_rag_reason(obj: Action) -> str:
        return obj.rating().reason

    @staticmethod
    def resolve_rag_overridden(obj: Action) -> bool:
        return bool(obj.rag_override)

    @staticmethod
    def resolve_decisions(obj: Action) -> list[dict[str, Any] | None]:
        return [label(d, d.title) for d in getattr(obj, "visible_decisions", [])]

    @staticmethod
    def resolve_risks(obj: Action) -> list[dict[str, Any] | None]:
        return [label(r, r.title) for r in getattr(obj, "visible_risks", [])]


class PlanActionIn(Schema):
    objective: UUID
    description: Text = Field(min_length=1, max_length=5000)
    lead_organisation: UUID
    owner: UUID | None = Field(None, description="The owner's directory id.")
    starts_on: Date | None = None
    due_on: Date | None = None
    status: PlanActionStatus = PlanActionStatus.NOT_STARTED


class PlanActionPatch(Schema):
    version: int = Version
    objective: UUID = Unset(description="Another objective of the same plan.")
    description: Text = Unset(min_length=1, max_length=5000)
    lead_organisation: UUID = Unset()
    owner: UUID | None = Unset()
    starts_on: Date | None = Unset()
    due_on: Date | None = Unset()
    status: PlanActionStatus = Unset()


class ActionFilters(Schema):
    plan: UUID | None = None
    objective: UUID | None = None
    status: PlanActionStatus | None = None
    rag: Rag | None = Field(None, description="The rating shown (override or computed).")
    lead_organisation: UUID | None = None
    owner: UUID | None = Field(None, description="The owner's directory id.")
    overdue: bool | None = Field(None, description="Only open actions past their due date.")


class OverrideIn(Schema):
    version: int = Version
    rag: Rag = Field(description="red, amber or green.")
    reason: Text = Field(min_length=1, max_length=2000)


class DecisionLinkIn(Schema):
    decision: UUID


class RiskLinkIn(Schema):
    risk: UUID


class UpdateOut(Record):
    action: Labelled
    on: dt.date
    narrative: str
    percent: int
    author: str | None
    evidence: list[Labelled]

    @staticmethod
    def resolve_action(obj: ProgressUpdate) -> dict[str, Any] | None:
        return label(obj.action, str(obj.action))

    @staticmethod
    def resolve_author(obj: ProgressUpdate) -> str | None:
        return str(obj.author) if obj.author else None

    @staticmethod
    def resolve_evidence(obj: ProgressUpdate) -> list[dict[str, Any] | None]:
        return [label(e, e.title) for e in getattr(obj, "files", [])]


class UpdateIn(Schema):
    action: UUID
    version: int = Field(ge=1, le=2**31 - 1, description="The action's version you last read.")
    on: Date
    narrative: Text = Field(min_length=1, max_length=10_000)
    percent: int = Field(ge=0, le=100)
    status: PlanActionStatus | None = Field(
        None, description="The action's new status, if changed."
    )


class UpdateFilters(Schema):
    action: UUID | None = None


def _actions(request: HttpRequest, action: str = Act.VIEW) -> QuerySet[Action]:
    decisions = governance_policies.decisions.visible_to(request.user).order_by("-decided_on")
    return (
        policies.actions.visible_to(request.user, action)
        .select_related("objective__plan", "lead_organisation", "owner")
        .prefetch_related(
            RestrictedPrefetch(
                "decisions", request.user, queryset=decisions, to_attr="visible_decisions"
            ),
            RestrictedPrefetch(
                "risks",
                request.user,
                queryset=Risk.objects.order_by("title", "id"),
                to_attr="visible_risks",
            ),
        )
    )


def _one(request: HttpRequest, public_id: UUID, action: str = Act.VIEW) -> Action:
    return policies.actions.get_or_404(
        request, action, queryset=_actions(request, action), public_id=public_id
    )


@ops.list("/actions", ActionOut, name="plan_action_list", summary="List plan actions")
def list_actions(request: HttpRequest, filters: Query[ActionFilters]) -> QuerySet[Action]:
    qs = with_rag(_actions(request))
    for name, path in (
        ("plan", "objective__plan__public_id"),
        ("objective", "objective__public_id"),
        ("lead_organisation", "lead_organisation__public_id"),
        ("owner", "owner__public_id"),
        ("status", "status"),
        ("rag", "rag"),
    ):
        value = getattr(filters, name)
        if value:
            qs = qs.filter(**{path: value})
    if filters.overdue:
        qs = qs.filter(overdue())
    return qs.order_by("due_on", "pk")


@ops.read("/actions/{public_id}", ActionOut, name="plan_action_detail", summary="Get an action")
def get_action(request: HttpRequest, public_id: UUID) -> Action:
    return _one(request, public_id)


def _refs(request: HttpRequest, plan_id: int | None = None) -> dict[str, Any]:
    objectives = policies.objectives.visible_to(request.user, Act.CHANGE)
    if plan_id is not None:
        objectives = objectives.filter(plan_id=plan_id)
    organisations = directory_policies.organisations.visible_to(request.user)
    people = directory_policies.people.visible_to(request.user)
    return {
        "objective": lambda v: pick(objectives, v, "objective", NO_OBJECTIVE),
        "lead_organisation": lambda v: pick(organisations, v, "lead_organisation", NO_ORGANISATION),
        "owner": lambda v: pick(people, v, "owner", NO_PERSON),
    }


@ops.create("/actions", ActionOut, name="plan_action_create", summary="Add an action")
def create_action(request: HttpRequest, payload: PlanActionIn) -> Action:
    from .common import require_manage

    require_manage(request, "actions")
    data = resolve_refs(payload.model_dump(), _refs(request))
    action = services.create_action(actor=request.user, **data)
    return _one(request, action.public_id)


@ops.update(
    "/actions/{public_id}", ActionOut, name="plan_action_update", summary="Change an action"
)
def update_action(request: HttpRequest, public_id: UUID, payload: PlanActionPatch) -> Action:
    action = _one(request, public_id, Act.CHANGE)
    data, version = changes(payload)
    data = resolve_refs(data, _refs(request, action.objective.plan_id))
    services.update_action(actor=request.user, action=action, data=data, expected_version=version)
    return _one(request, public_id)


@ops.action(
    "/actions/{public_id}/rag-override",
    ActionOut,
    name="plan_action_override",
    summary="Override an action's RAG rating (a reason is required)",
)
def override_rag(request: HttpRequest, public_id: UUID, payload: OverrideIn) -> Action:
    action = _one(request, public_id, policies.UPDATE)
    services.override_rag(
        actor=request.user,
        action=action,
        rag=payload.rag,
        reason=payload.reason,
        expected_version=payload.version,
    )
    return _one(request, public_id)


@ops.action(
    "/actions/{public_id}/rag-override/remove",
    ActionOut,
    name="plan_action_override_remove",
    summary="Go back to the RAG rating worked out from the dates",
)
def remove_override(request: HttpRequest, public_id: UUID, payload: VersionOnly) -> Action:
    action = _one(request, public_id, policies.UPDATE)
    services.remove_rag_override(
        actor=request.user, action=action, expected_version=payload.version
    )
    return _one(request, public_id)


def _decision(request: HttpRequest, public_id: UUID | None) -> Decision:
    decisions = governance_policies.decisions.visible_to(request.user)
    found = pick(decisions, public_id, "decision", NO_DECISION)
    assert found is not None
    return found


@ops.action(
    "/actions/{public_id}/decisions",
    ActionOut,
    name="plan_action_link_decision",
    summary="Link a decision or resolution that asked for the action",
)
def link_decision(request: HttpRequest, public_id: UUID, payload: DecisionLinkIn) -> Action:
    action = _one(request, public_id, Act.CHANGE)
    decision = _decision(request, payload.decision)
    services.link_decision(actor=request.user, action=action, decision=decision)
    return _one(request, public_id)


@ops.delete(
    "/actions/{public_id}/decisions/{decision_id}",
    ActionOut,
    name="plan_action_unlink_decision",
    summary="Remove the link to a decision",
)
def unlink_decision(request: HttpRequest, public_id: UUID, decision_id: UUID) -> Action:
    action = _one(request, public_id, Act.CHANGE)
    decision = governance_policies.decisions.get_or_404(request, public_id=decision_id)
    services.unlink_decision(actor=request.user, action=action, decision=decision)
    return _one(request, public_id)


@ops.action(
    "/actions/{public_id}/risks",
    ActionOut,
    name="plan_action_link_risk",
    summary="Link a risk in the register that the action reduces",
)
def link_risk(request: HttpRequest, public_id: UUID, payload: RiskLinkIn) -> Action:
    action = _one(request, public_id, Act.CHANGE)
    risk = pick(risk_policies.risks.visible_to(request.user), payload.risk, "risk", NO_RISK)
    assert risk is not None
    services.link_risk(actor=request.user, action=action, risk=risk)
    return _one(request, public_id)


@ops.delete(
    "/actions/{public_id}/risks/{risk_id}",
    ActionOut,
    name="plan_action_unlink_risk",
    summary="Remove the link to a risk",
)
def unlink_risk(request: HttpRequest, public_id: UUID, risk_id: UUID) -> Action:
    action = _one(request, public_id, Act.CHANGE)
    risk = risk_policies.risks.get_or_404(request, public_id=risk_id)
    services.unlink_risk(actor=request.user, action=action, risk=risk)
    return _one(request, public_id)


# Progress updates ---------------------------------------------------------------------------------


def _updates(request: HttpRequest) -> QuerySet[ProgressUpdate]:
    return (
        policies.updates.visible_to(request.user)
        .select_related("action", "author")
        .prefetch_related(RestrictedPrefetch("evidence", request.user, to_attr="files"))
    )


@ops.list("/updates", UpdateOut, name="plan_update_list", summary="List progress updates")
def list_updates(request: HttpRequest, filters: Query[UpdateFilters]) -> QuerySet[ProgressUpdate]:
    qs = _updates(request)
    if filters.action:
        qs = qs.filter(action__public_id=filters.action)
    return qs.order_by("-on", "-pk")


@ops.read(
    "/updates/{public_id}", UpdateOut, name="plan_update_detail", summary="Get a progress update"
)
def get_update(request: HttpRequest, public_id: UUID) -> ProgressUpdate:
    return policies.updates.get_or_404(request, queryset=_updates(request), public_id=public_id)


@ops.create(
    "/updates",
    UpdateOut,
    name="plan_update_create",
    summary="Record progress on an action you may update (evidence files through the page)",
)
def create_update(request: HttpRequest, payload: UpdateIn) -> ProgressUpdate:
    updatable = policies.actions.visible_to(request.user, policies.UPDATE)
    action = pick(updatable, payload.action, "action", NO_ACTION)
    assert action is not None
    update = services.record_progress(
        actor=request.user,
        action=action,
        on=payload.on,
        narrative=payload.narrative,
        percent=payload.percent,
        status=payload.status,
        expected_version=payload.version,
    )
    return _updates(request).get(pk=update.pk)
