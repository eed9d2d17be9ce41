"""Every page works without JavaScript: with it switched off a councillor (no MFA) signs in through
the form and loads every page the permission matrix lets them use."""

from __future__ import annotations

import pytest
from django.urls import reverse

from .helpers import named_pages, pages_for

pytestmark = pytest.mark.browser


def test_a_councillor_signs_in_and_uses_their_pages_with_javascript_switched_off(world, visitor):
    cases = pages_for("councillor")
    assert any(case.anonymous == "login" for case in cases), "no page that needs signing in"
    browser = visitor("councillor", world.councillor, java_script_enabled=False)
    page = browser.page
    failures = []
    for name, path in named_pages(cases, world).items():
        response = page.goto(path)
        problems = [*browser.watcher.take()]
        if response is None or not response.ok:
            problems.append(f"status {response.status if response else 'none'}")
        if page.url.split("?")[0].endswith(reverse("account_login")):
            problems.append("was sent to sign in")
        if page.locator("body.js-enabled").count():
            problems.append("JavaScript ran (GOV.UK Frontend marked the body js-enabled)")
        if page.locator("h1").count() != 1:
            problems.append("has no single <h1>")
        if problems:
            failures.append(f"{name} ({path}): {'; '.join(problems)}")
    assert not failures, "Without JavaScript:\n" + "\n".join(failures)
