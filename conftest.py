"""Named personas shared by every test module."""

from __future__ import annotations

import pytest

from preventhub.accounts.testing import build_personas
from preventhub.directory.testing import OrganisationFactory, PersonFactory


@pytest.fixture
def school(db):
    return OrganisationFactory(name="Northbridge Academy")


@pytest.fixture
def college(db):
    return OrganisationFactory(name="Northbridge College")


@pytest.fixture
def make_person(db):
    """``make_person(name="Nina New")``: a directory person. Tests of the layers below the directory
    (accounts, core) get directory records through fixtures like this and ``school``, never by
    importing the directory (see docs/architecture.md, "Layers")."""
    return PersonFactory.create


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
