"""Every list, detail and form page (the permission matrix's HTML pages), at each size, as a persona
allowed to see it: the time of a request and the number of queries it makes."""

from __future__ import annotations

import os
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

PAGES = pages()
# Timed rounds fill about this many seconds per page and size (at least 3, at most 15 rounds).
BUDGET = float(os.environ.get("BENCH_BUDGET", "0.5"))


@pytest.mark.parametrize(
    ("page", "size"),
    [(page, size) for page in PAGES for size in SIZES],  # sizes side by side: fairer under load
    ids=[f"{page.name}@{size}" for page in PAGES for size in SIZES],
)
def test_page(
    page: Page,
    size: str,
    benchmark: BenchmarkFixture,
    scale_databases: ScaleDatabases,
    signed_in: Callable[[str, str], Client],
) -> None:
    client = signed_in(size, page.persona)
    url = page_path(page.case, scale_databases.open(size))
    warm = client.get(url)  # fills the template and connection caches
    assert warm.status_code == 200, f"{page.name} at {size} answered {warm.status_code}: {url}"
    with CaptureQueriesContext(connections["default"]) as queries:
        started = time.perf_counter()
        client.get(url)
        once = time.perf_counter() - started
    rounds = max(3, min(15, int(BUDGET / max(once, 1e-6))))
    benchmark.group = size
    benchmark.extra_info.update(queries=len(queries), persona=page.persona, url=url)
    benchmark.pedantic(client.get, args=(url,), rounds=rounds, iterations=1)
    assert benchmark.stats is not None
    stats = benchmark.stats.stats
    RESULTS.add(
        page,
        size,
        Measure(
            seconds=stats.min,
            median=statistics.median(stats.data),
            queries=len(queries),
            rounds=rounds,
            status=warm.status_code,
            options=warm.content.count(b"<option"),
        ),
    )
