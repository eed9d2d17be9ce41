"""Minutes per agenda item: presentation, points, questions and answers, resolutions."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db import models
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet

if TYPE_CHECKING:
    from .meetings import AgendaItem, Meeting


class Minute(PublicModel):
    item = models.OneToOneField(
        "governance.AgendaItem", on_delete=models.CASCADE, related_name="minute"
    )
    presented_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    points = models.TextField(
        blank=True, help_text="The points made in the presentation, one per paragraph."
    )
    discussion = models.TextField(blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["item__order"]

    def __str__(self) -> str:
        return f"Minute of {self.item}"


class Question(models.Model):
    # Questions are changed and removed by URL, and integer keys never appear in URLs.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="questions_asked"
    )
    question = models.TextField()
    answered_by = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions_answered",
    )
    answer = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.question[:80]


class Outcome(models.TextChoices):
    CARRIED = "carried", "Carried"
    AMENDED = "amended", "Carried as amended"
    NOT_CARRIED = "not_carried", "Not carried"


class Resolution(PublicModel):
    minute = models.ForeignKey(
        Minute, null=True, blank=True, on_delete=models.CASCADE, related_name="resolutions"
    )
    number = models.CharField(max_length=12, help_text="For example 1, or 77.1.")
    text = models.TextField()
    recommendation = models.ForeignKey(
        "governance.Recommendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.CARRIED)
    recorded_vote = models.JSONField(
        default=dict,
        blank=True,
        help_text='{"for": [names], "against": [names], "abstained": [names]}',
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["minute", "id"]

    def __str__(self) -> str:
        return f"Resolution {self.number}: {self.text[:80]}"

    @property
    def minuted_item(self) -> AgendaItem:
        """The agenda item whose minute holds the resolution. Resolutions are added, changed and
        removed through the minutes, so one handled there always has a minute."""
        if self.minute is None:
            raise ValueError(f"{self} is not in any minutes")
        return self.minute.item

    @property
    def minuted_meeting(self) -> Meeting | None:
        """The meeting whose minutes hold the resolution, if it is minuted."""
        return self.minute.item.meeting if self.minute is not None else None
