"""``{% related_sections record %}``: the sections other modules registered for the record's page
(see ``preventhub/core/related.py``)."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from preventhub.core.related import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def related_sections(context: Any, obj: Any) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or obj is None:
        return mark_safe("")  # noqa: S308  (nothing to render)
    parts = [
        render_to_string(name, section_context, request=request)
        for name, section_context in sections_for(user, obj)
    ]
    return mark_safe("".join(parts))  # noqa: S308  (each part is an escaped template's output)
