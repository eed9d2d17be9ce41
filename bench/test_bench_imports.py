"""Importing a council's spreadsheet keeps memory flat: the peak Python memory (tracemalloc) of
checking and importing a 10,000-row risk register is compared with a 1,000-row one. The rows are
read as a stream and saved in batches, so the ratio stays near 1 (the limit here is 1.5, the
same bound the page benchmarks use for national against district).

Both files are written to disk first (as an upload is stored), so neither file's bytes are in
memory; the database is the test database, emptied between the two sizes."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from preventhub.accounts.testing import build_personas
from preventhub.core.spreadsheets import engine
from preventhub.core.spreadsheets.readers import read_rows
from preventhub.directory.testing import OrganisationFactory, PersonFactory, WardFactory
from preventhub.risk.models import Risk
from preventhub.risk.spreadsheets import SHEET
from preventhub.risk.tests.register_files import register_xlsx

SIZES = (1_000, 10_000)
MAX_RATIO = 1.5
peaks: dict[int, int] = {}


def _import(path: Path, actor: Any) -> engine.Outcome:
    opener: Callable[[], IO[bytes]] = lambda: path.open("rb")  # noqa: E731
    with opener() as file:
        found = engine.find_header(read_rows(file, "xlsx"), SHEET)
    assert found is not None
    header_row, headers = found
    mapping = engine.suggest(SHEET, headers)
    checked = engine.check_file(
        SHEET,
        opener,
        "xlsx",
        header_row=header_row,
        headers=headers,
        mapping=mapping,
        actor=actor,
        scope=None,
    )
    assert checked.error_count == 0, checked.errors[:3]
    return engine.import_file(
        SHEET,
        opener,
        "xlsx",
        header_row=header_row,
        headers=headers,
        mapping=mapping,
        actor=actor,
        scope=None,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("rows", SIZES)
def test_bench_import_a_risk_register_with_flat_memory(
    rows: int, benchmark: BenchmarkFixture, tmp_path: Path
) -> None:
    lead = build_personas(
        OrganisationFactory.create(name="Bench Academy"),
        OrganisationFactory.create(name="Bench College"),
    )["prevent_lead"]
    PersonFactory.create(name="Olu Owner")
    WardFactory.create(name="Harbour")
    WardFactory.create(name="Castle")
    path = tmp_path / f"register-{rows}.xlsx"
    path.write_bytes(register_xlsx(rows))

    def measured() -> engine.Outcome:
        Risk.objects.all().delete()
        tracemalloc.start()
        try:
            outcome = _import(path, lead)
            peaks[rows] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return outcome

    benchmark.group = "import a risk register (both passes)"
    outcome = benchmark.pedantic(measured, rounds=1, iterations=1)
    assert outcome.created == rows == Risk.objects.count()
    benchmark.extra_info["peak_memory_mb"] = round(peaks[rows] / 1e6, 2)
    print(f"\nimport {rows:>6,} rows: peak Python memory {peaks[rows] / 1e6:.2f} MB")
    if len(peaks) == len(SIZES):
        ratio = peaks[SIZES[-1]] / peaks[SIZES[0]]
        print(f"peak memory {SIZES[-1]:,} rows / {SIZES[0]:,} rows: {ratio:.2f}")
        assert ratio <= MAX_RATIO, f"memory grew {ratio:.2f}x with ten times the rows"
