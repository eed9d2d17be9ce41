"""Actions: the filtered, sortable list (and the owner's and the Prevent lead's views of it), an
action with its progress, history and links, and adding and changing actions."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate
from preventhub.core.policies import Action as Act
from preventhub.core.policies import RestrictedPrefetch, restrict
from preventhub.core.spreadsheets.exports import export_response
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies as governance_policies
from preventhub.plan import policies, services
from preventhub.plan.forms import SORTS, ActionFilterForm, ActionForm
from preventhub.plan.models import Action, Evidence
from preventhub.plan.queries import due_soon_or_overdue, overdue, with_rag
from preventhub.plan.spreadsheets import SHEET

from .common import manage_required, to, view_required

T = "plan/actions"


def _filter(request: HttpRequest, actions: QuerySet[Action]) -> tuple[Any, QuerySet[Action]]:
    form = ActionFilterForm(
        request.GET or None,
        organisations=directory_policies.organisations.visible_to(request.user),
        people=directory_policies.people.visible_to(request.user),
    )
    order = SORTS["due"][1]
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data.get("status"):
            actions = actions.filter(status=data["status"])
        if data.get("rag"):
            actions = actions.filter(**{"rag": data["rag"]})  # the annotation
        if data.get("lead_organisation"):
            actions = actions.filter(lead_organisation=data["lead_organisation"])
        if data.get("owner"):
            actions = actions.filter(owner=data["owner"])
        if data.get("overdue"):
            actions = actions.filter(overdue())
        order = SORTS.get(data.get("sort") or "due", SORTS["due"])[1]
    return form, actions.order_by(*order)


def _scoped(request: HttpRequest, actions: QuerySet[Action]) -> tuple[QuerySet[Action], Any]:
    """Narrow to one plan or objective when the query names one (ids the user may see)."""
    for name, path, policy in (
        ("objective", "objective", policies.objectives),
        ("plan", "objective__plan", policies.plans),
    ):
        wanted = request.GET.get(name, "")
        if wanted:
            public_id = _uuid(wanted)
            visible = policy.visible_to(request.user)
            record = visible.filter(public_id=public_id).first() if public_id else None
            return actions.filter(**{path: record}) if record else actions.none(), record
    return actions, None


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _uuid(text: str) -> UUID | None:
    try:
        return UUID(text)
    except ValueError:
        return None


def _list(request: HttpRequest, actions: QuerySet[Action], **extra: Any) -> HttpResponse:
    """Queries: a count and one page of actions with their objective, plan, lead organisation and
    owner, the rating worked out in SQL (plus the chosen plan or objective, if any)."""
    actions, scope = _scoped(request, actions)
    rows = with_rag(actions).select_related("objective__plan", "lead_organisation", "owner")
    form, rows = _filter(request, rows)
    context = {
        "form": form,
        "errors": error_list(form) if form.is_bound else [],
        "filtered": any(v for k, v in request.GET.items() if k != "page"),
        "scope": scope,
        "query": _without_page(request),
        **extra,
        **paginate(request, rows),
    }
    return render(request, f"{T}/list.html", context)


@view_required
def action_list(request: HttpRequest) -> HttpResponse:
    return _list(request, policies.actions.visible_to(request.user), title="Actions")


@view_required
def action_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    """The action list as CSV or XLSX: the same rows as the list page (the same policy, plan or
    objective, filters and order), with the columns the plan's importer maps by default."""
    actions, scope = _scoped(request, policies.actions.visible_to(request.user))
    form, rows = _filter(request, with_rag(actions))
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    filters = {k: getattr(v, "public_id", v) for k, v in data.items()}
    if scope is not None:
        filters["in"] = scope.public_id
    return export_response(SHEET, rows, fmt=fmt, actor=request.user, filters=filters)


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    """The actions the signed-in person owns (no role needed: owners update their own). Someone
    not linked to a directory entry owns none."""
    person_id = getattr(request.user, "person_id", None)
    mine = policies.actions.visible_to(request.user).filter(owner_id=person_id)
    return _list(request, mine if person_id else mine.none(), title="Your actions", mine=True)


@manage_required
def actions_due(request: HttpRequest) -> HttpResponse:
    """Open actions across the partnership that are overdue or due in the next 14 days."""
    due = policies.actions.visible_to(request.user).filter(due_soon_or_overdue())
    return _list(request, due, title="Actions overdue or due soon", due=True)


def _visible_risks(request: HttpRequest, action: Action) -> list[Any]:
    """The risks this action reduces that the user may see (by the risk module's policy, so an
    OFFICIAL-SENSITIVE risk stays hidden from a councillor)."""
    return list(restrict(action.risks.order_by("title", "id"), request.user))


def _action(request: HttpRequest, public_id: UUID, action: str = Act.VIEW) -> Action:
    queryset = policies.actions.visible_to(request.user, action).select_related(
        "objective__plan", "lead_organisation", "owner", "rag_override_by"
    )
    return policies.actions.get_or_404(request, action, queryset=queryset, public_id=public_id)


@login_required
def action_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id)
    updates = (
        policies.updates.visible_to(request.user)
        .filter(action=action)
        .select_related("author")
        .prefetch_related(
            RestrictedPrefetch(
                "evidence", request.user, queryset=Evidence.objects.order_by("id"), to_attr="files"
            )
        )
        .order_by("-on", "-id")
    )
    decisions = governance_policies.decisions.visible_to(request.user).filter(plan_actions=action)
    user = request.user
    context = {
        "action": action,
        "rating": action.rating(),
        **paginate(request, updates),
        "decisions": list(decisions.order_by("-decided_on", "-id")),
        "risks": _visible_risks(request, action),
        "measures": list(policies.measures.visible_to(user).filter(actions=action)),
        "can_change": policies.actions.can(user, Act.CHANGE, action),
        "can_update": policies.actions.can(user, policies.UPDATE, action),
        "history": record_history(action, limit=10),
    }
    return render(request, f"{T}/detail.html", context)


def _form_kwargs(request: HttpRequest, plan_id: int) -> dict[str, Any]:
    return {
        "objectives": policies.objectives.visible_to(request.user, Act.CHANGE).filter(
            plan_id=plan_id
        ),
        "organisations": directory_policies.organisations.visible_to(request.user),
        "people": directory_policies.people.visible_to(request.user),
    }


@manage_required
@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, public_id: UUID) -> HttpResponse:
    queryset = policies.objectives.visible_to(request.user, Act.CHANGE).select_related("plan")
    objective = policies.objectives.get_or_404(
        request, Act.CHANGE, queryset=queryset, public_id=public_id
    )
    return form_page(
        request,
        ActionForm,
        template=f"{T}/form.html",
        initial={"objective": objective},
        form_kwargs=_form_kwargs(request, objective.plan_id),
        save=lambda form: services.create_action(actor=request.user, **form.changes()),
        success=lambda action: to("action_detail", action),
        message="The action has been added.",
        context={"plan": objective.plan, "action": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, public_id: UUID) -> HttpResponse:
    action = _action(request, public_id, Act.CHANGE)
    return form_page(
        request,
        ActionForm,
        template=f"{T}/form.html",
        instance=action,
        form_kwargs=_form_kwargs(request, action.objective.plan_id),
        save=lambda form: services.update_action(
            actor=request.user,
            action=action,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda saved: to("action_detail", saved),
        message="The action has been changed.",
        context={"plan": action.objective.plan, "action": action},
    )
