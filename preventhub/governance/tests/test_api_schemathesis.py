"""schemathesis against every governance operation, from a live server, as democratic services
(who may change everything the governance API changes) with a real token: valid and invalid
generated requests, none answered with a 5xx.

Bounded and deterministic like the directory's test (preventhub/api/tests/
test_schemathesis.py), with Hypothesis's ``derandomize``, but 12 examples per operation and mode:
there are three times as many operations, and 20 took over five minutes on a shared machine.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from preventhub.accounts.roles import Role
from preventhub.core.testing.factories import make_user
from preventhub.governance.tests.factories import GroupMembershipFactory, MembershipFactory

from .api_fixtures import papers, token_for

EXAMPLES = settings(
    max_examples=12,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def token(transactional_db) -> str:
    # Something to find in every list: generated ids are random, so lookups by id mostly answer
    # 404, but the lists and the filters see real rows.
    world = papers()
    MembershipFactory(body=world.body)
    GroupMembershipFactory(councillor=world.nomination.nominee)
    return token_for(make_user(Role.DEMOCRATIC_SERVICES, full_name="Dee Democratic"))


@pytest.fixture
def api_schema(live_server, token):
    return schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")


def _exercise(operation, mode: GenerationMode, headers: dict[str, str]) -> set[int]:
    statuses: set[int] = set()

    @given(case=operation.as_strategy(generation_mode=mode))
    @EXAMPLES
    def run(case):
        response = case.call_and_validate(headers=headers, checks=[not_a_server_error])
        statuses.add(response.status_code)

    run()
    return statuses


def test_no_governance_operation_answers_with_a_server_error(api_schema, token):
    headers = {"Authorization": f"Bearer {token}"}
    everything = [result.ok() for result in api_schema.get_all_operations()]
    operations = [op for op in everything if "/governance/" in op.path]
    assert len(operations) == 95  # every governance operation is in the schema and exercised

    answered: dict[str, set[int]] = {}
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            answered.setdefault(operation.label, set()).update(_exercise(operation, mode, headers))

    # The requests reached the real operations, authenticated: every top-level list answered 200
    # and invalid input was refused with a 4xx everywhere.
    lists = {
        label: codes
        for label, codes in answered.items()
        if label.startswith("GET") and "{" not in label
    }
    assert len(lists) == 15
    assert all(200 in codes for codes in lists.values()), answered
    assert all(any(400 <= c < 500 for c in codes) for codes in answered.values()), answered
    # Random but valid payloads add political groups (a name is all a group needs).
    assert 201 in answered["POST /api/v1/governance/political-groups"], answered
