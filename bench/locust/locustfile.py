"""Locust users for ``make bench-load``: each user is one persona from the plan that
bench/locust/prepare.py wrote (signed in with that persona's session cookie) and reads the pages the
benchmark measures as that persona, in random order, with a short pause between pages."""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

PLAN: list[dict[str, Any]] = json.loads(Path(os.environ["BENCH_LOAD_PLAN"]).read_text())
# Users take personas in turn, weighted by how many pages each persona has.
_TURNS = itertools.cycle(
    [entry for entry in PLAN for _ in range(max(1, len(entry["pages"]) // 10))]
)


class PageReader(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.entry = next(_TURNS)
        if self.entry["cookie"]:
            self.client.cookies.set(self.entry["cookie_name"], self.entry["cookie"])

    @task
    def read_a_page(self) -> None:
        page = random.choice(self.entry["pages"])
        self.client.get(page["url"], name=page["name"])
