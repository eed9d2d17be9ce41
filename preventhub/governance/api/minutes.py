"""Minutes (one per agenda item) with their questions and answers, and resolutions; writing draft
minutes, approving them at a later meeting and the chair's signature.

The minutes policy decides: draft minutes are shown only to those who see drafts, minutes of an
exempt item only to those who see exempt business. Resolutions follow their minute. A resolution's
recommendation is named only if the caller may read the report it comes from.

Democratic services write the minutes, as on the web pages: they start them once the meeting is
held, change each item's minute, its questions and its resolutions while the minutes are a draft,
and record their approval. The chair signs approved minutes (or democratic services on their
behalf). Approved minutes are the record: changing them is refused with the reason.
"""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action, RestrictedPrefetch
from preventhub.directory.models import Person
from preventhub.governance import policies
from preventhub.governance.models import (
    AgendaItem,
    Decision,
    Meeting,
    MembershipRole,
    Minute,
    Outcome,
    Question,
    Recommendation,
    Resolution,
)
from preventhub.governance.services import minutes as minutes_services

from .common import (
    Date,
    Labelled,
    Named,
    Record,
    Version,
    VersionOnly,
    changes,
    item_label,
    labelled,
    meeting_label,
    named,
    pick,
    resolve_refs,
)
from .meetings import MeetingDetail, meeting_detail

ops = Operations(tags=["governance: minutes and resolutions"])
router = ops.router


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
    id: UUID
    asked_by: Named
    question: str
    answered_by: Named | None
    answer: str

    @staticmethod
    def resolve_id(obj: Question) -> UUID:
        return obj.public_id

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


def _resolution_rows(request: HttpRequest, rows: QuerySet[Resolution]) -> QuerySet[Resolution]:
    reports = policies.reports.visible_to(request.user)
    return rows.select_related("minute__item__meeting__body", "recommendation__report").annotate(
        recommendation_visible=Exists(reports.filter(pk=OuterRef("recommendation__report_id")))
    )


def _resolutions(request: HttpRequest) -> QuerySet[Resolution]:
    return _resolution_rows(request, policies.resolutions.visible_to(request.user))


@ops.list(
    "/minutes",
    MinuteOut,
    name="governance_minute_list",
    summary="List minutes (one per agenda item)",
)
def list_minutes(request: HttpRequest, filters: Query[MinuteFilters]) -> QuerySet[Minute]:
    qs = _minutes(request)
    if filters.meeting:
        qs = qs.filter(item__meeting__public_id=filters.meeting)
    if filters.body:
        qs = qs.filter(item__meeting__body__public_id=filters.body)
    return qs.order_by("-item__meeting__starts_at", "item__meeting_id", "item__order", "pk")


@ops.read(
    "/minutes/{public_id}",
    MinuteDetail,
    name="governance_minute_detail",
    summary="Get a minute with its questions and answers and its resolutions",
)
def get_minute(request: HttpRequest, public_id: UUID) -> Minute:
    return policies.minutes.get_or_404(request, queryset=_with_parts(request), public_id=public_id)


def _with_parts(request: HttpRequest) -> QuerySet[Minute]:
    """Minutes with their questions and the resolutions the caller may see, each through its own
    policy (one query each)."""
    user = request.user
    questions = Question.objects.select_related("asked_by", "answered_by").order_by("order", "pk")
    resolutions = _resolution_rows(request, Resolution.objects.order_by("pk"))
    return _minutes(request).prefetch_related(
        RestrictedPrefetch("questions", user, queryset=questions),
        RestrictedPrefetch(
            "resolutions", user, queryset=resolutions, to_attr="visible_resolutions"
        ),
    )


@ops.list(
    "/resolutions", ResolutionOut, name="governance_resolution_list", summary="List resolutions"
)
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


@ops.read(
    "/resolutions/{public_id}",
    ResolutionOut,
    name="governance_resolution_detail",
    summary="Get a resolution",
)
def get_resolution(request: HttpRequest, public_id: UUID) -> Resolution:
    return policies.resolutions.get_or_404(
        request, queryset=_resolutions(request), public_id=public_id
    )


# Writing the minutes -----------------------------------------------------------------------------

