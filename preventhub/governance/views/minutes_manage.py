"""Writing minutes (democratic services): start the draft, each item's minute, questions and
answers, resolutions; approve them at a later meeting; record the chair's signature.

Every page except signing needs ``governance.manage``; every change page also needs the minutes to
be a draft, so approved and signed minutes have no edit pages at all (404). Signing is open to the
chair of the body as well (the person of the signed-in user). Views parse, call one service and
redirect to the minutes; the service's errors come back onto the form as GOV.UK errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import VersionedForm
from preventhub.core.pages import form_page
from preventhub.core.policies import Action
from preventhub.directory.models import Person
from preventhub.governance import policies
from preventhub.governance.forms.minutes import (
    ApproveForm,
    MinuteForm,
    QuestionForm,
    QuestionOrderForm,
    ResolutionForm,
    SignForm,
)
from preventhub.governance.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Meeting,
    MembershipRole,
    Minute,
    MinutesStatus,
    Question,
    Recommendation,
    Resolution,
)
from preventhub.governance.services import minutes as services

from .common import manage_required, to
from .minutes import minutes_meeting

TEMPLATES = "governance/minutes"


def _meeting(request: HttpRequest, public_id: Any, status: str) -> Meeting:
    """A meeting democratic services may change whose minutes are in ``status`` (404 otherwise)."""
    queryset = (
        policies.meetings.visible_to(request.user, Action.CHANGE)
        .filter(minutes_status=status)
        .select_related("body", "minutes_approved_at")
    )
    return policies.meetings.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _draft_item(request: HttpRequest, public_id: Any) -> AgendaItem:
    queryset = (
        policies.agenda_items.visible_to(request.user, Action.CHANGE)
        .filter(meeting__minutes_status=MinutesStatus.DRAFT)
        .select_related("meeting", "meeting__body", "report", "presenting_officer")
    )
    return policies.agenda_items.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _draft_question(request: HttpRequest, public_id: Any) -> Question:
    """A question of draft minutes (the questions policy, as in the API; a denial is audited)."""
    queryset = Question.objects.select_related(
        "minute__item__meeting__body", "asked_by", "answered_by"
    ).visible_to(request.user, Action.CHANGE)
    return policies.questions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _draft_resolution(request: HttpRequest, public_id: Any) -> Resolution:
    queryset = (
        policies.resolutions.visible_to(request.user, Action.CHANGE)
        .filter(minute__item__meeting__minutes_status=MinutesStatus.DRAFT)
        .select_related("minute__item__meeting__body", "minute__item__report", "recommendation")
    )
    return policies.resolutions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _item_context(item: AgendaItem, **extra: Any) -> dict[str, Any]:
    return {"item": item, "meeting": item.meeting, **extra}


# Starting ---------------------------------------------------------------------------------------


def _minutes_page(
    request: HttpRequest,
    form_class: Any,
    template: str,
    save: Any,
    item: AgendaItem | None,
    message: str,
    meeting: Meeting | None = None,
    **options: Any,
) -> HttpResponse:
    """A minutes form page: back to the minutes (at the item) with a success banner."""
    if meeting is None:
        assert item is not None, "a minutes page is for an item or a meeting"
        meeting = item.meeting
    context = options.pop("context", {})
    return form_page(
        request,
        form_class,
        template=f"{TEMPLATES}/{template}",
        save=save,
        success=minutes_url(meeting, item),
        message=message,
        context={**(_item_context(item) if item else {"meeting": meeting}), **context},
        **options,
    )


def _remove_page(
    request: HttpRequest, kind: str, record: Any, item: AgendaItem, remove: Callable[[], Any]
) -> HttpResponse:
    """Confirm removing a question or resolution of an item's draft minute (``<kind>_remove.html``
    shows ``record`` as ``kind``)."""
    return _minutes_page(
        request,
        VersionedForm,
        f"{kind}_remove.html",
        lambda form: remove(),
        item,
        f"The {kind} has been removed.",
        context={kind: record},
    )


def minutes_url(meeting: Meeting, item: AgendaItem | None = None) -> str:
    return to("minutes_detail", meeting, f"item-{item.public_id}" if item else "")


@manage_required
@require_http_methods(["GET", "POST"])
def minutes_start(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id, MinutesStatus.NONE)
    return _minutes_page(
        request,
        VersionedForm,
        "start.html",
        lambda form: services.start_minutes(
            actor=request.user, meeting=meeting, expected_version=form.cleaned_data.get("version")
        ),
        None,
        "The draft minutes have been started.",
        meeting=meeting,
        record=meeting,
    )


# An item's minute -------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def minute_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    minute = Minute._default_manager.filter(item=item).first()
    return _minutes_page(
        request,
        MinuteForm,
        "minute_form.html",
        lambda form: services.update_minute(
            actor=request.user,
            item=item,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version") if minute else None,
        ),
        item,
        "The minute has been saved.",
        record=minute,
        form_kwargs={
            "people": services.people_at(item.meeting, item),
            "minute": minute,
            "item": item,
        },
    )


# Questions --------------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    return _minutes_page(
        request,
        QuestionForm,
        "question_form.html",
        lambda form: services.add_question(actor=request.user, item=item, data=form.cleaned_data),
        item,
        "The question has been added.",
        form_kwargs={"people": services.people_at(item.meeting, item)},
        context={"question": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    question = _draft_question(request, public_id)
    item = question.minute.item
    return _minutes_page(
        request,
        QuestionForm,
        "question_form.html",
        lambda form: services.update_question(
            actor=request.user, question=question, data=form.cleaned_data
        ),
        item,
        "The question has been changed.",
        form_kwargs={"people": services.people_at(item.meeting, item), "question": question},
        context={"question": question},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def question_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    question = _draft_question(request, public_id)
    return _remove_page(
        request,
        "question",
        question,
        question.minute.item,
        lambda: services.remove_question(actor=request.user, question=question),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def question_reorder(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    minute = Minute._default_manager.filter(item=item).first()
    if minute is None:
        raise Http404("This item has no questions.")
    questions = list(
        Question.objects.filter(minute=minute).select_related("asked_by").order_by("order", "id")
    )
    return _minutes_page(
        request,
        QuestionOrderForm,
        "question_order.html",
        lambda form: services.reorder_questions(
            actor=request.user, minute=minute, positions=form.positions()
        ),
        item,
        "The questions have been reordered.",
        form_kwargs={"questions": questions},
        context={"questions": questions},
    )


# Resolutions ------------------------------------------------------------------------------------


def _resolution_form_kwargs(
    request: HttpRequest, item: AgendaItem, resolution: Resolution | None = None
) -> dict[str, Any]:
    meeting = item.meeting
    recommendations = (
        Recommendation.objects.filter(report_id=item.report_id).order_by("number")
        if item.report_id
        else None
    )
    motions = (
        policies.decisions.visible_to(request.user)
        .filter(kind=DecisionKind.MOTION)
        .order_by("-decided_on", "-id")
    )
    present = services.present_people(meeting)
    has_present = present.exists()
    decision = (
        Decision._default_manager.filter(resolution=resolution).first() if resolution else None
    )
    votes: dict[str, list[Person]] = {}
    if resolution is not None and resolution.recorded_vote and has_present:
        by_name = {p.name: p for p in present}
        votes = {
            key: [by_name[n] for n in resolution.recorded_vote.get(key) or [] if n in by_name]
            for key in services.VOTE_KEYS
        }
    return {
        "recommendations": recommendations,
        "motions": motions,
        "present": present if has_present else None,
        "resolution": resolution,
        "votes": votes,
        "follows": decision.follows if decision else None,
    }


def _next_number(item: AgendaItem) -> str:
    count = Resolution._default_manager.filter(minute__item=item).count()
    return str(count + 1)


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    return _minutes_page(
        request,
        ResolutionForm,
        "resolution_form.html",
        lambda form: services.add_resolution(
            actor=request.user, item=item, data=form.data_for_service()
        ),
        item,
        "The resolution has been added.",
        form_kwargs=_resolution_form_kwargs(request, item),
        initial={"number": _next_number(item)},
        context={"resolution": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    resolution = _draft_resolution(request, public_id)
    item = resolution.minuted_item
    return _minutes_page(
        request,
        ResolutionForm,
        "resolution_form.html",
        lambda form: services.update_resolution(
            actor=request.user,
            resolution=resolution,
            data=form.data_for_service(),
            expected_version=form.cleaned_data.get("version"),
        ),
        item,
        "The resolution has been changed.",
        record=resolution,
        form_kwargs=_resolution_form_kwargs(request, item, resolution),
        context={"resolution": resolution},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    resolution = _draft_resolution(request, public_id)
    return _remove_page(
        request,
        "resolution",
        resolution,
        resolution.minuted_item,
        lambda: services.remove_resolution(actor=request.user, resolution=resolution),
    )


# Approval and signing ---------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id, MinutesStatus.DRAFT)
    return _minutes_page(
        request,
        ApproveForm,
        "approve.html",
        lambda form: services.approve_minutes(
            actor=request.user,
            meeting=meeting,
            approved_at=form.cleaned_data["approved_at"],
            expected_version=form.cleaned_data.get("version"),
        ),
        None,
        "The minutes have been approved.",
        meeting=meeting,
        record=meeting,
        form_kwargs={"meetings": services.later_meetings(meeting)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_sign(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The chair signs (their own name is the only choice), or democratic services record the
    chair's signature on their behalf (any chair of the body: the service checks the date)."""
    meeting = minutes_meeting(request, public_id)
    if meeting.minutes_status != MinutesStatus.APPROVED or not services.can_sign(
        request.user, meeting
    ):
        raise Http404("No minutes to sign.")
    if policies.can_manage_governance(request.user):
        chairs = (
            Person._default_manager.filter(
                memberships__body_id=meeting.body_id, memberships__role=MembershipRole.CHAIR
            )
            .distinct()
            .order_by("name")
        )
    else:
        person_id = getattr(request.user, "person_id", None)  # None: no directory entry
        chairs = (
            Person._default_manager.filter(pk=person_id)
            if person_id
            else Person._default_manager.none()
        )
    signed_on = default_signing_date(meeting)

    def sign(form: SignForm) -> Any:
        data = form.cleaned_data
        try:
            return services.sign_minutes(
                actor=request.user,
                meeting=meeting,
                signed_by=data["signed_by"],
                signed_on=data["signed_on"],
                expected_version=data.get("version"),
            )
        except PermissionDenied:
            raise Http404("No minutes to sign.") from None

    return _minutes_page(
        request,
        SignForm,
        "sign.html",
        sign,
        None,
        "The chair's signature has been recorded.",
        meeting=meeting,
        record=meeting,
        form_kwargs={"chairs": chairs},
        initial={
            "signed_on": signed_on,
            "signed_by": services.chairs_of(meeting, signed_on).first(),
        },
    )


def default_signing_date(meeting: Meeting) -> dt.date:
    """The chair signs the minutes at the meeting that approved them, so that meeting's date is the
    one offered (never today's date for minutes approved years ago)."""
    approved_at = meeting.minutes_approved_at
    day = services.local_date(approved_at if approved_at is not None else meeting)
    return min(day, timezone.localdate())  # a signature is never dated in the future
