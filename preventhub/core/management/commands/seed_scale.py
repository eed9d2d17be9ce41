"""Generate a large, deterministic data set for benchmarks.

Each app contributes ``preventhub/<app>/scale.py`` with ``seed(size, rng)`` (see
preventhub/governance/scale.py for the shape, and preventhub/core/scale.py for the helpers); sizes
are ``district`` (a shire district partnership), ``metropolitan`` (a large metropolitan borough) and
``national`` (every partnership in one instance, for stress tests). Apps are seeded in
INSTALLED_APPS order, so an app can draw on the rows of the apps before it.
"""

from __future__ import annotations

import importlib
import random
import resource
import time
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

SIZES = ("district", "metropolitan", "national")


class Command(BaseCommand):
    help = "Bulk-create benchmark data at a given size (deterministic for a given --seed)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--size", choices=SIZES, default="district")
        parser.add_argument("--seed", type=int, default=2016, help="Random seed (default 2016).")

    def handle(self, *args: Any, size: str, seed: int, **options: Any) -> None:
        rng = random.Random(seed)
        for config in apps.get_app_configs():
            if not config.name.startswith("preventhub."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.scale")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.scale":
                    raise
                continue
            if not hasattr(module, "seed"):
                continue  # a helper module, such as preventhub/core/scale.py
            started = time.perf_counter()
            with transaction.atomic():
                counts = module.seed(size, rng)
            elapsed = time.perf_counter() - started
            summary = ", ".join(f"{n:,} {what}" for what, n in (counts or {}).items())
            self.stdout.write(f"{config.label}: {summary} ({elapsed:.1f}s)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"Peak memory: {peak:,.0f} MB")
