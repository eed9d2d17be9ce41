"""The service navigation: each app contributes entries, shown only to users who may use them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    allowed: Callable[[Any], bool]
    order: int = 100


_ITEMS: list[NavItem] = []


def add(item: NavItem) -> None:
    _ITEMS.append(item)
    _ITEMS.sort(key=lambda i: i.order)


def navigation_for(request: HttpRequest) -> list[dict[str, Any]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    entries = []
    for item in _ITEMS:
        if not item.allowed(user):
            continue
        href = reverse(item.url_name)
        entries.append({"text": item.label, "href": href, "active": request.path.startswith(href)})
    return entries
