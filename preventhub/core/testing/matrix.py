"""The permission matrix: every URL pattern in the project, checked for anonymous visitors, each
role and an out-of-scope partner lead.

Each app declares its cases in ``preventhub/<app>/tests/matrix.py``:

    CASES = [
        Case("directory:organisation_list", allowed=EVERY_ROLE),
        Case("directory:organisation_edit", kwargs=lambda w: {"public_id": w.school.public_id},
             allowed={"prevent_lead", "democratic_services", "administrator", "partner_lead"}),
    ]

and may define ``build(world)`` to add the objects its cases need to the shared ``world``.
``tests/test_permission_matrix.py`` collects every app's cases, fails if a URL pattern has none,
and requests each case as every persona:

- a persona in ``allowed`` gets ``ok`` (200 by default);
- any other signed-in persona gets 404 (forbidden looks like missing);
- an anonymous visitor is sent to sign in (``anonymous="login"``), gets the page
  (``anonymous="public"``), or gets 401 (``anonymous="401"``, for the API).

``other_partner_lead`` is a partner lead for a different organisation from ``partner_lead``: list
them separately in ``allowed`` when scope matters (use PARTNER_LEADS when both may).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType, SimpleNamespace
from typing import Any

ROLE_PERSONAS = (
    "administrator",
    "prevent_lead",
    "channel_coordinator",
    "channel_panel_member",
    "partner_lead",
    "other_partner_lead",
    "democratic_services",
    "councillor",
    "auditor",
)
PERSONAS = (*ROLE_PERSONAS, "outsider")
EVERY_ROLE = frozenset(ROLE_PERSONAS)
EVERYONE_SIGNED_IN = frozenset(PERSONAS)
PARTNER_LEADS = frozenset({"partner_lead", "other_partner_lead"})


@dataclass(frozen=True)
class Case:
    url_name: str
    allowed: frozenset[str] | set[str] = field(default_factory=frozenset)
    kwargs: Callable[[Any], dict[str, Any]] | None = None
    query: str = ""
    method: str = "get"
    data: Callable[[Any], dict[str, Any]] | None = None
    ok: tuple[int, ...] = (200,)
    denied: tuple[int, ...] = (404,)
    anonymous: str = "login"  # "login" | "public" | "401" | "404"
    # Send ``data`` as a JSON body with ``method`` (any verb: the API's POST, PATCH and DELETE).
    json: bool = False
    # Pages a browser test should visit for each allowed persona (GET pages that render HTML).
    browse: bool = True
    note: str = ""

    @property
    def is_page(self) -> bool:
        return self.method == "get" and self.browse


def page_path(case: Case, world: Any) -> str:
    """The URL the matrix requests for a GET case: its ``query`` and its ``data`` (which the test
    client sends as the query string)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    path = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
    query = [case.query] if case.query else []
    if case.data and not case.json:
        query.append(urlencode(case.data(world), doseq=True))
    return f"{path}?{'&'.join(query)}" if query else path


def matrix_modules() -> list[ModuleType]:
    """Every app's ``tests/matrix.py`` (apps without one are skipped; a broken one raises)."""
    from django.apps import apps

    modules = []
    for config in apps.get_app_configs():
        if not config.name.startswith("preventhub."):
            continue
        try:
            modules.append(importlib.import_module(f"{config.name}.tests.matrix"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.tests.matrix":
                raise
    return modules


def collect_cases() -> list[Case]:
    """Every app's cases, in app order. The permission matrix and the browser walk both read this,
    so a page added to an app's matrix is also visited in a real browser."""
    return [case for module in matrix_modules() for case in getattr(module, "CASES", [])]


def build_world(personas: dict[str, Any], school: Any, college: Any) -> SimpleNamespace:
    """The shared world the cases' ``kwargs`` and ``data`` read: the personas, the two partner
    organisations and whatever each app's ``build(world)`` adds."""
    world = SimpleNamespace(school=school, college=college, **personas)
    for module in matrix_modules():
        if build := getattr(module, "build", None):
            build(world)
    return world
