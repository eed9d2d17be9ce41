"""Bodies: list, detail, create and edit, the structure chart, memberships and a person's roles.

Read pages are open to anonymous visitors where the policy allows (public bodies); change pages need
``governance.manage``. Forbidden looks like missing (404) throughout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from preventhub.accounts.roles import Cap
from preventhub.core.forms import error_list
from preventhub.core.history import record_history
from preventhub.core.policies import Action, grants_for
from preventhub.core.services import ConcurrentEditError
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Organisation, Person
from preventhub.governance import policies
from preventhub.governance.forms.bodies import (
    BodyFilterForm,
    BodyForm,
    EndMembershipForm,
    MembershipForm,
    edit_form,
)
from preventhub.governance.models import Body, BodyKind, GroupMembership, Membership, MembershipRole
from preventhub.governance.services import bodies as services

from .bodies_structure import structure_chart

PER_PAGE = 25
TEMPLATES = "governance/bodies"


# Shared by the bodies and members views ---------------------------------------------------------


def require(allowed: bool) -> None:
    """Forbidden looks like missing."""
    if not allowed:
        raise Http404


def optional_url(name: str, *args: Any, query: str = "") -> str:
    """The URL of a page another part of governance provides, or "" until it exists."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def paginate(
    request: HttpRequest, queryset: Any, param: str = "page", per_page: int = PER_PAGE
) -> dict[str, Any]:
    """One page (two queries: a count and the rows) and GOV.UK pagination options."""
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))
    return {"page": page, "pagination": _pagination(request, page, param)}


def _pagination(request: HttpRequest, page: Page, param: str) -> dict[str, Any] | None:
    if page.paginator.num_pages <= 1:
        return None

    def href(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
        return f"?{query.urlencode()}"

    items: list[dict[str, Any]] = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == Paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": str(number), "href": href(int(number)), "current": number == page.number}
            )
    return {
        "previous": {"href": href(page.previous_page_number())} if page.has_previous() else None,
        "next": {"href": href(page.next_page_number())} if page.has_next() else None,
        "items": items,
    }


def posted(request: HttpRequest, *, files: bool = False) -> tuple[Any, ...]:
    """A form's data: the POST (even an empty one, so its errors show), or nothing on GET."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def form_context(form: Any, **extra: Any) -> dict[str, Any]:
    return {"form": form, "errors": error_list(form) if form.is_bound else [], **extra}


def save[T](form: Any, call: Callable[[], T], *, record: Any = None) -> T | None:
    """Run one service call; its validation errors and a concurrent edit go back onto the form.

    After a concurrent edit the form carries the record's new version, so saving again knowingly
    replaces the other person's change.
    """
    try:
        return call()
    except ConcurrentEditError as exc:
        form.add_error(None, exc.message)
        if record is not None:
            record.refresh_from_db()
            form.data = form.data.copy()
            form.data["version"] = str(record.version)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        if record is not None:
            record.refresh_from_db()
    return None


def manage_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in first, then ``governance.manage`` or 404."""

    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require(policies.can_manage_governance(request.user))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


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


def _body_form(request: HttpRequest, body: Body | None = None) -> BodyForm:
    kwargs = {
        "parents": policies.bodies.visible_to(request.user).order_by("name"),
        "resolutions": policies.resolutions.visible_to(request.user).order_by("-created_at"),
    }
    if body is None:
        return BodyForm(*posted(request), **kwargs)
    return edit_form(BodyForm, request, body, **kwargs)


@manage_required
@require_http_methods(["GET", "POST"])
def body_create(request: HttpRequest) -> HttpResponse:
    form = _body_form(request)
    if request.method == "POST" and form.is_valid():
        body = save(form, lambda: services.create_body(actor=request.user, data=form.changes()))
        if body is not None:
            return redirect("governance:body_detail", public_id=body.public_id)
    return render(request, f"{TEMPLATES}/form.html", form_context(form, body=None))


@manage_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
    form = _body_form(request, body)
    if request.method == "POST" and form.is_valid():
        saved = save(
            form,
            lambda: services.update_body(
                actor=request.user,
                body=body,
                data=form.changes(),
                expected_version=form.cleaned_data.get("version"),
            ),
            record=body,
        )
        if saved is not None:
            return redirect("governance:body_detail", public_id=body.public_id)
    return render(request, f"{TEMPLATES}/form.html", form_context(form, body=body))


def structure(request: HttpRequest) -> HttpResponse:
    """One query: every body the user may see, with its parent's id (the tree is built in memory;
    a council has tens of bodies, and the chart is meant to show them all)."""
    bodies = list(
        policies.bodies.visible_to(request.user).select_related("parent").order_by("name")
    )
    return render(request, f"{TEMPLATES}/structure.html", {"chart": structure_chart(bodies)})


# Memberships -----------------------------------------------------------------------------------


def _membership_form(request: HttpRequest) -> MembershipForm:
    return MembershipForm(
        *posted(request),
        people=directory_policies.people.visible_to(request.user).order_by("name"),
        groups=policies.political_groups.visible_to(request.user).order_by("name"),
        organisations=Organisation.objects.visible_to(request.user).order_by("name"),
    )


@manage_required
@require_http_methods(["GET", "POST"])
def membership_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
    form = _membership_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        membership = save(
            form,
            lambda: services.add_membership(
                actor=request.user,
                body=body,
                person=data["person"],
                role=data["role"],
                starts_on=data["starts_on"],
                ends_on=data.get("ends_on"),
                representing_group=data.get("representing_group"),
                representing_organisation=data.get("representing_organisation"),
            ),
        )
        if membership is not None:
            return redirect("governance:body_detail", public_id=body.public_id)
    return render(request, f"{TEMPLATES}/membership_add.html", form_context(form, body=body))


@manage_required
@require_http_methods(["GET", "POST"])
def membership_end(request: HttpRequest, public_id: Any) -> HttpResponse:
    queryset = policies.memberships.visible_to(request.user, Action.CHANGE).select_related(
        "person", "body"
    )
    membership = policies.memberships.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    initial = {"version": membership.version, "ends_on": membership.ends_on or timezone.localdate()}
    form = EndMembershipForm(*posted(request), initial=initial, membership=membership)
    if request.method == "POST" and form.is_valid():
        ended = save(
            form,
            lambda: services.end_membership(
                actor=request.user,
                membership=membership,
                ends_on=form.cleaned_data["ends_on"],
                expected_version=form.cleaned_data.get("version"),
            ),
            record=membership,
        )
        if ended is not None:
            return redirect("governance:body_detail", public_id=membership.body.public_id)
    return render(
        request, f"{TEMPLATES}/membership_end.html", form_context(form, membership=membership)
    )


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
        require(grants_for(request.user).has(Cap.DIRECTORY_VIEW))
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
