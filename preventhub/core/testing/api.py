"""An API client that authenticates the way scripts do: a bearer token on every request (a real
personal access token, from ``preventhub.accounts.testing.token_for``) and JSON bodies; ``url``
names an operation of the project's API (``url("directory_organisation_list")``)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client
from django.urls import reverse


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
