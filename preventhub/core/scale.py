"""Helpers for each app's ``scale.py`` (``manage.py seed_scale``).

An app's ``scale.py`` defines ``seed(size, rng) -> dict[str, int]`` and builds its rows with these
helpers: rows come from generators and are inserted a batch at a time (``insert``), so memory stays
flat however large the size; public ids come from ``rng`` (``PublicIds``), so the same seed gives
the same data; names that must be unique are made so against the rows already there (``unique``).
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models

BATCH = 2000


class PublicIds:
    """Version-4 UUIDs drawn from ``rng``, so the same seed gives the same public ids. A run into a
    table that already has rows mixes in the row count, so a second run cannot repeat the first
    run's ids."""

    def __init__(self, rng: random.Random, existing: int = 0) -> None:
        self.rng = rng
        self.salt = (existing * 0x9E3779B97F4A7C15F39CC0605CEDC835) % (1 << 128)

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128) ^ self.salt, version=4)


def unique(names: Iterable[str], taken: set[str]) -> Iterator[str]:
    """Each name, or the name with the lowest free number after it; ``taken`` grows as we go."""
    for name in names:
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name} {n}"
        taken.add(candidate)
        yield candidate


def insert[M: models.Model](model: type[M], rows: Iterable[M], batch: int = BATCH) -> Iterator[M]:
    """Insert ``rows`` a batch at a time and yield each row once saved (with its primary key), so
    a caller that keeps only what it needs never holds more than one batch."""
    manager: Any = model._default_manager
    for chunk in itertools.batched(rows, batch):
        yield from manager.bulk_create(chunk)


def insert_all[M: models.Model](model: type[M], rows: Iterable[M], batch: int = BATCH) -> int:
    """Insert ``rows`` a batch at a time and return how many there were."""
    return sum(1 for _ in insert(model, rows, batch))
