"""Pickers in a real browser (core/pickers.py, frontend/src/picker.js): with JavaScript democratic
services type part of a job title, choose the person with the keyboard and save; without
JavaScript they type a surname, are asked to choose one of the matches and save. Both states pass
axe-core."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from preventhub.directory.testing import OrganisationFactory, PersonFactory
from preventhub.governance.models import Membership
from preventhub.governance.tests.factories import BodyFactory

from .helpers import axe_violations, check_page, format_violations, submit_button

pytestmark = pytest.mark.browser

JANE = "Jane Smith, Chief Accountant, Northbridge Borough Council"


@pytest.fixture
def setting(personas):
    council = OrganisationFactory.create(name="Northbridge Borough Council")
    jane = PersonFactory.create(
        name="Jane Smith", job_title="Chief Accountant", organisation=council
    )
    PersonFactory.create(name="John Smith", job_title="Head of Legal", organisation=council)
    PersonFactory.create(name="Tom Jones", job_title="Monitoring Officer", organisation=council)
    body = BodyFactory.create(name="Members' Prevent Working Group")
    return {
        "user": personas["democratic_services"],
        "jane": jane,
        "body": body,
        "url": reverse("governance:membership_add", args=[body.public_id]),
    }


def fill_start_date(page: Page) -> None:
    page.locator("input[name=starts_on-day]").fill("18")
    page.locator("input[name=starts_on-month]").fill("5")
    page.locator("input[name=starts_on-year]").fill("2016")


def type_and_open(page: Page, text: str) -> None:
    box = page.locator("#id_person")
    box.click()
    box.press_sequentially(text, delay=20)
    expect(page.get_by_role("option", name=JANE)).to_be_visible()


def test_with_javascript_a_person_is_chosen_by_keyboard_from_the_type_ahead(setting, visitor):
    browser = visitor("democratic_services", setting["user"])
    page = browser.page
    page.goto(setting["url"])
    box = page.locator("#id_person")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")

    type_and_open(page, "accountant")
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "id_person__listbox--0")
    expect(page.get_by_role("option", name=JANE)).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value(JANE)
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator("input[name=person-id]")).to_have_value(str(setting["jane"].public_id))

    fill_start_date(page)
    with page.expect_navigation():
        submit_button(page, "person").click()
    assert page.url.endswith(reverse("governance:body_detail", args=[setting["body"].public_id]))
    assert Membership.objects.get(body=setting["body"]).person == setting["jane"]
    assert browser.watcher.take() == []

    # The open list passes axe-core too (in the context that lets axe in).
    axe = browser.axe_page
    axe.goto(setting["url"])
    type_and_open(axe, "smith")
    axe.locator("#id_person").press("ArrowDown")
    violations = axe_violations(axe)
    assert not violations, format_violations("picker open", axe.url, violations)


def test_without_javascript_typing_a_surname_asks_to_choose_one_of_the_matches(setting, visitor):
    browser = visitor("democratic_services", setting["user"], java_script_enabled=False)
    page = browser.page
    page.goto(setting["url"])
    page.locator("#id_person").fill("smith")
    fill_start_date(page)
    with page.expect_navigation():
        submit_button(page, "person").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose one of these people")
    expect(page.locator("#id_person")).to_have_value("smith")
    radios = page.locator("input[name=person-choice]")
    expect(radios).to_have_count(2)
    page.get_by_label(JANE).check()
    with page.expect_navigation():
        submit_button(page, "person").click()
    assert page.url.endswith(reverse("governance:body_detail", args=[setting["body"].public_id]))
    assert Membership.objects.get(body=setting["body"]).person == setting["jane"]
    assert browser.watcher.take() == []

    # The choose-one-of-these step passes axe-core.
    axe = browser.axe_page
    axe.goto(setting["url"])
    axe.locator("#id_person").fill("smith")
    fill_start_date(axe)
    with axe.expect_navigation():
        submit_button(axe, "person").click()
    expect(axe.locator("input[name=person-choice]")).to_have_count(2)
    check_page(axe, "picker-choose-one-of-these", persona="democratic_services")
