"""The risk register and the concern-type taxonomy (read only)."""

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Schema

from preventhub.core.api.lookups import pick, resolve_refs
from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import (
    Date,
    Identified,
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
from preventhub.core.policies import Action, RestrictedPrefetch
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Sector, Ward

from .. import flags, policies, services
from ..forms.risks import SORTS
from ..models import ConcernType, Level, Marking, RatingMatrix, Risk, RiskStatus, Trend
from ..queries import apply_filters
from .common import NO_ASSESSMENT, NO_CONCERN, NO_WARD, person, require_manage

ops = Operations(tags=["risk: register"])
router = ops.router

Rating = Field(ge=1, le=5)


class ConcernTypeOut(Identified):
    code: str
    label: str
    valid_from: dt.date
    valid_to: dt.date | None


class ConcernTypeFilters(Schema):
    valid_on: Date | None = Field(None, description="Only the categories in use on this date.")


class RiskOut(Record):
    reference: str
    title: str
    description: str
    assessment: Labelled | None = Field(description="Shown when you may see the assessment.")
    concern_type: Labelled | None
    theme: str
    borough_wide: bool
    wards: list[Named]
    sectors: list[Sector]
    inherent_likelihood: int
    inherent_impact: int
    inherent_score: int
    inherent_level: Level
    residual_likelihood: int
    residual_impact: int
    residual_score: int
    residual_level: Level
    owner: Named | None
    review_on: dt.date | None
    trend: Trend
    status: RiskStatus
    marking: Marking
    has_action: bool = Field(description="An action in the partnership plan mitigates it.")
    past_review: bool

    @staticmethod
    def resolve_assessment(obj: Risk) -> dict[str, Any] | None:
        assessment = obj.assessment
        if assessment is None or not getattr(obj, "assessment_visible", False):
            return None
        return labelled(assessment, assessment.title)

    @staticmethod
    def resolve_concern_type(obj: Risk) -> dict[str, Any] | None:
        concern = obj.concern_type
        return labelled(concern, concern.label) if concern else None

    @staticmethod
    def resolve_wards(obj: Risk) -> list[dict[str, Any] | None]:
        return [named(ward) for ward in getattr(obj, "visible_wards", [])]

    @staticmethod
    def resolve_owner(obj: Risk) -> dict[str, Any] | None:
        return named(obj.owner)


class RiskFilters(Schema):
    concern_type: UUID | None = None
    status: RiskStatus | None = None
    marking: Marking | None = None
    owner: UUID | None = Field(None, description="The owner's directory id.")
    ward: UUID | None = None
    assessment: UUID | None = None
    level: Level | None = None
    rating: Literal["inherent", "residual"] = Field(
        "residual", description="Which rating level, likelihood and impact filter."
    )
    likelihood: int | None = Field(None, ge=1, le=5)
    impact: int | None = Field(None, ge=1, le=5)
    flag: Literal["no_action", "past_review"] | None = None
    sort: Literal["score", "inherent", "review", "title"] = "score"


class RiskIn(Schema):
    reference: Text = Field("", max_length=20)
    title: Text = Field(min_length=1, max_length=200)
    description: Text = Field("", max_length=20_000)
    assessment: UUID | None = None
    concern_type: UUID | None = None
    theme: Text = Field("", max_length=120)
    borough_wide: bool = False
    wards: list[UUID] = Field(default_factory=list, max_length=200)
    sectors: list[Sector] = Field(default_factory=list, max_length=len(Sector.choices))
    inherent_likelihood: int = Rating
    inherent_impact: int = Rating
    residual_likelihood: int = Rating
    residual_impact: int = Rating
    owner: UUID | None = None
    review_on: Date | None = None
    trend: Trend = Trend.STABLE
    status: RiskStatus = RiskStatus.OPEN
    marking: Marking = Marking.OFFICIAL


class RiskPatch(Schema):
    version: int = Version
    reference: Text = Unset(max_length=20)
    title: Text = Unset(min_length=1, max_length=200)
    description: Text = Unset(max_length=20_000)
    assessment: UUID | None = Unset()
    concern_type: UUID | None = Unset()
    theme: Text = Unset(max_length=120)
    borough_wide: bool = Unset()
    wards: list[UUID] = Unset(max_length=200)
    sectors: list[Sector] = Unset(max_length=len(Sector.choices))
    inherent_likelihood: int = Unset(ge=1, le=5)
    inherent_impact: int = Unset(ge=1, le=5)
    residual_likelihood: int = Unset(ge=1, le=5)
    residual_impact: int = Unset(ge=1, le=5)
    owner: UUID | None = Unset()
    review_on: Date | None = Unset()
    trend: Trend = Unset()
    status: RiskStatus = Unset()
    marking: Marking = Unset()


@ops.list(
    "/concern-types", ConcernTypeOut, name="risk_concern_type_list", summary="Types of concern"
)
def list_concern_types(
    request: HttpRequest, filters: Query[ConcernTypeFilters]
) -> QuerySet[ConcernType]:
    qs = ConcernType.objects.visible_to(request.user)
    if filters.valid_on:
        qs = qs.filter(pk__in=ConcernType.objects.valid_on(filters.valid_on).values("pk"))
    return qs.order_by("order", "label", "pk")


@ops.read(
    "/concern-types/{public_id}",
    ConcernTypeOut,
    name="risk_concern_type_detail",
    summary="Get a type of concern",
)
def get_concern_type(request: HttpRequest, public_id: UUID) -> ConcernType:
    return policies.concern_types.get_or_404(request, public_id=public_id)


def _risks(request: HttpRequest, action: str = Action.VIEW) -> QuerySet[Any]:
    user = request.user
    matrix = RatingMatrix.active()
    assessments = policies.assessments.visible_to(user)
    qs = (
        policies.risks.visible_to(user, action)
        .select_related("assessment", "concern_type", "owner")
        .prefetch_related(
            RestrictedPrefetch(
                "wards", user, queryset=Ward.objects.order_by("name"), to_attr="visible_wards"
            )
        )
    )
    return flags.with_flags(qs, timezone.localdate()).annotate(
        inherent_level=matrix.level_expression("inherent_score"),
        residual_level=matrix.level_expression("residual_score"),
        assessment_visible=Exists(assessments.filter(pk=OuterRef("assessment_id"))),
    )


def _risk(request: HttpRequest, public_id: UUID, action: str = Action.VIEW) -> Risk:
    return policies.risks.get_or_404(
        request, action, queryset=_risks(request, action), public_id=public_id
    )


@ops.list("/risks", RiskOut, name="risk_list", summary="List the risk register")
def list_risks(request: HttpRequest, filters: Query[RiskFilters]) -> QuerySet[Any]:
    data: dict[str, Any] = filters.model_dump()
    qs = _risks(request)
    for name, model_field in (("concern_type", "concern_type"), ("owner", "owner"),
                              ("ward", "wards"), ("assessment", "assessment")):  # fmt: skip
        if data.pop(name):
            qs = qs.filter(**{f"{model_field}__public_id": getattr(filters, name)})
    if filters.marking:
        qs = qs.filter(marking=filters.marking)
    qs = apply_filters(qs, data, RatingMatrix.active())
    return qs.order_by(*SORTS[filters.sort])


@ops.read("/risks/{public_id}", RiskOut, name="risk_detail", summary="Get a risk")
def get_risk(request: HttpRequest, public_id: UUID) -> Risk:
    return _risk(request, public_id)


def _refs(request: HttpRequest, data: dict[str, Any]) -> tuple[dict[str, Any], list[Ward] | None]:
    user = request.user
    wards = data.pop("wards", None)
    data = resolve_refs(
        data,
        {
            "assessment": lambda v: pick(
                policies.assessments.visible_to(user), v, "assessment", NO_ASSESSMENT
            ),
            "concern_type": lambda v: pick(
                policies.concern_types.visible_to(user), v, "concern_type", NO_CONCERN
            ),
            "owner": lambda v: person(request, v, "owner"),
        },
    )
    if "sectors" in data:
        data["sectors"] = [str(s) for s in data["sectors"]]
    if wards is None:
        return data, None
    visible = directory_policies.wards.visible_to(user)
    chosen = list(visible.filter(public_id__in=wards))
    if len(chosen) != len(set(wards)):
        raise ValidationError({"wards": [NO_WARD]})
    return data, chosen


@ops.create("/risks", RiskOut, name="risk_create", summary="Add a risk to the register")
def create_risk(request: HttpRequest, payload: RiskIn) -> Risk:
    require_manage(request, "risks")
    data, wards = _refs(request, payload.model_dump())
    risk = services.create_risk(actor=request.user, data=data, wards=wards or [])
    return _risks(request).get(pk=risk.pk)


@ops.update("/risks/{public_id}", RiskOut, name="risk_update", summary="Change a risk")
def update_risk(request: HttpRequest, public_id: UUID, payload: RiskPatch) -> Risk:
    risk = _risk(request, public_id, Action.CHANGE)
    sent, version = changes(payload)
    data, wards = _refs(request, sent)
    services.update_risk(
        actor=request.user, risk=risk, data=data, wards=wards, expected_version=version
    )
    return _risks(request).get(pk=risk.pk)
