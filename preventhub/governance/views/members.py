"""Councillors, political groups, group changes, the council's composition on a date and the
ModernGov upload page."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.core.history import record_history
from preventhub.core.pages import form_context, form_page, paginate
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Ward
from preventhub.governance import moderngov, policies
from preventhub.governance.forms.members import (
    CompositionForm,
    CouncillorFilterForm,
    CouncillorForm,
    GroupChangeForm,
    GroupForm,
    GroupMembersOnForm,
    ModernGovUploadForm,
)
from preventhub.governance.models import Councillor, GroupMembership, GroupRole
from preventhub.governance.services import members as services

from .common import manage_required, optional_url, to

TEMPLATES = "governance/members"
UNGROUPED = "ungrouped"


def _current_group(day: Any, field: str = "group__name") -> Subquery:
    return Subquery(
        GroupMembership.objects.filter(councillor=OuterRef("pk"))
        .on(day)
        .order_by("-starts_on")
        .values(field)[:1]
    )


# Councillors -----------------------------------------------------------------------------------


def councillor_list(request: HttpRequest) -> HttpResponse:
    """Queries: the parties and groups for the filters (two; the ward is a picker), a count and
    one page of councillors with their ward and current group (one query, the group by
    subquery)."""
    today = timezone.localdate()
    visible = policies.councillors.visible_to(request.user)
    filters = CouncillorFilterForm(
        request.GET, wards=Ward.objects.filter(councillors__in=visible).distinct()
    )
    filters.is_valid()
    f = filters.cleaned_data
    councillors = (
        visible.select_related("person", "ward")
        .annotate(group_name=_current_group(today), group_role=_current_group(today, "role"))
        .order_by("person__name")
    )
    if q := (f.get("q") or "").strip():
        councillors = councillors.filter(person__name__icontains=q)
    if f.get("ward"):
        councillors = councillors.filter(ward=f["ward"])
    if f.get("party"):
        councillors = councillors.filter(party=f["party"])
    in_a_group = GroupMembership.objects.on(today)
    if f.get("group") == UNGROUPED:
        councillors = councillors.exclude(pk__in=in_a_group.values("councillor_id"))
    elif f.get("group"):
        councillors = councillors.filter(
            pk__in=in_a_group.filter(group__public_id=_uuid_or_none(f["group"])).values(
                "councillor_id"
            )
        )
    context = {
        "filters": f,
        "filter_form": filters,
        "parties": visible.exclude(party="")
        .order_by("party")
        .values_list("party", flat=True)
        .distinct(),
        "groups": policies.political_groups.visible_to(request.user).order_by("name"),
        "ungrouped": UNGROUPED,
        "can_manage": policies.can_manage_governance(request.user),
        **paginate(request, councillors),
    }
    return render(request, f"{TEMPLATES}/councillor_list.html", context)


def _uuid_or_none(value: str) -> Any:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def councillor_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the councillor (with person and ward), their group history, their memberships of
    bodies the user may see; (managers) the record history."""
    queryset = policies.councillors.visible_to(request.user).select_related("person", "ward")
    councillor = policies.councillors.get_or_404(request, queryset=queryset, public_id=public_id)
    today = timezone.localdate()
    groups = list(councillor.group_memberships.select_related("group").order_by("-starts_on"))
    memberships = list(
        policies.memberships.visible_to(request.user)
        .filter(person=councillor.person_id)
        .select_related("body", "representing_group", "representing_organisation")
        .order_by("-starts_on")
    )
    can_manage = policies.can_manage_governance(request.user)
    return render(
        request,
        f"{TEMPLATES}/councillor_detail.html",
        {
            "councillor": councillor,
            "groups": groups,
            "current_group": next((g for g in groups if _current(g, today)), None),
            "current": [m for m in memberships if _current(m, today)],
            "past": [m for m in memberships if not _current(m, today)],
            "can_manage": can_manage,
            "history": record_history(councillor) if can_manage else None,
        },
    )


