"""The decisions register: the list (filters, pagination), a decision and a resolution with their
golden thread, Full Council motions, status changes and follow-up actions.

Read pages are open to anonymous visitors where the policy allows (decisions of public bodies from
approved minutes, and motions of a public Full Council); follow-up actions need a role. Changes
need ``governance.manage`` (404 otherwise, after sign-in).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.forms.decisions import (
    ActionForm,
    DecisionFilterForm,
    MotionForm,
    StatusForm,
)
from preventhub.governance.models import (
    ActionStatus,
    BodyKind,
    Decision,
    DecisionAction,
    DecisionKind,
    Meeting,
    MeetingStatus,
)
from preventhub.governance.services import decisions as services
from preventhub.governance.services import minutes as minutes_services

from .common import manage_required, to
from .decisions_thread import build_thread

TEMPLATES = "governance/decisions"


def _overdue_filter(today: Any) -> Q:
    return Q(actions__due_on__lt=today) & ~Q(actions__status=ActionStatus.DONE)


def _filtered(
    request: HttpRequest,
    decisions: QuerySet[Decision],
    *,
    sees_actions: bool,
) -> tuple[DecisionFilterForm, QuerySet[Decision]]:
    bodies = policies.bodies.visible_to(request.user).order_by("name")
    form = DecisionFilterForm(request.GET or None, bodies=bodies, show_overdue=sees_actions)
    if not form.is_bound or not form.is_valid():
        return form, decisions
    data = form.cleaned_data
    if data.get("body"):
        decisions = decisions.filter(meeting__body=data["body"])
    if data.get("status"):
        decisions = decisions.filter(status=data["status"])
    if data.get("kind"):
        decisions = decisions.filter(kind=data["kind"])
    if data.get("date_from"):
        decisions = decisions.filter(decided_on__gte=data["date_from"])
    if data.get("date_to"):
        decisions = decisions.filter(decided_on__lte=data["date_to"])
    if data.get("overdue") == "yes":
        overdue = (
            DecisionAction._default_manager.filter(due_on__lt=timezone.localdate())
            .exclude(status=ActionStatus.DONE)
            .values("decision_id")
        )
        decisions = decisions.filter(pk__in=overdue)
    return form, decisions


def decision_list(request: HttpRequest) -> HttpResponse:
    """Every decision the user may see, newest first. Queries (plus, when signed in, the session,
    the user and their roles): the bodies for the filter, a count and one page of decisions with
    their meeting, body and resolution (and, for role holders, the count of overdue actions as an
    SQL aggregate)."""
    sees_actions = policies.can_view_governance(request.user)
    decisions = policies.decisions.visible_to(request.user)
    form, filtered = _filtered(request, decisions, sees_actions=sees_actions)
    rows = filtered.select_related("meeting", "meeting__body", "resolution").order_by(
        "-decided_on", "-id"
    )
    if sees_actions:
        # A subquery on each row, not a join with GROUP BY: only the page's decisions are counted
        # and the sort walks the date index (grouping counted every decision's actions first).
        overdue = (
            DecisionAction._default_manager.filter(
                decision=OuterRef("pk"), due_on__lt=timezone.localdate()
            )
            .exclude(status=ActionStatus.DONE)
            .order_by()
            .values("decision")
            .annotate(n=Count("pk"))
            .values("n")
        )
        rows = rows.annotate(
            overdue_count=Coalesce(Subquery(overdue, output_field=IntegerField()), 0)
        )
    context = {
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "filtered": form.is_bound and any(v for k, v in request.GET.items() if k != "page"),
        "can_manage": policies.can_manage_governance(request.user),
        "sees_actions": sees_actions,
        **paginate(request, rows),
    }
    return render(request, f"{TEMPLATES}/list.html", context)


def _decision(request: HttpRequest, public_id: Any, action: Action = Action.VIEW) -> Decision:
    queryset = policies.decisions.visible_to(request.user, action).select_related(
        "meeting",
        "meeting__body",
        "proposer",
        "seconder",
        "follows",
        "follows__follows",
        "resolution",
        "resolution__minute__item__meeting__body",
        "resolution__recommendation__report",
    )
    return policies.decisions.get_or_404(request, action, queryset=queryset, public_id=public_id)


def _detail_context(request: HttpRequest, thread: Any) -> dict[str, Any]:
    resolution = thread.resolution
    meeting = resolution.minuted_meeting if resolution is not None else None
    if meeting is None and thread.decision is not None:
        meeting = thread.decision.meeting
    minutes_url = ""
    if resolution is not None and resolution.minute is not None:
        item = resolution.minute.item
        minutes_url = (
            reverse("governance:minutes_detail", args=[item.meeting.public_id])
            + f"#item-{item.public_id}"
        )
    return {
        "thread": thread,
        "meeting": meeting,
        "minutes_url": minutes_url,
        "can_manage": policies.can_manage_governance(request.user),
        "sees_actions": policies.can_view_governance(request.user),
        "today": timezone.localdate(),
    }


def decision_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A decision with its golden thread: what led here and what followed."""
    decision = _decision(request, public_id)
    thread = build_thread(request.user, decision=decision)
    context = _detail_context(request, thread)
    context.update(
        decision=decision, history=record_history(decision) if context["can_manage"] else None
    )
    return render(request, f"{TEMPLATES}/detail.html", context)


