"""schemathesis reads /api/v1/openapi.json from a live server and sends generated requests, valid
(positive) and invalid (negative), to every operation as a Prevent lead with a real token: none may
answer with a 5xx (schemathesis's ``not_a_server_error`` check).

Bounded (20 examples per operation and mode) and deterministic (``derandomize``), so it runs in
well under two minutes. schemathesis's own pytest plugin (``schemathesis.pytest.from_fixture``)
does not work with pytest 9, so the operations are driven through its Python API: each operation's
Hypothesis strategy, run with ``@given``.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from preventhub.accounts.roles import Role
from preventhub.core.testing.factories import (
    MunicipalYearFactory,
    OrganisationFactory,
    PersonFactory,
    WardFactory,
    make_user,
)

from .conftest import token_for

EXAMPLES = settings(
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def prevent_lead_token(transactional_db) -> str:
    # Something to find: ids schemathesis generates are random, so most lookups are 404s, but the
    # lists and the writes see real rows.
    school = OrganisationFactory(name="Northbridge Academy")
    PersonFactory(organisation=school)
    WardFactory()
    MunicipalYearFactory()
    return token_for(make_user(Role.PREVENT_LEAD, full_name="Priya Prevent"))


@pytest.fixture
def api_schema(live_server, prevent_lead_token):
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


def _exercise(operation, mode: GenerationMode, headers: dict[str, str]) -> set[int]:
    """Run the operation's generated cases; return the status codes the server answered with."""
    statuses: set[int] = set()

    @given(case=operation.as_strategy(generation_mode=mode))
    @EXAMPLES
    def run(case):
        response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
        statuses.add(response.status_code)

    run()
    return statuses


def test_no_operation_answers_with_a_server_error(api_schema, prevent_lead_token):
    headers = {"Authorization": f"Bearer {prevent_lead_token}"}
    # Other apps' operations are exercised by their own schemathesis tests, with their own data
    # (preventhub/governance/tests/test_api_schemathesis.py).
    everything = [result.ok() for result in api_schema.get_all_operations()]
    operations = [op for op in everything if "/directory/" in op.path]
    assert len(operations) == 17  # every directory operation is in the schema and exercised

    answered: dict[str, set[int]] = {}
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            answered.setdefault(operation.label, set()).update(_exercise(operation, mode, headers))

    # The requests reached the real operations, authenticated: every list answered 200, every
    # create made something, and invalid input was refused with a 4xx. (Generated ids are random,
    # so lookups by id answer 404 or 422.)
    lists = {
        label: codes
        for label, codes in answered.items()
        if label.startswith("GET") and "{" not in label
    }
    creates = {label: codes for label, codes in answered.items() if label.startswith("POST")}
    assert len(lists) == len(creates) == 4
    assert all(200 in codes for codes in lists.values()), answered
    # (A municipal year needs a label and dates that agree, which random data rarely manages.)
    assert all(201 in codes for label, codes in creates.items() if "municipal" not in label), (
        answered
    )
    assert all(any(400 <= c < 500 for c in codes) for codes in answered.values()), answered
