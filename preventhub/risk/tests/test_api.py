"""The risk API under the same policies as the pages: a councillor cannot open an
OFFICIAL-SENSITIVE record (404, audited) nor list one; the Prevent lead adds and changes risks."""

from __future__ import annotations

import pytest

from preventhub.accounts.testing import token_for
from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import ApiClient
from preventhub.risk.models import Marking

from .factories import AssessmentFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(personas):
    """``api_as("councillor")``: a client holding a fresh token of that persona."""
    return lambda persona: ApiClient(token_for(personas[persona]))


def test_councillor_gets_404_for_a_sensitive_assessment_and_it_is_audited(api_as):
    sensitive = AssessmentFactory.create(marking=Marking.OFFICIAL_SENSITIVE)
    response = api_as("councillor").get(f"/api/v1/risk/assessments/{sensitive.public_id}")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(
        action="access.denied", object_id=str(sensitive.public_id)
    ).exists()


def test_councillor_lists_only_official_risks(api_as):
    RiskFactory.create(title="Official one", marking=Marking.OFFICIAL)
    hidden = RiskFactory.create(title="Sensitive one", marking=Marking.OFFICIAL_SENSITIVE)
    councillor = api_as("councillor")
    listed = councillor.get("/api/v1/risk/risks").json()
    assert [item["title"] for item in listed["items"]] == ["Official one"]
    assert councillor.get(f"/api/v1/risk/risks/{hidden.public_id}").status_code == 404


def test_prevent_lead_adds_and_changes_a_risk(api_as):
    lead = api_as("prevent_lead")
    created = lead.post(
        "/api/v1/risk/risks",
        {"title": "Stickers", "borough_wide": True, "inherent_likelihood": 4,
         "inherent_impact": 5, "residual_likelihood": 3, "residual_impact": 4},
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["inherent_score"], body["inherent_level"]) == (20, "very_high")
    assert (body["residual_score"], body["residual_level"]) == (12, "high")
    assert body["has_action"] is False
    changed = lead.patch(
        f"/api/v1/risk/risks/{body['id']}", {"version": body["version"], "residual_impact": 1}
    )
    assert changed.status_code == 200
    assert changed.json()["residual_level"] == "low"


def test_a_councillor_cannot_add_a_risk(api_as):
    response = api_as("councillor").post(
        "/api/v1/risk/risks",
        {"title": "x", "borough_wide": True, "inherent_likelihood": 1, "inherent_impact": 1,
         "residual_likelihood": 1, "residual_impact": 1},
    )  # fmt: skip
    assert response.status_code == 403
