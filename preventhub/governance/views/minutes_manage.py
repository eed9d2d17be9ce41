"""Writing minutes (democratic services): start the draft, each item's minute, questions and
answers, resolutions; approve them at a later meeting; record the chair's signature.

Every page except signing needs ``governance.manage``; every change page also needs the minutes to
be a draft, so approved and signed minutes have no edit pages at all (404). Signing is open to the
chair of the body as well (the person of the signed-in user). Views parse, call one service and
redirect to the minutes; the service's errors come back onto the form as GOV.UK errors.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

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
    VersionForm,
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

from .bodies import form_context, manage_required, save
from .minutes import minutes_meeting

TEMPLATES = "governance/minutes"


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _to_minutes(meeting: Meeting, item: AgendaItem | None = None) -> HttpResponse:
    response = redirect("governance:minutes_detail", public_id=meeting.public_id)
    if item is not None:
        response["Location"] += f"#item-{item.public_id}"
    return response


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


@manage_required
@require_http_methods(["GET", "POST"])
def minutes_start(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id, MinutesStatus.NONE)
    form = VersionForm(_posted(request), initial={"version": meeting.version})
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: services.start_minutes(
                actor=request.user,
                meeting=meeting,
                expected_version=form.cleaned_data.get("version"),
            ),
            record=meeting,
        )
        if done is not None:
            return _to_minutes(meeting)
    return render(request, f"{TEMPLATES}/start.html", form_context(form, meeting=meeting))


# An item's minute -------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def minute_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    minute = Minute._default_manager.filter(item=item).first()
    people = services.people_at(item.meeting, item)
    form = MinuteForm(_posted(request), people=people, minute=minute, item=item)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_minute(
                actor=request.user,
                item=item,
                data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version") if minute else None,
            ),
            record=minute,
        )
        if saved is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request, f"{TEMPLATES}/minute_form.html", form_context(form, **_item_context(item))
    )


# Questions --------------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    form = QuestionForm(_posted(request), people=services.people_at(item.meeting, item))
    if request.method == "POST" and form.is_valid():
        added = save(
            form,
            lambda: services.add_question(actor=request.user, item=item, data=form.cleaned_data),
        )
        if added is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/question_form.html",
        form_context(form, question=None, **_item_context(item)),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    question = _draft_question(request, public_id)
    item = question.minute.item
    form = QuestionForm(
        _posted(request), people=services.people_at(item.meeting, item), question=question
    )
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_question(
                actor=request.user, question=question, data=form.cleaned_data
            ),
        )
        if saved is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/question_form.html",
        form_context(form, question=question, **_item_context(item)),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def question_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    question = _draft_question(request, public_id)
    item = question.minute.item
    form = VersionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        removed = save(
            form, lambda: services.remove_question(actor=request.user, question=question) or True
        )
        if removed is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/question_remove.html",
        form_context(form, question=question, **_item_context(item)),
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
    form = QuestionOrderForm(_posted(request), questions=questions)
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: (
                services.reorder_questions(
                    actor=request.user, minute=minute, positions=form.positions()
                )
                or True
            ),
        )
        if done is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/question_order.html",
        form_context(form, questions=questions, **_item_context(item)),
    )


# Resolutions ------------------------------------------------------------------------------------


def _resolution_form(
    request: HttpRequest, item: AgendaItem, resolution: Resolution | None = None
) -> ResolutionForm:
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
    return ResolutionForm(
        _posted(request),
        recommendations=recommendations,
        motions=motions,
        present=present if has_present else None,
        resolution=resolution,
        votes=votes,
        follows=decision.follows if decision else None,
    )


def _next_number(item: AgendaItem) -> str:
    count = Resolution._default_manager.filter(minute__item=item).count()
    return str(count + 1)


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _draft_item(request, public_id)
    form = _resolution_form(request, item)
    if request.method != "POST":
        form.initial.setdefault("number", _next_number(item))
    if request.method == "POST" and form.is_valid():
        added = save(
            form,
            lambda: services.add_resolution(
                actor=request.user, item=item, data=form.data_for_service()
            ),
        )
        if added is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/resolution_form.html",
        form_context(form, resolution=None, **_item_context(item)),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    resolution = _draft_resolution(request, public_id)
    item = resolution.minute.item  # type: ignore[union-attr]
    form = _resolution_form(request, item, resolution)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_resolution(
                actor=request.user,
                resolution=resolution,
                data=form.data_for_service(),
                expected_version=form.cleaned_data.get("version"),
            ),
            record=resolution,
        )
        if saved is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/resolution_form.html",
        form_context(form, resolution=resolution, **_item_context(item)),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def resolution_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    resolution = _draft_resolution(request, public_id)
    item = resolution.minute.item  # type: ignore[union-attr]
    form = VersionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        removed = save(
            form,
            lambda: services.remove_resolution(actor=request.user, resolution=resolution) or True,
        )
        if removed is not None:
            return _to_minutes(item.meeting, item)
    return render(
        request,
        f"{TEMPLATES}/resolution_remove.html",
        form_context(form, resolution=resolution, **_item_context(item)),
    )


# Approval and signing ---------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id, MinutesStatus.DRAFT)
    form = ApproveForm(
        _posted(request),
        meetings=services.later_meetings(meeting),
        initial={"version": meeting.version},
    )
    if request.method == "POST" and form.is_valid():
        done = save(
            form,
            lambda: services.approve_minutes(
                actor=request.user,
                meeting=meeting,
                approved_at=form.cleaned_data["approved_at"],
                expected_version=form.cleaned_data.get("version"),
            ),
            record=meeting,
        )
        if done is not None:
            return _to_minutes(meeting)
    return render(request, f"{TEMPLATES}/approve.html", form_context(form, meeting=meeting))


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
        chairs = Person._default_manager.filter(pk=request.user.person_id)  # type: ignore[union-attr]
    current = services.chairs_of(meeting, timezone.localdate()).first()
    form = SignForm(
        _posted(request),
        chairs=chairs,
        initial={
            "version": meeting.version,
            "signed_on": timezone.localdate(),
            "signed_by": current,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = save(
                form,
                lambda: services.sign_minutes(
                    actor=request.user,
                    meeting=meeting,
                    signed_by=data["signed_by"],
                    signed_on=data["signed_on"],
                    expected_version=data.get("version"),
                ),
                record=meeting,
            )
        except PermissionDenied:
            raise Http404("No minutes to sign.") from None
        if done is not None:
            return _to_minutes(meeting)
    return render(request, f"{TEMPLATES}/sign.html", form_context(form, meeting=meeting))
