"""One SQLite database per size, each holding the permission matrix's world (the personas and the
records the matrix cases name) and ``seed_scale --size <size>`` around it.

The databases are files under a temporary folder, built once per run: migrate once, copy the empty
schema for each size, build the world, seed the size. Set ``BENCH_DB_DIR`` to keep them between
runs: a folder whose databases were built from the same migrations, scale modules and matrix
modules is reused as it is (``BENCH_REBUILD=1`` forces a rebuild).

Only the ``default`` connection is pointed at a size's file (``use``); pytest-django's own test
database is never created, and the development database is never opened.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections

ROOT = Path(settings.BASE_DIR)
# The files whose change makes a kept database stale.
SOURCES = (
    "preventhub/*/migrations/*.py",
    "preventhub/*/scale.py",
    "preventhub/*/tests/matrix*.py",
    "preventhub/core/testing/*.py",
    "preventhub/core/management/commands/seed_scale.py",
)


def fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def use(path: Path) -> None:
    """Point the default connection at ``path`` (closing whatever it had open)."""
    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = str(path)


class ScaleDatabases:
    """The per-size databases under ``folder``, built on first use."""

    def __init__(self, folder: Path, *, rebuild: bool = False) -> None:
        self.folder = folder
        self.stamp = fingerprint()
        self.rebuild = rebuild
        self.worlds: dict[str, SimpleNamespace] = {}
        self.build_seconds: dict[str, float] = {}

    def path(self, size: str) -> Path:
        return self.folder / f"{size}.sqlite3"

    def open(self, size: str) -> SimpleNamespace:
        """Point the default connection at ``size``'s database (building it if need be) and return
        the matrix world in it."""
        if size not in self.worlds:
            self.worlds[size] = self._load_or_build(size)
        use(self.path(size))
        return self.worlds[size]

    def _load_or_build(self, size: str) -> SimpleNamespace:
        path, world_file, stamp_file = (
            self.path(size),
            self.folder / f"{size}.world.pickle",
            self.folder / f"{size}.stamp",
        )
        fresh = stamp_file.exists() and stamp_file.read_text() == self.stamp
        if fresh and not self.rebuild and path.exists() and world_file.exists():
            world: SimpleNamespace = pickle.loads(world_file.read_bytes())
            return world
        started = time.perf_counter()
        for stale in (path, world_file, stamp_file):
            stale.unlink(missing_ok=True)
        shutil.copyfile(self._schema(), path)
        use(path)
        world = _build_world()
        call_command("seed_scale", size=size)
        connections["default"].close()
        world_file.write_bytes(pickle.dumps(world))
        stamp_file.write_text(self.stamp)
        self.build_seconds[size] = time.perf_counter() - started
        return world

    def _schema(self) -> Path:
        """An empty, migrated database to copy for each size."""
        schema = self.folder / f"schema-{self.stamp}.sqlite3"
        if not schema.exists():
            for stale in self.folder.glob("schema-*.sqlite3"):
                stale.unlink()
            partial = schema.with_suffix(".partial")
            partial.unlink(missing_ok=True)
            use(partial)
            call_command("migrate", verbosity=0, interactive=False)
            connections["default"].close()
            partial.rename(schema)
        return schema


def _build_world() -> Any:
    from preventhub.core.testing.matrix import build_matrix_world

    return build_matrix_world()