NO_PERSON = (
    "Choose someone recorded at the meeting, a member of the body or the presenting officer."
)
NO_MEETING = "There is no meeting with that id."
NO_RECOMMENDATION = "There is no recommendation with that id in this item's report."
NO_MOTION = "There is no decision with that id that you can choose."
NOT_PRESENT = "Choose people recorded as present at the meeting."
NOT_A_CHAIR = "Choose a chair of the body (a chair signs in their own name)."


class MinutePatch(Schema):
    version: int = Version
    presented_by: UUID | None = Unset(description="Who presented the item.")
    points: Text = Unset(max_length=50_000)
    discussion: Text = Unset(max_length=50_000)


class QuestionIn(Schema):
    asked_by: UUID
    question: Text = Field(min_length=1, max_length=10_000)
    answered_by: UUID | None = None
    answer: Text = Field("", max_length=10_000)


class QuestionPatch(Schema):
    asked_by: UUID = Unset()
    question: Text = Unset(min_length=1, max_length=10_000)
    answered_by: UUID | None = Unset()
    answer: Text = Unset(max_length=10_000)


class Votes(Schema):
    for_: list[UUID] = Field([], alias="for", max_length=500)
    against: list[UUID] = Field([], max_length=500)
    abstained: list[UUID] = Field([], max_length=500)


class ResolutionIn(Schema):
    number: Text = Field(min_length=1, max_length=12, description="For example 1, or 77.1.")
    text: Text = Field(min_length=1, max_length=20_000)
    outcome: Outcome = Outcome.CARRIED
    recommendation: UUID | None = Field(None, description="The recommendation it adopts.")
    follows: UUID | None = Field(None, description="A decision (such as a motion) it follows.")
    votes: Votes | None = Field(None, description="A recorded vote: who voted which way.")


class ResolutionPatch(Schema):
    version: int = Version
    number: Text = Unset(min_length=1, max_length=12)
    text: Text = Unset(min_length=1, max_length=20_000)
    outcome: Outcome = Unset()
    recommendation: UUID | None = Unset()
    follows: UUID | None = Unset()
    votes: Votes | None = Unset()


class ApproveIn(Schema):
    version: int = Version
    approved_at: UUID = Field(description="The later meeting of the body that approved them.")


class SignIn(Schema):
    version: int = Version
    signed_by: UUID = Field(description="The chair who signed.")
    signed_on: Date


def _require_manage(request: HttpRequest) -> None:
    if not policies.can_manage_governance(request.user):
        raise Http404


def _meeting(request: HttpRequest, public_id: UUID, action: Action = Action.CHANGE) -> Meeting:
    queryset = policies.meetings.visible_to(request.user, action).select_related(
        "body", "minutes_approved_at"
    )
    return policies.meetings.get_or_404(request, action, queryset=queryset, public_id=public_id)


def _minute(request: HttpRequest, public_id: UUID) -> Minute:
    _require_manage(request)
    queryset = policies.minutes.visible_to(request.user, Action.CHANGE).select_related(
        "item__meeting__body", "item__report", "item__presenting_officer"
    )
    return policies.minutes.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _question(request: HttpRequest, public_id: UUID) -> Question:
    """A question of draft minutes, through the questions policy as on the minutes pages (404 for
    anything else, a denial of an existing question audited)."""
    _require_manage(request)
    queryset = Question.objects.select_related(
        "minute__item__meeting__body", "minute__item__presenting_officer"
    ).visible_to(request.user, Action.CHANGE)
    return policies.questions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _resolution(request: HttpRequest, public_id: UUID) -> Resolution:
    _require_manage(request)
    queryset = (
        policies.resolutions.visible_to(request.user, Action.CHANGE)
        .filter(minute__isnull=False)
        .select_related("minute__item__meeting__body", "minute__item__report", "recommendation")
    )
    return policies.resolutions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _minute_detail(request: HttpRequest, minute: Minute) -> Minute:
    return _with_parts(request).get(pk=minute.pk)


