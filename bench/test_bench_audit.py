"""How long the whole audit chain takes to verify at each size (the trail's length is set by
preventhub/audit/scale.py). The auditor's pages are measured with every other page in
test_bench_pages.py."""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from preventhub.audit.services import verify_chain

from .conftest import SIZES
from .scale_db import ScaleDatabases


@pytest.mark.parametrize("size", SIZES)
def test_bench_verify_audit_chain(
    size: str, benchmark: BenchmarkFixture, scale_databases: ScaleDatabases
) -> None:
    scale_databases.open(size)
    benchmark.group = "verify the audit chain"
    problem = benchmark.pedantic(verify_chain, rounds=1, iterations=1)
    assert problem is None
