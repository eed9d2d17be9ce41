"""Account pages: your account, user management for administrators, personal API tokens.

Views parse, check the policy, call one service and render. Anything that changes what someone can
reach (roles) or creates a credential (API tokens) needs a recent re-authentication: allauth's
``reauthentication_required`` suspends the POST, asks for the password (or an authenticator code)
and then replays it. The policy check runs first, so someone without access gets 404, never a
password prompt.
"""

from __future__ import annotations

from typing import Any

from allauth.account.decorators import reauthentication_required
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from preventhub.core.forms import GovukForm
from preventhub.core.pages import form_page
from preventhub.core.policies import Action, grants_for, policy_for

from . import services
from .forms import RoleAssignForm, TokenCreateForm, UserCreateForm, UserSearchForm, related_model
from .http import AuthenticatedHttpRequest
from .models import ApiToken, RoleAssignment, User
from .policies import api_tokens, can_manage_users, can_use_api_tokens, role_assignments, users
from .roles import Role

USERS_PER_PAGE = 50
HISTORY_ROWS = 25


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    assignments = request.user.role_assignments.select_related("organisation")
    return render(
        request,
        "accounts/profile.html",
        {
            "assignments": assignments,
            "grants": grants_for(request.user),
            "can_use_api_tokens": can_use_api_tokens(request.user),
        },
    )


# --- Users ------------------------------------------------------------------------------------


def _require_user_manager(request: HttpRequest) -> None:
    if not can_manage_users(request.user):
        raise Http404("No such page.")


def _filtered_users(request: HttpRequest, form: UserSearchForm) -> QuerySet[User]:
    qs = users.visible_to(request.user)
    if form.is_valid():
        if q := form.cleaned_data["q"].strip():
            qs = qs.filter(Q(full_name__icontains=q) | Q(email__icontains=q))
        if role := form.cleaned_data["role"]:
            qs = qs.filter(Exists(RoleAssignment.objects.filter(user=OuterRef("pk"), role=role)))
        if status := form.cleaned_data["status"]:
            qs = qs.filter(is_active=status == "active")
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return qs.annotate(has_mfa=Exists(totp)).prefetch_related(
        Prefetch("role_assignments", queryset=RoleAssignment.objects.select_related("organisation"))
    )


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    _require_user_manager(request)
    form = UserSearchForm(request.GET)
    page = Paginator(_filtered_users(request, form), USERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/user_list.html",
        {"search_form": form, "page": page, "query": query.urlencode()},
    )


def _user_history(target: User) -> list[dict[str, Any]]:
    """The newest changes to the account and its roles, from django-simple-history, with who
    made them. Field changes are found by comparing neighbouring versions in memory."""
    records = list(target.history.select_related("history_user")[: HISTORY_ROWS + 1])
    rows: list[dict[str, Any]] = []
    for newer, older in zip(records, [*records[1:], None], strict=False):
        if len(rows) == HISTORY_ROWS:
            break
        if newer.history_type == "+":
            what = "Account created"
        elif older is None:
            what = "Account changed"
        else:
            changed = [User._meta.get_field(c.field) for c in newer.diff_against(older).changes]
            labels = [str(f.verbose_name) for f in changed if isinstance(f, models.Field)]
            what = f"Changed {', '.join(labels)}" if labels else "Saved with no changes"
        rows.append({"when": newer.history_date, "by": newer.history_user, "what": what})
    role_history = RoleAssignment.history.filter(user_id=target.pk).select_related(
        "history_user", "organisation"
    )[:HISTORY_ROWS]
    for record in role_history:
        scope = (
            record.organisation.name
            if record.organisation_id and record.organisation
            else "whole partnership"
        )
        verb = {"+": "Role assigned", "-": "Role removed"}.get(record.history_type, "Role changed")
        label = dict(Role.choices).get(record.role, record.role)  # the field's choices
        rows.append(
            {
                "when": record.history_date,
                "by": record.history_user,
                "what": f"{verb}: {label} ({scope})",
            }
        )
    rows.sort(key=lambda row: row["when"], reverse=True)
    return rows[:HISTORY_ROWS]


@login_required
def user_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    target = users.get_or_404(request, public_id=public_id)
    context = {
        "target": target,
        "assignments": target.role_assignments.select_related("organisation"),
        "has_mfa": Authenticator.objects.filter(user=target, type=Authenticator.Type.TOTP).exists(),
        "history": _user_history(target),
        "is_self": target.pk == request.user.pk,
    }
    return render(request, "accounts/user_detail.html", context)


def _people_to_link(user: Any) -> QuerySet[Any]:
    """Directory people the user may see who have no account yet (the directory's own policy)."""
    person = related_model(User, "person")
    return policy_for(person).visible_to(user, Action.VIEW).filter(user__isnull=True)


