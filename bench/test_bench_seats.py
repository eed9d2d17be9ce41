"""Seat allocation for a large council with many balanced bodies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _metropolitan_input(tmp_path: Path) -> Path:
    data = {
        "groups": {"Labour": 58, "Conservative": 21, "Liberal Democrat": 12, "Green": 6},
        "ungrouped": 3,
        "bodies": [
            {"name": f"Committee {n}", "seats": 9 + n % 7, "balance": "aggregate"}
            for n in range(24)
        ]
        + [{"name": "Prevent Working Group", "seats": 6, "balance": "individual"}],
        "constraints": {
            "Prevent Working Group": {
                "min_per_group": 1,
                "groups": ["Labour", "Conservative"],
                "ungrouped_seats": 1,
            }
        },
    }
    path = tmp_path / "metropolitan.json"
    path.write_text(json.dumps(data))
    return path


def test_bench_allocate_seats_command(benchmark, tmp_path):
    path = _metropolitan_input(tmp_path)

    def run() -> dict:
        out = subprocess.run(
            [sys.executable, "manage.py", "allocate_seats", str(path)],
            capture_output=True,
            text=True,
            check=True,
            env={"DEBUG": "true", "PATH": "/usr/bin:/bin"},
        )
        return json.loads(out.stdout)

    result = benchmark.pedantic(run, rounds=3, iterations=1)
    assert sum(result["totals"].values()) == sum(9 + n % 7 for n in range(24)) + 6
