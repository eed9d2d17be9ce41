"""Plans: the list, a plan with its objectives, their actions and the RAG summary, and the forms
that add and change plans and objectives (the Prevent lead)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action as Act
from preventhub.governance import policies as governance_policies
from preventhub.plan import charts, policies, services
from preventhub.plan.forms import ObjectiveForm, PlanForm
from preventhub.plan.models import Objective, Plan
from preventhub.plan.queries import rag_counts, with_rag
from preventhub.plan.rag import Rag

from .common import manage_required, to, view_required

T = "plan/plans"
ACTIONS_PER_OBJECTIVE = 10


@view_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """Plans, latest period first. Queries: a count and one page of plans with their number of
    actions (an SQL count)."""
    plans = (
        policies.plans.visible_to(request.user)
        .annotate(action_count=Count("objectives__actions"))
        .order_by("-starts_on", "-id")
    )
    context = {"can_manage": policies.can_manage_plans(request.user), **paginate(request, plans)}
    return render(request, f"{T}/list.html", context)


def _plan(request: HttpRequest, public_id: UUID, action: Act = Act.VIEW) -> Plan:
    queryset = policies.plans.visible_to(request.user, action).select_related("agreed_by")
    return policies.plans.get_or_404(request, action, queryset=queryset, public_id=public_id)


def _objectives_with_actions(request: HttpRequest, plan: Plan) -> list[Objective]:
    """The plan's objectives, each with its first actions (soonest due) and its RAG counts: three
    queries whatever the number of objectives and actions."""
    objectives = list(policies.objectives.visible_to(request.user).filter(plan=plan))
    actions = policies.actions.visible_to(request.user).filter(objective__plan=plan)
    first = (
        with_rag(actions)
        .select_related("lead_organisation", "owner")
        .annotate(
            row=Window(
                RowNumber(), partition_by=[F("objective_id")], order_by=[F("due_on"), F("id")]
            )
        )
        .filter(row__lte=ACTIONS_PER_OBJECTIVE)
        .order_by("objective_id", "row")
    )
    by_objective: dict[int, list[Any]] = {}
    for action in first:
        by_objective.setdefault(action.objective_id, []).append(action)
    counts = charts.counts_by(actions, "objective_id")
    for objective in objectives:
        objective.first_actions = by_objective.get(objective.pk, [])  # type: ignore[attr-defined]
        objective.rag_counts = counts.get(objective.pk, charts.empty_counts())  # type: ignore[attr-defined]
    return objectives


@view_required
def plan_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan(request, public_id)
    actions = policies.actions.visible_to(request.user).filter(objective__plan=plan)
    counts = rag_counts(actions)
    context = {
        "plan": plan,
        "objectives": _objectives_with_actions(request, plan),
        "counts": counts,
        "chart": charts.rag_bars(counts),
        "rags": Rag,
        "shown": ACTIONS_PER_OBJECTIVE,
        "can_manage": policies.can_manage_plans(request.user),
        "history": record_history(plan, limit=5),
    }
    return render(request, f"{T}/detail.html", context)


def _decisions(request: HttpRequest) -> Any:
    return governance_policies.decisions.visible_to(request.user)


@manage_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        PlanForm,
        template=f"{T}/form.html",
        form_kwargs={"decisions": _decisions(request)},
        save=lambda form: services.create_plan(actor=request.user, **form.changes()),
        success=lambda plan: to("plan_detail", plan),
        message=lambda plan: f"{plan.title} has been added with its starting objectives.",
        context={"plan": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan(request, public_id, Act.CHANGE)
    return form_page(
        request,
        PlanForm,
        template=f"{T}/form.html",
        instance=plan,
        form_kwargs={"decisions": _decisions(request)},
        save=lambda form: services.update_plan(
            actor=request.user,
            plan=plan,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda saved: to("plan_detail", saved),
        message=lambda saved: f"{saved.title} has been changed.",
        context={"plan": plan},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def objective_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan(request, public_id, Act.CHANGE)
    return form_page(
        request,
        ObjectiveForm,
        template=f"{T}/objective_form.html",
        save=lambda form: services.add_objective(actor=request.user, plan=plan, **form.changes()),
        success=lambda objective: to("plan_detail", plan, f"objective-{objective.public_id}"),
        message="The objective has been added.",
        context={"plan": plan, "objective": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def objective_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    queryset = policies.objectives.visible_to(request.user, Act.CHANGE).select_related("plan")
    objective = policies.objectives.get_or_404(
        request, Act.CHANGE, queryset=queryset, public_id=public_id
    )
    return form_page(
        request,
        ObjectiveForm,
        template=f"{T}/objective_form.html",
        instance=objective,
        save=lambda form: services.update_objective(
            actor=request.user,
            objective=objective,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda saved: to("plan_detail", objective.plan, f"objective-{saved.public_id}"),
        message="The objective has been changed.",
        context={"plan": objective.plan, "objective": objective},
    )
