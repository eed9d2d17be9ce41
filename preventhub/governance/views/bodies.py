"""Bodies: list, detail, create and edit, the structure chart, memberships and a person's roles.

Read pages are open to anonymous visitors where the policy allows (public bodies); change pages need
``governance.manage``. Forbidden looks like missing (404) throughout.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.accounts.roles import Cap
from preventhub.core.history import record_history
from preventhub.core.pages import form_page, paginate, require
from preventhub.core.policies import Action, grants_for
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Organisation, Person
from preventhub.governance import policies
from preventhub.governance.forms.bodies import (
    BodyFilterForm,
    BodyForm,
    EndMembershipForm,
    MembershipForm,
)
from preventhub.governance.models import Body, BodyKind, GroupMembership, Membership, MembershipRole
from preventhub.governance.services import bodies as services

from .bodies_structure import structure_chart
from .common import manage_required, optional_url, to

TEMPLATES = "governance/bodies"


# Bodies -----------------------------------------------------------------------------------------


def body_list(request: HttpRequest) -> HttpResponse:
    """Queries: a count and one page of bodies with the body each reports to (plus, when signed
    in, the session, the user and their roles)."""
    filters = BodyFilterForm(request.GET)
    filters.is_valid()
    bodies = policies.bodies.visible_to(request.user).select_related("parent").order_by("name")
    q = (filters.cleaned_data.get("q") or "").strip()
    if q:
        bodies = bodies.filter(Q(name__icontains=q) | Q(purpose__icontains=q))
    if kind := filters.cleaned_data.get("kind"):
        bodies = bodies.filter(kind=kind)
    context = {
        "filters": filters,
        "q": q,
        "kind": kind or "",
        "kinds": BodyKind.choices,
        "can_manage": policies.can_manage_governance(request.user),
        "sees_all": policies.can_view_governance(
            request.user
        ),  # else a hidden parent's name stays hidden
        **paginate(request, bodies),
    }
    return render(request, f"{TEMPLATES}/list.html", context)


def body_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Constant queries whatever the number of members and meetings: the body; the bodies reporting
    to it; current members; a count and one page of past members; the meetings count; the
    established-by resolution's visibility; (managers) the record history."""
    queryset = policies.bodies.visible_to(request.user).select_related("parent", "established_by")
    body = policies.bodies.get_or_404(request, queryset=queryset, public_id=public_id)
    today = timezone.localdate()
    children = policies.bodies.visible_to(request.user).filter(parent=body).order_by("name")
    members = Membership.objects.filter(body=body).select_related(
        "person", "representing_group", "representing_organisation"
    )
    current = list(members.current(today).order_by("role", "person__name"))
    past = members.filter(Q(ends_on__lt=today) | Q(starts_on__gt=today)).order_by(
        "-ends_on", "person__name"
    )
    can_manage = policies.can_manage_governance(request.user)
    context = {
        "body": body,
        "today": today,
        "parent_visible": body.parent is not None
        and (body.parent.is_public or policies.can_view_governance(request.user)),
        "children": list(children),
        "current": current,
        "chair": [m for m in current if m.role == MembershipRole.CHAIR],
        "vice_chair": [m for m in current if m.role == MembershipRole.VICE_CHAIR],
        "statutory": [m for m in current if m.role == MembershipRole.STATUTORY_MEMBER],
        "past": paginate(request, past, param="past"),
        "meetings_count": policies.meetings.visible_to(request.user).filter(body=body).count(),
        "meetings_url": (
            optional_url("governance:body_meetings", body.public_id)
            or optional_url("governance:meeting_list", query=f"body={body.public_id}")
        ),
        "terms_url": optional_url("governance:terms_list", body.public_id),
        "ical_url": optional_url("governance:body_ical", body.public_id),
        "attendance_url": optional_url("governance:body_attendance", body.public_id),
        "nominations_url": (
            optional_url("governance:body_nominations", body.public_id)
            if policies.can_view_governance(request.user)
            else ""
        ),
        "resolution": _resolution(request, body),
        "can_manage": can_manage,
        "history": record_history(body) if can_manage else None,
    }
    return render(request, f"{TEMPLATES}/detail.html", context)


def _resolution(request: HttpRequest, body: Body) -> dict[str, Any] | None:
    """The resolution that established the body: linked when its page exists and the user may see
    it; otherwise its text (a body's founding resolution is part of the public record)."""
    resolution = body.established_by
    if resolution is None:
        return None
    visible = policies.resolutions.visible_to(request.user).filter(pk=resolution.pk).exists()
    if not visible:
        return None
    url = optional_url("governance:resolution_detail", resolution.public_id)
    return {"resolution": resolution, "url": url}


def _body_choices(request: HttpRequest) -> dict[str, Any]:
    return {
        "parents": policies.bodies.visible_to(request.user).order_by("name"),
        "resolutions": policies.resolutions.visible_to(request.user).order_by("-created_at"),
    }


