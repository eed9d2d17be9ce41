"""The document pages in a real browser (CSP enforced, no console errors, axe-core's WCAG 2.2 AA
rules): the risk assessment and the partnership plan as documents, attaching the agreed plan to a
draft report, and "E-mail settings" with the weekly digest turned off."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from preventhub.governance.tests.reports_fixtures import seed_report
from preventhub.plan.models import PlanStatus
from preventhub.plan.tests.factories import (
    ActionFactory,
    ActualFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
)
from preventhub.risk.models import AssessmentStatus
from preventhub.risk.tests.factories import AssessmentFactory, RiskFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def documents(transactional_db):
    assessment = AssessmentFactory.create(
        title="Local risk assessment 2025 to 2026",
        status=AssessmentStatus.AGREED,
        agreed_on=dt.date(2025, 6, 3),
    )
    RiskFactory.create(assessment=assessment, title="Stickers near the station")
    plan = PlanFactory.create(title="Partnership plan 2025 to 2026", status=PlanStatus.AGREED)
    ActionFactory.create(objective=ObjectiveFactory.create(plan=plan, title="Identify threat"))
    for title in ("Schools with trained staff", "Referrals from schools"):
        measure = MeasureFactory.create(plan=plan, title=title)
        ActualFactory.create(measure=measure, period_end=dt.date(2025, 6, 30))
        ActualFactory.create(measure=measure, period_end=dt.date(2025, 9, 30))
    report = seed_report().report
    return {"assessment": assessment, "plan": plan, "report": report}


def test_the_document_pages_are_accessible_and_clean(personas, documents, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    pages = {
        "assessment document": reverse(
            "risk:assessment_document", args=[documents["assessment"].public_id]
        ),
        "plan document": reverse("plan:plan_document", args=[documents["plan"].public_id]),
        "attach": reverse("governance:appendix_attach", args=[documents["report"].public_id]),
        "email settings": reverse("accounts:email_settings"),
    }
    failures = [
        f"{name}: {problems}"
        for name, path in pages.items()
        if (problems := browser.visit(path, f"documents:{name}"))
    ]
    assert not failures, "\n".join(failures)


def test_the_prevent_lead_attaches_the_agreed_plan_to_a_report(personas, documents, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    report = documents["report"]
    assert (
        browser.visit(reverse("governance:report_detail", args=[report.public_id]), "report") == []
    )
    page = browser.page
    page.get_by_role("button", name="Attach an agreed document").click()
    page.wait_for_load_state("load")
    page.get_by_label("Partnership plan 2025 to 2026", exact=False).check()
    page.get_by_role("button", name="Attach document").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("The document has been attached as an appendix.")).to_be_visible()
    expect(
        page.get_by_role("link", name="Appendix 1 – Partnership plan 2025 to 2026")
    ).to_be_visible()
    assert browser.watcher.take() == []


def test_a_person_turns_the_weekly_digest_off(personas, visitor):
    user = personas["councillor"]
    browser = visitor("councillor", user)
    assert browser.visit(reverse("accounts:profile"), "profile") == []
    page = browser.page
    page.get_by_role("link", name="E-mail settings").click()
    page.wait_for_load_state("load")
    page.get_by_label("Send me a weekly digest").uncheck()
    page.get_by_role("button", name="Save settings").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("You will not get the weekly digest.")).to_be_visible()
    user.refresh_from_db()
    assert user.weekly_digest is False
