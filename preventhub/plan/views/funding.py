"""Funding of a plan: budget lines with spend against them (summed in SQL), the spend items, and
adding budget lines and spend (the Prevent lead)."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action as Act
from preventhub.plan import policies, services
from preventhub.plan.forms import BudgetLineForm, SpendForm
from preventhub.plan.models import BudgetLine
from preventhub.plan.queries import spend_totals, with_spend

from .common import manage_required, to, view_required
from .plans import _plan

T = "plan/funding"


@view_required
def budget(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Queries: the plan, its budget lines with spend (one grouped query), the totals (two
    aggregates), and a count and one page of spend items with their line and action."""
    plan = _plan(request, public_id)
    lines = policies.budget_lines.visible_to(request.user).filter(plan=plan)
    spend = (
        policies.spend_items.visible_to(request.user)
        .filter(budget_line__plan=plan)
        .select_related("budget_line", "action")
        .order_by("-spent_on", "-id")
    )
    context = {
        "plan": plan,
        "lines": list(with_spend(lines).order_by("starts_on", "id")[:100]),
        "totals": spend_totals(lines),
        "can_manage": policies.can_manage_plans(request.user),
        **paginate(request, spend),
    }
    return render(request, f"{T}/budget.html", context)


@manage_required
@require_http_methods(["GET", "POST"])
def budget_line_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    plan = _plan(request, public_id, Act.CHANGE)
    return form_page(
        request,
        BudgetLineForm,
        template=f"{T}/line_form.html",
        save=lambda form: services.create_budget_line(
            actor=request.user, plan=plan, **form.changes()
        ),
        success=to("budget", plan),
        message="The budget line has been added.",
        context={"plan": plan, "line": None},
    )


def _line(request: HttpRequest, public_id: UUID) -> BudgetLine:
    queryset = policies.budget_lines.visible_to(request.user, Act.CHANGE).select_related("plan")
    return policies.budget_lines.get_or_404(
        request, Act.CHANGE, queryset=queryset, public_id=public_id
    )


@manage_required
@require_http_methods(["GET", "POST"])
def budget_line_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    line = _line(request, public_id)
    return form_page(
        request,
        BudgetLineForm,
        template=f"{T}/line_form.html",
        instance=line,
        save=lambda form: services.update_budget_line(
            actor=request.user,
            line=line,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("budget", line.plan),
        message="The budget line has been changed.",
        context={"plan": line.plan, "line": line},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def spend_add(request: HttpRequest, public_id: UUID) -> HttpResponse:
    line = _line(request, public_id)
    actions = policies.actions.visible_to(request.user).filter(objective__plan=line.plan)
    return form_page(
        request,
        SpendForm,
        template=f"{T}/spend_form.html",
        form_kwargs={"actions": actions},
        save=lambda form: services.record_spend(actor=request.user, line=line, **form.cleaned_data),
        success=to("budget", line.plan, "spend"),
        message="The spend has been recorded.",
        context={"plan": line.plan, "line": line},
    )
