"""Minutes: draft → approved as a correct record at a later meeting → signed by the chair.

A meeting's minutes are a ``Minute`` per agenda item (who presented, the points made, discussion),
its questions and answers, and its numbered resolutions. Every resolution is also a decision in the
register: ``add_resolution``, ``update_resolution`` and ``remove_resolution`` keep the two in step
in one transaction. Once approved, minutes are the record (LGA 1972 Sch 12 para 41: signed minutes
"shall be received in evidence without further proof"), so every change below refuses them.

Every change is keyword-only, takes the acting user and writes its audit event in the same
transaction; validation problems are ``ValidationError`` keyed by field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, Q, QuerySet
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.services import create_record, update_record
from preventhub.core.text import normalise, strip_number
from preventhub.directory.models import Person
from preventhub.governance import policies
from preventhub.governance.models import (
    AgendaItem,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minute,
    MinutesStatus,
    Outcome,
    Question,
    Recommendation,
    Resolution,
)

from . import decisions

MINUTES_STARTED = register("governance.minutes_started", "Draft minutes started")
MINUTES_UPDATED = register("governance.minutes_updated", "Minute of an item changed")
QUESTION_ADDED = register("governance.question_added", "Question and answer added to the minutes")
QUESTION_UPDATED = register("governance.question_updated", "Question and answer changed")
QUESTION_REMOVED = register(
    "governance.question_removed", "Question and answer removed from the minutes"
)
QUESTIONS_REORDERED = register("governance.questions_reordered", "Questions put in a new order")
RESOLUTION_ADDED = register("governance.resolution_added", "Resolution added to the minutes")
RESOLUTION_UPDATED = register("governance.resolution_updated", "Resolution changed")
RESOLUTION_REMOVED = register(
    "governance.resolution_removed", "Resolution removed from the minutes"
)
MINUTES_APPROVED = register("governance.minutes_approved", "Minutes approved as a correct record")
MINUTES_SIGNED = register("governance.minutes_signed", "Minutes signed by the chair")

LOCKED = "These minutes have been approved as a correct record, so they cannot be changed"
MINUTE_FIELDS = ["presented_by", "points", "discussion"]
QUESTION_FIELDS = ["asked_by", "question", "answered_by", "answer"]
VOTE_KEYS = ("for", "against", "abstained")
VOTE_LABELS = {"for": "For", "against": "Against", "abstained": "Abstained"}
PRESENT = [AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE]


def local_date(meeting: Meeting) -> dt.date:
    return timezone.localtime(meeting.starts_at).date()


def require_draft(meeting: Meeting) -> None:
    """Refuse unless the minutes are a draft, as stored now: the meeting object a caller holds may
    have been loaded before someone approved them."""
    status = (
        Meeting._default_manager.filter(pk=meeting.pk)
        .values_list("minutes_status", flat=True)
        .first()
    )
    if status != MinutesStatus.DRAFT:
        raise ValidationError(
            LOCKED if status in policies.PUBLIC_MINUTES else "Start the draft minutes first"
        )


def minute_for(*, actor: Any, item: AgendaItem) -> Minute:
    """The item's minute, created (audited as part of the draft) when an item joined the agenda
    after the minutes were started."""
    require_draft(item.meeting)
    existing = Minute._default_manager.filter(item=item).first()
    if existing is not None:
        return existing
    return create_record(
        actor=actor,
        instance=Minute(item=item, presented_by=item.presenting_officer),
        action=MINUTES_UPDATED,
    )


# People at the meeting --------------------------------------------------------------------------


def present_people(meeting: Meeting) -> QuerySet[Person]:
    """Who may vote in a recorded vote: those present, members and substitutes."""
    return (
        Person._default_manager.filter(attendance__meeting=meeting, attendance__status__in=PRESENT)
        .distinct()
        .order_by("name")
    )


def people_at(meeting: Meeting, item: AgendaItem | None = None) -> QuerySet[Person]:
    """Who may ask or answer a question: anyone recorded at the meeting, the body's members on the
    day and the item's presenting officer."""
    day = local_date(meeting)
    members = (
        Membership._default_manager.filter(body_id=meeting.body_id).current(day).values("person_id")
    )
    wanted = Q(attendance__meeting=meeting) | Q(pk__in=members)
    if item is not None and item.presenting_officer_id:
        wanted |= Q(pk=item.presenting_officer_id)
    return Person._default_manager.filter(wanted).distinct().order_by("name")


def chairs_of(meeting: Meeting, day: dt.date) -> QuerySet[Person]:
    """The chair of the meeting's body on ``day`` (a current chair membership)."""
    chairs = (
        Membership._default_manager.filter(body_id=meeting.body_id, role=MembershipRole.CHAIR)
        .current(day)
        .values("person_id")
    )
    return Person._default_manager.filter(pk__in=chairs).order_by("name")


