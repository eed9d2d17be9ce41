"""Actions of a plan, their progress updates and the evidence attached to those updates."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet
from preventhub.plan.rag import PlanActionStatus, Rag, Rating, action_rag, computed_rag

from .plans import Objective


class Action(PublicModel):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField()
    lead_organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="plan_actions"
    )
    owner = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_actions",
    )
    starts_on = models.DateField("start date", null=True, blank=True)
    due_on = models.DateField("due date", null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PlanActionStatus.choices, default=PlanActionStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        "per cent complete", default=0, validators=[MaxValueValidator(100)]
    )
    rag_override = models.CharField(
        "RAG override",
        max_length=10,
        choices=[(r.value, r.label) for r in (Rag.RED, Rag.AMBER, Rag.GREEN)],
        blank=True,
    )
    rag_override_reason = models.TextField("reason for the override", blank=True)
    rag_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="overridden by",
    )
    rag_override_at = models.DateTimeField("overridden at", null=True, blank=True)
    # The decisions or resolutions that asked for this action (governance's golden thread).
    decisions = models.ManyToManyField(
        "governance.Decision", blank=True, related_name="plan_actions"
    )

    # The risks in the register this action reduces (a risk with none is flagged there).
    risks = models.ManyToManyField("risk.Risk", blank=True, related_name="actions")

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            # The action list sorts by due date (the default), description or status, and filters
            # by status, lead organisation, owner and plan (through the objective).
            models.Index(fields=["due_on", "id"], name="plan_action_due"),
            models.Index(fields=["status", "due_on"], name="plan_action_status_due"),
            models.Index(fields=["lead_organisation", "due_on"], name="plan_action_lead_due"),
            models.Index(fields=["owner", "due_on"], name="plan_action_owner_due"),
            models.Index(fields=["objective", "due_on"], name="plan_action_objective_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(due_on__gte=F("starts_on")),
                name="plan_action_due_after_start",
                violation_error_message="The due date must be the same as or after the start date.",
            ),
            models.CheckConstraint(
                condition=Q(rag_override="") | ~Q(rag_override_reason=""),
                name="plan_action_override_has_reason",
                violation_error_message="Give the reason for overriding the RAG rating.",
            ),
        ]

    def __str__(self) -> str:
        return self.description if len(self.description) <= 80 else self.description[:79] + "…"

    def rating(self, today: dt.date | None = None) -> Rating:
        return action_rag(
            status=self.status,
            due_on=self.due_on,
            starts_on=self.starts_on,
            today=today or timezone.localdate(),
            override=self.rag_override,
            override_reason=self.rag_override_reason,
        )

    def computed_rating(self, today: dt.date | None = None) -> Rating:
        """The rating from the dates and status alone (what an override replaces)."""
        return computed_rag(
            status=self.status,
            due_on=self.due_on,
            starts_on=self.starts_on,
            today=today or timezone.localdate(),
        )

    @property
    def is_open(self) -> bool:
        return self.status not in (PlanActionStatus.COMPLETE, PlanActionStatus.CANCELLED)


class ProgressUpdate(PublicModel):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField("date of the update")
    narrative = models.TextField("progress")
    percent = models.PositiveSmallIntegerField(
        "per cent complete", validators=[MaxValueValidator(100)]
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["action", "-on", "-id"], name="plan_update_action_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100),
                name="plan_update_percent_at_most_100",
                violation_error_message="The per cent complete must be between 0 and 100.",
            )
        ]

    def __str__(self) -> str:
        return f"Update of {self.on:%-d %B %Y}"


class Evidence(PublicModel):
    """A file attached to a progress update (checked like a report appendix)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="plan/evidence/%Y/")

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title
