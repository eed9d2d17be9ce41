"""Run schemathesis's conformance checks against API operations, in process.

The schema is loaded through Django's WSGI application (no live server, no thread), so the
generated requests see the rows the test made inside its own transaction. Each operation gets
``EXAMPLES`` positive and ``EXAMPLES`` negative cases, derandomized so every run sends the same
requests. Generated ids match no record, so an operation addressed by an id would only ever
answer 404: every other positive case is sent to a real record instead (``known``: the record for
each collection, e.g. ``{"bodies": <public id>}``), so success and conflict answers are checked
too. A failing check is recorded, not raised, so one run lists every operation that does not
answer as its schema says (and Hypothesis spends no time shrinking).

The checks:

- ``not_a_server_error``: no 5xx;
- ``status_code_conformance``: every status is documented for the operation;
- ``content_type_conformance`` and ``response_schema_conformance``: every answer is JSON of the
  documented shape, errors included;
- ``response_headers_conformance``: documented headers are sent;
- ``positive_data_acceptance``: a request valid by the schema is not refused as malformed. It
  may still answer 400 (the rules the schema cannot state: an id in the body that is unknown or
  that the caller may not use, dates out of order), 404 (a generated id matches no record) or 409
  (a stale version, a state that does not allow the action), all documented with their shapes,
  but never 422, which means "does not match the schema";
- ``negative_data_rejection``: a request that breaks the schema is refused with a 4xx.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = 20

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    positive_data_acceptance,
    negative_data_rejection,
]

CONFIG = {
    "checks": {
        # 422 is left out on purpose: valid input must never be refused as not matching the schema.
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "400", "401", "403", "404", "409"]
        },
    }
}


def load_schema() -> Any:
    with connection_kept_open():
        return schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json",
            get_wsgi_application(),
            config=SchemathesisConfig.from_dict(CONFIG),
        )


def operations(schema: Any, path_part: str) -> list[Any]:
    return [result.ok() for result in schema.get_all_operations() if path_part in result.ok().path]


def known_id(operation: Any, known: dict[str, Any]) -> str | None:
    """The real record for an operation at ``/api/v1/<app>/<collection>/{public_id}...``."""
    parts = operation.path.split("/")
    if len(parts) > 5 and parts[5] == "{public_id}" and parts[4] in known:
        return str(known[parts[4]])
    return None


def exercise(
    operation: Any, headers: dict[str, str], known: dict[str, Any], examples: int = EXAMPLES
) -> tuple[set[int], dict[str, set[str]]]:
    """Send the operation's generated cases, both modes. Return the statuses it answered with and
    the checks that failed (check title -> what was sent and answered)."""
    statuses: set[int] = set()
    failures: dict[str, set[str]] = defaultdict(set)
    real = known_id(operation, known)
    with connection_kept_open():
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _send(operation, mode, headers, examples, statuses, failures, real)
    return statuses, dict(failures)


@contextmanager
def connection_kept_open() -> Iterator[None]:
    """Keep the test's database connection through in-process WSGI calls.

    A real request starts and ends by closing connections that are not in autocommit mode; inside
    a test's transaction that closes the connection the test is using (on PostgreSQL; SQLite's
    in-memory database ignores the close). Django's test client unhooks the same handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _send(
    operation: Any,
    mode: GenerationMode,
    headers: dict[str, str],
    examples: int,
    statuses: set[int],
    failures: dict[str, set[str]],
    real: str | None,
) -> None:
    sent = [0]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        sent[0] += 1
        if real and mode is GenerationMode.POSITIVE and sent[0] % 2:
            case.path_parameters = {**case.path_parameters, "public_id": real}
        if case.query:
            case.query = {name: _as_http_sends(value) for name, value in case.query.items()}
        response = case.call(headers=headers)
        statuses.add(response.status_code)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Failure, FailureGroup) as exc:
            for failure in exc.exceptions if isinstance(exc, FailureGroup) else [exc]:
                message = " | ".join(str(failure.message).splitlines()[:4])
                failures[failure.title].add(
                    f"{mode.value} {response.status_code}: {message} << "
                    f"{case.path_parameters} {case.query} {str(case.body)[:200]} >> "
                    f"{response.text[:300]}"
                )

    run()


def _as_http_sends(value: Any) -> Any:
    """An object generated for a query parameter, as an HTTP client sends it: its keys, repeated
    (the in-process transport would send the object's Python repr, a valid string)."""
    if isinstance(value, dict) and value:
        return [str(key) for key in value]
    return value


def report(failures: dict[str, dict[str, set[str]]]) -> str:
    """The failures, one operation and check a paragraph, a few examples each."""
    lines = []
    for label, checks in failures.items():
        for title, examples in checks.items():
            lines.append(f"{label}: {title}")
            lines.extend(f"    {example}" for example in sorted(examples)[:3])
    return "\n".join(lines)
