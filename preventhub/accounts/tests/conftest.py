"""Fixtures for the accounts tests: a trail of any length for the audit viewer's pages."""

from __future__ import annotations

import pytest

from preventhub.audit.testing import BuildTrail, append_events


@pytest.fixture
def trail(db) -> BuildTrail:
    return append_events
