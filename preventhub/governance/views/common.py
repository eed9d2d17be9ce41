"""What every governance page shares: the manage decorator and optional links.

Forms, access and pagination come from the core page toolkit (:mod:`preventhub.core.pages`).
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required

# Sign-in first, then governance.manage across the partnership, or an audited 404.
manage_required = capability_required(Cap.GOVERNANCE_MANAGE, partnership=True)


def optional_url(name: str, *args: Any, query: str = "") -> str:
    """The URL of a page another part of governance provides, or "" until it exists."""
    try:
        url = reverse(name, args=args)
    except NoReverseMatch:
        return ""
    return f"{url}?{query}" if query else url


def to(name: str, record: Any, anchor: str = "") -> str:
    """The URL of ``record``'s page ``governance:<name>``, with an optional #anchor."""
    url = reverse(f"governance:{name}", kwargs={"public_id": record.public_id})
    return f"{url}#{anchor}" if anchor else url
