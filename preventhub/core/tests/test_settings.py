"""Production settings: configured only from the environment, and `check --deploy` is clean."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "DATABASE_URL", "PYTEST_XDIST_WORKER", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def production_env(tmp_path):
    secret_file = tmp_path / "secret"
    secret_file.write_text("k" * 20 + "-production-secret-key-that-is-long-and-random-1234567890")
    return {
        "SECRET_KEY_FILE": str(secret_file),
        "ALLOWED_HOSTS": "prevent.example.gov.uk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "PREVENTHUB_TESTING": "0",
    }


def test_check_deploy_reports_nothing_in_production(production_env):
    result = _manage("check", "--deploy", "--fail-level", "DEBUG", env=production_env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(production_env):
    del production_env["SECRET_KEY_FILE"]
    result = _manage("check", env=production_env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_serves_hashed_static_files(production_env):
    result = _manage("collectstatic", "--no-input", env=production_env)
    assert result.returncode == 0, result.stderr
    manifest = (Path(production_env["STATIC_ROOT"]) / "staticfiles.json").read_text()
    assert "css/app.css" in manifest and "js/init.js" in manifest
    init = next(Path(production_env["STATIC_ROOT"], "js").glob("init.*.js")).read_text()
    # The module import is rewritten to the hashed file name, so the far-future cache is safe.
    assert "govuk-frontend.min." in init and 'govuk-frontend.min.js"' not in init


def test_pdf_rendering_does_not_narrate_each_step_in_the_log():
    # WeasyPrint logs "Step 1 - Fetching and parsing HTML" and the like at INFO for every PDF,
    # which buried `make run`'s demo logins under hundreds of lines.
    assert not logging.getLogger("weasyprint").isEnabledFor(logging.INFO)
    assert not logging.getLogger("fontTools").isEnabledFor(logging.INFO)
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)