def _people_refs(item: AgendaItem, data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    people = minutes_services.people_at(item.meeting, item)

    def chooser(name: str) -> Callable[[UUID | None], Person | None]:
        return lambda public_id: pick(people, public_id, name, NO_PERSON)

    return resolve_refs(data, {name: chooser(name) for name in names})


@ops.action(
    "/meetings/{public_id}/minutes/start",
    MeetingDetail,
    name="governance_minutes_start",
    summary="Start the draft minutes of a held meeting (a minute per agenda item)",
)
def start_minutes(request: HttpRequest, public_id: UUID, payload: VersionOnly) -> Meeting:
    _require_manage(request)
    meeting = _meeting(request, public_id)
    minutes_services.start_minutes(
        actor=request.user, meeting=meeting, expected_version=payload.version
    )
    return meeting_detail(request, meeting)


@ops.update(
    "/minutes/{public_id}",
    MinuteDetail,
    name="governance_minute_update",
    summary="Change who presented an item, the points made and the discussion (draft minutes)",
)
def update_minute(request: HttpRequest, public_id: UUID, payload: MinutePatch) -> Minute:
    minute = _minute(request, public_id)
    sent, version = changes(payload)
    data = {name: getattr(minute, name) for name in minutes_services.MINUTE_FIELDS}
    data.update(_people_refs(minute.item, sent, ("presented_by",)))
    minutes_services.update_minute(
        actor=request.user, item=minute.item, data=data, expected_version=version
    )
    return _minute_detail(request, minute)


@ops.create(
    "/minutes/{public_id}/questions",
    MinuteDetail,
    name="governance_question_create",
    summary="Add a question and its answer to an item's draft minute",
)
def create_question(request: HttpRequest, public_id: UUID, payload: QuestionIn) -> Minute:
    minute = _minute(request, public_id)
    data = _people_refs(minute.item, payload.model_dump(), ("asked_by", "answered_by"))
    minutes_services.add_question(actor=request.user, item=minute.item, data=data)
    return _minute_detail(request, minute)


@ops.update(
    "/questions/{public_id}",
    MinuteDetail,
    name="governance_question_update",
    summary="Change a question or its answer (draft minutes)",
)
def update_question(request: HttpRequest, public_id: UUID, payload: QuestionPatch) -> Minute:
    question = _question(request, public_id)
    item = question.minute.item
    data = {name: getattr(question, name) for name in minutes_services.QUESTION_FIELDS}
    sent = payload.model_dump(exclude_unset=True)
    data.update(_people_refs(item, sent, ("asked_by", "answered_by")))
    minutes_services.update_question(actor=request.user, question=question, data=data)
    return _minute_detail(request, question.minute)


@ops.delete(
    "/questions/{public_id}",
    name="governance_question_delete",
    summary="Remove a question from draft minutes",
)
def delete_question(request: HttpRequest, public_id: UUID) -> None:
    question = _question(request, public_id)
    try:
        minutes_services.remove_question(actor=request.user, question=question)
    except ValidationError as exc:
        raise HttpError(409, " ".join(exc.messages)) from exc


def _resolution_refs(
    request: HttpRequest, item: AgendaItem, data: dict[str, Any], exclude: Decision | None = None
) -> dict[str, Any]:
    recommendations = (
        Recommendation.objects.filter(report_id=item.report_id)
        if item.report_id is not None
        else Recommendation.objects.none()
    )
    motions = policies.decisions.visible_to(request.user)
    if exclude is not None:
        motions = motions.exclude(pk=exclude.pk)
    data = resolve_refs(
        data,
        {
            "recommendation": lambda v: pick(
                recommendations, v, "recommendation", NO_RECOMMENDATION
            ),
            "follows": lambda v: pick(motions, v, "follows", NO_MOTION),
        },
    )
    if "votes" in data:
        data["votes"] = _votes(item.meeting, data["votes"] or {})
    return data


def _votes(meeting: Meeting, votes: dict[str, list[UUID]]) -> dict[str, list[Person]]:
    """A recorded vote's people, from those recorded present (the service checks nobody votes
    twice)."""
    wanted = {public_id for ids in votes.values() for public_id in ids}
    present = {
        p.public_id: p
        for p in minutes_services.present_people(meeting).filter(public_id__in=wanted)
    }
    if wanted - set(present):
        raise ValidationError({"votes": [NOT_PRESENT]})
    key = {"for_": "for", "for": "for", "against": "against", "abstained": "abstained"}
    return {key[name]: [present[i] for i in ids] for name, ids in votes.items()}


@ops.create(
    "/minutes/{public_id}/resolutions",
    ResolutionOut,
    name="governance_resolution_create",
    summary="Record a resolution under an item (it enters the decisions register)",
)
def create_resolution(request: HttpRequest, public_id: UUID, payload: ResolutionIn) -> Resolution:
    minute = _minute(request, public_id)
    data = _resolution_refs(request, minute.item, payload.model_dump())
    resolution = minutes_services.add_resolution(actor=request.user, item=minute.item, data=data)
    return _resolutions(request).get(pk=resolution.pk)


@ops.update(
    "/resolutions/{public_id}",
    ResolutionOut,
    name="governance_resolution_update",
    summary="Change a resolution (and its entry in the register) in draft minutes",
)
def update_resolution(
    request: HttpRequest, public_id: UUID, payload: ResolutionPatch
) -> Resolution:
    resolution = _resolution(request, public_id)
    item = resolution.minuted_item
    sent, version = changes(payload)
    decision = Decision.objects.filter(resolution=resolution).first()
    data: dict[str, Any] = {
        "number": resolution.number,
        "text": resolution.text,
        "outcome": resolution.outcome,
        "recommendation": resolution.recommendation,
        # The recorded vote is kept as names; the service wants the people, present at the meeting.
        "votes": _recorded_votes(item.meeting, resolution),
    }
    data.update(_resolution_refs(request, item, sent, exclude=decision))
    minutes_services.update_resolution(
        actor=request.user, resolution=resolution, data=data, expected_version=version
    )
    return _resolutions(request).get(pk=resolution.pk)


def _recorded_votes(meeting: Meeting, resolution: Resolution) -> dict[str, list[Person]]:
    vote = resolution.recorded_vote if isinstance(resolution.recorded_vote, dict) else {}
    if not any(vote.values()):
        return {}
    by_name = {p.name: p for p in minutes_services.present_people(meeting)}
    return {
        key: [by_name[name] for name in vote.get(key) or [] if name in by_name]
        for key in minutes_services.VOTE_KEYS
    }


@ops.delete(
    "/resolutions/{public_id}",
    name="governance_resolution_delete",
    summary="Remove a resolution from draft minutes (and its decision from the register)",
)
def delete_resolution(request: HttpRequest, public_id: UUID) -> None:
    resolution = _resolution(request, public_id)
    try:
        minutes_services.remove_resolution(actor=request.user, resolution=resolution)
    except ValidationError as exc:
        raise HttpError(409, " ".join(exc.messages)) from exc


@ops.action(
    "/meetings/{public_id}/minutes/approve",
    MeetingDetail,
    name="governance_minutes_approve",
    summary="Record that a later meeting approved the minutes as a correct record",
)
def approve_minutes(request: HttpRequest, public_id: UUID, payload: ApproveIn) -> Meeting:
    _require_manage(request)
    meeting = _meeting(request, public_id)
    later = pick(
        policies.meetings.visible_to(request.user), payload.approved_at, "approved_at", NO_MEETING
    )
    minutes_services.approve_minutes(
        actor=request.user, meeting=meeting, approved_at=later, expected_version=payload.version
    )
    return meeting_detail(request, meeting)


@ops.action(
    "/meetings/{public_id}/minutes/sign",
    MeetingDetail,
    name="governance_minutes_sign",
    summary="Record the chair's signature on approved minutes (the chair, or democratic services)",
)
def sign_minutes(request: HttpRequest, public_id: UUID, payload: SignIn) -> Meeting:
    meeting = _meeting(request, public_id, Action.VIEW)
    if not minutes_services.can_sign(request.user, meeting):
        raise Http404
    # Democratic services choose any chair of the body (the service checks the date); a chair
    # signs in their own name only.
    if policies.can_manage_governance(request.user):
        chairs = Person.objects.filter(
            memberships__body_id=meeting.body_id, memberships__role=MembershipRole.CHAIR
        ).distinct()
    else:
        person_id = getattr(request.user, "person_id", None)  # None: no directory entry
        chairs = Person.objects.filter(pk=person_id) if person_id else Person.objects.none()
    signer = pick(chairs, payload.signed_by, "signed_by", NOT_A_CHAIR)
    minutes_services.sign_minutes(
        actor=request.user,
        meeting=meeting,
        signed_by=signer,
        signed_on=payload.signed_on,
        expected_version=payload.version,
    )
    return meeting_detail(request, meeting)
