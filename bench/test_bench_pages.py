"""Every list, detail and form page (the permission matrix's HTML pages), at each size, as a persona
allowed to see it: the time of a request and the number of queries it makes.

One test per page measures it at every size in turn, round by round (district, national, district,
national...), so the load the other work on the machine puts on it falls on both sizes alike; the
table compares the fastest round at each size. pytest-benchmark's own table shows the time of one
round of all sizes together.
"""

from __future__ import annotations

import os
import re
import statistics
import time
from collections.abc import Callable

import pytest
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_benchmark.fixture import BenchmarkFixture

from preventhub.core.testing.matrix import page_path

from .conftest import RESULTS, SIZES
from .pages import Measure, Page, pages
from .scale_db import ScaleDatabases

# BENCH_PAGES, a regular expression, measures only the pages whose name it matches (re-running the
# flagged pages, say).
PAGES = [page for page in pages() if re.search(os.environ.get("BENCH_PAGES", ""), page.name)]
# Timed rounds fill about this many seconds per page (at least 5, at most 20 rounds).
BUDGET = float(os.environ.get("BENCH_BUDGET", "1.0"))


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_page(
    page: Page,
    benchmark: BenchmarkFixture,
    scale_databases: ScaleDatabases,
    signed_in: Callable[[str, str], Client],
) -> None:
    url: dict[str, str] = {}
    client: dict[str, Client] = {}
    persona: dict[str, str] = {}
    options: dict[str, int] = {}
    queries: dict[str, int] = {}
    seconds: dict[str, list[float]] = {size: [] for size in SIZES}

    def request(size: str) -> float:
        """One timed request at ``size`` (the switch of database file is not timed)."""
        scale_databases.open(size)
        started = time.perf_counter()
        client[size].get(url[size])
        return time.perf_counter() - started

    for size in SIZES:
        url[size] = page_path(page.case, scale_databases.open(size))
        for who in (page.persona, *page.fallback):
            client[size], persona[size] = signed_in(size, who), who
            warm = client[size].get(url[size])  # fills the template and connection caches
            if warm.status_code == 200:
                break
        assert warm.status_code == 200, (
            f"{page.name} at {size} answered {warm.status_code}: {url[size]}"
        )
        options[size] = warm.content.count(b"<option")
        with CaptureQueriesContext(connections["default"]) as captured:
            client[size].get(url[size])
        # Counted now: the capture reads the connection's query log when asked, and every later
        # request empties that log (Django's reset_queries on request_started), so counting after
        # the timed rounds always gave 0.
        queries[size] = len(captured)

    once = sum(request(size) for size in SIZES)
    rounds = max(5, min(20, int(BUDGET / max(once, 1e-6))))

    def one_round() -> None:
        for size in SIZES:
            seconds[size].append(request(size))

    benchmark.group = "pages: one request at each size"
    benchmark.extra_info.update(queries=queries, persona=persona, url=url)
    benchmark.pedantic(one_round, rounds=rounds, iterations=1)
    for size in SIZES:
        RESULTS.add(
            page,
            size,
            Measure(
                seconds=min(seconds[size]),
                median=statistics.median(seconds[size]),
                queries=queries[size],
                rounds=rounds,
                status=200,
                options=options[size],
            ),
            persona[size],
        )
