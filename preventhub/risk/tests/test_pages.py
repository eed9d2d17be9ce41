"""The register's filters and sort, the heat map's counts and links, coverage by sector, the
rating matrix page, and GOV.UK errors on bad input."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from preventhub.directory.models import Sector
from preventhub.directory.testing import OrganisationFactory, PersonFactory, WardFactory
from preventhub.risk.models import ContributionStatus, Marking, RatingMatrix, RiskStatus

from .factories import AssessmentFactory, ContributionFactory, RiskFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return re.findall(
        r'<a class="govuk-link" href="/risk/risks/[^"]+/">([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def lead_client(client, prevent_lead):
    client.force_login(prevent_lead)
    return client


def test_the_register_filters_by_status_owner_ward_and_level(lead_client):
    owner = PersonFactory.create(name="Olu Owner")
    harbour = WardFactory.create(name="Harbour")
    high = RiskFactory.create(
        title="High one", residual_likelihood=3, residual_impact=4, owner=owner
    )
    high.wards.set([harbour])
    RiskFactory.create(title="Low one", residual_likelihood=1, residual_impact=2)
    RiskFactory.create(
        title="Closed one", status=RiskStatus.CLOSED, residual_likelihood=5, residual_impact=5
    )
    url = reverse("risk:risk_list")
    assert titles(lead_client.get(url, {"level": "high"})) == ["High one"]
    assert titles(lead_client.get(url, {"status": "closed"})) == ["Closed one"]
    assert titles(lead_client.get(url, {"owner": str(owner.public_id)})) == ["High one"]
    assert titles(lead_client.get(url, {"ward": str(harbour.public_id)})) == ["High one"]


def test_the_register_sorts_by_residual_score_then_review_date(lead_client):
    RiskFactory.create(
        title="Middle", residual_likelihood=2, residual_impact=3, review_on=dt.date(2026, 3, 1)
    )
    RiskFactory.create(
        title="Top", residual_likelihood=5, residual_impact=5, review_on=dt.date(2026, 9, 1)
    )
    RiskFactory.create(
        title="Bottom", residual_likelihood=1, residual_impact=1, review_on=dt.date(2026, 1, 1)
    )
    url = reverse("risk:risk_list")
    assert titles(lead_client.get(url)) == ["Top", "Middle", "Bottom"]
    assert titles(lead_client.get(url, {"sort": "review"})) == ["Bottom", "Middle", "Top"]
    assert titles(lead_client.get(url, {"sort": "title"})) == ["Bottom", "Middle", "Top"]


def test_the_register_flags_risks_past_review_and_without_action(lead_client):
    RiskFactory.create(title="Overdue", review_on=dt.date(2020, 1, 1))
    RiskFactory.create(title="In date", review_on=dt.date(2099, 1, 1))
    url = reverse("risk:risk_list")
    assert titles(lead_client.get(url, {"flag": "past_review"})) == ["Overdue"]
    page = lead_client.get(url).content.decode()
    assert page.count("Review overdue</strong>") == 1
    assert page.count("No action</strong>") == 2


def test_a_bad_filter_shows_a_govuk_error(lead_client):
    response = lead_client.get(reverse("risk:risk_list"), {"level": "enormous"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()


def test_the_heat_maps_count_open_risks_per_cell_and_link_to_the_register(lead_client):
    RiskFactory.create_batch(
        2, inherent_likelihood=4, inherent_impact=5, residual_likelihood=2, residual_impact=3
    )
    RiskFactory.create(inherent_likelihood=4, inherent_impact=5, status=RiskStatus.CLOSED)
    page = lead_client.get(reverse("risk:heat_map")).content.decode()
    assert 'aria-label="Likelihood 4, impact 5 (very high): 2 risks"' in page
    assert 'aria-label="Likelihood 2, impact 3 (medium): 2 risks"' in page
    assert '<title id="inherent-svg-title">Inherent risk heat map</title>' in page
    link = "/risk/?status=open&amp;rating=inherent&amp;likelihood=4&amp;impact=5"
    assert link in page
    followed = lead_client.get(
        reverse("risk:risk_list"),
        {"status": "open", "rating": "inherent", "likelihood": 4, "impact": 5},
    )
    assert len(titles(followed)) == 2


def test_the_heat_map_leaves_out_what_a_councillor_may_not_see(client, personas):
    RiskFactory.create(marking=Marking.OFFICIAL_SENSITIVE, inherent_likelihood=5, inherent_impact=5)
    client.force_login(personas["councillor"])
    page = client.get(reverse("risk:heat_map")).content.decode()
    assert 'aria-label="Likelihood 5, impact 5 (very high): 0 risks"' in page


def test_coverage_shows_which_expected_sectors_contributed(lead_client):
    assessment = AssessmentFactory.create()
    police = OrganisationFactory.create(name="Essex Police", sector=Sector.POLICE)
    trust = OrganisationFactory.create(name="Northbridge NHS Trust", sector=Sector.NHS_TRUST)
    prison = OrganisationFactory.create(name="HMP Northbridge", sector=Sector.PRISON)
    ContributionFactory.create(assessment=assessment, organisation=police)
    ContributionFactory.create(assessment=assessment, organisation=trust)
    ContributionFactory.create(
        assessment=assessment,
        organisation=prison,
        status=ContributionStatus.REQUESTED,
        received_on=None,
    )
    page = lead_client.get(
        reverse("risk:assessment_coverage", args=[assessment.public_id])
    ).content.decode()

    def state(key: str) -> str:
        row = re.search(rf'id="sector-{key}">(.*?)</tr>', page, re.S)
        assert row, key
        tag = re.search(r'govuk-tag[^"]*">([^<]+)<', row.group(1))
        assert tag, key
        return tag.group(1)

    assert state("police") == "Contributed"
    assert state("health") == "Contributed"
    assert state("prisons") == "Asked, not received"
    assert state("schools") == "No contribution"
    assert state("immigration_enforcement") == "No contribution"


def test_the_rating_matrix_page_changes_the_bands_and_refuses_bands_out_of_order(lead_client):
    matrix = RatingMatrix.active()
    url = reverse("risk:rating_matrix")
    data = {
        "name": "Bands",
        "medium_from": "6",
        "high_from": "5",
        "very_high_from": "20",
        "version": matrix.version,
    }
    refused = lead_client.post(url, data)
    assert refused.status_code == 200
    assert "High must start at a higher score than medium" in refused.content.decode()
    data["high_from"] = "12"
    assert lead_client.post(url, data).status_code == 302
    assert RatingMatrix.active().score_range("high") == (12, 19)


def test_adding_a_risk_through_the_page(lead_client):
    harbour = WardFactory.create(name="Harbour")
    response = lead_client.post(
        reverse("risk:risk_create"),
        {
            "title": "Far-right stickers in the town centre",
            "ward_1": "Harbour",
            "ward_1-id": str(harbour.public_id),
            "sectors": ["school", "police"],
            "inherent_likelihood": "4", "inherent_impact": "3",
            "residual_likelihood": "3", "residual_impact": "2",
            "trend": "rising", "status": "open", "marking": "official",
        },
    )  # fmt: skip
    assert response.status_code == 302
    detail = lead_client.get(response["Location"]).content.decode()
    assert "Harbour" in detail and "School, Police" in detail
    assert "Likelihood 4 × impact 3 = 12" in detail


def test_a_risk_without_ratings_shows_govuk_errors(lead_client):
    response = lead_client.post(reverse("risk:risk_create"), {"title": "x", "borough_wide": "on"})
    page = response.content.decode()
    assert "Choose the inherent likelihood from 1 to 5" in page
    assert "govuk-error-summary" in page


def test_agreement_is_recorded_with_the_meeting_chosen_by_type_ahead(lead_client):
    from preventhub.governance.tests.factories import BodyFactory, MeetingFactory

    assessment = AssessmentFactory.create()
    meeting = MeetingFactory.create(body=BodyFactory.create(name="Prevent working group"))
    url = reverse("risk:assessment_agree", args=[assessment.public_id])
    found = lead_client.get(reverse("risk:search_meetings"), {"q": "prevent", "format": "json"})
    assert [r["id"] for r in found.json()["results"]] == [str(meeting.public_id)]
    response = lead_client.post(
        url, {"meeting": "Prevent working group", "version": assessment.version}
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.agreed_at_meeting == meeting
    assert assessment.agreed_on == meeting.starts_at.date()


def test_agreement_without_a_meeting_or_date_shows_a_govuk_error(lead_client):
    assessment = AssessmentFactory.create()
    url = reverse("risk:assessment_agree", args=[assessment.public_id])
    page = lead_client.post(url, {"version": assessment.version}).content.decode()
    assert "Enter the date the assessment was agreed" in page
