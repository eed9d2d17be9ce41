"""Sections one module adds to another module's record page, without the page's module knowing
about it (the golden thread shown both ways: a decision's page lists the plan actions it asked
for, while governance never imports the plan).

    register_section("governance.decision", "plan/includes/decision_actions.html", context)

``context(user, obj)`` returns the section's template context, or ``None`` to leave it out (the
user may not see such records, or there are none worth a heading). The record's template calls
``{% load related %}{% related_sections decision %}``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Section:
    model_label: str  # "app_label.model_name"
    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int = 100


_SECTIONS: list[Section] = []


def register_section(
    model_label: str,
    template: str,
    context: Callable[[Any, Any], dict[str, Any] | None],
    *,
    order: int = 100,
) -> None:
    _SECTIONS[:] = [s for s in _SECTIONS if (s.model_label, s.template) != (model_label, template)]
    _SECTIONS.append(Section(model_label.lower(), template, context, order))
    _SECTIONS.sort(key=lambda s: s.order)


def sections_for(user: Any, obj: models.Model) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) of every section registered for ``obj``'s model that ``user``
    is shown."""
    label = obj._meta.label_lower
    found = []
    for section in _SECTIONS:
        if section.model_label != label:
            continue
        context = section.context(user, obj)
        if context is not None:
            found.append((section.template, context))
    return found
