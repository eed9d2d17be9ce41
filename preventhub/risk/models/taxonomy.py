"""The type-of-concern taxonomy, shared by the risk register and (later) casework.

Categories follow the Home Office Prevent referral statistics, which changed their lists twice: a
release covers a financial year (April to March), so each category is valid from the first day of
the year whose release first used it and until the last day of the year whose release last used it.
A relabelled category is a new row with the same ``code`` and a later ``valid_from``; records keep
pointing at the row that was current when they were written.

    ConcernType.objects.valid_on(date)      # the categories a form offers for that date
    ConcernType.objects.current()           # valid today
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class ConcernTypeQuerySet(RestrictedQuerySet["ConcernType"]):
    def valid_on(self, day: dt.date) -> ConcernTypeQuerySet:
        """Categories in force on ``day`` (both ends inclusive; an open end never expires)."""
        return self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)

    def current(self) -> ConcernTypeQuerySet:
        return self.valid_on(timezone.localdate())


class ConcernType(PublicModel):
    code = models.SlugField(max_length=60, help_text="A stable key, kept when the label changes.")
    label = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    valid_from = models.DateField(help_text="The first day this category may be recorded.")
    valid_to = models.DateField(
        null=True, blank=True, help_text="The last day it may be recorded; empty while in use."
    )
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(
        max_length=200, blank=True, help_text="The statistics release the category comes from."
    )

    objects = ConcernTypeQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "label", "valid_from"]
        indexes = [models.Index(fields=["valid_from", "valid_to"], name="concern_type_validity")]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"],
                name="concern_type_code_version",
                violation_error_message="This category already has a version from that date.",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="concern_type_valid_to_after_from",
                violation_error_message="A category cannot stop being valid before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def is_valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
