"""Permission-matrix cases for the account pages and every allauth page the project exposes.

The matrix signs personas in with ``force_login``, which records no authentication in the session,
so every page behind allauth's re-authentication answers 302 (to the password prompt) for the
personas allowed to reach it; personas without access get 404 first, because our views check the
policy before asking for re-authentication.
"""

from __future__ import annotations

from typing import Any

from preventhub.accounts import services
from preventhub.accounts.models import RoleAssignment
from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case

from . import matrix_audit

ADMIN = frozenset({"administrator"})
# Personas whose role needs MFA (the factories enrol TOTP for them).
WITH_TOTP = frozenset(
    {"administrator", "prevent_lead", "channel_coordinator", "channel_panel_member", "auditor"}
)
REDIRECT = (302,)


def build(world: Any) -> None:
    world.councillor_role = RoleAssignment.objects.get(user=world.councillor)
    world.admin_token, _ = services.create_api_token(
        actor=world.administrator, name="Admin's script", days=30
    )
    matrix_audit.build(world)


def _user(world: Any) -> dict[str, Any]:
    return {"public_id": world.councillor.public_id}


def _role(world: Any) -> dict[str, Any]:
    return {
        "public_id": world.councillor.public_id,
        "assignment_id": world.councillor_role.public_id,
    }


def _token(world: Any) -> dict[str, Any]:
    return {"public_id": world.admin_token.public_id}


CASES = [
    Case("accounts:profile", allowed=EVERYONE_SIGNED_IN),
    Case("accounts:email_settings", allowed=EVERYONE_SIGNED_IN),
    Case(
        "accounts:email_settings",
        method="post",
        data=lambda w: {"weekly_digest": ""},
        allowed=EVERYONE_SIGNED_IN,
        ok=(302,),
        note="each person changes only their own setting",
    ),
    # User management: administrators only.
    Case("accounts:user_list", allowed=ADMIN),
    Case("accounts:user_list", allowed=ADMIN, query="q=coun&role=councillor&status=active"),
    Case("accounts:user_create", allowed=ADMIN),
    Case(
        "accounts:user_create",
        allowed=ADMIN,
        method="post",
        data=lambda w: {"full_name": "New Person", "email": "new.person@example.org"},
        ok=REDIRECT,
    ),
    Case("accounts:user_detail", allowed=ADMIN, kwargs=_user),
    Case("accounts:user_deactivate", allowed=ADMIN, kwargs=_user, method="post", ok=REDIRECT),
    Case("accounts:user_reactivate", allowed=ADMIN, kwargs=_user, method="post", ok=REDIRECT),
    Case(
        "accounts:user_send_password_link", allowed=ADMIN, kwargs=_user, method="post", ok=REDIRECT
    ),
    Case("accounts:role_assign", allowed=ADMIN, kwargs=_user),
    Case(
        "accounts:role_assign",
        allowed=ADMIN,
        kwargs=_user,
        method="post",
        data=lambda w: {"role": "auditor"},
        ok=REDIRECT,
        note="302 to re-authentication",
    ),
    Case("accounts:role_remove", allowed=ADMIN, kwargs=_role),
    Case("accounts:role_remove", allowed=ADMIN, kwargs=_role, method="post", ok=REDIRECT),
    # Personal API tokens: anyone with a role; a token is visible to its owner only.
    Case("accounts:token_list", allowed=EVERY_ROLE),
    Case("accounts:token_create", allowed=EVERY_ROLE),
    Case(
        "accounts:token_create",
        allowed=EVERY_ROLE,
        method="post",
        data=lambda w: {"name": "Script", "days": "30"},
        ok=REDIRECT,
        note="302 to re-authentication",
    ),
    Case("accounts:token_revoke", allowed=ADMIN, kwargs=_token),
    Case("accounts:token_revoke", allowed=ADMIN, kwargs=_token, method="post", ok=REDIRECT),
    # allauth: public pages.
    Case(
        "account_login",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        ok=(200, 302),
        note="signed-in people are sent home",
    ),
    Case(
        "account_logout",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        ok=(200, 302),
        note="anonymous visitors are sent home",
    ),
    Case("account_inactive", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "account_signup",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        ok=(200, 302),
        note="sign-up is closed: the closed page for visitors, home for the signed in",
    ),
    Case("account_email_verification_sent", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("account_reset_password", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("account_reset_password_done", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("account_reset_password_from_key_done", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "account_reset_password_from_key",
        kwargs=lambda w: {"uidb36": "zz", "key": "not-a-real-key"},
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        note="an invalid key shows 'this link is not valid'",
    ),
    Case(
        "account_confirm_email",
        kwargs=lambda w: {"key": "not-a-real-key"},
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    # allauth: pages for signed-in people.
    Case("account_reauthenticate", allowed=EVERYONE_SIGNED_IN),
    Case("account_email", allowed=EVERYONE_SIGNED_IN),
    Case("account_change_password", allowed=EVERYONE_SIGNED_IN),
    Case(
        "account_set_password",
        allowed=EVERYONE_SIGNED_IN,
        ok=REDIRECT,
        note="people with a password are sent to change it",
    ),
    Case(
        "account_confirm_login_code",
        allowed=EVERYONE_SIGNED_IN,
        ok=REDIRECT,
        browse=False,
        note="login by code is off: no pending code, so everyone is sent on",
    ),
    Case("mfa_index", allowed=EVERYONE_SIGNED_IN),
    Case(
        "mfa_authenticate",
        allowed=EVERYONE_SIGNED_IN,
        ok=REDIRECT,
        browse=False,
        note="only reachable in the middle of signing in",
    ),
    Case(
        "mfa_reauthenticate",
        allowed=WITH_TOTP,
        denied=REDIRECT,
        note="people without an authenticator are sent to the password prompt",
    ),
    Case(
        "mfa_activate_totp",
        allowed=EVERYONE_SIGNED_IN,
        ok=REDIRECT,
        browse=False,
        note="with TOTP: to deactivate; without: to re-authentication (no sign-in record)",
    ),
    Case("mfa_deactivate_totp", allowed=WITH_TOTP, ok=REDIRECT, browse=False),
    Case(
        "mfa_generate_recovery_codes",
        allowed=EVERYONE_SIGNED_IN,
        ok=REDIRECT,
        browse=False,
        note="302 to re-authentication",
    ),
    Case("mfa_view_recovery_codes", note="nobody in the matrix has recovery codes: 404 for all"),
    Case(
        "mfa_download_recovery_codes", note="nobody in the matrix has recovery codes: 404 for all"
    ),
]
# The auditor's view of the trail (audit_viewer/).
CASES += matrix_audit.CASES