def resolution_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """A resolution with its golden thread (the same thread as its decision's page)."""
    queryset = policies.resolutions.visible_to(request.user).select_related(
        "minute__item__meeting__body", "minute__item__report", "recommendation__report"
    )
    resolution = policies.resolutions.get_or_404(request, queryset=queryset, public_id=public_id)
    thread = build_thread(request.user, resolution=resolution)
    context = _detail_context(request, thread)
    vote = [
        (minutes_services.VOTE_LABELS[key], resolution.recorded_vote.get(key) or [])
        for key in minutes_services.VOTE_KEYS
        if resolution.recorded_vote.get(key)
    ]
    context.update(resolution=resolution, vote=vote, report_url=thread.report_url)
    return render(request, f"{TEMPLATES}/resolution_detail.html", context)


# Full Council motions ---------------------------------------------------------------------------


def _motion_form_kwargs(request: HttpRequest, decision: Decision | None = None) -> dict[str, Any]:
    meetings = (
        Meeting._default_manager.filter(body__kind=BodyKind.FULL_COUNCIL)
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("body")
        .order_by("-starts_at")
    )
    decisions = policies.decisions.visible_to(request.user).order_by("-decided_on", "-id")
    if decision is not None:
        decisions = decisions.exclude(pk=decision.pk)
    people = directory_policies.people.visible_to(request.user).order_by("name")
    return {"meetings": meetings, "people": people, "decisions": decisions, "decision": decision}


@manage_required
@require_http_methods(["GET", "POST"])
def motion_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        MotionForm,
        template=f"{TEMPLATES}/motion_form.html",
        form_kwargs=_motion_form_kwargs(request),
        save=lambda form: services.record_motion(actor=request.user, data=form.cleaned_data),
        success=lambda decision: to("decision_detail", decision),
        message="The motion has been recorded.",
        context={"decision": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def motion_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    decision = _decision(request, public_id, Action.CHANGE)
    if decision.kind != DecisionKind.MOTION:
        # A resolution's words are changed in its minutes, so the two never disagree.
        raise Http404("No such motion.")
    return form_page(
        request,
        MotionForm,
        template=f"{TEMPLATES}/motion_form.html",
        record=decision,
        form_kwargs=_motion_form_kwargs(request, decision),
        save=lambda form: services.update_motion(
            actor=request.user,
            decision=decision,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("decision_detail", decision),
        message="The motion has been changed.",
        context={"decision": decision},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def decision_status(request: HttpRequest, public_id: Any) -> HttpResponse:
    decision = _decision(request, public_id, Action.CHANGE)
    return form_page(
        request,
        StatusForm,
        template=f"{TEMPLATES}/status_form.html",
        record=decision,
        initial={"status": decision.status},
        save=lambda form: services.change_decision_status(
            actor=request.user,
            decision=decision,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("decision_detail", decision),
        message="The decision's status has been changed.",
        context={"decision": decision},
    )


# Follow-up actions ------------------------------------------------------------------------------


def _people(request: HttpRequest) -> Any:
    return directory_policies.people.visible_to(request.user).order_by("name")


@manage_required
@require_http_methods(["GET", "POST"])
def action_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    decision = _decision(request, public_id, Action.CHANGE)
    return form_page(
        request,
        ActionForm,
        template=f"{TEMPLATES}/action_form.html",
        form_kwargs={"people": _people(request)},
        save=lambda form: services.add_action(
            actor=request.user, decision=decision, data=form.cleaned_data
        ),
        success=to("decision_detail", decision, "actions"),
        message="The action has been added.",
        context={"decision": decision, "action": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    queryset = policies.decision_actions.visible_to(request.user, Action.CHANGE).select_related(
        "decision"
    )
    action = policies.decision_actions.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    decision = action.decision
    return form_page(
        request,
        ActionForm,
        template=f"{TEMPLATES}/action_form.html",
        record=action,
        form_kwargs={"people": _people(request), "action": action},
        save=lambda form: services.update_action(
            actor=request.user,
            action=action,
            data=form.cleaned_data,
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("decision_detail", decision, "actions"),
        message="The action has been changed.",
        context={"decision": decision, "action": action},
    )
