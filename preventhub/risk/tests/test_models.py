"""The taxonomy's validity, the rating matrix's bands at their boundaries and the stored scores."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from preventhub.risk.models import ConcernType, Level, RatingMatrix, Risk

from .factories import RiskFactory

pytestmark = pytest.mark.django_db


def codes_on(day: dt.date) -> set[str]:
    return set(ConcernType.objects.valid_on(day).values_list("code", flat=True))


def test_taxonomy_offers_the_categories_of_the_release_in_force():
    assert codes_on(dt.date(2020, 6, 1)) == {
        "islamist",
        "extreme_right_wing",
        "mixed_unclear_unstable",
        "left_wing",
        "other",
    }
    assert "conflicted" in codes_on(dt.date(2023, 6, 1))
    assert "mixed_unclear_unstable" not in codes_on(dt.date(2023, 6, 1))
    assert "no_ideology" in codes_on(dt.date(2025, 1, 1))
    assert "conflicted" not in codes_on(dt.date(2025, 1, 1))


def test_taxonomy_validity_is_inclusive_at_both_ends():
    assert "mixed_unclear_unstable" in codes_on(dt.date(2021, 3, 31))
    assert "mixed_unclear_unstable" not in codes_on(dt.date(2021, 4, 1))
    assert "vulnerability_no_ideology" in codes_on(dt.date(2021, 4, 1))
    assert "extreme_violence" not in codes_on(dt.date(2024, 3, 31))
    assert "extreme_violence" in codes_on(dt.date(2024, 4, 1))


def test_a_category_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ConcernType.objects.create(
            code="x", label="X", valid_from=dt.date(2025, 1, 2), valid_to=dt.date(2025, 1, 1)
        )


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (1, Level.LOW),
        (4, Level.LOW),
        (5, Level.MEDIUM),
        (9, Level.MEDIUM),
        (10, Level.HIGH),
        (14, Level.HIGH),
        (15, Level.VERY_HIGH),
        (25, Level.VERY_HIGH),
    ],
)
def test_the_seeded_matrix_rates_scores_at_band_boundaries(score, level):
    matrix = RatingMatrix.active()
    assert matrix.level_for(score) == level
    assert matrix.score_range(level)[0] <= score <= matrix.score_range(level)[1]


def test_the_level_in_sql_agrees_with_python_at_every_score():
    matrix = RatingMatrix.active()
    matrix.medium_from, matrix.high_from, matrix.very_high_from = 3, 8, 20
    matrix.save()
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            RiskFactory(residual_likelihood=likelihood, residual_impact=impact)
    rows = Risk.objects.annotate(level=matrix.level_expression("residual_score"))
    for score, level in rows.values_list("residual_score", "level"):
        assert matrix.level_for(score) == level


def test_only_one_matrix_is_active():
    with pytest.raises(IntegrityError), transaction.atomic():
        RatingMatrix.objects.create(is_active=True)


def test_bands_must_ascend():
    with pytest.raises(IntegrityError), transaction.atomic():
        RatingMatrix.objects.create(is_active=False, medium_from=10, high_from=8)


def test_scores_are_likelihood_times_impact_and_follow_changes():
    risk = RiskFactory.create(inherent_likelihood=4, inherent_impact=5, residual_likelihood=2)
    risk.refresh_from_db()
    assert (risk.inherent_score, risk.residual_score) == (20, 4)
    risk.residual_impact = 5
    risk.save(update_fields=["residual_impact"])
    risk.refresh_from_db()
    assert risk.residual_score == 10


def test_ratings_outside_one_to_five_are_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        RiskFactory(inherent_likelihood=6)


@pytest.mark.django_db(transaction=True)
def test_the_taxonomy_and_an_active_matrix_come_back_after_a_flush():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert ConcernType.objects.valid_on(dt.date(2025, 1, 1)).filter(code="islamist").exists()
    assert RatingMatrix.objects.filter(is_active=True).count() == 1
