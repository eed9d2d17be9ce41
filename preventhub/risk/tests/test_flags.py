"""Register flags: no mitigating action, and past the review date."""

from __future__ import annotations

import datetime as dt

import pytest

from preventhub.risk.flags import with_flags, without_action
from preventhub.risk.models import Risk, RiskStatus

from .factories import RiskFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 1, 15)


def test_open_and_tolerated_risks_without_actions_are_flagged_and_closed_ones_are_not():
    open_risk = RiskFactory.create(status=RiskStatus.OPEN)
    tolerated = RiskFactory.create(status=RiskStatus.TOLERATED)
    RiskFactory.create(status=RiskStatus.CLOSED)
    assert set(without_action(Risk.objects.all())) == {open_risk, tolerated}


def test_a_risk_is_past_review_the_day_after_its_review_date():
    yesterday = RiskFactory.create(review_on=TODAY - dt.timedelta(days=1))
    today = RiskFactory.create(review_on=TODAY)
    undated = RiskFactory.create(review_on=None)
    closed = RiskFactory.create(review_on=TODAY - dt.timedelta(days=30), status=RiskStatus.CLOSED)
    flags = {r.pk: r.past_review for r in with_flags(Risk.objects.all(), TODAY)}
    assert flags == {yesterday.pk: True, today.pk: False, undated.pk: False, closed.pk: False}


def test_a_risk_with_no_action_reads_as_having_none():
    risk = RiskFactory.create()
    assert with_flags(Risk.objects.filter(pk=risk.pk), TODAY).get().has_action is False
