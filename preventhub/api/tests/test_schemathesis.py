"""schemathesis against every directory operation, as a Prevent lead (who may do everything the
directory API does) with a real token: generated requests, valid and invalid, and every answer
checked against the OpenAPI schema: no 5xx, only documented status codes, content types and
response shapes (errors included), valid input never refused as malformed and invalid input
refused with a 4xx. See ``conformance`` for the checks, the bounds and why it runs in process.
The governance operations have their own test (preventhub/governance/tests/
test_api_schemathesis.py).
"""

from __future__ import annotations

import pytest

from preventhub.accounts.roles import Role
from preventhub.accounts.testing import make_user, token_for
from preventhub.core.testing.conformance import exercise, load_schema, operations, report
from preventhub.directory.testing import (
    MunicipalYearFactory,
    OrganisationFactory,
    PersonFactory,
    WardFactory,
)


@pytest.fixture
def known(db) -> dict[str, object]:
    school = OrganisationFactory.create(name="Northbridge Academy")
    return {
        "organisations": school.public_id,
        "people": PersonFactory.create(organisation=school).public_id,
        "wards": WardFactory.create().public_id,
        "municipal-years": MunicipalYearFactory.create().public_id,
    }


def test_every_directory_operation_answers_as_its_schema_says(known):
    headers = {"Authorization": f"Bearer {token_for(make_user(Role.PREVENT_LEAD))}"}
    directory = operations(load_schema(), "/directory/")
    assert len(directory) == 17  # every directory operation is in the schema and exercised

    answered: dict[str, set[int]] = {}
    failures: dict[str, dict[str, set[str]]] = {}
    for operation in directory:
        answered[operation.label], failed = exercise(operation, headers, known)
        if failed:
            failures[operation.label] = failed

    assert not failures, report(failures)
    # The requests reached the real operations, authenticated: every list and every read of a real
    # record answered 200, every create made something, and invalid input was refused.
    for label, codes in answered.items():
        method = label.split()[0]
        assert method != "GET" or 200 in codes, (label, codes)
        assert any(400 <= code < 500 for code in codes), (label, codes)
    # (A municipal year needs a label and dates that agree, which random data rarely manages.)
    creates = [label for label in answered if label.startswith("POST") and "municipal" not in label]
    assert all(201 in answered[label] for label in creates), answered