@manage_required
@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        BodyForm,
        template=f"{TEMPLATES}/form.html",
        form_kwargs=_body_choices(request),
        save=lambda form: services.create_body(actor=request.user, data=form.changes()),
        success=lambda body: to("body_detail", body),
        message=lambda body: f"{body.name} has been added.",
        context={"body": None},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        BodyForm,
        template=f"{TEMPLATES}/form.html",
        instance=body,
        form_kwargs=_body_choices(request),
        save=lambda form: services.update_body(
            actor=request.user,
            body=body,
            data=form.changes(),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=lambda saved: to("body_detail", body),
        message=f"{body.name} has been updated.",
        context={"body": body},
    )


def structure(request: HttpRequest) -> HttpResponse:
    """One query: every body the user may see, with its parent's id (the tree is built in memory;
    a council has tens of bodies, and the chart is meant to show them all)."""
    bodies = list(
        policies.bodies.visible_to(request.user).select_related("parent").order_by("name")
    )
    return render(request, f"{TEMPLATES}/structure.html", {"chart": structure_chart(bodies)})


# Memberships -----------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def membership_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)

    def add(form: MembershipForm) -> Membership:
        data = form.cleaned_data
        return services.add_membership(
            actor=request.user,
            body=body,
            person=data["person"],
            role=data["role"],
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            representing_group=data.get("representing_group"),
            representing_organisation=data.get("representing_organisation"),
        )

    return form_page(
        request,
        MembershipForm,
        template=f"{TEMPLATES}/membership_add.html",
        form_kwargs={
            "people": directory_policies.people.visible_to(request.user).order_by("name"),
            "groups": policies.political_groups.visible_to(request.user).order_by("name"),
            "organisations": Organisation.objects.visible_to(request.user).order_by("name"),
        },
        save=add,
        success=to("body_detail", body),
        message=lambda membership: f"{membership.person.name} has been added to {body.name}.",
        context={"body": body},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, public_id: Any) -> HttpResponse:
    queryset = policies.memberships.visible_to(request.user, Action.CHANGE).select_related(
        "person", "body"
    )
    membership = policies.memberships.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    return form_page(
        request,
        EndMembershipForm,
        template=f"{TEMPLATES}/membership_end.html",
        record=membership,
        form_kwargs={"membership": membership},
        initial={"ends_on": default_membership_end(membership)},
        save=lambda form: services.end_membership(
            actor=request.user,
            membership=membership,
            ends_on=form.cleaned_data["ends_on"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("body_detail", membership.body),
        message=f"{membership.person.name}'s membership of {membership.body.name} has ended.",
        context={"membership": membership},
    )


def default_membership_end(membership: Membership) -> dt.date:
    """The last day to offer: the one recorded, else the body's own end, else today for a
    membership still running (never a day before it started, which would be refused)."""
    if membership.ends_on is not None:
        return membership.ends_on
    if membership.body.ends_on is not None:
        return max(membership.body.ends_on, membership.starts_on)
    return max(timezone.localdate(), membership.starts_on)


# A person's roles ------------------------------------------------------------------------------


def person_roles(request: HttpRequest, public_id: Any) -> HttpResponse:
    """Everything a person does in governance: their memberships of bodies (past and current) and,
    for a councillor, their ward, party and group history.

    Visible to anyone for a person with a public role (a councillor, or a member of a public body);
    other people's pages need the directory. Contact details are never shown here.
    Queries: the person, their councillor record, memberships, group history.
    """
    person = get_object_or_404(Person, public_id=public_id)
    memberships = list(
        policies.memberships.visible_to(request.user)
        .filter(person=person)
        .select_related("body", "representing_group", "representing_organisation")
        .order_by("-starts_on")
    )
    councillor = (
        policies.councillors.visible_to(request.user)
        .filter(person=person)
        .select_related("ward")
        .first()
    )
    groups = (
        list(
            GroupMembership.objects.filter(councillor=councillor)
            .select_related("group")
            .order_by("-starts_on")
        )
        if councillor
        else []
    )
    if not memberships and councillor is None:
        require(request, grants_for(request.user).has(Cap.DIRECTORY_VIEW), Cap.DIRECTORY_VIEW)
    today = timezone.localdate()
    return render(
        request,
        f"{TEMPLATES}/person_roles.html",
        {
            "person": person,
            "memberships": memberships,
            "current": [m for m in memberships if _is_current(m, today)],
            "past": [m for m in memberships if not _is_current(m, today)],
            "councillor": councillor,
            "groups": groups,
            "current_group": next((g for g in groups if _is_current(g, today)), None),
            "today": today,
            "councillor_url": optional_url("governance:councillor_detail", councillor.public_id)
            if councillor
            else "",
            "directory_url": (
                optional_url("directory:person_detail", person.public_id)
                if directory_policies.can_view_directory(request.user)
                else ""
            ),
            "can_manage": policies.can_manage_governance(request.user),
        },
    )


def _is_current(row: Any, day: dt.date) -> bool:
    return row.starts_on <= day and (row.ends_on is None or row.ends_on >= day)
