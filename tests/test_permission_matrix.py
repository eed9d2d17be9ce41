"""Every URL pattern in the project, requested by an anonymous visitor, every role and an
out-of-scope partner lead, against the expected answer (see preventhub/core/testing/matrix.py).

The world the cases read is built once per module (once per pytest-xdist worker) and every case
runs in a savepoint that is rolled back, so a POST in one case is never seen by the next."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from preventhub.core.testing.matrix import PERSONAS, Case, collect_cases
from preventhub.core.testing.shared import rows_shared_by_tests
from preventhub.directory.testing import build_matrix_world

CASES: list[Case] = collect_cases()


def _url_names(resolver: URLResolver, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names |= _url_names(pattern, namespace)
        elif isinstance(pattern, URLPattern):
            names.add(f"{prefix}{pattern.name}" if pattern.name else f"<unnamed {pattern.pattern}>")
    return names


def test_every_url_pattern_is_in_the_matrix():
    covered = {case.url_name for case in CASES}
    missing = sorted(_url_names(get_resolver()) - covered)
    assert not missing, f"URL patterns with no permission-matrix case: {missing}"


def test_matrix_names_only_real_url_patterns():
    stale = sorted({case.url_name for case in CASES} - _url_names(get_resolver()))
    assert not stale, f"Matrix cases for URL patterns that do not exist: {stale}"


@pytest.fixture(scope="module")
def shared_world(django_db_setup: None, django_db_blocker: Any) -> Iterator[Any]:
    yield from rows_shared_by_tests(django_db_blocker, build_matrix_world)


@pytest.fixture
def world(shared_world: Any, db: None) -> Any:
    return shared_world


def _request(client: Any, case: Case, world: Any) -> Any:
    url = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
    if case.query:
        url = f"{url}?{case.query}"
    data = case.data(world) if case.data else {}
    if case.json:
        return client.generic(
            case.method.upper(), url, json.dumps(data), content_type="application/json"
        )
    if case.method == "get":
        return client.get(url, data or None)
    return client.post(url, data)


def _check(client: Any, case: Case, world: Any, persona: str | None) -> str | None:
    """Request the case as one persona inside a savepoint that is rolled back, and describe any
    mismatch with the expected answer."""
    client.logout()
    if persona is not None:
        client.force_login(getattr(world, persona))
    with transaction.atomic():
        response = _request(client, case, world)
        transaction.set_rollback(True)
    status = response.status_code
    if persona is None:
        expected = {
            "login": (302,),
            "public": case.ok,
            "401": (401,),
            "404": (404,),
        }[case.anonymous]
        if status not in expected:
            return f"anonymous got {status}, expected {expected}"
        if case.anonymous == "login" and "/accounts/login/" not in response.get("Location", ""):
            return f"anonymous was redirected to {response.get('Location')}, not the sign-in page"
        return None
    expected = case.ok if persona in case.allowed else case.denied
    if status not in expected:
        return f"{persona} got {status}, expected {expected}"
    return None


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.url_name}{'?' + c.query if c.query else ''}:{c.method}" for c in CASES]
)
def test_permission_matrix(case: Case, world, client):
    problems = [p for persona in (None, *PERSONAS) if (p := _check(client, case, world, persona))]
    assert not problems, "\n".join(problems)
