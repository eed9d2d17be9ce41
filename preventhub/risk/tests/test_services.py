"""The risk services: audited changes, agreement with the golden thread, locations and history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.directory.testing import WardFactory
from preventhub.risk import services
from preventhub.risk.history import risk_history
from preventhub.risk.models import AssessmentStatus, ConcernType

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def _risk_data(**overrides):
    data = {
        "title": "Online radicalisation of young people",
        "inherent_likelihood": 4,
        "inherent_impact": 4,
        "residual_likelihood": 3,
        "residual_impact": 3,
        "borough_wide": False,
    }
    data.update(overrides)
    return data


def test_creating_a_risk_is_audited_with_its_wards(prevent_lead):
    ward = WardFactory.create(name="Harbour")
    risk = services.create_risk(actor=prevent_lead, data=_risk_data(), wards=[ward])
    assert risk.inherent_score == 16 and risk.residual_score == 9
    event = AuditEvent.objects.get(action="risk.risk_created")
    assert event.changes["wards"] == [None, ["Harbour"]]


def test_a_risk_needs_wards_or_borough_wide_but_not_both(prevent_lead):
    ward = WardFactory.create()
    with pytest.raises(ValidationError) as none:
        services.create_risk(actor=prevent_lead, data=_risk_data(), wards=[])
    assert "Choose the wards affected, or select borough-wide" in str(none.value)
    with pytest.raises(ValidationError) as both:
        services.create_risk(actor=prevent_lead, data=_risk_data(borough_wide=True), wards=[ward])
    assert "not both" in str(both.value)


def test_a_retired_type_of_concern_cannot_be_chosen_for_a_new_risk(prevent_lead):
    retired = ConcernType.objects.get(code="mixed_unclear_unstable")
    with pytest.raises(ValidationError, match="not a type of concern in use for this risk"):
        services.create_risk(
            actor=prevent_lead, data=_risk_data(borough_wide=True, concern_type=retired)
        )


def test_every_change_of_a_risk_is_in_its_history_including_wards(prevent_lead):
    harbour, castle = WardFactory.create(name="Harbour"), WardFactory.create(name="Castle")
    risk = services.create_risk(actor=prevent_lead, data=_risk_data(), wards=[harbour])
    services.update_risk(
        actor=prevent_lead,
        risk=risk,
        data={"residual_likelihood": 2, "trend": "falling"},
        wards=[harbour, castle],
        expected_version=risk.version,
    )
    history = risk_history(risk)
    newest = history.entries[0]
    changed = {c.label: (c.old, c.new) for e in history.entries[:2] for c in e.changes}
    assert changed["Residual likelihood"] == ("3", "2")
    assert changed["Trend"] == ("Stable", "Falling")
    assert changed["Wards"] == ("Harbour", "Castle, Harbour")
    assert newest.who == str(prevent_lead)
    event = AuditEvent.objects.filter(action="risk.risk_updated").get()
    assert event.changes["wards"] == [["Harbour"], ["Castle", "Harbour"]]


def test_a_stale_edit_of_a_risk_is_refused(prevent_lead):
    risk = services.create_risk(actor=prevent_lead, data=_risk_data(borough_wide=True))
    services.update_risk(actor=prevent_lead, risk=risk, data={"title": "A"}, expected_version=1)
    with pytest.raises(ConcurrentEditError):
        services.update_risk(actor=prevent_lead, risk=risk, data={"title": "B"}, expected_version=1)


def test_agreeing_records_the_date_and_then_the_assessment_cannot_change(prevent_lead):
    assessment = AssessmentFactory.create()
    services.agree_assessment(
        actor=prevent_lead,
        assessment=assessment,
        agreed_on=dt.date(2025, 7, 1),
        expected_version=assessment.version,
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.AGREED
    assert assessment.agreed_on == dt.date(2025, 7, 1)
    assert AuditEvent.objects.filter(action="risk.assessment_agreed").exists()
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.update_assessment(
            actor=prevent_lead,
            assessment=assessment,
            data={"title": "Changed"},
            expected_version=assessment.version,
        )


def test_agreement_without_a_date_or_meeting_is_refused(prevent_lead):
    assessment = AssessmentFactory.create()
    with pytest.raises(ValidationError, match="Enter the date the assessment was agreed"):
        services.agree_assessment(actor=prevent_lead, assessment=assessment, expected_version=1)


def test_the_rating_matrix_change_is_audited(prevent_lead):
    from preventhub.risk.models import RatingMatrix

    matrix = RatingMatrix.active()
    services.update_rating_matrix(
        actor=prevent_lead,
        matrix=matrix,
        data={"name": matrix.name, "medium_from": 4, "high_from": 9, "very_high_from": 16},
        expected_version=matrix.version,
    )
    assert RatingMatrix.active().level_for(4) == "medium"
    event = AuditEvent.objects.get(action="risk.matrix_updated")
    assert event.changes["medium_from"] == [5, 4]


def test_a_risk_from_an_older_assessment_may_use_that_periods_categories(prevent_lead):
    from .factories import AssessmentFactory as Assessments

    older = Assessments.create(period_start=dt.date(2016, 4, 1), period_end=dt.date(2017, 3, 31))
    retired = ConcernType.objects.get(code="mixed_unclear_unstable")
    risk = services.create_risk(
        actor=prevent_lead,
        data=_risk_data(borough_wide=True, concern_type=retired, assessment=older),
    )
    assert risk.concern_type == retired
