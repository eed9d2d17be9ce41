"""The inbox in a real browser: an officer with no role who has been asked to verify signs in,
sees the task on the home page (axe-core clean, CSP on) and follows it to the verify page."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from preventhub.accounts.testing import make_user
from preventhub.governance.models import ReportStatus
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.browser


def test_a_verifying_officer_with_no_role_follows_their_task_from_the_home_page(
    transactional_db, visitor
):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    officer = make_user(person=seed.finance, full_name="Jo Whitfield")
    browser = visitor("finance_officer", officer)

    problems = browser.visit(reverse("core:home"), "core:home-inbox")
    assert problems == []
    page = browser.page
    expect(page.get_by_role("heading", name="Waiting for you")).to_be_visible()
    expect(page.get_by_text("You do not have a role")).to_have_count(0)
    task = page.get_by_role("link", name="Verify the financial implications of Prevent: the")
    expect(task).to_be_visible()

    task.click()
    page.wait_for_load_state("load")

    verify = reverse(
        "governance:implication_verify", args=[seed.implications["financial"].public_id]
    )
    assert page.url.endswith(verify)
    assert browser.watcher.take() == []
