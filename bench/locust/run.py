"""``make bench-load``: a bounded load test on PostgreSQL with national data.

Collects static files, prepares the database (bench/locust/prepare.py: rebuilt only when stale),
starts gunicorn on 127.0.0.1 only, runs locust headless (50 users, 60 s by default) against it,
stops the server and prints requests per second, the 95th percentile and the slowest pages.

Environment: BENCH_LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/preventhub_bench),
BENCH_LOAD_DIR (default /tmp/preventhub-bench-load), BENCH_LOAD_USERS (50), BENCH_LOAD_SECONDS (60),
BENCH_LOAD_WORKERS (gunicorn workers, 3), BENCH_LOAD_PORT (8765), BENCH_LOAD_SIZE (national).
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"


def main() -> int:
    folder = Path(os.environ.get("BENCH_LOAD_DIR", "/tmp/preventhub-bench-load"))
    folder.mkdir(parents=True, exist_ok=True)
    port = int(os.environ.get("BENCH_LOAD_PORT", "8765"))
    users = os.environ.get("BENCH_LOAD_USERS", "50")
    seconds = os.environ.get("BENCH_LOAD_SECONDS", "60")
    env = _server_environment(folder, port)
    python = sys.executable
    size = os.environ.get("BENCH_LOAD_SIZE", "national")
    # Static files first (every run, so the manifest matches the templates): preparing the plan
    # renders each page once, to find who may read it.
    _run([python, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    _run([python, "-m", "bench.locust.prepare", "--folder", str(folder), "--size", size], env)
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "preventhub.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            os.environ.get("BENCH_LOAD_WORKERS", "3"),
            "--log-level",
            "warning",
        ],
        env=env,
    )
    try:
        _wait_until_serving(port)
        prefix = folder / "locust"
        locust_env = {**env, "BENCH_LOAD_PLAN": str(folder / "plan.json")}
        _run(
            [
                python,
                "-m",
                "locust",
                "-f",
                "bench/locust/locustfile.py",
                "--headless",
                "--users",
                users,
                "--spawn-rate",
                "10",
                "--run-time",
                f"{seconds}s",
                "--host",
                f"http://{HOST}:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            locust_env,
            check=False,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return _report(Path(f"{prefix}_stats.csv"), users, seconds)


def _server_environment(folder: Path, port: int) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    env.update(
        DATABASE_URL=os.environ.get(
            "BENCH_LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/preventhub_bench"
        ),
        SECRET_KEY="bench-load-only-" + "x" * 40,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(folder / "static"),
        SITE_URL=f"http://{HOST}:{port}",
    )
    return env


def _run(command: list[str], env: dict[str, str], *, check: bool = True) -> None:
    print("$", " ".join(command[1:]), flush=True)
    subprocess.run(command, env=env, check=check)


def _wait_until_serving(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=5)
            return
        except urllib.error.HTTPError:
            return  # answering, even if with an error status
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer on {HOST}:{port} within {timeout:.0f}s")


def _report(stats_file: Path, users: str, seconds: str) -> int:
    rows = list(csv.DictReader(stats_file.open()))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    pages = sorted(
        (row for row in rows if row["Name"] != "Aggregated"),
        key=lambda row: float(row["95%"] or 0),
        reverse=True,
    )
    print(f"\nLoad test: {users} users for {seconds}s against gunicorn on PostgreSQL")
    print("Slowest pages by 95th percentile:")
    for row in pages[:10]:
        print(f"  {row['95%']:>7} ms  {row['Request Count']:>5} requests  {row['Name']}")
    failures = int(total["Failure Count"])
    print(
        f"Requests: {total['Request Count']}, failures: {failures}, "
        f"requests per second: {float(total['Requests/s']):.1f}, "
        f"p95: {total['95%']} ms, median: {total['50%']} ms"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
