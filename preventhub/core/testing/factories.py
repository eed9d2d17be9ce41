"""factory-boy factories shared by every app's tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password

from preventhub.accounts.models import RoleAssignment, User
from preventhub.accounts.roles import MFA_REQUIRED_ROLES, Role
from preventhub.directory.models import MunicipalYear, Organisation, Person, Sector, Ward

PASSWORD = "correct horse battery staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    sector = Sector.SCHOOL
    is_specified_authority = True


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Safeguarding lead"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class WardFactory(factory.django.DjangoModelFactory[Ward]):
    class Meta:
        model = Ward

    name = factory.Sequence(lambda n: f"Ward {n}")
    code = factory.Sequence(lambda n: f"E05{n:06d}")


class MunicipalYearFactory(factory.django.DjangoModelFactory[MunicipalYear]):
    class Meta:
        model = MunicipalYear

    # Years 1800-1999, so factory years never collide with the real-looking ones (2016/17…)
    # that tests and the demo create by hand. The sequence counts across the whole test run (the
    # permission matrix alone makes hundreds), so it wraps rather than growing into 2016.
    label = factory.Sequence(lambda n: f"{1800 + n % 200}/{(1801 + n % 200) % 100:02d}")
    starts_on = factory.Sequence(lambda n: dt.date(1800 + n % 200, 5, 20))
    ends_on = factory.Sequence(lambda n: dt.date(1801 + n % 200, 5, 19))


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


def make_user(
    role: str | None = None,
    organisation: Organisation | None = None,
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


def build_personas(school: Organisation, college: Organisation) -> dict[str, User]:
    """One user per role, plus a partner lead for another organisation and an outsider (the names
    in ``preventhub.core.testing.matrix.PERSONAS``)."""
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
