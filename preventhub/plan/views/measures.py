"""Outcome measures of a plan: the list (latest actual, trend and RAG), a measure with its actuals
table and trend chart, and adding measures and actuals (the Prevent lead)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action as Act
from preventhub.core.policies import RestrictedPrefetch
from preventhub.plan import charts, outcomes, policies, services
from preventhub.plan.forms import ActualForm, MeasureForm
from preventhub.plan.models import Actual, Measure

from .common import manage_required, to, view_required
from .plans import _plan

T = "plan/measures"


def assess(measure: Measure, actuals: list[Actual]) -> dict[str, Any]:
    """The measure's latest actual, trend and RAG from its actuals (oldest first)."""
    values = [a.value for a in actuals]
    latest = values[-1] if values else None
    return {
        "latest": actuals[-1] if actuals else None,
        "trend": outcomes.trend(values, measure.direction),
        "rag": outcomes.measure_rag(
            latest=latest,
            baseline=measure.baseline,
            target=measure.target,
            direction=measure.direction,
        ),
    }


@view_required
def measure_list(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Queries: the plan, a count and one page of measures with their objective, and their actuals
    (one prefetch query)."""
    plan = _plan(request, public_id)
    measures = (
        policies.measures.visible_to(request.user)
        .filter(plan=plan)
        .select_related("objective")
        .prefetch_related(
            RestrictedPrefetch(
                "actuals",
                request.user,
                queryset=Actual.objects.order_by("period_end"),
                to_attr="ordered_actuals",
            )
        )
        .order_by("title", "id")
    )
    paged = paginate(request, measures)
    rows = [(m, assess(m, m.ordered_actuals)) for m in paged["page"].object_list]
    context = {
        "plan": plan,
        "rows": rows,
        "can_manage": policies.can_manage_plans(request.user),
        **paged,
    }
    return render(request, f"{T}/list.html", context)


def _measure(request: HttpRequest, public_id: UUID, action: Act = Act.VIEW) -> Measure:
    queryset = policies.measures.visible_to(request.user, action).select_related(
        "plan", "objective"
    )
    return policies.measures.get_or_404(request, action, queryset=queryset, public_id=public_id)


@view_required
def measure_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    measure = _measure(request, public_id)
    actuals = list(
        policies.actuals.visible_to(request.user).filter(measure=measure).order_by("period_end")
    )
    chart = charts.trend_line(
        [(a.period_end, a.value) for a in actuals],
        target=measure.target,
        baseline=measure.baseline,
        unit=measure.unit,
    )
    context = {
        "measure": measure,
        "plan": measure.plan,
        "actuals": actuals,
        "chart": chart,
        "assessment": assess(measure, actuals),
        "actions": policies.actions.visible_to(request.user)
        .filter(measures=measure)
        .select_related("lead_organisation")[:50],
        "can_manage": policies.can_manage_plans(request.user),
    }
    return render(request, f"{T}/detail.html", context)


def _objectives(request: HttpRequest, plan_id: int) -> Any:
    return policies.objectives.visible_to(request.user).filter(plan_id=plan_id)


@manage_required
@require_http_methods(["GET", "POST"])
def measure_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan(request, public_id, Act.CHANGE)
    return form_page(
        request,
        MeasureForm,
        template=f"{T}/form.html",
        form_kwargs={"objectives": _objectives(request, plan.pk)},
        save=lambda form: services.create_measure(actor=request.user, plan=plan, **form.changes()),
        success=lambda measure: to("measure_detail", measure),
        message="The measure has been added.",
        context={"plan": plan, "measure": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    measure = _measure(request, public_id, Act.CHANGE)
    return form_page(
        request,
        MeasureForm,
        template=f"{T}/form.html",
        instance=measure,
        form_kwargs={"objectives": _objectives(request, measure.plan_id)},
        save=lambda form: services.update_measure(
            actor=request.user,
            measure=measure,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda saved: to("measure_detail", saved),
        message="The measure has been changed.",
        context={"plan": measure.plan, "measure": measure},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def actual_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    measure = _measure(request, public_id, Act.CHANGE)
    return form_page(
        request,
        ActualForm,
        template=f"{T}/actual_form.html",
        save=lambda form: services.record_actual(
            actor=request.user, measure=measure, **form.cleaned_data
        ),
        success=to("measure_detail", measure, "actuals"),
        message="The actual has been recorded.",
        context={"measure": measure, "plan": measure.plan},
    )
