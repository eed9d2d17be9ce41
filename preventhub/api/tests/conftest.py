"""The API tests' clients: ``api_as("prevent_lead")`` holds a fresh personal access token of that
persona (created by the accounts service, sent as ``Authorization: Bearer ph_...``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from preventhub.accounts.testing import token_for
from preventhub.core.testing.api import ApiClient, url

__all__ = ["ApiClient", "api_as", "anonymous_api", "token_for", "url"]


@pytest.fixture
def api_as(personas) -> Callable[[str], ApiClient]:
    """``api_as("prevent_lead")``: a client holding a fresh token of that persona."""

    def make(persona: str) -> ApiClient:
        return ApiClient(token_for(personas[persona]))

    return make


@pytest.fixture
def anonymous_api() -> ApiClient:
    return ApiClient(None)
