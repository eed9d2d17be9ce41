"""Local risk assessments (drawn from the Counter-Terrorism Local Profile) and partner
contributions to them."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet

from .marking import Marking


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"


class RiskAssessment(PublicModel):
    title = models.CharField(max_length=200)
    period_start = models.DateField("period start")
    period_end = models.DateField("period end")
    ctlp_edition = models.CharField(
        "Counter-Terrorism Local Profile edition",
        max_length=60,
        blank=True,
        help_text="For example 2025 or ‘Eastern region 2025/26’.",
    )
    ctlp_received_on = models.DateField(
        "date the local profile was received", null=True, blank=True
    )
    marking = models.CharField(
        "handling marking",
        max_length=20,
        choices=Marking.choices,
        default=Marking.OFFICIAL_SENSITIVE,
    )
    summary = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    # The golden thread: the meeting and the resolution that agreed the assessment.
    agreed_at_meeting = models.ForeignKey(
        "governance.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreed_risk_assessments",
    )
    agreed_by = models.ForeignKey(
        "governance.Resolution",
        verbose_name="agreeing resolution",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreed_risk_assessments",
    )
    agreed_on = models.DateField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-id"]
        indexes = [
            models.Index(fields=["-period_start", "-id"], name="risk_assessment_period"),
            models.Index(fields=["marking", "-period_start"], name="risk_assessment_marking"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gt=F("period_start")),
                name="risk_assessment_period_ends_after_start",
                violation_error_message="The period must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(status=AssessmentStatus.DRAFT) | Q(agreed_on__isnull=False),
                name="risk_assessment_agreed_has_date",
                violation_error_message="An agreed assessment needs the date it was agreed.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sensitive(self) -> bool:
        return self.marking == Marking.OFFICIAL_SENSITIVE


class ContributionStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    RECEIVED = "received", "Received"


class Contribution(PublicModel):
    """A partner's input to an assessment. A request creates the row (a task in the inbox of the
    person asked); the contribution fills it in."""

    assessment = models.ForeignKey(
        RiskAssessment, on_delete=models.CASCADE, related_name="contributions"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="risk_contributions"
    )
    status = models.CharField(
        max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.RECEIVED
    )
    requested_from = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risk_contribution_requests",
    )
    requested_on = models.DateField(null=True, blank=True)
    due_on = models.DateField("due by", null=True, blank=True)
    received_on = models.DateField("date", null=True, blank=True)
    summary = models.TextField(blank=True)
    attachment = models.FileField(upload_to="risk/contributions/%Y/", blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "id"]
        indexes = [
            models.Index(fields=["assessment", "status"], name="risk_contribution_status"),
            models.Index(fields=["requested_from", "status"], name="risk_contribution_asked"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ContributionStatus.REQUESTED) | Q(received_on__isnull=False),
                name="risk_contribution_received_has_date",
                violation_error_message="Enter the date of the contribution.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} contribution"
