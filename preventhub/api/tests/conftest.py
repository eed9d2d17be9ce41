"""An API client that authenticates the way scripts do: with a real personal access token, created
by the accounts service and sent as ``Authorization: Bearer ph_...``."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from preventhub.accounts.services import create_api_token


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"api:{name}", kwargs=kwargs or None)


class ApiClient:
    """Django's test client with a bearer token on every request and JSON bodies."""

    def __init__(self, token: str | None) -> None:
        self.client = Client()
        self.token = token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data: Any) -> Any:
        return self._send("POST", path, data)

    def patch(self, path: str, data: Any) -> Any:
        return self._send("PATCH", path, data)

    def delete(self, path: str) -> Any:
        return self.client.delete(path, headers=self.headers)

    def send_raw(
        self, method: str, path: str, body: bytes | str, content_type: str = "application/json"
    ) -> Any:
        return self.client.generic(
            method, path, body, content_type=content_type, headers=self.headers
        )

    def _send(self, method: str, path: str, data: Any) -> Any:
        return self.client.generic(
            method, path, json.dumps(data), content_type="application/json", headers=self.headers
        )


def token_for(user: Any, days: int = 30) -> str:
    _token, shown = create_api_token(actor=user, name="Test script", days=days)
    return shown


@pytest.fixture
def api_as(personas) -> Callable[[str], ApiClient]:
    """``api_as("prevent_lead")``: a client holding a fresh token of that persona."""

    def make(persona: str) -> ApiClient:
        return ApiClient(token_for(personas[persona]))

    return make


@pytest.fixture
def anonymous_api() -> ApiClient:
    return ApiClient(None)
