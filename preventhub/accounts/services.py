"""Account services: every change to users, roles and tokens, each audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.db import IntegrityError, transaction
from django.utils import timezone

from preventhub.audit.services import record_event
from preventhub.core.policies import forget_grants

from .models import ApiToken, RoleAssignment, User
from .roles import ORGANISATION_SCOPED_ROLES


class RoleAssignmentError(ValueError):
    pass


def create_user(
    *, actor: Any, email: str, full_name: str, password: str | None = None, person: Any = None
) -> User:
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, person=person
        )
        if password is None:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        record_event(
            actor=actor,
            action="accounts.user_created",
            obj=user,
            changes={"email": [None, user.email], "full_name": [None, full_name]},
        )
    return user


def set_user_active(*, actor: Any, user: User, active: bool) -> User:
    if user.is_active == active:
        return user
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record_event(
            actor=actor,
            action="accounts.user_reactivated" if active else "accounts.user_deactivated",
            obj=user,
            changes={"is_active": [not active, active]},
        )
    return user


def assign_role(*, actor: Any, user: User, role: str, organisation: Any = None) -> RoleAssignment:
    if role in ORGANISATION_SCOPED_ROLES and organisation is None:
        raise RoleAssignmentError("Choose the organisation this partner lead acts for.")
    if RoleAssignment.objects.filter(user=user, role=role, organisation=organisation).exists():
        raise RoleAssignmentError("This person already has that role with that scope.")
    try:
        with transaction.atomic():
            assignment = RoleAssignment.objects.create(
                user=user, role=role, organisation=organisation
            )
            record_event(
                actor=actor,
                action="accounts.role_assigned",
                obj=user,
                changes={
                    "role": [None, assignment.get_role_display()],
                    "scope": [None, assignment.scope_label],
                },
            )
    except IntegrityError as exc:  # a concurrent identical assignment won the race
        raise RoleAssignmentError("This person already has that role with that scope.") from exc
    forget_grants(user)
    return assignment


def remove_role(*, actor: Any, assignment: RoleAssignment) -> None:
    user = assignment.user
    with transaction.atomic():
        record_event(
            actor=actor,
            action="accounts.role_removed",
            obj=user,
            changes={
                "role": [assignment.get_role_display(), None],
                "scope": [assignment.scope_label, None],
            },
        )
        assignment.delete()
    forget_grants(user)


def enrol_totp(*, user: User, secret: str) -> list[str]:
    """Give a user a TOTP authenticator with a known secret and recovery codes (demo data and
    tests). People enrol themselves through the MFA pages."""
    with transaction.atomic():
        Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
        TOTP.activate(user, secret)
        codes = RecoveryCodes.activate(user)
        record_event(
            actor=user,
            action="mfa.authenticator_added",
            obj=user,
            changes={"method": [None, "totp"]},
        )
    return codes.generate_codes()


def create_api_token(*, actor: User, name: str, days: int) -> tuple[ApiToken, str]:
    """Create a personal access token; return it with the secret, which is never shown again."""
    shown, lookup, digest = ApiToken.new_secret()
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=actor,
            name=name,
            lookup=lookup,
            digest=digest,
            expires_at=timezone.now() + timedelta(days=days),
        )
        record_event(
            actor=actor,
            action="accounts.token_created",
            obj=token,
            changes={"name": [None, name], "expires_at": [None, token.expires_at.isoformat()]},
        )
    return token, shown


def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    if token.revoked_at is not None:
        return token
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        record_event(actor=actor, action="accounts.token_revoked", obj=token)
    return token


def authenticate_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None. Records when the token was last used."""
    parsed = ApiToken.parse(raw)
    if parsed is None:
        return None
    lookup, digest = parsed
    token = ApiToken.objects.usable().select_related("user").filter(lookup=lookup).first()
    if token is None or not _constant_time_equal(token.digest, digest):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def _constant_time_equal(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


def send_password_set_link(*, actor: Any, user: User, request: Any) -> None:
    """E-mail the person a link to choose their password (allauth's reset-from-key page), after
    the transaction commits. Used when an account is created and to resend an invitation."""
    from allauth.account.adapter import get_adapter
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    adapter = get_adapter(request)
    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    with transaction.atomic():
        adapter.send_mail(
            "accounts/email/password_set",
            user.email,
            {"user": user, "password_set_url": adapter.get_reset_password_from_key_url(key)},
        )
        record_event(actor=actor, action="accounts.password_link_sent", obj=user)


def invite_user(
    *, actor: Any, request: Any, email: str, full_name: str, person: Any = None
) -> User:
    """Create an account without a password and e-mail the person a link to set one."""
    with transaction.atomic():
        user = create_user(actor=actor, email=email, full_name=full_name, person=person)
        send_password_set_link(actor=actor, user=user, request=request)
    return user
