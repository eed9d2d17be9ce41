"""Fixtures for the directory's tests: signed-in clients for the personas and people to work on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from preventhub.directory.testing import PersonFactory


@pytest.fixture
def login(client, personas) -> Callable[[str], Any]:
    """``login("partner_lead")`` signs the client in as that persona and returns the client."""

    def sign_in(persona: str) -> Any:
        client.force_login(personas[persona])
        return client

    return sign_in


@pytest.fixture
def school_person(school):
    return PersonFactory.create(
        name="Mark Bennett", job_title="Designated Safeguarding Lead", organisation=school
    )


@pytest.fixture
def college_person(college):
    return PersonFactory.create(
        name="Aisha Karim", job_title="Safeguarding Manager", organisation=college
    )
