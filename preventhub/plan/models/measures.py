"""Outcome measures (how the partnership monitors the impact of Prevent work) and their actuals."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet
from preventhub.plan.outcomes import Direction

from .actions import Action
from .plans import Objective, Plan


class Measure(PublicModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures")
    objective = models.ForeignKey(
        Objective, null=True, blank=True, on_delete=models.SET_NULL, related_name="measures"
    )
    actions = models.ManyToManyField(Action, blank=True, related_name="measures")
    title = models.CharField(max_length=200)
    unit = models.CharField(max_length=40, help_text="For example, per cent, referrals, people.")
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2)
    direction = models.CharField(max_length=10, choices=Direction.choices)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["plan", "title", "id"], name="plan_measure_title")]

    def __str__(self) -> str:
        return self.title


class Actual(PublicModel):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="actuals")
    period_end = models.DateField("period ending")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_end"],
                name="plan_actual_one_per_period",
                violation_error_message="There is already an actual for that period.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.value} at {self.period_end:%-d %B %Y}"
