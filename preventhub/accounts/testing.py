"""Test support for accounts and every layer above: users (``make_user`` gives a role and enrols
TOTP when the role needs MFA), the named personas of the permission matrix, and a personal access
token for API tests."""

from __future__ import annotations

from typing import Any

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password

from .models import RoleAssignment, User
from .roles import MFA_REQUIRED_ROLES, Role
from .services import create_api_token

PASSWORD = "correct horse battery staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


def make_user(
    role: str | None = None,
    organisation: Any = None,
    mfa: bool | None = None,
    **kwargs: Any,
) -> User:
    """A user holding ``role`` (partnership-wide unless ``organisation``), with TOTP enrolled when
    the role requires MFA (so tests reach the page, not the MFA set-up redirect)."""
    user: User = UserFactory.create(**kwargs)
    if role:
        RoleAssignment.objects.create(user=user, role=role, organisation=organisation)
    if mfa or (mfa is None and role in MFA_REQUIRED_ROLES):
        TOTP.activate(user, TOTP_SECRET)
    return user


def build_personas(school: Any, college: Any) -> dict[str, User]:
    """One user per role, plus a partner lead for another organisation and an outsider (the names
    in ``preventhub.core.testing.matrix.PERSONAS``). ``school`` and ``college`` are directory
    organisations (``preventhub.directory.testing.OrganisationFactory``)."""
    return {
        "administrator": make_user(Role.ADMINISTRATOR, full_name="Ada Admin"),
        "prevent_lead": make_user(Role.PREVENT_LEAD, full_name="Priya Prevent"),
        "channel_coordinator": make_user(Role.CHANNEL_COORDINATOR, full_name="Chen Coordinator"),
        "channel_panel_member": make_user(Role.CHANNEL_PANEL_MEMBER, full_name="Pat Panel"),
        "partner_lead": make_user(Role.PARTNER_LEAD, organisation=school, full_name="Sam School"),
        "other_partner_lead": make_user(
            Role.PARTNER_LEAD, organisation=college, full_name="Cal College"
        ),
        "democratic_services": make_user(Role.DEMOCRATIC_SERVICES, full_name="Dee Democratic"),
        "councillor": make_user(Role.COUNCILLOR, full_name="Cllr Carys"),
        "auditor": make_user(Role.AUDITOR, full_name="Aud Auditor"),
        "outsider": make_user(None, full_name="Olly Outsider"),
    }


def token_for(user: User, days: int = 30) -> str:
    """A fresh personal access token of ``user``, as the secret a script sends."""
    _token, shown = create_api_token(actor=user, name="Test script", days=days)
    return shown
