"""Assessments, their agreement and coverage, and partner contributions."""

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
    changes,
    labelled,
    named,
)
from preventhub.core.policies import Action
from preventhub.governance import policies as governance_policies

from .. import policies, services
from ..coverage import contribution_count, coverage
from ..models import AssessmentStatus, Contribution, ContributionStatus, Marking, RiskAssessment
from .common import (
    NO_MEETING,
    NO_RESOLUTION,
    meeting_label,
    organisation,
    person,
    require_manage,
    visible_flag,
)

ops = Operations(tags=["risk: assessments"])
router = ops.router


class AssessmentOut(Record):
    title: str
    period_start: dt.date
    period_end: dt.date
    ctlp_edition: str = Field(description="The Counter-Terrorism Local Profile edition used.")
    ctlp_received_on: dt.date | None
    marking: Marking
    summary: str
    status: AssessmentStatus
    agreed_on: dt.date | None
    agreed_at_meeting: Labelled | None = Field(description="Shown when you may see the meeting.")
    agreed_by: Labelled | None = Field(description="The agreeing resolution, if you may see it.")
    contribution_count: int

    @staticmethod
    def resolve_agreed_at_meeting(obj: RiskAssessment) -> dict[str, Any] | None:
        meeting = obj.agreed_at_meeting
        if meeting is None or not getattr(obj, "meeting_visible", False):
            return None
        return labelled(meeting, meeting_label(meeting))

    @staticmethod
    def resolve_agreed_by(obj: RiskAssessment) -> dict[str, Any] | None:
        resolution = obj.agreed_by
        if resolution is None or not getattr(obj, "resolution_visible", False):
            return None
        return labelled(resolution, f"Resolution {resolution.number}")


class SectorCoverageOut(Schema):
    sector: str
    label: str
    received: int
    requested: int
    state: str = Field(description="contributed, requested or missing")


class ContributionOut(Record):
    assessment: Labelled
    organisation: Named
    status: ContributionStatus
    requested_from: Named | None
    requested_on: dt.date | None
    due_on: dt.date | None
    received_on: dt.date | None
    summary: str
    has_attachment: bool

    @staticmethod
    def resolve_assessment(obj: Contribution) -> dict[str, Any] | None:
        return labelled(obj.assessment, obj.assessment.title)

    @staticmethod
    def resolve_organisation(obj: Contribution) -> dict[str, Any] | None:
        return named(obj.organisation)

    @staticmethod
    def resolve_requested_from(obj: Contribution) -> dict[str, Any] | None:
        return named(obj.requested_from)

    @staticmethod
    def resolve_has_attachment(obj: Contribution) -> bool:
        return bool(obj.attachment)


class AssessmentFilters(Schema):
    status: AssessmentStatus | None = None
    marking: Marking | None = None


class ContributionFilters(Schema):
    assessment: UUID | None = None
    organisation: UUID | None = None
    status: ContributionStatus | None = None


class AssessmentIn(Schema):
    title: Text = Field(min_length=1, max_length=200)
    period_start: Date
    period_end: Date
    ctlp_edition: Text = Field("", max_length=60)
    ctlp_received_on: Date | None = None
    marking: Marking = Marking.OFFICIAL_SENSITIVE
    summary: Text = Field("", max_length=20_000)


class AssessmentPatch(Schema):
    version: int = Version
    title: Text = Unset(min_length=1, max_length=200)
    period_start: Date = Unset()
    period_end: Date = Unset()
    ctlp_edition: Text = Unset(max_length=60)
    ctlp_received_on: Date | None = Unset()
    marking: Marking = Unset()
    summary: Text = Unset(max_length=20_000)


class AssessmentAgreeIn(Schema):
    version: int = Version
    meeting: UUID | None = Field(None, description="The meeting that agreed the assessment.")
    resolution: UUID | None = Field(None, description="The resolution that agreed it.")
    agreed_on: Date | None = Field(None, description="Omit to use the meeting's date.")


class ContributionIn(Schema):
    organisation: UUID
    received_on: Date
    summary: Text = Field(min_length=1, max_length=20_000)


class ContributionRequestIn(Schema):
    organisation: UUID
    person: UUID = Field(description="Someone who works for the organisation.")
    due_on: Date | None = None


class ContributionPatch(Schema):
    version: int = Version
    received_on: Date
    summary: Text = Field(min_length=1, max_length=20_000)


def _assessments(request: HttpRequest, action: str = Action.VIEW) -> QuerySet[RiskAssessment]:
    user = request.user
    qs = policies.assessments.visible_to(user, action).select_related(
        "agreed_at_meeting__body", "agreed_by"
    )
    return qs.annotate(
        contribution_count=contribution_count(),
        meeting_visible=visible_flag(
            qs, "agreed_at_meeting_id", governance_policies.meetings.visible_to(user)
        ),
        resolution_visible=visible_flag(
            qs, "agreed_by_id", governance_policies.resolutions.visible_to(user)
        ),
    )


def _assessment(request: HttpRequest, public_id: UUID, action: str = Action.VIEW) -> RiskAssessment:
    return policies.assessments.get_or_404(
        request, action, queryset=_assessments(request, action), public_id=public_id
    )


def _contributions(request: HttpRequest, action: str = Action.VIEW) -> QuerySet[Contribution]:
    return policies.contributions.visible_to(request.user, action).select_related(
        "assessment", "organisation", "requested_from"
    )


@ops.list("/assessments", AssessmentOut, name="risk_assessment_list", summary="List assessments")
def list_assessments(
    request: HttpRequest, filters: Query[AssessmentFilters]
) -> QuerySet[RiskAssessment]:
    qs = _assessments(request)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.marking:
        qs = qs.filter(marking=filters.marking)
    return qs.order_by("-period_start", "-pk")


