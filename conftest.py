"""Named personas shared by every test module."""

from __future__ import annotations

import pytest

from preventhub.accounts.roles import Role
from preventhub.core.testing.factories import OrganisationFactory, make_user


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Northbridge Academy")


@pytest.fixture
def college(db):
    return OrganisationFactory(name="Northbridge College")


@pytest.fixture
def personas(db, school, college):
    """One user per role, plus a partner lead for another organisation and an outsider."""
    return {
        "administrator": make_user(Role.ADMINISTRATOR, full_name="Ada Admin"),
        "prevent_lead": make_user(Role.PREVENT_LEAD, full_name="Priya Prevent"),
        "channel_coordinator": make_user(Role.CHANNEL_COORDINATOR, full_name="Chen Coordinator"),
        "channel_panel_member": make_user(Role.CHANNEL_PANEL_MEMBER, full_name="Pat Panel"),
        "partner_lead": make_user(Role.PARTNER_LEAD, organisation=school, full_name="Sam School"),
        "other_partner_lead": make_user(Role.PARTNER_LEAD, organisation=college, full_name="Cal College"),
        "democratic_services": make_user(Role.DEMOCRATIC_SERVICES, full_name="Dee Democratic"),
        "councillor": make_user(Role.COUNCILLOR, full_name="Cllr Carys"),
        "auditor": make_user(Role.AUDITOR, full_name="Aud Auditor"),
        "outsider": make_user(None, full_name="Olly Outsider"),
    }


@pytest.fixture
def prevent_lead(personas):
    return personas["prevent_lead"]


@pytest.fixture
def partner_lead(personas):
    return personas["partner_lead"]


@pytest.fixture
def auditor(personas):
    return personas["auditor"]


@pytest.fixture
def administrator(personas):
    return personas["administrator"]


@pytest.fixture
def councillor(personas):
    return personas["councillor"]


@pytest.fixture
def outsider(personas):
    return personas["outsider"]
