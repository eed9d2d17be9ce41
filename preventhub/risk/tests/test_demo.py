"""seed_demo tells the risk part of Northbridge's story: an OFFICIAL-SENSITIVE assessment from the
local profile, agreed at the working group's first meeting, partners' contributions with some
sectors missing, a register of 15 to 25 risks, and contributions still asked of two partners."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction

from preventhub.accounts.models import User
from preventhub.core.inbox import inbox_for
from preventhub.core.testing.shared import rows_shared_by_tests
from preventhub.risk.coverage import coverage
from preventhub.risk.demo import ASSESSMENT, CURRENT
from preventhub.risk.models import AssessmentStatus, Marking, Risk, RiskAssessment


def _seed() -> None:
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture(scope="module")
def seeded(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    yield from rows_shared_by_tests(django_db_blocker, _seed)


@pytest.fixture
def story(seeded: None, db: None) -> None:
    return seeded


def test_the_assessment_is_sensitive_and_agreed_at_the_working_groups_first_meeting(story):
    assessment = RiskAssessment.objects.select_related("agreed_at_meeting__body").get(
        title=ASSESSMENT
    )
    assert assessment.marking == Marking.OFFICIAL_SENSITIVE
    assert assessment.status == AssessmentStatus.AGREED
    assert assessment.agreed_at_meeting is not None
    assert "working group" in assessment.agreed_at_meeting.body.name.lower()


def test_some_expected_sectors_contributed_and_some_did_not(story):
    assessment = RiskAssessment.objects.get(title=ASSESSMENT)
    states = {row.key: row.state for row in coverage(assessment.contributions.all())}
    assert states["police"] == states["schools"] == states["health"] == "contributed"
    assert states["higher_education"] == states["prisons"] == "missing"
    assert states["immigration_enforcement"] == "missing"


def test_the_register_holds_fifteen_to_twenty_five_risks_some_sensitive(story):
    risks = Risk.objects.all()
    assert 15 <= risks.count() <= 25
    assert risks.filter(marking=Marking.OFFICIAL_SENSITIVE).exists()
    assert risks.filter(marking=Marking.OFFICIAL).count() > 10


def test_the_academys_partner_lead_has_a_contribution_to_give(story):
    lead = User.objects.get(email="partner.lead@northbridge.example")
    titles = [task.title for task in inbox_for(lead).tasks]
    assert f"Contribute to {CURRENT} for Northbridge Academy" in titles


def test_running_the_demo_again_adds_no_risk_records(story):
    before = (Risk.objects.count(), Risk.history.count(), RiskAssessment.objects.count())
    with transaction.atomic():
        _seed()
        after = (Risk.objects.count(), Risk.history.count(), RiskAssessment.objects.count())
        transaction.set_rollback(True)
    assert after == before
