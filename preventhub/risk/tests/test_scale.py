"""Benchmark data for the risk module (manage.py seed_scale), built on the directory's."""

from __future__ import annotations

import random

import pytest
from django.db.models import F, Q

from preventhub.directory import scale as directory_scale
from preventhub.risk import scale
from preventhub.risk.models import ConcernType, Marking, Risk, RiskAssessment

pytestmark = pytest.mark.django_db


def _seed(seed: int = 2016) -> dict[str, int]:
    rng = random.Random(seed)
    directory_scale.seed("district", rng)
    return scale.seed("district", rng)


def test_a_district_has_three_assessments_and_three_hundred_risks():
    counts = _seed()
    assert counts["assessments"] == RiskAssessment.objects.count() == 3
    assert counts["risks"] == Risk.objects.count() == 300
    assert counts["contributions"] == 24
    assert Risk.objects.filter(marking=Marking.OFFICIAL_SENSITIVE).exists()
    assert Risk.objects.filter(marking=Marking.OFFICIAL).exists()
    # Residual ratings never exceed inherent ones, and located risks have wards.
    assert not Risk.objects.filter(residual_likelihood__gt=F("inherent_likelihood")).exists()
    assert not Risk.objects.filter(borough_wide=False, wards__isnull=True).exists()


def test_each_risks_type_of_concern_was_in_use_for_its_assessment():
    _seed()
    for risk in Risk.objects.filter(concern_type__isnull=False).select_related(
        "assessment", "concern_type"
    )[:100]:
        assert risk.assessment is not None and risk.concern_type is not None
        assert risk.concern_type.is_valid_on(risk.assessment.period_start)
    assert ConcernType.objects.filter(Q(risks__isnull=False)).exists()


def test_the_same_seed_into_an_empty_register_gives_the_same_public_ids():
    _seed(7)
    first = list(Risk.objects.order_by("pk").values_list("public_id", flat=True)[:5])
    Risk.objects.all().delete()
    RiskAssessment.objects.all().delete()
    rng = random.Random(7)
    directory_scale.seed("district", rng)
    scale.seed("district", rng)
    again = list(Risk.objects.order_by("pk").values_list("public_id", flat=True)[:5])
    assert first == again
