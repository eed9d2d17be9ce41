"""Minutes (one per agenda item) with their questions and answers, and resolutions (read only:
minutes are written in the web pages).

The minutes policy decides: draft minutes are shown only to those who see drafts, minutes of an
exempt item only to those who see exempt business. Resolutions follow their minute. A resolution's
recommendation is named only if the caller may read the report it comes from.
"""

from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from preventhub.api.pagination import Pagination
from preventhub.api.schemas import Text
from preventhub.governance import policies
from preventhub.governance.models import Minute, Outcome, Question, Resolution

from .common import Labelled, Named, Record, item_label, labelled, meeting_label, named

router = Router(tags=["governance: minutes and resolutions"])


class RecommendationRef(Schema):
    id: UUID
    number: int
    report: Labelled


class ResolutionOut(Record):
    number: str
    text: str
    outcome: Outcome
    outcome_label: str
    recorded_vote: dict[str, Any] = Field(
        description='When a vote was recorded: {"for": [names], "against": [...], '
        '"abstained": [...]}.'
    )
    minute: Labelled | None
    meeting: Labelled | None
    recommendation: RecommendationRef | None = Field(
        description="The report's recommendation it adopts, if you may read the report."
    )

    @staticmethod
    def resolve_outcome_label(obj: Resolution) -> str:
        return obj.get_outcome_display()

    @staticmethod
    def resolve_recorded_vote(obj: Resolution) -> dict[str, Any]:
        return obj.recorded_vote if isinstance(obj.recorded_vote, dict) else {}

    @staticmethod
    def resolve_minute(obj: Resolution) -> dict[str, Any] | None:
        minute = obj.minute
        return labelled(minute, f"Minute of item {item_label(minute.item)}") if minute else None

    @staticmethod
    def resolve_meeting(obj: Resolution) -> dict[str, Any] | None:
        if obj.minute is None:
            return None
        meeting = obj.minute.item.meeting
        return labelled(meeting, meeting_label(meeting))

    @staticmethod
    def resolve_recommendation(obj: Resolution) -> dict[str, Any] | None:
        recommendation = obj.recommendation
        if recommendation is None or not getattr(obj, "recommendation_visible", False):
            return None
        report = recommendation.report
        return {
            "id": recommendation.public_id,
            "number": recommendation.number,
            "report": labelled(report, report.title),
        }


class QuestionOut(Schema):
    asked_by: Named
    question: str
    answered_by: Named | None
    answer: str

    @staticmethod
    def resolve_asked_by(obj: Question) -> dict[str, Any] | None:
        return named(obj.asked_by)

    @staticmethod
    def resolve_answered_by(obj: Question) -> dict[str, Any] | None:
        return named(obj.answered_by)


class MinuteOut(Record):
    meeting: Labelled
    item: Labelled = Field(description="The agenda item minuted.")
    presented_by: Named | None
    points: str = Field(description="The points made in the presentation, one per paragraph.")
    discussion: str

    @staticmethod
    def resolve_meeting(obj: Minute) -> dict[str, Any] | None:
        return labelled(obj.item.meeting, meeting_label(obj.item.meeting))

    @staticmethod
    def resolve_item(obj: Minute) -> dict[str, Any] | None:
        return labelled(obj.item, item_label(obj.item))

    @staticmethod
    def resolve_presented_by(obj: Minute) -> dict[str, Any] | None:
        return named(obj.presented_by)


class MinuteDetail(MinuteOut):
    questions: list[QuestionOut]
    resolutions: list[ResolutionOut]

    @staticmethod
    def resolve_questions(obj: Minute) -> list[Any]:
        return list(obj.questions.all())

    @staticmethod
    def resolve_resolutions(obj: Minute) -> list[Any]:
        return getattr(obj, "visible_resolutions", [])


class MinuteFilters(Schema):
    meeting: UUID | None = None
    body: UUID | None = None


class ResolutionFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the text.")
    meeting: UUID | None = None
    body: UUID | None = None
    outcome: Outcome | None = None


def _minutes(request: HttpRequest) -> QuerySet[Minute]:
    return policies.minutes.visible_to(request.user).select_related(
        "item__meeting__body", "presented_by"
    )


def _resolutions(request: HttpRequest) -> QuerySet[Resolution]:
    reports = policies.reports.visible_to(request.user)
    return (
        policies.resolutions.visible_to(request.user)
        .select_related("minute__item__meeting__body", "recommendation__report")
        .annotate(
            recommendation_visible=Exists(reports.filter(pk=OuterRef("recommendation__report_id")))
        )
    )


@router.get(
    "/minutes",
    response=list[MinuteOut],
    url_name="governance_minute_list",
    operation_id="governance_minute_list",
    summary="List minutes (one per agenda item)",
)
@paginate(Pagination)
def list_minutes(request: HttpRequest, filters: Query[MinuteFilters]) -> QuerySet[Minute]:
    qs = _minutes(request)
    if filters.meeting:
        qs = qs.filter(item__meeting__public_id=filters.meeting)
    if filters.body:
        qs = qs.filter(item__meeting__body__public_id=filters.body)
    return qs.order_by("-item__meeting__starts_at", "item__meeting_id", "item__order", "pk")


@router.get(
    "/minutes/{public_id}",
    response=MinuteDetail,
    url_name="governance_minute_detail",
    operation_id="governance_minute_detail",
    summary="Get a minute with its questions and answers and its resolutions",
)
def get_minute(request: HttpRequest, public_id: UUID) -> Minute:
    queryset = _minutes(request).prefetch_related(
        Prefetch(
            "questions",
            Question.objects.select_related("asked_by", "answered_by").order_by("order", "pk"),
        )
    )
    minute = policies.minutes.get_or_404(request, queryset=queryset, public_id=public_id)
    minute.visible_resolutions = list(  # type: ignore[attr-defined]
        _resolutions(request).filter(minute=minute).order_by("pk")
    )
    return minute


@router.get(
    "/resolutions",
    response=list[ResolutionOut],
    url_name="governance_resolution_list",
    operation_id="governance_resolution_list",
    summary="List resolutions",
)
@paginate(Pagination)
def list_resolutions(
    request: HttpRequest, filters: Query[ResolutionFilters]
) -> QuerySet[Resolution]:
    qs = _resolutions(request)
    if filters.search:
        qs = qs.filter(text__icontains=filters.search)
    if filters.meeting:
        qs = qs.filter(minute__item__meeting__public_id=filters.meeting)
    if filters.body:
        qs = qs.filter(minute__item__meeting__body__public_id=filters.body)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    return qs.order_by("-created_at", "pk")


@router.get(
    "/resolutions/{public_id}",
    response=ResolutionOut,
    url_name="governance_resolution_detail",
    operation_id="governance_resolution_detail",
    summary="Get a resolution",
)
def get_resolution(request: HttpRequest, public_id: UUID) -> Resolution:
    return policies.resolutions.get_or_404(
        request, queryset=_resolutions(request), public_id=public_id
    )
