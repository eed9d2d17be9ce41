"""Signing in through the real pages: the authenticator-code step for roles that need MFA, and
the forced set-up of an authenticator app for a user who has such a role but no app yet."""

from __future__ import annotations

import re
import time

import pyotp
import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from preventhub.accounts.roles import Role
from preventhub.accounts.testing import PASSWORD, TOTP_SECRET, make_user

from .helpers import check_page, enter_current_totp_code, enter_mfa_code, fill_sign_in

pytestmark = pytest.mark.browser

BASE32_SECRET = re.compile(r"\b[A-Z2-7]{16,}\b")


def path_of(page: Page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0]


def a_wrong_code(secret: str) -> str:
    """Six digits that are not the code for this, the previous or the next 30-second step."""
    totp = pyotp.TOTP(secret)
    now = time.time()
    valid = {totp.at(now + step) for step in (-30, 0, 30)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def test_prevent_lead_signs_in_with_an_authenticator_code_after_a_wrong_one(personas, visitor):
    prevent_lead = personas["prevent_lead"]
    browser = visitor("prevent_lead")
    page = browser.page

    page.goto(reverse("account_login"))
    fill_sign_in(page, prevent_lead.email, PASSWORD)
    assert path_of(page) == reverse("mfa_authenticate"), "no authenticator-code page after password"
    expect(page.locator("input[name=code]")).to_be_visible()
    assert browser.watcher.take() == []
    browser.axe_page.goto(reverse("mfa_authenticate"))
    check_page(browser.axe_page, "mfa-authenticate", persona="prevent_lead")

    enter_mfa_code(page, a_wrong_code(TOTP_SECRET))
    assert path_of(page) == reverse("mfa_authenticate")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator(".govuk-error-message")).not_to_have_count(0)
    assert browser.watcher.take() == []
    enter_mfa_code(browser.axe_page, a_wrong_code(TOTP_SECRET))
    check_page(browser.axe_page, "mfa-authenticate-wrong-code", persona="prevent_lead")

    enter_current_totp_code(page, TOTP_SECRET)
    assert path_of(page) == reverse("core:home")
    expect(page.get_by_text(prevent_lead.full_name)).not_to_have_count(0)
    assert browser.watcher.take() == []


def test_a_prevent_lead_without_an_authenticator_must_set_one_up_before_using_the_service(
    transactional_db, visitor
):
    newcomer = make_user(Role.PREVENT_LEAD, mfa=False, full_name="Nia Newcomer")
    browser = visitor("prevent_lead_without_mfa")
    page = browser.page

    page.goto(reverse("account_login"))
    fill_sign_in(page, newcomer.email, PASSWORD)
    assert path_of(page) == reverse("mfa_activate_totp"), "not sent to set up an authenticator"

    # Every GET of the set-up page makes a new secret, so check it with axe first; the page the
    # user then reads the secret from is the last one loaded (the redirect from the home page).
    browser.axe_page.goto(reverse("mfa_activate_totp"))
    check_page(browser.axe_page, "mfa-activate-totp", persona="prevent_lead_without_mfa")
    page.goto(reverse("core:home"))
    assert path_of(page) == reverse("mfa_activate_totp"), "the service was usable without MFA"

    shown = " ".join(
        [
            page.locator("body").inner_text(),
            *page.locator("input").evaluate_all("els => els.map(e => e.value)"),
        ]
    )
    secret = BASE32_SECRET.search(shown)
    assert secret, "the set-up page does not show the secret to type into an authenticator app"
    enter_current_totp_code(page, secret.group())
    assert path_of(page) != reverse("mfa_activate_totp"), "the code was not accepted"

    page.goto(reverse("core:home"))
    assert path_of(page) == reverse("core:home")
    expect(page.get_by_text(newcomer.full_name)).not_to_have_count(0)
    assert browser.watcher.take() == []
