"""Partnership plans and their objectives.

A plan covers a period and is agreed by the multi-agency group (the decision that agreed it is the
governance module's golden thread). Every new plan starts with objectives for the strategy's three
deliverables and the Prevent duty toolkit's areas (see ``objectives.py``).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"
    CLOSED = "closed", "Closed"


class Deliverable(models.TextChoices):
    """The seed strategy's key deliverables."""

    IDENTIFY_THREAT = "identify_threat", "Identify local threat"
    RESPOND = "respond", "Ensure activities are in place to respond to it"
    ALL_AGENCIES = "all_agencies", "Ensure all agencies respond to the duty"


class ToolkitArea(models.TextChoices):
    """The eight sections of the Prevent duty toolkit for local authorities."""

    PARTNERSHIP_GROUP = "partnership_group", "Multi-agency partnership group"
    RISK_ASSESSMENT = "risk_assessment", "Local risk assessment process"
    PARTNERSHIP_PLAN = "partnership_plan", "Partnership plan"
    REFERRAL_PATHWAY = "referral_pathway", "Referral pathway"
    CHANNEL_PANEL = "channel_panel", "Channel panel"
    TRAINING = "training", "Training programme"
    PERMISSIVE_ENVIRONMENTS = "permissive_environments", "Reducing permissive environments"
    COMMUNICATIONS = "communications", "Communications and engagement"


class Plan(PublicModel):
    title = models.CharField(max_length=200)
    starts_on = models.DateField("period start")
    ends_on = models.DateField("period end")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    agreed_by = models.ForeignKey(
        "governance.Decision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans_agreed",
        verbose_name="agreed by decision",
        help_text="The resolution or decision of the multi-agency group that agreed the plan.",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["-starts_on", "-id"], name="plan_period")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="plan_ends_after_start",
                violation_error_message="The plan's period must end after it starts.",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Objective(PublicModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    deliverable = models.CharField(
        "strategy deliverable", max_length=30, choices=Deliverable.choices, blank=True
    )
    toolkit_area = models.CharField(max_length=30, choices=ToolkitArea.choices, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        indexes = [models.Index(fields=["plan", "position", "id"], name="plan_objective_order")]

    def __str__(self) -> str:
        return self.title
