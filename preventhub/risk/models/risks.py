"""The partnership's risk register."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet
from preventhub.directory.models import Sector

from .marking import Marking


class Trend(models.TextChoices):
    RISING = "rising", "Rising"
    STABLE = "stable", "Stable"
    FALLING = "falling", "Falling"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    TOLERATED = "tolerated", "Tolerated"
    CLOSED = "closed", "Closed"


def _one_to_five(label: str) -> models.PositiveSmallIntegerField[Any, Any]:
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


def _score(likelihood: str, impact: str) -> models.GeneratedField:
    # Stored so the register sorts and the heat map counts by an indexed column.
    return models.GeneratedField(
        expression=F(likelihood) * F(impact),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )


def _in_range(field: str) -> Q:
    return Q(**{f"{field}__gte": 1, f"{field}__lte": 5})


class Risk(PublicModel):
    reference = models.CharField(
        max_length=20, blank=True, help_text="The council's own reference, for example R12."
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    assessment = models.ForeignKey(
        "risk.RiskAssessment",
        verbose_name="identified in",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="risks",
    )
    concern_type = models.ForeignKey(
        "risk.ConcernType",
        verbose_name="type of concern",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risks",
    )
    theme = models.CharField(max_length=120, blank=True)
    borough_wide = models.BooleanField(default=False)
    wards = models.ManyToManyField("directory.Ward", blank=True, related_name="risks")
    sectors = models.JSONField(
        "sectors affected",
        default=list,
        blank=True,
        help_text=f"Values from the directory's sectors ({', '.join(Sector.values[:3])}, …).",
    )
    inherent_likelihood = _one_to_five("inherent likelihood")
    inherent_impact = _one_to_five("inherent impact")
    residual_likelihood = _one_to_five("residual likelihood")
    residual_impact = _one_to_five("residual impact")
    inherent_score = _score("inherent_likelihood", "inherent_impact")
    residual_score = _score("residual_likelihood", "residual_impact")
    owner = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_risks",
    )
    review_on = models.DateField("review date", null=True, blank=True)
    trend = models.CharField(max_length=20, choices=Trend.choices, default=Trend.STABLE)
    status = models.CharField(max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    marking = models.CharField(
        "handling marking", max_length=20, choices=Marking.choices, default=Marking.OFFICIAL
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[wards])

    class Meta:
        ordering = ["-residual_score", "title", "id"]
        indexes = [
            # The register's default order, and its status filter with the same order.
            models.Index(fields=["-residual_score", "title", "id"], name="risk_register_order"),
            models.Index(fields=["-inherent_score", "title", "id"], name="risk_inherent_order"),
            # A reader of OFFICIAL records only (a councillor) gets the register in index order too.
            models.Index(
                fields=["marking", "-residual_score", "title", "id"], name="risk_marking_register"
            ),
            models.Index(fields=["status", "-residual_score"], name="risk_status_score"),
            models.Index(fields=["review_on", "id"], name="risk_review_on"),
            models.Index(fields=["title", "id"], name="risk_title"),
            models.Index(fields=["marking", "status"], name="risk_marking_status"),
            # A heat-map cell's risks, with or without a status (the links from the maps), and the
            # maps' counts per cell.
            models.Index(
                fields=["inherent_likelihood", "inherent_impact", "status"],
                name="risk_inherent_cell",
            ),
            models.Index(
                fields=["residual_likelihood", "residual_impact", "status"],
                name="risk_residual_cell",
            ),
            # The register filtered by status and level for a reader of OFFICIAL records only.
            models.Index(
                fields=["marking", "status", "-residual_score"], name="risk_marking_status_score"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_in_range("inherent_likelihood")
                & _in_range("inherent_impact")
                & _in_range("residual_likelihood")
                & _in_range("residual_impact"),
                name="risk_ratings_one_to_five",
                violation_error_message="Likelihood and impact are rated from 1 to 5.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def sector_labels(self) -> list[str]:
        labels = dict(Sector.choices)
        return [str(labels.get(value, value)) for value in self.sectors]
