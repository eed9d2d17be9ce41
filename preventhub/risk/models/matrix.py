"""The rating matrix: how a likelihood × impact score (1 to 25) becomes a level.

A partnership configures the score at which each band starts; there is one active matrix at a time,
and changing it re-rates every risk at once because levels are worked out when read, never stored.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.expressions import Combinable
from django.db.models.lookups import GreaterThanOrEqual
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet

MAX_SCORE = 25
SCALE = (1, 2, 3, 4, 5)


class Level(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    VERY_HIGH = "very_high", "Very high"


_score_validators = [MinValueValidator(2), MaxValueValidator(MAX_SCORE)]


class RatingMatrix(PublicModel):
    name = models.CharField(max_length=120, default="Partnership rating matrix")
    medium_from = models.PositiveSmallIntegerField(
        "medium from score", default=5, validators=_score_validators
    )
    high_from = models.PositiveSmallIntegerField(
        "high from score", default=10, validators=_score_validators
    )
    very_high_from = models.PositiveSmallIntegerField(
        "very high from score", default=15, validators=_score_validators
    )
    is_active = models.BooleanField(default=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_active", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="rating_matrix_one_active",
                violation_error_message="Only one rating matrix can be in use.",
            ),
            models.CheckConstraint(
                condition=Q(medium_from__gt=1)
                & Q(high_from__gt=F("medium_from"))
                & Q(very_high_from__gt=F("high_from"))
                & Q(very_high_from__lte=MAX_SCORE),
                name="rating_matrix_bands_ascend",
                violation_error_message=(
                    "Each band must start at a higher score than the one below it, "
                    "and very high must start at 25 or less."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def level_for(self, score: int) -> Level:
        if score >= self.very_high_from:
            return Level.VERY_HIGH
        if score >= self.high_from:
            return Level.HIGH
        if score >= self.medium_from:
            return Level.MEDIUM
        return Level.LOW

    def level_expression(self, score: str | Combinable) -> Case:
        """The level of ``score`` as SQL, for filtering and counting in the database."""
        field = F(score) if isinstance(score, str) else score
        return Case(
            When(GreaterThanOrEqual(field, self.very_high_from), then=Value(Level.VERY_HIGH.value)),
            When(GreaterThanOrEqual(field, self.high_from), then=Value(Level.HIGH.value)),
            When(GreaterThanOrEqual(field, self.medium_from), then=Value(Level.MEDIUM.value)),
            default=Value(Level.LOW.value),
            output_field=models.CharField(),
        )

    def score_range(self, level: Level | str) -> tuple[int, int]:
        """The lowest and highest score of a level, inclusive."""
        bounds = {
            Level.LOW: (1, self.medium_from - 1),
            Level.MEDIUM: (self.medium_from, self.high_from - 1),
            Level.HIGH: (self.high_from, self.very_high_from - 1),
            Level.VERY_HIGH: (self.very_high_from, MAX_SCORE),
        }
        return bounds[Level(level)]

    @classmethod
    def active(cls) -> RatingMatrix:
        """The matrix in use; an unsaved default if none has been set up (the data migration
        creates one, so this only happens in a database emptied by hand)."""
        found = cls.objects.filter(is_active=True).first()
        return found if found is not None else cls()
