"""One SQLite database per size, each holding the permission matrix's world (the personas and the
records the matrix cases name) and ``seed_scale --size <size>`` around it.

The databases are files under a temporary folder, built once per run: migrate once, copy the empty
schema for each size, build the world, seed the size. Set ``BENCH_DB_DIR`` to keep them between
runs: a folder whose databases were built from the same scale modules and matrix modules is reused
(``BENCH_REBUILD=1`` forces a rebuild). When only the migrations changed (an index added, say), the
kept databases are migrated forward rather than rebuilt, since the national one takes minutes to
build; a rebuild from scratch gives the same schema.

Only the ``default`` connection is pointed at a size's file; pytest-django's own test database is
never created, and the development database is never opened. Each size has its own connection,
kept open, and ``open(size)`` makes it the ``default`` one: switching sizes between requests then
costs nothing and each keeps SQLite's page cache warm, as a server's connection would.
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
from django.db.backends.base.base import BaseDatabaseWrapper

ROOT = Path(settings.BASE_DIR)
# The files whose change makes a kept database's data stale.
SOURCES = (
    "preventhub/*/scale.py",
    "preventhub/*/tests/matrix*.py",
    "preventhub/core/testing/*.py",
    "preventhub/core/management/commands/seed_scale.py",
)
# The files whose change a kept database can catch up with by migrating.
SCHEMA = ("preventhub/*/migrations/*.py",)


def fingerprint(sources: tuple[str, ...] = SOURCES) -> str:
    digest = hashlib.sha256()
    for pattern in sources:
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
        self.schema_stamp = fingerprint(SCHEMA)
        self.rebuild = rebuild
        self.worlds: dict[str, SimpleNamespace] = {}
        self.build_seconds: dict[str, float] = {}
        self.base = connections["default"]
        self.connections: dict[str, BaseDatabaseWrapper] = {}

    def path(self, size: str) -> Path:
        return self.folder / f"{size}.sqlite3"

    def open(self, size: str) -> SimpleNamespace:
        """Point the default connection at ``size``'s database (building it if need be) and return
        the matrix world in it."""
        if size not in self.worlds:
            connections["default"] = self.base  # builds and migrations go through this one
            self.worlds[size] = self._load_or_build(size)
            settings_dict = {**self.base.settings_dict, "NAME": str(self.path(size))}
            self.connections[size] = type(self.base)(settings_dict, "default")
        connections["default"] = self.connections[size]
        return self.worlds[size]

    def close(self) -> None:
        """Close every size's connection and give ``default`` its own connection back."""
        for connection in self.connections.values():
            connection.close()
        connections["default"] = self.base

    def _load_or_build(self, size: str) -> SimpleNamespace:
        path, world_file, stamp_file = (
            self.path(size),
            self.folder / f"{size}.world.pickle",
            self.folder / f"{size}.stamp",
        )
        data_stamp, _, schema_stamp = (
            stamp_file.read_text().partition(":") if stamp_file.exists() else ("", "", "")
        )
        if data_stamp == self.stamp and not self.rebuild and path.exists() and world_file.exists():
            if schema_stamp != self.schema_stamp:
                use(path)
                call_command("migrate", verbosity=0, interactive=False)
                connections["default"].close()
                stamp_file.write_text(f"{self.stamp}:{self.schema_stamp}")
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
        stamp_file.write_text(f"{self.stamp}:{self.schema_stamp}")
        self.build_seconds[size] = time.perf_counter() - started
        return world

    def _schema(self) -> Path:
        """An empty, migrated database to copy for each size."""
        schema = self.folder / f"schema-{self.schema_stamp}.sqlite3"
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
    from preventhub.directory.testing import build_matrix_world

    return build_matrix_world()
