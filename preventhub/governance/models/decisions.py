"""The decisions register (every resolution and Full Council motion) and follow-up actions."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class DecisionStatus(models.TextChoices):
    OPEN = "open", "Open"
    IMPLEMENTED = "implemented", "Implemented"
    SUPERSEDED = "superseded", "Superseded"


class DecisionKind(models.TextChoices):
    RESOLUTION = "resolution", "Resolution"
    MOTION = "motion", "Full Council motion"


class Decision(PublicModel):
    kind = models.CharField(
        max_length=20, choices=DecisionKind.choices, default=DecisionKind.RESOLUTION
    )
    resolution = models.OneToOneField(
        "governance.Resolution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="decision",
    )
    meeting = models.ForeignKey(
        "governance.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    title = models.CharField(max_length=300)
    text = models.TextField()
    decided_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.OPEN
    )
    proposer = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    seconder = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The golden thread back from a resolution to the Full Council motion that asked for the report
    # it adopts (or from any decision to the earlier one it follows); shown both ways.
    follows = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_by",
        help_text="The earlier decision, such as a Full Council motion, that led to this one.",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["-decided_on", "-id"], name="decision_date")
        ]  # the register

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:decision_detail", args=[self.public_id])


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class DecisionAction(PublicModel):
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decision_actions",
    )
    due_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.description[:80]
