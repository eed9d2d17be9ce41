"""Who may open and change risk records: handling markings limit readers, changes are the Prevent
lead's, and a partner lead contributes for their own organisation only. Refusals are 404s and are
audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.risk import policies, services
from preventhub.risk.models import Marking, Risk, RiskAssessment

from .factories import AssessmentFactory, RiskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sensitive():
    return AssessmentFactory.create(marking=Marking.OFFICIAL_SENSITIVE)


@pytest.fixture
def official():
    return AssessmentFactory.create(marking=Marking.OFFICIAL)


def test_councillor_cannot_open_an_official_sensitive_assessment_and_the_refusal_is_audited(
    client, personas, sensitive
):
    client.force_login(personas["councillor"])
    url = reverse("risk:assessment_detail", args=[sensitive.public_id])
    assert client.get(url).status_code == 404
    denied = AuditEvent.objects.get(action="access.denied", object_id=str(sensitive.public_id))
    assert denied.changes["path"] == [None, url]


def test_councillor_cannot_open_an_official_sensitive_risk(client, personas):
    risk = RiskFactory.create(marking=Marking.OFFICIAL_SENSITIVE, title="Named group active")
    client.force_login(personas["councillor"])
    response = client.get(reverse("risk:risk_detail", args=[risk.public_id]))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(action="access.denied", object_id=str(risk.public_id)).exists()


def test_councillor_reads_official_records_but_the_register_leaves_out_sensitive_ones(
    client, personas, official
):
    RiskFactory.create(title="Stickers near the station", marking=Marking.OFFICIAL)
    RiskFactory.create(title="Named group active", marking=Marking.OFFICIAL_SENSITIVE)
    client.force_login(personas["councillor"])
    assert (
        client.get(reverse("risk:assessment_detail", args=[official.public_id])).status_code == 200
    )
    page = client.get(reverse("risk:risk_list")).content.decode()
    assert "Stickers near the station" in page
    assert "Named group active" not in page


@pytest.mark.parametrize("persona", ["prevent_lead", "channel_coordinator", "partner_lead"])
def test_sensitive_readers_see_official_sensitive_records(persona, personas, sensitive):
    assert policies.assessments.can(personas[persona], "view", sensitive)


def test_only_the_prevent_lead_changes_the_register(personas):
    risk = RiskFactory.create()
    assert set(Risk.objects.visible_to(personas["prevent_lead"], "change")) == {risk}
    for persona in ("channel_coordinator", "partner_lead", "councillor", "democratic_services"):
        assert not Risk.objects.visible_to(personas[persona], "change").exists()


def test_a_partner_lead_contributes_for_their_own_organisation_only(personas, school, college):
    assessment = AssessmentFactory.create()
    lead = personas["partner_lead"]  # Northbridge Academy's partner lead
    added = services.add_contribution(
        actor=lead,
        assessment=assessment,
        organisation=school,
        received_on=dt.date(2025, 5, 1),
        summary="Our view.",
    )
    assert added.organisation == school
    with pytest.raises(PermissionDenied):
        services.add_contribution(
            actor=lead,
            assessment=assessment,
            organisation=college,
            received_on=dt.date(2025, 5, 1),
            summary="Not ours to give.",
        )


def test_a_partner_lead_changes_their_organisations_contribution_but_not_anothers(
    personas, school, college
):
    assessment = AssessmentFactory.create()
    ours = services.add_contribution(
        actor=personas["prevent_lead"], assessment=assessment, organisation=school,
        received_on=dt.date(2025, 5, 1), summary="School.",
    )  # fmt: skip
    theirs = services.add_contribution(
        actor=personas["prevent_lead"], assessment=assessment, organisation=college,
        received_on=dt.date(2025, 5, 1), summary="College.",
    )  # fmt: skip
    assert policies.contributions.can(personas["partner_lead"], "change", ours)
    assert not policies.contributions.can(personas["partner_lead"], "change", theirs)


def test_a_councillor_cannot_contribute(client, personas, official):
    client.force_login(personas["councillor"])
    url = reverse("risk:contribution_add", args=[official.public_id])
    assert client.get(url).status_code == 404


def test_nobody_without_a_role_sees_any_assessment(personas, official):
    assert not RiskAssessment.objects.visible_to(personas["outsider"]).exists()