def is_chair(user: Any, meeting: Meeting, day: dt.date | None = None) -> bool:
    person_id = (
        getattr(user, "person_id", None) if getattr(user, "is_authenticated", False) else None
    )
    if not person_id:
        return False
    return chairs_of(meeting, day or timezone.localdate()).filter(pk=person_id).exists()


def can_sign(user: Any, meeting: Meeting) -> bool:
    """Democratic services record the signature for the chair; the chair may sign themselves."""
    return policies.can_manage_governance(user) or is_chair(user, meeting)


# Starting and editing ---------------------------------------------------------------------------


def _set_meeting(
    *, actor: Any, meeting: Meeting, data: dict[str, Any], expected_version: int | None, action: str
) -> Meeting:
    return update_record(
        actor=actor, instance=meeting, data=data, expected_version=expected_version, action=action
    )


def start_minutes(*, actor: Any, meeting: Meeting, expected_version: int | None) -> Meeting:
    """Open draft minutes for a meeting that has been held: a minute per agenda item, each
    presented by the item's presenting officer until changed."""
    if meeting.minutes_status != MinutesStatus.NONE:
        raise ValidationError("The minutes of this meeting have already been started")
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError("Mark the meeting as held before starting its minutes")
    with transaction.atomic():
        _set_meeting(
            actor=actor,
            meeting=meeting,
            data={"minutes_status": MinutesStatus.DRAFT},
            expected_version=expected_version,
            action=MINUTES_STARTED,
        )
        items = AgendaItem._default_manager.filter(meeting=meeting, minute__isnull=True)
        Minute._default_manager.bulk_create(
            [Minute(item=item, presented_by_id=item.presenting_officer_id) for item in items]
        )
    return meeting


def update_minute(
    *, actor: Any, item: AgendaItem, data: dict[str, Any], expected_version: int | None
) -> Minute:
    """Change who presented an item, the points made and the discussion."""
    with transaction.atomic():
        minute = minute_for(actor=actor, item=item)
        clean = {name: data.get(name) for name in MINUTE_FIELDS}
        clean["points"] = normalise(str(clean["points"] or ""))
        clean["discussion"] = normalise(str(clean["discussion"] or ""))
        return update_record(
            actor=actor,
            instance=minute,
            data=clean,
            expected_version=expected_version,
            action=MINUTES_UPDATED,
        )


# Questions --------------------------------------------------------------------------------------


def _check_question(meeting: Meeting, data: dict[str, Any]) -> dict[str, Any]:
    clean = {name: data.get(name) for name in QUESTION_FIELDS}
    clean["question"] = normalise(str(clean["question"] or ""))
    clean["answer"] = normalise(str(clean["answer"] or ""))
    errors: dict[str, str] = {}
    if clean["asked_by"] is None:
        errors["asked_by"] = "Choose who asked the question"
    if not clean["question"]:
        errors["question"] = "Enter the question"
    if clean["answered_by"] is not None and not clean["answer"]:
        errors["answer"] = "Enter the answer given"
    if errors:
        raise ValidationError(errors)
    return clean


def _audit_question(actor: Any, action: str, question: Question, before: dict[str, Any]) -> None:
    after = snapshot(question, ["order", *QUESTION_FIELDS])
    changes = (
        diff(after, dict.fromkeys(after)) if action == QUESTION_REMOVED else diff(before, after)
    )
    record_event(
        actor=actor,
        action=action,
        obj=question,
        object_repr=f"Question: {question}",
        changes=changes,
    )


def add_question(*, actor: Any, item: AgendaItem, data: dict[str, Any]) -> Question:
    """Add a question (and its answer) at the end of the item's questions."""
    require_draft(item.meeting)
    clean = _check_question(item.meeting, data)
    with transaction.atomic():
        minute = minute_for(actor=actor, item=item)
        last = Question.objects.filter(minute=minute).aggregate(last=Max("order"))["last"]
        question = Question(minute=minute, order=0 if last is None else last + 1, **clean)
        question.full_clean()
        question.save()
        _audit_question(actor, QUESTION_ADDED, question, {})
    return question


def update_question(*, actor: Any, question: Question, data: dict[str, Any]) -> Question:
    meeting = question.minute.item.meeting
    require_draft(meeting)
    clean = _check_question(meeting, data)
    with transaction.atomic():
        before = snapshot(question, ["order", *QUESTION_FIELDS])
        for name, value in clean.items():
            setattr(question, name, value)
        question.full_clean()
        question.save(update_fields=list(clean))
        _audit_question(actor, QUESTION_UPDATED, question, before)
    return question


