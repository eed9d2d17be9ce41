"""Fixtures for the browser suite: Debian's Chromium through Playwright, against pytest-django's
live server, with the same personas as the rest of the tests.

The live server answers from another thread, so every test here uses a transactional database
(``transactional_db``): rows are committed where the server can see them and flushed afterwards.
Because of that the personas, the partner organisations and the matrix world are rebuilt per test
here, on ``transactional_db``, instead of the root conftest's ``db`` versions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from preventhub.accounts.testing import build_personas
from preventhub.core.testing.matrix import build_world
from preventhub.directory.testing import OrganisationFactory

from .helpers import Visitor, open_visitor

# Playwright's sync API keeps an event loop on this thread; the ORM calls that fixtures and the
# live server's shared in-memory SQLite connection make are ordinary synchronous code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    # Debian's Chromium, never a browser downloaded by `playwright install`.
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args() -> dict[str, Any]:
    # A desktop viewport in British English; each test passes the live server's address itself.
    return {"viewport": {"width": 1280, "height": 800}, "locale": "en-GB"}


@pytest.fixture
def school(transactional_db):
    return OrganisationFactory.create(name="Northbridge Academy")


@pytest.fixture
def college(transactional_db):
    return OrganisationFactory.create(name="Northbridge College")


@pytest.fixture
def personas(transactional_db, school, college):
    return build_personas(school, college)


@pytest.fixture
def world(personas, school, college):
    return build_world(personas, school, college)


@pytest.fixture
def visitor(new_context, live_server) -> Iterator[Callable[..., Visitor]]:
    """Open a browser as a persona: ``visitor("councillor", user)`` signs in through the real form
    (with a TOTP code when asked); ``visitor("anonymous")`` stays signed out."""

    def open_(persona: str, user: Any = None, **context_args: Any) -> Visitor:
        return open_visitor(new_context, live_server.url, persona, user, **context_args)

    yield open_


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how much the walk covered (read from the reports, so it also works under xdist)."""
    walks = [
        value
        for report in terminalreporter.stats.get("passed", [])
        for key, value in getattr(report, "user_properties", [])
        if key == "pages_walked"
    ]
    if walks:
        terminalreporter.write_line(
            f"browser walk: {sum(walks)} page visits passed for {len(walks)} personas "
            "(CSP on, no console errors, axe-core WCAG 2.2 AA, screenshots in "
            "test-results/screenshots/)"
        )
