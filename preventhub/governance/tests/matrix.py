"""Governance permission-matrix cases, gathered from one module per area (tests/matrix_<area>.py,
each with CASES and optionally build(world))."""

from __future__ import annotations

import importlib
from typing import Any

from preventhub.core.testing.matrix import Case

AREAS = (
    "bodies",
    "members",
    "terms",
    "seats",
    "meetings",
    "reports",
    "minutes",
    "decisions",
    "api",
)


def _modules() -> list[Any]:
    found = []
    for area in AREAS:
        try:
            found.append(importlib.import_module(f"preventhub.governance.tests.matrix_{area}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"preventhub.governance.tests.matrix_{area}":
                raise
    return found


CASES: list[Case] = [case for module in _modules() for case in getattr(module, "CASES", [])]


def build(world: Any) -> None:
    for module in _modules():
        if builder := getattr(module, "build", None):
            builder(world)
