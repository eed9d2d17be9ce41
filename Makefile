# Prevent Hub. `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(PYTHON_VERSION)/bin/python3) $(shell command -v python3.12))
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ASSETS := preventhub/core/static/css/app.css
DEV_ENV := DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup assets migrate demo test-browser test-postgres lint typecheck bench bench-load clean

# The task worker runs in the background beside the web server, so queued e-mail is sent (printed
# on this console in development); it is stopped when runserver exits, however it exits.
run: setup migrate demo
	@echo "Serving Prevent Hub on http://$(HOST):$(PORT); the task worker prints e-mail here."
	@$(DEV_ENV) $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(DEV_ENV) $(PY) -m pytest -m "not browser" -n 2 -p no:cacheprovider

test-postgres: setup
	$(DEV_ENV) DATABASE_URL=$${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test} \
		$(PY) -m pytest -m "not browser" -n 2 -p no:cacheprovider

test-browser: setup
	$(DEV_ENV) $(PY) -m pytest -m browser -p no:cacheprovider

setup: $(STAMP) $(ASSETS)

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python $(PYTHON_VERSION) not found: install it with pyenv (pyenv install $(PYTHON_VERSION))."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# pipefail: a failed install must fail make (the grep only hides this machine's mirror notices).
	set -o pipefail; $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.lock 2>&1 | { grep -v "^WARNING: Location" || true; }
	touch $(STAMP)

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund

$(ASSETS): frontend/node_modules/.package-lock.json frontend/build.mjs frontend/src/app.scss frontend/src/init.js frontend/src/picker.js
	cd frontend && npm run build --silent

assets: $(ASSETS)

migrate: setup
	$(DEV_ENV) $(PY) manage.py migrate --no-input

demo: migrate
	$(DEV_ENV) $(PY) manage.py seed_demo

# ruff, then the import layers (pyproject.toml [tool.importlinter]; docs/architecture.md, "Layers").
lint: setup
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache

typecheck: setup
	$(DEV_ENV) $(PY) -m mypy

# Every page at district and national size in one run (SQLite files in a temporary folder; set
# BENCH_DB_DIR to keep and reuse them): time, national/district ratio and query counts per page.
bench: setup
	$(DEV_ENV) $(PY) -m pytest bench -p no:cacheprovider --benchmark-only \
		--benchmark-columns=min,median,rounds -W ignore::DeprecationWarning -W ignore::UserWarning

# A bounded load test: locust (50 users, 60 s, headless) against gunicorn on 127.0.0.1, on
# PostgreSQL with national data (see bench/locust/run.py for its settings).
bench-load: setup
	$(PY) -m bench.locust.run

clean:
	rm -rf $(VENV) frontend/node_modules staticfiles preventhub/core/static/css preventhub/core/static/js preventhub/core/static/vendor
