"""The decisions register (every resolution, and Full Council motions) and the actions that follow
each decision.

The decisions policy shows a decision with the resolution behind it (so a decision from draft or
exempt minutes is hidden with them); follow-up actions are for role holders only. Democratic
services record Full Council motions, change a decision's status and keep its actions; a
resolution's entry follows its minutes, so its words are changed there, not here.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action, RestrictedPrefetch
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.models import (
    ActionStatus,
    Decision,
    DecisionAction,
    DecisionKind,
    DecisionStatus,
)
from preventhub.governance.services import decisions as services

from .common import (
    Date,
    Labelled,
    Named,
    Record,
    Version,
    changes,
    labelled,
    meeting_label,
    named,
    pick,
    require_manage,
    resolve_refs,
)

ops = Operations(tags=["governance: decisions"])
router = ops.router

# Actions by due date, those without one last (on every database: SQLite and PostgreSQL disagree
# about where NULL sorts).
DUE_FIRST = F("due_on").asc(nulls_last=True)


class DecisionOut(Record):
    kind: DecisionKind
    kind_label: str
    title: str
    text: str
    decided_on: dt.date
    status: DecisionStatus
    status_label: str
    resolution: Labelled | None
    meeting: Labelled | None
    body: Named | None = Field(description="The body whose meeting decided it.")
    proposer: Named | None
    seconder: Named | None
    follows: Labelled | None = Field(
        description="The earlier decision (such as a Full Council motion) that led to this one."
    )

    @staticmethod
    def resolve_follows(obj: Decision) -> dict[str, Any] | None:
        earlier = obj.follows
        if earlier is None or not getattr(obj, "follows_visible", False):
            return None
        return labelled(earlier, earlier.title)

    @staticmethod
    def resolve_kind_label(obj: Decision) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_status_label(obj: Decision) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_resolution(obj: Decision) -> dict[str, Any] | None:
        resolution = obj.resolution
        return labelled(resolution, f"Resolution {resolution.number}") if resolution else None

    @staticmethod
    def resolve_meeting(obj: Decision) -> dict[str, Any] | None:
        return labelled(obj.meeting, meeting_label(obj.meeting)) if obj.meeting else None

    @staticmethod
    def resolve_body(obj: Decision) -> dict[str, Any] | None:
        return named(obj.meeting.body) if obj.meeting else None

    @staticmethod
    def resolve_proposer(obj: Decision) -> dict[str, Any] | None:
        return named(obj.proposer)

    @staticmethod
    def resolve_seconder(obj: Decision) -> dict[str, Any] | None:
        return named(obj.seconder)


class DecisionActionOut(Record):
    decision: Labelled
    description: str
    owner: Named | None
    due_on: dt.date | None
    status: ActionStatus
    status_label: str

    @staticmethod
    def resolve_decision(obj: DecisionAction) -> dict[str, Any] | None:
        return labelled(obj.decision, obj.decision.title)

    @staticmethod
    def resolve_owner(obj: DecisionAction) -> dict[str, Any] | None:
        return named(obj.owner)

    @staticmethod
    def resolve_status_label(obj: DecisionAction) -> str:
        return obj.get_status_display()


class DecisionDetail(DecisionOut):
    actions: list[DecisionActionOut] = Field(description="Follow-up actions you may see.")

    @staticmethod
    def resolve_actions(obj: Decision) -> list[Any]:
        return getattr(obj, "visible_actions", [])


class DecisionFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the title or text.")
    kind: DecisionKind | None = None
    status: DecisionStatus | None = None
    body: UUID | None = None
    municipal_year: UUID | None = Field(None, description="Decided at a meeting in this year.")
    decided_from: Date | None = None
    decided_to: Date | None = None


class DecisionActionFilters(Schema):
    decision: UUID | None = None
    status: ActionStatus | None = None
    owner: UUID | None = Field(None, description="The owner's directory id.")
    due_from: Date | None = None
    due_to: Date | None = None


def _decisions(request: HttpRequest, action: Action = Action.VIEW) -> QuerySet[Decision]:
    visible = policies.decisions.visible_to(request.user)
    return (
        policies.decisions.visible_to(request.user, action)
        .select_related("resolution", "meeting__body", "proposer", "seconder", "follows")
        .annotate(follows_visible=Exists(visible.filter(pk=OuterRef("follows_id"))))
    )


def _actions(request: HttpRequest) -> QuerySet[DecisionAction]:
    return policies.decision_actions.visible_to(request.user).select_related("decision", "owner")


@ops.list(
    "/decisions",
    DecisionOut,
    name="governance_decision_list",
    summary="List the decisions register (latest first)",
)
def list_decisions(request: HttpRequest, filters: Query[DecisionFilters]) -> QuerySet[Decision]:
    qs = _decisions(request)
    if filters.search:
        qs = qs.filter(Q(title__icontains=filters.search) | Q(text__icontains=filters.search))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.body:
        qs = qs.filter(meeting__body__public_id=filters.body)
    if filters.municipal_year:
        qs = qs.filter(meeting__municipal_year__public_id=filters.municipal_year)
    if filters.decided_from:
        qs = qs.filter(decided_on__gte=filters.decided_from)
    if filters.decided_to:
        qs = qs.filter(decided_on__lte=filters.decided_to)
    return qs.order_by("-decided_on", "-pk")


@ops.read(
    "/decisions/{public_id}",
    DecisionDetail,
    name="governance_decision_detail",
    summary="Get a decision with its follow-up actions",
)
def get_decision(request: HttpRequest, public_id: UUID) -> Decision:
    queryset = _with_actions(request, _decisions(request))
    return policies.decisions.get_or_404(request, queryset=queryset, public_id=public_id)


def _with_actions(request: HttpRequest, decisions: QuerySet[Decision]) -> QuerySet[Decision]:
    """Decisions with the follow-up actions the caller may see (one query for the actions)."""
    actions = DecisionAction.objects.select_related("decision", "owner").order_by(DUE_FIRST, "pk")
    return decisions.prefetch_related(
        RestrictedPrefetch("actions", request.user, queryset=actions, to_attr="visible_actions")
    )


@ops.list(
    "/decision-actions",
    DecisionActionOut,
    name="governance_decision_action_list",
    summary="List actions following decisions",
)
def list_decision_actions(
    request: HttpRequest, filters: Query[DecisionActionFilters]
) -> QuerySet[DecisionAction]:
    qs = _actions(request)
    if filters.decision:
        qs = qs.filter(decision__public_id=filters.decision)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.owner:
        qs = qs.filter(owner__public_id=filters.owner)
    if filters.due_from:
        qs = qs.filter(due_on__gte=filters.due_from)
    if filters.due_to:
        qs = qs.filter(due_on__lte=filters.due_to)
    return qs.order_by(DUE_FIRST, "pk")


@ops.read(
    "/decision-actions/{public_id}",
    DecisionActionOut,
    name="governance_decision_action_detail",
    summary="Get an action following a decision",
)
def get_decision_action(request: HttpRequest, public_id: UUID) -> DecisionAction:
    return policies.decision_actions.get_or_404(
        request, queryset=_actions(request), public_id=public_id
    )


# Changes -----------------------------------------------------------------------------------------

NO_MEETING = "There is no meeting with that id that you can choose."
NO_PERSON = "There is no person with that id that you can choose."
NO_DECISION = "There is no decision with that id that you can choose."


class MotionIn(Schema):
    meeting: UUID = Field(description="The Full Council meeting that agreed the motion.")
    title: Text = Field("", max_length=300, description="Omit to take it from the text.")
    text: Text = Field(min_length=1, max_length=20_000)
    proposer: UUID
    seconder: UUID | None = None
    follows: UUID | None = Field(None, description="An earlier decision it follows.")


class MotionPatch(Schema):
    version: int = Version
    meeting: UUID = Unset()
    title: Text = Unset(max_length=300)
    text: Text = Unset(min_length=1, max_length=20_000)
    proposer: UUID = Unset()
    seconder: UUID | None = Unset()
    follows: UUID | None = Unset()


class StatusIn(Schema):
    version: int = Version
    status: DecisionStatus


class ActionIn(Schema):
    description: Text = Field(min_length=1, max_length=5000)
    owner: UUID | None = Field(None, description="The owner's directory id.")
    due_on: Date | None = None
    status: ActionStatus = ActionStatus.NOT_STARTED


class ActionPatch(Schema):
    version: int = Version
    description: Text = Unset(min_length=1, max_length=5000)
    owner: UUID | None = Unset()
    due_on: Date | None = Unset()
    status: ActionStatus = Unset()


def _motion_refs(
    request: HttpRequest, data: dict[str, Any], decision: Decision | None = None
) -> dict[str, Any]:
    people = directory_policies.people.visible_to(request.user)
    earlier = policies.decisions.visible_to(request.user)
    if decision is not None:
        earlier = earlier.exclude(pk=decision.pk)
    return resolve_refs(
        data,
        {
            "meeting": lambda v: pick(
                policies.meetings.visible_to(request.user).select_related("body"),
                v,
                "meeting",
                NO_MEETING,
            ),
            "proposer": lambda v: pick(people, v, "proposer", NO_PERSON),
            "seconder": lambda v: pick(people, v, "seconder", NO_PERSON),
            "follows": lambda v: pick(earlier, v, "follows", NO_DECISION),
        },
    )


def _reloaded(request: HttpRequest, decision: Decision) -> Decision:
    return _with_actions(request, _decisions(request)).get(pk=decision.pk)


def _decision(request: HttpRequest, public_id: UUID) -> Decision:
    return policies.decisions.get_or_404(
        request, Action.CHANGE, queryset=_decisions(request, Action.CHANGE), public_id=public_id
    )


@ops.create(
    "/decisions",
    DecisionDetail,
    name="governance_motion_create",
    summary="Enter a Full Council motion in the register",
)
def create_motion(request: HttpRequest, payload: MotionIn) -> Decision:
    require_manage(request, "decisions")
    data = _motion_refs(request, payload.model_dump())
    decision = services.record_motion(actor=request.user, data=data)
    return _reloaded(request, decision)


@ops.update(
    "/decisions/{public_id}",
    DecisionDetail,
    name="governance_motion_update",
    summary="Change a Full Council motion (a resolution is changed in its minutes)",
)
def update_motion(request: HttpRequest, public_id: UUID, payload: MotionPatch) -> Decision:
    decision = _decision(request, public_id)
    sent, version = changes(payload)
    # The motion is checked as a whole, so fields not sent keep their current values.
    data = {name: getattr(decision, name) for name in services.MOTION_FIELDS}
    data.update(_motion_refs(request, sent, decision))
    services.update_motion(
        actor=request.user, decision=decision, data=data, expected_version=version
    )
    return _reloaded(request, decision)


@ops.action(
    "/decisions/{public_id}/status",
    DecisionDetail,
    name="governance_decision_status",
    summary="Record that a decision is open, implemented or superseded",
)
def change_status(request: HttpRequest, public_id: UUID, payload: StatusIn) -> Decision:
    decision = _decision(request, public_id)
    services.change_decision_status(
        actor=request.user,
        decision=decision,
        status=payload.status,
        expected_version=payload.version,
    )
    return _reloaded(request, decision)


def _owner(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    people = directory_policies.people.visible_to(request.user)
    return resolve_refs(data, {"owner": lambda v: pick(people, v, "owner", NO_PERSON)})


@ops.create(
    "/decisions/{public_id}/actions",
    DecisionActionOut,
    name="governance_decision_action_create",
    summary="Add a follow-up action to a decision",
)
def create_action(request: HttpRequest, public_id: UUID, payload: ActionIn) -> DecisionAction:
    decision = _decision(request, public_id)
    action = services.add_action(
        actor=request.user, decision=decision, data=_owner(request, payload.model_dump())
    )
    return _actions(request).get(pk=action.pk)


@ops.update(
    "/decision-actions/{public_id}",
    DecisionActionOut,
    name="governance_decision_action_update",
    summary="Change a follow-up action (its owner, due date or progress)",
)
def update_action(request: HttpRequest, public_id: UUID, payload: ActionPatch) -> DecisionAction:
    queryset = policies.decision_actions.visible_to(request.user, Action.CHANGE)
    action = policies.decision_actions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    sent, version = changes(payload)
    data = {name: getattr(action, name) for name in services.ACTION_FIELDS}
    data.update(_owner(request, sent))
    services.update_action(actor=request.user, action=action, data=data, expected_version=version)
    return _actions(request).get(pk=action.pk)
