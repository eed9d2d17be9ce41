"""The decisions register (every resolution, and Full Council motions) and the actions that follow
each decision (read only: the register is kept in the web pages).

The decisions policy shows a decision with the resolution behind it (so a decision from draft or
exempt minutes is hidden with them); follow-up actions are for role holders only.
"""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.api.schemas import Text
from preventhub.governance import policies
from preventhub.governance.models import (
    ActionStatus,
    Decision,
    DecisionAction,
    DecisionKind,
    DecisionStatus,
)

from .common import Date, Labelled, Named, Record, labelled, meeting_label, named

router = Router(tags=["governance: decisions"])


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


def _decisions(request: HttpRequest) -> QuerySet[Decision]:
    return policies.decisions.visible_to(request.user).select_related(
        "resolution", "meeting__body", "proposer", "seconder"
    )


def _actions(request: HttpRequest) -> QuerySet[DecisionAction]:
    return policies.decision_actions.visible_to(request.user).select_related("decision", "owner")


@router.get(
    "/decisions",
    response=list[DecisionOut],
    url_name="governance_decision_list",
    operation_id="governance_decision_list",
    summary="List the decisions register (latest first)",
)
@paginate(Pagination)
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


@router.get(
    "/decisions/{public_id}",
    response=DecisionDetail,
    url_name="governance_decision_detail",
    operation_id="governance_decision_detail",
    summary="Get a decision with its follow-up actions",
)
def get_decision(request: HttpRequest, public_id: UUID) -> Decision:
    decision = policies.decisions.get_or_404(
        request, queryset=_decisions(request), public_id=public_id
    )
    decision.visible_actions = list(  # type: ignore[attr-defined]
        _actions(request).filter(decision=decision).order_by("due_on", "pk")
    )
    return decision


@router.get(
    "/decision-actions",
    response=list[DecisionActionOut],
    url_name="governance_decision_action_list",
    operation_id="governance_decision_action_list",
    summary="List actions following decisions",
)
@paginate(Pagination)
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
    return qs.order_by("due_on", "pk")


@router.get(
    "/decision-actions/{public_id}",
    response=DecisionActionOut,
    url_name="governance_decision_action_detail",
    operation_id="governance_decision_action_detail",
    summary="Get an action following a decision",
)
def get_decision_action(request: HttpRequest, public_id: UUID) -> DecisionAction:
    return policies.decision_actions.get_or_404(
        request, queryset=_actions(request), public_id=public_id
    )
