"""How long the audit chain takes to verify, and the auditor's list page, at scale."""

from __future__ import annotations

from preventhub.audit.services import verify_chain


def test_bench_verify_audit_chain(benchmark, db):
    problem = benchmark.pedantic(verify_chain, rounds=3, iterations=1)
    assert problem is None


def test_bench_audit_list_first_page(benchmark, signed_in):
    client = signed_in("auditor@northbridge.example")
    response = benchmark(client.get, "/audit/")
    assert response.status_code == 200