def _organisations(user: Any) -> QuerySet[Any]:
    """Organisations a role may be scoped to: those the user may see (the directory's policy)."""
    return policy_for(related_model(RoleAssignment, "organisation")).visible_to(user, Action.VIEW)


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    _require_user_manager(request)
    return form_page(
        request,
        UserCreateForm,
        template="accounts/user_form.html",
        form_kwargs={"people": _people_to_link(request.user)},
        save=lambda form: services.invite_user(
            actor=request.user,
            request=request,
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
            person=form.cleaned_data["person"],
        ),
        success=lambda user: reverse("accounts:user_detail", kwargs={"public_id": user.public_id}),
        message=lambda user: (
            f"Account created. We have emailed {user.email} a link to set a password."
        ),
    )


@login_required
@require_POST
def user_deactivate(request: HttpRequest, public_id: Any) -> HttpResponse:
    target = users.get_or_404(request, Action.CHANGE, public_id=public_id)
    if target.pk == request.user.pk:
        messages.error(request, "You cannot deactivate your own account.")
    else:
        services.set_user_active(actor=request.user, user=target, active=False)
        messages.success(request, f"{target} can no longer sign in.")
    return redirect("accounts:user_detail", public_id=target.public_id)


@login_required
@require_POST
def user_reactivate(request: HttpRequest, public_id: Any) -> HttpResponse:
    target = users.get_or_404(request, Action.CHANGE, public_id=public_id)
    services.set_user_active(actor=request.user, user=target, active=True)
    messages.success(request, f"{target} can sign in again.")
    return redirect("accounts:user_detail", public_id=target.public_id)


@login_required
@require_POST
def user_send_password_link(request: HttpRequest, public_id: Any) -> HttpResponse:
    target = users.get_or_404(request, Action.CHANGE, public_id=public_id)
    services.send_password_set_link(actor=request.user, user=target, request=request)
    messages.success(request, f"We have emailed {target.email} a link to set a password.")
    return redirect("accounts:user_detail", public_id=target.public_id)


@login_required
def role_assign(request: HttpRequest, public_id: Any) -> HttpResponse:
    target = users.get_or_404(request, Action.CHANGE, public_id=public_id)
    return _assign_role(request, target)


@reauthentication_required(allow_get=True)
def _assign_role(request: HttpRequest, target: User) -> HttpResponse:
    def assign(form: RoleAssignForm) -> Any:
        try:
            return services.assign_role(
                actor=request.user,
                user=target,
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
            )
        except services.RoleAssignmentError as exc:
            raise ValidationError(str(exc)) from None

    return form_page(
        request,
        RoleAssignForm,
        template="accounts/role_form.html",
        form_kwargs={"organisations": _organisations(request.user)},
        save=assign,
        success=reverse("accounts:user_detail", kwargs={"public_id": target.public_id}),
        message=lambda assignment: f"{target} is now {assignment}.",
        context={"target": target},
    )


@login_required
def role_remove(request: HttpRequest, public_id: Any, assignment_id: Any) -> HttpResponse:
    target = users.get_or_404(request, Action.CHANGE, public_id=public_id)
    assignment = role_assignments.get_or_404(
        request,
        Action.DELETE,
        queryset=role_assignments.visible_to(request.user, Action.DELETE)
        .filter(user=target)
        .select_related("organisation", "user"),
        public_id=assignment_id,
    )
    return _remove_role(request, target, assignment)


@reauthentication_required(allow_get=True)
def _remove_role(request: HttpRequest, target: User, assignment: RoleAssignment) -> HttpResponse:
    label = str(assignment)
    return form_page(
        request,
        GovukForm,
        template="accounts/role_remove.html",
        save=lambda form: services.remove_role(actor=request.user, assignment=assignment),
        success=reverse("accounts:user_detail", kwargs={"public_id": target.public_id}),
        message=f"{target} is no longer {label}.",
        context={"target": target, "assignment": assignment},
    )


# --- Personal API tokens ----------------------------------------------------------------------


def _require_token_user(request: HttpRequest) -> None:
    if not can_use_api_tokens(request.user):
        raise Http404("No such page.")


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    _require_token_user(request)
    tokens = api_tokens.visible_to(request.user).order_by("revoked_at", "-created_at")
    page = Paginator(tokens, USERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "accounts/token_list.html", {"page": page})


@login_required
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_token_user(request)
    return _create_token(request)


@reauthentication_required(allow_get=True)
def _create_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    def created(result: tuple[ApiToken, str]) -> HttpResponse:
        token, secret = result
        # The secret is rendered in this response only: it is never stored, so it cannot be
        # shown again.
        response = render(
            request, "accounts/token_created.html", {"token": token, "secret": secret}
        )
        response["Cache-Control"] = "no-store"
        return response

    return form_page(
        request,
        TokenCreateForm,
        template="accounts/token_form.html",
        save=lambda form: services.create_api_token(
            actor=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
        ),
        success=created,
    )


@login_required
def token_revoke(request: AuthenticatedHttpRequest, public_id: Any) -> HttpResponse:
    _require_token_user(request)
    token: ApiToken = api_tokens.get_or_404(request, Action.CHANGE, public_id=public_id)
    return form_page(
        request,
        GovukForm,
        template="accounts/token_revoke.html",
        save=lambda form: services.revoke_api_token(actor=request.user, token=token),
        success=reverse("accounts:token_list"),
        message=f"The token ‘{token.name}’ has been revoked. It can no longer be used.",
        context={"token": token},
    )
