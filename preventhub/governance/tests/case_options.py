"""Typed bundles of permission-matrix options, unpacked into ``Case(...)`` by the governance
matrix modules (``Case("...", **PUBLIC)``): a TypedDict lets mypy check each key against the
matching ``Case`` field, which a plain dict literal cannot."""

from __future__ import annotations

from typing import TypedDict


class Audience(TypedDict):
    """Who may open a case's page, and what an anonymous visitor gets."""

    allowed: frozenset[str] | set[str]
    anonymous: str  # "login" | "public" | "401" | "404"


class Browsing(TypedDict):
    """Whether the browser walk visits the page (False for file downloads)."""

    browse: bool
