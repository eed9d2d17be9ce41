"""What the plan's pages share: the access decorators and links to records."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required

# Sign-in first, then the capability, or an audited 404.
view_required = capability_required(Cap.PLAN_VIEW)
manage_required = capability_required(Cap.PLAN_MANAGE, partnership=True)


def to(name: str, record: Any, anchor: str = "") -> str:
    """The URL of ``record``'s page ``plan:<name>``, with an optional #anchor."""
    url = reverse(f"plan:{name}", kwargs={"public_id": record.public_id})
    return f"{url}#{anchor}" if anchor else url