@ops.read(
    "/assessments/{public_id}", AssessmentOut, name="risk_assessment_detail", summary="Get one"
)
def get_assessment(request: HttpRequest, public_id: UUID) -> RiskAssessment:
    return _assessment(request, public_id)


@ops.read(
    "/assessments/{public_id}/coverage",
    list[SectorCoverageOut],
    name="risk_assessment_coverage",
    summary="Which expected sectors have contributed",
)
def get_coverage(request: HttpRequest, public_id: UUID) -> list[dict[str, Any]]:
    assessment = _assessment(request, public_id)
    rows = coverage(_contributions(request).filter(assessment=assessment))
    return [
        {"sector": r.key, "label": r.label, "received": r.received, "requested": r.requested,
         "state": r.state}
        for r in rows
    ]  # fmt: skip


@ops.create("/assessments", AssessmentOut, name="risk_assessment_create", summary="Add one")
def create_assessment(request: HttpRequest, payload: AssessmentIn) -> RiskAssessment:
    require_manage(request, "assessments")
    assessment = services.create_assessment(actor=request.user, data=payload.model_dump())
    return _assessments(request).get(pk=assessment.pk)


@ops.update(
    "/assessments/{public_id}",
    AssessmentOut,
    name="risk_assessment_update",
    summary="Change a draft assessment",
)
def update_assessment(
    request: HttpRequest, public_id: UUID, payload: AssessmentPatch
) -> RiskAssessment:
    assessment = _assessment(request, public_id, Action.CHANGE)
    sent, version = changes(payload)
    services.update_assessment(
        actor=request.user, assessment=assessment, data=sent, expected_version=version
    )
    return _assessments(request).get(pk=assessment.pk)


@ops.action(
    "/assessments/{public_id}/agree",
    AssessmentOut,
    name="risk_assessment_agree",
    summary="Record that the partnership agreed the assessment",
)
def agree_assessment(
    request: HttpRequest, public_id: UUID, payload: AssessmentAgreeIn
) -> RiskAssessment:
    assessment = _assessment(request, public_id, policies.AGREE)
    user = request.user
    refs = resolve_refs(
        payload.model_dump(),
        {
            "meeting": lambda v: pick(
                governance_policies.meetings.visible_to(user), v, "meeting", NO_MEETING
            ),
            "resolution": lambda v: pick(
                governance_policies.resolutions.visible_to(user), v, "resolution", NO_RESOLUTION
            ),
        },
    )
    services.agree_assessment(
        actor=user,
        assessment=assessment,
        agreed_on=refs["agreed_on"],
        meeting=refs["meeting"],
        resolution=refs["resolution"],
        expected_version=payload.version,
    )
    return _assessments(request).get(pk=assessment.pk)


@ops.list(
    "/contributions", ContributionOut, name="risk_contribution_list", summary="List contributions"
)
def list_contributions(
    request: HttpRequest, filters: Query[ContributionFilters]
) -> QuerySet[Contribution]:
    qs = _contributions(request)
    if filters.assessment:
        qs = qs.filter(assessment__public_id=filters.assessment)
    if filters.organisation:
        qs = qs.filter(organisation__public_id=filters.organisation)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("organisation__name", "pk")


@ops.read(
    "/contributions/{public_id}",
    ContributionOut,
    name="risk_contribution_detail",
    summary="Get a contribution",
)
def get_contribution(request: HttpRequest, public_id: UUID) -> Contribution:
    return policies.contributions.get_or_404(
        request, queryset=_contributions(request), public_id=public_id
    )


@ops.create(
    "/assessments/{public_id}/contributions",
    ContributionOut,
    name="risk_contribution_create",
    summary="Add a partner's contribution (a partner lead: their own organisation's)",
)
def add_contribution(
    request: HttpRequest, public_id: UUID, payload: ContributionIn
) -> Contribution:
    assessment = _assessment(request, public_id, policies.CONTRIBUTE)
    added = services.add_contribution(
        actor=request.user,
        assessment=assessment,
        organisation=organisation(request, payload.organisation),
        received_on=payload.received_on,
        summary=payload.summary,
    )
    return _contributions(request).get(pk=added.pk)


@ops.create(
    "/assessments/{public_id}/contribution-requests",
    ContributionOut,
    name="risk_contribution_request",
    summary="Ask a partner for a contribution (a task in their inbox, and an e-mail)",
)
def request_contribution(
    request: HttpRequest, public_id: UUID, payload: ContributionRequestIn
) -> Contribution:
    require_manage(request, "contribution requests")
    assessment = _assessment(request, public_id)
    asked = services.request_contribution(
        actor=request.user,
        assessment=assessment,
        organisation=organisation(request, payload.organisation),
        person=person(request, payload.person, "person"),
        due_on=payload.due_on,
    )
    return _contributions(request).get(pk=asked.pk)


@ops.update(
    "/contributions/{public_id}",
    ContributionOut,
    name="risk_contribution_update",
    summary="Give a requested contribution, or correct one",
)
def update_contribution(
    request: HttpRequest, public_id: UUID, payload: ContributionPatch
) -> Contribution:
    contribution = policies.contributions.get_or_404(
        request, Action.CHANGE, queryset=_contributions(request, Action.CHANGE), public_id=public_id
    )
    services.update_contribution(
        actor=request.user,
        contribution=contribution,
        received_on=payload.received_on,
        summary=payload.summary,
        expected_version=payload.version,
    )
    return _contributions(request).get(pk=contribution.pk)
