"""The risk pages in a real browser: the Prevent lead's register, heat maps, a risk with its
history, an assessment with its coverage and the rating matrix (each with the CSP enforced, no
console errors and axe-core's WCAG 2.2 AA rules); a heat-map count followed to the filtered
register; a partner lead following their contribution task from the home page and giving it; a
councillor refused an OFFICIAL-SENSITIVE assessment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from preventhub.directory.testing import PersonFactory, WardFactory
from preventhub.risk import services
from preventhub.risk.models import ConcernType, Marking

pytestmark = pytest.mark.browser


@pytest.fixture
def register(personas):
    lead = personas["prevent_lead"]
    harbour = WardFactory.create(name="Harbour")
    assessment = services.create_assessment(
        actor=lead,
        data={
            "title": "Local risk assessment 2026 to 2027",
            "period_start": dt.date(2026, 4, 1),
            "period_end": dt.date(2027, 3, 31),
            "marking": Marking.OFFICIAL_SENSITIVE,
        },
    )
    concern = ConcernType.objects.get(code="extreme_right_wing", valid_from__year=2015)
    risks = [
        services.create_risk(
            actor=lead,
            data={
                "title": title,
                "assessment": assessment,
                "concern_type": concern,
                "borough_wide": False,
                "inherent_likelihood": 4,
                "inherent_impact": 5,
                "residual_likelihood": residual,
                "residual_impact": 3,
                "review_on": dt.date(2026, 1, 31),
            },
            wards=[harbour],
        )
        for title, residual in (("Stickers near the station", 3), ("Recruitment at matches", 2))
    ]
    services.update_risk(
        actor=lead, risk=risks[0], data={"trend": "rising"}, expected_version=risks[0].version
    )
    return {"assessment": assessment, "risks": risks}


def test_the_prevent_leads_risk_pages_are_accessible_and_clean(personas, register, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    risk, assessment = register["risks"][0], register["assessment"]
    pages = {
        "register": reverse("risk:risk_list"),
        "register filtered": reverse("risk:risk_list") + "?status=open&level=very_high",
        "heat maps": reverse("risk:heat_map"),
        "risk": reverse("risk:risk_detail", args=[risk.public_id]),
        "risk edit": reverse("risk:risk_edit", args=[risk.public_id]),
        "risk add": reverse("risk:risk_create"),
        "assessments": reverse("risk:assessment_list"),
        "assessment": reverse("risk:assessment_detail", args=[assessment.public_id]),
        "coverage": reverse("risk:assessment_coverage", args=[assessment.public_id]),
        "agree": reverse("risk:assessment_agree", args=[assessment.public_id]),
        "request": reverse("risk:contribution_request", args=[assessment.public_id]),
        "contribute": reverse("risk:contribution_add", args=[assessment.public_id]),
        "rating matrix": reverse("risk:rating_matrix"),
        "types of concern": reverse("risk:concern_type_list"),
        "relabel": reverse("risk:concern_type_relabel", args=[risk.concern_type.public_id]),
    }
    failures = [
        f"{name}: {problems}"
        for name, path in pages.items()
        if (problems := browser.visit(path, f"risk:{name}"))
    ]
    assert not failures, "\n".join(failures)


def test_a_heat_map_count_leads_to_those_risks_in_the_register(personas, register, visitor):
    browser = visitor("prevent_lead", personas["prevent_lead"])
    assert browser.visit(reverse("risk:heat_map"), "risk:heat map") == []
    page = browser.page
    page.get_by_role("link", name="2 risks with likelihood 4 and impact 5").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("2 risks match.")).to_be_visible()
    expect(page.get_by_role("link", name="Stickers near the station")).to_be_visible()


def test_a_partner_lead_follows_their_contribution_task_and_gives_it(
    personas, register, school, visitor
):
    lead = personas["partner_lead"]
    lead.person = PersonFactory.create(name="Sam School", organisation=school)
    lead.save(update_fields=["person"])
    asked = services.request_contribution(
        actor=personas["prevent_lead"],
        assessment=register["assessment"],
        organisation=school,
        person=lead.person,
    )
    browser = visitor("partner_lead", lead)
    for name, path in (
        ("risk:my contributions", reverse("risk:my_contributions")),
        ("risk:respond", reverse("risk:contribution_respond", args=[asked.public_id])),
        ("core:home-risk-task", reverse("core:home")),
    ):
        assert browser.visit(path, name) == [], name
    page = browser.page
    page.get_by_role(
        "link", name="Contribute to Local risk assessment 2026 to 2027 for Northbridge Academy"
    ).click()
    page.wait_for_load_state("load")
    page.get_by_label("Summary").fill("Concerns at the academy are mostly online.")
    page.get_by_role("button", name="Save the contribution").click()
    page.wait_for_load_state("load")
    expect(page.get_by_text("Thank you: your contribution has been saved.")).to_be_visible()
    expect(page.get_by_text("Concerns at the academy are mostly online.")).to_be_visible()
    assert browser.watcher.take() == []


def test_a_councillor_is_refused_an_official_sensitive_assessment(personas, register, visitor):
    browser = visitor("councillor", personas["councillor"])
    path = reverse("risk:assessment_detail", args=[register["assessment"].public_id])
    response = browser.page.goto(path)
    assert response is not None and response.status == 404
    expect(browser.page.get_by_text("Local risk assessment 2026 to 2027")).to_have_count(0)
