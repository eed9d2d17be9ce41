"""Form errors in a real browser: the GOV.UK error summary appears, GOV.UK Frontend moves focus to
it, nothing breaks the CSP, and the error state passes axe-core too."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from .helpers import check_page, submit_button

pytestmark = pytest.mark.browser


def submit_sign_in(page: Page, email: str, password: str) -> None:
    page.goto(reverse("account_login"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    # No wait for a navigation: a form that let the browser's own validation stop the submission
    # would never navigate, and the assertions below say so more plainly than a timeout.
    submit_button(page, "login").click()


def assert_error_summary_has_focus(page: Page, *messages: str) -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    for message in messages:
        expect(summary).to_contain_text(message)
    # Each error in the summary links to its field.
    for link in summary.locator("a[href^='#']").all():
        target = link.get_attribute("href")
        assert target, "error summary link without an href"
        assert page.locator(target).count() == 1, f"error summary link {target} has no field"


def test_signing_in_with_nothing_entered_shows_the_errors_and_moves_focus_to_them(visitor):
    browser = visitor("anonymous")
    browser.page.goto(reverse("account_login"))
    assert browser.watcher.take() == []
    browser.axe_page.goto(reverse("account_login"))
    check_page(browser.axe_page, "sign-in")

    submit_sign_in(browser.page, "", "")
    assert_error_summary_has_focus(browser.page)
    expect(browser.page.locator(".govuk-error-message")).to_have_count(2)
    assert browser.watcher.take() == []

    submit_sign_in(browser.axe_page, "", "")
    expect(browser.axe_page.locator(".govuk-error-summary")).to_be_visible()
    check_page(browser.axe_page, "sign-in-nothing-entered")


def test_signing_in_with_a_wrong_password_shows_the_error_and_moves_focus_to_it(personas, visitor):
    councillor = personas["councillor"]
    browser = visitor("anonymous")

    submit_sign_in(browser.page, councillor.email, "not the password at all")
    assert_error_summary_has_focus(browser.page)
    expect(browser.page.locator("input[name=password]")).to_have_value("")
    assert browser.watcher.take() == []

    submit_sign_in(browser.axe_page, councillor.email, "not the password at all")
    expect(browser.axe_page.locator(".govuk-error-summary")).to_be_visible()
    check_page(browser.axe_page, "sign-in-wrong-password")
