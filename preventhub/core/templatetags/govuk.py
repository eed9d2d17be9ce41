"""Template tags for GOV.UK components.

``{% govuk "button" text="Save" %}`` renders ``govuk/components/button.html`` with ``params`` set to
the keyword arguments, named exactly as the GOV.UK Frontend Nunjucks macro options (``macro-options.json``),
so a component's fixtures can be rendered and compared as they are. ``params=some_dict`` passes a
whole options dictionary, and keyword arguments override its keys.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def govuk(context: template.Context, name: str, params: dict[str, Any] | None = None, **kwargs: Any) -> SafeString:
    options = {**(params or {}), **kwargs}
    request = context.get("request")
    return get_template(f"govuk/components/{name}.html").render({"params": options}, request)


@register.filter
def get_item(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key)
