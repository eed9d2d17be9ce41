"""Counting the choices a page renders (see tests/test_option_cap.py, which also inflates the
records the pickers choose from past what any list of options may hold)."""

from __future__ import annotations

import re
from typing import Any

MAX_CHOICES = 100  # no page renders more options or radios than this, at any scale

_OPTION = re.compile(r"<option\b", re.I)
_RADIO = re.compile(r"<input\b[^>]*\btype=\"radio\"", re.I)


def count_choices(html: str) -> int:
    """The ``<option>`` elements and radio inputs in ``html``."""
    return len(_OPTION.findall(html)) + len(_RADIO.findall(html))


def persona_for(allowed: Any, preference: tuple[str, ...]) -> str | None:
    """The first persona in ``preference`` that ``allowed`` lets in (None if none)."""
    return next((persona for persona in preference if persona in allowed), None)