def _current(row: Any, day: Any) -> bool:
    return row.starts_on <= day and (row.ends_on is None or row.ends_on >= day)


def _wards(request: HttpRequest) -> Any:
    return directory_policies.wards.visible_to(request.user).order_by("name")


@manage_required
@require_http_methods(["GET", "POST"])
def councillor_create(request: HttpRequest) -> HttpResponse:
    def create(form: CouncillorForm) -> Councillor:
        data = form.cleaned_data
        return services.create_councillor(
            actor=request.user,
            data=form.changes(),
            person=data.get("person"),
            name=data.get("name") or "",
            email=data.get("email") or "",
        )

    people = (
        directory_policies.people.visible_to(request.user)
        .filter(councillor__isnull=True)
        .order_by("name")
    )
    return form_page(
        request,
        CouncillorForm,
        template=f"{TEMPLATES}/councillor_form.html",
        form_kwargs={"wards": _wards(request), "people": people},
        save=create,
        success=lambda councillor: to("councillor_detail", councillor),
        message=lambda councillor: f"Councillor {councillor.person.name} has been added.",
        context={"councillor": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def councillor_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    queryset = policies.councillors.visible_to(request.user, Action.CHANGE).select_related("person")
    councillor = policies.councillors.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    return form_page(
        request,
        CouncillorForm,
        template=f"{TEMPLATES}/councillor_form.html",
        instance=councillor,
        form_kwargs={"wards": _wards(request)},
        save=lambda form: services.update_councillor(
            actor=request.user,
            councillor=councillor,
            data={**form.changes(), "name": form.cleaned_data["name"]},
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("councillor_detail", councillor),
        message=lambda saved: f"Councillor {saved.person.name} has been updated.",
        context={"councillor": councillor},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def councillor_group_change(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Record that a councillor joined a group, changed role, or left (and is now ungrouped)."""
    queryset_c = policies.councillors.visible_to(request.user, Action.CHANGE).select_related(
        "person"
    )
    councillor = policies.councillors.get_or_404(
        request, Action.CHANGE, queryset=queryset_c, public_id=public_id
    )

    def change(form: GroupChangeForm) -> Any:
        data = form.cleaned_data
        kind, day = data["change"], data["on"]
        calls = {
            "join": lambda: services.join_group(
                actor=request.user,
                councillor=councillor,
                group=data["group"],
                role=data["role"],
                starts_on=day,
            ),
            "role": lambda: services.change_group_role(
                actor=request.user, councillor=councillor, role=data["role"], starts_on=day
            ),
            "leave": lambda: services.leave_group(
                actor=request.user, councillor=councillor, ends_on=day
            ),
        }
        return _with_field(calls[kind])()

    return form_page(
        request,
        GroupChangeForm,
        template=f"{TEMPLATES}/group_change.html",
        form_kwargs={"groups": policies.political_groups.visible_to(request.user).order_by("name")},
        save=change,
        success=to("councillor_detail", councillor),
        message=f"The group change for {councillor.person.name} has been recorded.",
        context={
            "councillor": councillor,
            "current": services.current_group_membership(councillor, timezone.localdate()),
        },
    )


def _with_field(call: Any) -> Any:
    """Point a service's form-wide message at the date box, where the user fixes it."""

    def wrapped() -> Any:
        try:
            return call()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                renamed = {
                    ("on" if k in ("starts_on", "ends_on") else k): v
                    for k, v in exc.error_dict.items()
                }
                raise ValidationError(renamed) from None
            raise ValidationError({"on": exc.messages}) from None

    return wrapped


# Political groups ------------------------------------------------------------------------------


def group_list(request: HttpRequest) -> HttpResponse:
    """Queries: a count and one page of groups, each with its seats today (an aggregate) and its
    leader (a subquery)."""
    today = timezone.localdate()
    on_day = Q(memberships__starts_on__lte=today) & (
        Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=today)
    )
    leader = Subquery(
        GroupMembership.objects.on(today)
        .filter(group=OuterRef("pk"), role=GroupRole.LEADER)
        .order_by("-starts_on")
        .values("councillor__person__name")[:1]
    )
    groups = (
        policies.political_groups.visible_to(request.user)
        .annotate(seats=Count("memberships", filter=on_day), leader_name=leader)
        .order_by("-seats", "name")
    )
    return render(
        request,
        f"{TEMPLATES}/group_list.html",
        {
            "can_manage": policies.can_manage_governance(request.user),
            "today": today,
            **paginate(request, groups),
        },
    )


def group_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Queries: the group, and its members on the date asked for (with person and ward)."""
    group = policies.political_groups.get_or_404(request, public_id=public_id)
    dated = any(request.GET.get(f"date-{part}") for part in ("day", "month", "year"))
    form = GroupMembersOnForm(request.GET if dated else None)
    day = timezone.localdate()
    if dated and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    members = list(
        policies.group_memberships.visible_to(request.user)
        .filter(group=group)
        .on(day)
        .select_related("councillor__person", "councillor__ward")
        .order_by("councillor__person__name")
    )
    can_manage = policies.can_manage_governance(request.user)
    return render(
        request,
        f"{TEMPLATES}/group_detail.html",
        {
            "group": group,
            "day": day,
            "members": members,
            "leader": next((m for m in members if m.role == GroupRole.LEADER), None),
            "deputy": next((m for m in members if m.role == GroupRole.DEPUTY_LEADER), None),
            "can_manage": can_manage,
            "history": record_history(group) if can_manage else None,
            **form_context(form),
        },
    )


@manage_required
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        GroupForm,
        template=f"{TEMPLATES}/group_form.html",
        save=lambda form: services.create_group(actor=request.user, data=form.changes()),
        success=lambda group: to("group_detail", group),
        message=lambda group: f"{group.name} has been added.",
        context={"group": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    group = policies.political_groups.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        GroupForm,
        template=f"{TEMPLATES}/group_form.html",
        instance=group,
        save=lambda form: services.update_group(
            actor=request.user,
            group=group,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("group_detail", group),
        message=lambda saved: f"{saved.name} has been updated.",
        context={"group": group},
    )


# Composition -----------------------------------------------------------------------------------


def composition(request: HttpRequest) -> HttpResponse:
    """The council on a date. Queries: seats per group (one aggregate), serving councillors (one
    COUNT), the leaders and deputies (one)."""
    dated = any(key.startswith("date-") for key in request.GET)
    form = CompositionForm(request.GET if dated else None, initial={"date": timezone.localdate()})
    result = None
    if not dated:
        result = services.composition_on(
            timezone.localdate(), policies.councillors.visible_to(request.user)
        )
    elif form.is_valid():
        result = services.composition_on(
            form.cleaned_data["date"], policies.councillors.visible_to(request.user)
        )
    return render(request, f"{TEMPLATES}/composition.html", form_context(form, composition=result))


# ModernGov -------------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def moderngov_import(request: HttpRequest) -> HttpResponse:
    """Upload one saved ModernGov response; it is imported (all or nothing) and the counts shown
    on the same page, under the form, ready for the next file."""
    template = f"{TEMPLATES}/moderngov_import.html"
    links = {
        "councillors": optional_url("governance:councillor_list"),
        "bodies": optional_url("governance:body_list"),
    }

    def run(form: ModernGovUploadForm) -> tuple[ModernGovUploadForm, Any]:
        upload = form.cleaned_data["file"]
        try:
            document = moderngov.parse_document(upload.read(), upload.name)
            result = moderngov.import_documents(
                actor=request.user,
                documents=[document],
                groups_from_parties=form.cleaned_data["groups_from_parties"],
            )
        except moderngov.ModernGovError as exc:
            raise ValidationError({"file": str(exc)}) from exc
        return form, result

    return form_page(
        request,
        ModernGovUploadForm,
        template=template,
        save=run,
        success=lambda done: render(
            request, template, form_context(done[0], result=done[1], links=links)
        ),
        context={"result": None, "links": links},
        files=True,
    )