def remove_question(*, actor: Any, question: Question) -> None:
    require_draft(question.minute.item.meeting)
    with transaction.atomic():
        _audit_question(actor, QUESTION_REMOVED, question, {})
        question.delete()


def reorder_questions(*, actor: Any, minute: Minute, positions: dict[int, int]) -> None:
    """Put the item's questions in the order of the positions typed (ties keep their old order)."""
    require_draft(minute.item.meeting)
    questions = list(Question.objects.filter(minute=minute).order_by("order", "id"))
    ranked = sorted(questions, key=lambda q: (positions.get(q.pk, 10_000), q.order, q.pk))
    changes = {}
    with transaction.atomic():
        for order, question in enumerate(ranked):
            if question.order != order:
                changes[str(question.public_id)] = [question.order, order]
                question.order = order
                question.save(update_fields=["order"])
        if changes:
            record_event(actor=actor, action=QUESTIONS_REORDERED, obj=minute, changes=changes)


# Resolutions ------------------------------------------------------------------------------------


def _check_resolution(
    item: AgendaItem,
    data: dict[str, Any],
    resolution: Resolution | None = None,
) -> dict[str, Any]:
    number = str(data.get("number") or "").strip()
    # "1. That…" typed under resolution 1 would print "1. 1. That…".
    raw = str(data.get("text") or "")
    text = normalise(strip_number(raw, number) if number else raw)
    outcome = data.get("outcome") or Outcome.CARRIED
    recommendation: Recommendation | None = data.get("recommendation")
    errors: dict[str, str] = {}
    if not number:
        errors["number"] = "Enter the resolution's number, like 1 or 77.1"
    elif len(number) > 12:
        errors["number"] = "The number must be 12 characters or fewer"
    else:
        same = Resolution._default_manager.filter(minute__item=item, number__iexact=number)
        if resolution is not None:
            same = same.exclude(pk=resolution.pk)
        if same.exists():
            errors["number"] = f"There is already a resolution {number} under this item"
    if not text:
        errors["text"] = "Enter the words of the resolution"
    if outcome not in Outcome.values:
        errors["outcome"] = "Select whether the resolution was carried"
    if recommendation is not None and recommendation.report_id != item.report_id:
        errors["recommendation"] = "Choose a recommendation of this item's report"
    vote, vote_errors = _check_vote(item.meeting, data.get("votes") or {})
    errors.update(vote_errors)
    if errors:
        raise ValidationError(errors)
    return {
        "number": number,
        "text": text,
        "outcome": outcome,
        "recommendation": recommendation,
        "recorded_vote": vote,
    }


