"""The partnership plan in a real browser: every plan page the Prevent lead, a partner lead and a
councillor may use loads with the CSP on, no console errors, one heading and no axe-core WCAG 2.2
AA violations (charts included); a partner lead records progress on their organisation's action
through the form and cannot open another organisation's."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .helpers import named_pages, pages_for

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("persona", ["prevent_lead", "partner_lead", "councillor"])
def test_every_plan_page_is_accessible_and_clean(persona, world, visitor):
    cases = [case for case in pages_for(persona) if case.url_name.startswith("plan:")]
    assert len(cases) >= 8
    browser = visitor(persona, getattr(world, persona))
    failures = []
    for name, path in named_pages(cases, world).items():
        if problems := browser.visit(path, name):
            failures.append(f"{name} ({path}):\n  " + "\n  ".join(problems))
    assert not failures, "\n".join(failures)


def test_a_partner_lead_records_progress_on_their_action_and_not_on_another(world, visitor):
    browser = visitor("partner_lead", world.partner_lead)
    page = browser.page
    action = world.pl_school_action
    page.goto(reverse("plan:action_detail", args=[action.public_id]))
    with page.expect_navigation():
        page.get_by_role("button", name="Record progress").click()
    page.get_by_label("Progress", exact=True).fill(
        "All safeguarding leads booked on the Referrals course"
    )
    page.get_by_label("Per cent complete").fill("120")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the update").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("between 0 and 100")
    page.get_by_label("Per cent complete").fill("75")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the update").click()
    expect(page.get_by_text("Your progress update has been saved.")).to_be_visible()
    expect(page.get_by_text("All safeguarding leads booked")).to_be_visible()
    expect(page.get_by_text("75% complete").first).to_be_visible()

    other = page.goto(reverse("plan:action_progress", args=[world.pl_college_action.public_id]))
    assert other is not None and other.status == 404
