"""Demo logins: one per role."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP

from preventhub.core.seeding import DEMO_PASSWORD, DEMO_TOTP_SECRET, Demo

from .models import RoleAssignment, User
from .roles import MFA_REQUIRED_ROLES, Role

# (role, e-mail, full name, organisation for a scoped role, directory person)
LOGINS = [
    (Role.ADMINISTRATOR, "admin@northbridge.example", "Alex Morgan", None, None),
    (Role.PREVENT_LEAD, "prevent.lead@northbridge.example", "Priya Shah", None, "Priya Shah"),
    (
        Role.CHANNEL_COORDINATOR,
        "channel@northbridge.example",
        "Daniel Okafor",
        None,
        "Daniel Okafor",
    ),
    (
        Role.CHANNEL_PANEL_MEMBER,
        "panel.member@northbridge.example",
        "DS Karen Lowe",
        None,
        "DS Karen Lowe",
    ),
    (
        Role.PARTNER_LEAD,
        "partner.lead@northbridge.example",
        "Mark Bennett",
        "Northbridge Academy",
        "Mark Bennett",
    ),
    (
        Role.DEMOCRATIC_SERVICES,
        "democratic.services@northbridge.example",
        "Grace Whitfield",
        None,
        "Grace Whitfield",
    ),
    (Role.COUNCILLOR, "councillor@northbridge.example", "Cllr Jane Holloway", None, None),
    (Role.AUDITOR, "auditor@northbridge.example", "Sofia Rossi", None, "Sofia Rossi"),
]


def seed(demo: Demo) -> None:
    for role, email, name, org_name, person_name in LOGINS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
        user.person = demo.objects.get(f"person:{person_name}") if person_name else None
        user.full_name = name
        user.save(update_fields=["person", "full_name"])
        organisation = demo[f"org:{org_name}"] if org_name else None
        RoleAssignment.objects.get_or_create(user=user, role=role, organisation=organisation)
        needs_mfa = role in MFA_REQUIRED_ROLES
        if (
            needs_mfa
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
            RecoveryCodes.activate(user)
        demo[f"user:{role}"] = user
        demo.logins.append((Role(role).label, email, needs_mfa))