def _check_vote(
    meeting: Meeting, votes: dict[str, list[Person]]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """A recorded vote as names, from people recorded present; nobody votes twice."""
    chosen = {key: list(votes.get(key) or []) for key in VOTE_KEYS}
    if not any(chosen.values()):
        return {}, {}
    errors: dict[str, str] = {}
    present = set(present_people(meeting).values_list("pk", flat=True))
    seen: dict[int, str] = {}
    for key in VOTE_KEYS:
        for person in chosen[key]:
            if person.pk not in present:
                errors[f"vote_{key}"] = f"{person.name} was not recorded as present, so cannot vote"
            elif person.pk in seen:
                errors[f"vote_{key}"] = (
                    f"{person.name} is already recorded as voting "
                    f"{VOTE_LABELS[seen[person.pk]].lower()}"
                )
            seen.setdefault(person.pk, key)
    return {key: sorted(p.name for p in chosen[key]) for key in VOTE_KEYS}, errors


def add_resolution(*, actor: Any, item: AgendaItem, data: dict[str, Any]) -> Resolution:
    """Record a resolution under an item and enter it in the decisions register."""
    require_draft(item.meeting)
    clean = _check_resolution(item, data)
    with transaction.atomic():
        minute = minute_for(actor=actor, item=item)
        resolution = create_record(
            actor=actor, instance=Resolution(minute=minute, **clean), action=RESOLUTION_ADDED
        )
        decisions.sync_resolution_decision(
            actor=actor, resolution=resolution, follows=data.get("follows")
        )
    return resolution


def update_resolution(
    *, actor: Any, resolution: Resolution, data: dict[str, Any], expected_version: int | None
) -> Resolution:
    """Change a resolution and, with it, its entry in the register."""
    item = resolution.minuted_item
    require_draft(item.meeting)
    clean = _check_resolution(item, data, resolution)
    with transaction.atomic():
        update_record(
            actor=actor,
            instance=resolution,
            data=clean,
            expected_version=expected_version,
            action=RESOLUTION_UPDATED,
        )
        decisions.sync_resolution_decision(
            actor=actor,
            resolution=resolution,
            follows=data.get("follows"),
            keep_follows="follows" not in data,
        )
    return resolution


def remove_resolution(*, actor: Any, resolution: Resolution) -> None:
    """Remove a resolution from draft minutes, and its decision from the register, unless terms of
    reference were agreed by it (they would lose the resolution that agreed them)."""
    require_draft(resolution.minuted_item.meeting)
    try:
        with transaction.atomic():
            decisions.remove_resolution_decision(actor=actor, resolution=resolution)
            record_event(
                actor=actor,
                action=RESOLUTION_REMOVED,
                obj=resolution,
                changes={"number": [resolution.number, None], "text": [resolution.text, None]},
            )
            resolution.delete()
    except ProtectedError:
        raise ValidationError(
            "Terms of reference were agreed by this resolution: record them as agreed by "
            "another resolution first"
        ) from None


# Approval and signing ---------------------------------------------------------------------------


def later_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    """Meetings that may approve these minutes: later meetings of the same body, not cancelled."""
    return (
        Meeting._default_manager.filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_at")
    )


def approve_minutes(
    *, actor: Any, meeting: Meeting, approved_at: Meeting | None, expected_version: int | None
) -> Meeting:
    """Record that a later meeting of the same body agreed the minutes as a correct record."""
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise ValidationError(
            "Only draft minutes can be approved"
            if meeting.minutes_status == MinutesStatus.NONE
            else "These minutes have already been approved"
        )
    if approved_at is None:
        raise ValidationError({"approved_at": "Choose the meeting that approved the minutes"})
    if approved_at.body_id != meeting.body_id:
        raise ValidationError(
            {
                "approved_at": f"Choose a meeting of the {meeting.body}: minutes are approved "
                f"by the body that made them"
            }
        )
    if approved_at.starts_at <= meeting.starts_at:
        raise ValidationError(
            {
                "approved_at": "Choose a later meeting: minutes are approved at a meeting after "
                "the one they record"
            }
        )
    if approved_at.status == MeetingStatus.CANCELLED:
        raise ValidationError(
            {"approved_at": "That meeting was cancelled: choose the meeting that approved them"}
        )
    return _set_meeting(
        actor=actor,
        meeting=meeting,
        expected_version=expected_version,
        action=MINUTES_APPROVED,
        data={"minutes_status": MinutesStatus.APPROVED, "minutes_approved_at": approved_at},
    )


def sign_minutes(
    *,
    actor: Any,
    meeting: Meeting,
    signed_by: Person | None,
    signed_on: dt.date | None,
    expected_version: int | None,
    today: dt.date | None = None,
) -> Meeting:
    """Record the chair's signature: the chair signs themselves, or democratic services record it on
    the chair's behalf. The chair is whoever chairs the body on the day of signing."""
    today = today or timezone.localdate()
    if meeting.minutes_status != MinutesStatus.APPROVED:
        raise ValidationError(
            "These minutes are already signed"
            if meeting.minutes_status == MinutesStatus.SIGNED
            else "Minutes are signed after they are approved as a correct record"
        )
    errors: dict[str, str] = {}
    approved_on = (
        local_date(meeting.minutes_approved_at)
        if meeting.minutes_approved_at
        else local_date(meeting)
    )
    if signed_on is None:
        errors["signed_on"] = "Enter the date the minutes were signed"
    elif signed_on > today:
        errors["signed_on"] = "The date signed must be today or in the past"
    elif signed_on < approved_on:
        errors["signed_on"] = (
            f"The date signed must be on or after {approved_on:%-d %B %Y}, when they were approved"
        )
    if signed_by is None:
        errors["signed_by"] = "Choose the chair who signed the minutes"
    elif (
        signed_on is not None
        and "signed_on" not in errors
        and not chairs_of(meeting, signed_on).filter(pk=signed_by.pk).exists()
    ):
        errors["signed_by"] = f"{signed_by.name} did not chair the {meeting.body} on that date"
    if errors:
        raise ValidationError(errors)
    assert signed_by is not None  # refused above when missing
    acting_as_chair = getattr(actor, "person_id", None) == signed_by.pk
    if not acting_as_chair and not policies.can_manage_governance(actor):
        raise PermissionDenied(
            "Only the chair, or democratic services on their behalf, may sign the minutes"
        )
    return _set_meeting(
        actor=actor,
        meeting=meeting,
        expected_version=expected_version,
        action=MINUTES_SIGNED,
        data={
            "minutes_status": MinutesStatus.SIGNED,
            "minutes_signed_by": signed_by,
            "minutes_signed_on": signed_on,
        },
    )
