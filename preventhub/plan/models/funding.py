"""Funding: a plan's budget lines and the spend against them, linked to actions."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet

from .actions import Action
from .plans import Plan


class BudgetLine(PublicModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_lines")
    source = models.CharField(
        max_length=200, help_text="Who funds it, for example Home Office Prevent funding."
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    starts_on = models.DateField("period start")
    ends_on = models.DateField("period end")
    value_for_money = models.TextField("value for money note", blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "starts_on", "id"]
        indexes = [models.Index(fields=["plan", "starts_on", "id"], name="plan_budget_period")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="plan_budget_ends_after_start",
                violation_error_message="The budget's period must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="plan_budget_not_negative",
                violation_error_message="The amount cannot be negative.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: £{self.amount:,.2f}"


class SpendItem(PublicModel):
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.CASCADE, related_name="spend")
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="spend"
    )
    spent_on = models.DateField("date")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    description = models.CharField(max_length=300)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["spent_on", "id"]
        indexes = [models.Index(fields=["budget_line", "spent_on", "id"], name="plan_spend_date")]

    def __str__(self) -> str:
        return f"{self.description}: £{self.amount:,.2f}"
