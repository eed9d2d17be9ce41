"""Benchmarks against ``seed_scale`` data at two sizes in one run (district and national unless
``BENCH_SIZES`` says otherwise), each in its own SQLite file (see bench/scale_db.py).

``make bench`` runs every benchmark here; the page benchmarks print, after pytest-benchmark's own
tables, one line per page with its time at each size, the ratio and the query counts, and flag the
pages over 1.5x or with a different query count.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from .pages import Results
from .scale_db import ScaleDatabases, use

SIZES: tuple[str, ...] = tuple(
    s.strip() for s in os.environ.get("BENCH_SIZES", "district,national").split(",") if s.strip()
)
RESULTS = Results(SIZES)


@pytest.fixture(scope="session")
def scale_databases(
    tmp_path_factory: pytest.TempPathFactory, django_db_blocker: Any
) -> Iterator[ScaleDatabases]:
    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] != "django.db.backends.sqlite3":
        pytest.exit("The benchmarks build SQLite files: unset DATABASE_URL.", returncode=2)
    kept = os.environ.get("BENCH_DB_DIR")
    folder = Path(kept) if kept else tmp_path_factory.mktemp("bench-db")
    folder.mkdir(parents=True, exist_ok=True)
    original = settings_dict["NAME"]
    databases = ScaleDatabases(folder, rebuild=os.environ.get("BENCH_REBUILD") == "1")
    with django_db_blocker.unblock():
        try:
            yield databases
        finally:
            databases.close()
            use(original)


@pytest.fixture(scope="session")
def signed_in(scale_databases: ScaleDatabases) -> Callable[[str, str], Client]:
    """``signed_in(size, persona)``: a test client signed in as the matrix persona in ``size``'s
    database (anonymous for "anonymous"), made once per size and persona."""
    from preventhub.accounts.models import User

    clients: dict[tuple[str, str], Client] = {}

    def client_for(size: str, persona: str) -> Client:
        world = scale_databases.open(size)
        if (size, persona) not in clients:
            client = Client()
            if persona != "anonymous":
                client.force_login(User.objects.get(pk=getattr(world, persona).pk))
            clients[size, persona] = client
        return clients[size, persona]

    return client_for


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RESULTS.by_page:
        return
    terminalreporter.section("Pages at each size (fastest round, national / district)")
    for line in RESULTS.table():
        terminalreporter.write_line(line)
    report = os.environ.get("BENCH_REPORT")
    if report and len(SIZES) > 1:  # Markdown, for bench/RESULTS.md
        Path(report).write_text("\n".join(RESULTS.markdown()) + "\n")
