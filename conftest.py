"""Named personas shared by every test module."""

from __future__ import annotations

import pytest

from preventhub.core.testing.factories import OrganisationFactory, build_personas


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Northbridge Academy")


@pytest.fixture
def college(db):
    return OrganisationFactory(name="Northbridge College")


@pytest.fixture
def personas(db, school, college):
    """One user per role, plus a partner lead for another organisation and an outsider."""
    return build_personas(school, college)


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
