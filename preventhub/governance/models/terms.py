"""Versioned terms of reference: draft → agreed (by a resolution) → superseded."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class TermsStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"
    SUPERSEDED = "superseded", "Superseded"


class ClauseSection(models.TextChoices):
    PURPOSE = "purpose", "Purpose"
    MEMBERSHIP = "membership", "Membership"
    DUTIES = "duties", "Duties"
    SCOPE = "scope", "Scope"
    REPORTING = "reporting", "Reporting"
    FREQUENCY = "frequency", "Frequency of meetings"
    QUORUM = "quorum", "Quorum"
    OTHER = "other", "Other"


class TermsOfReference(PublicModel):
    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="terms_versions"
    )
    number = models.PositiveSmallIntegerField(help_text="Version 1, 2, 3…")
    status = models.CharField(max_length=20, choices=TermsStatus.choices, default=TermsStatus.DRAFT)
    agreed_by = models.ForeignKey(
        "governance.Resolution",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreed_terms",
    )
    agreed_on = models.DateField(null=True, blank=True)
    amendment_summary = models.TextField(
        blank=True, help_text="What changed from the previous version."
    )
    amendment_reason = models.TextField(blank=True, help_text="Why it changed.")

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "-number"]
        verbose_name_plural = "terms of reference"
        constraints = [
            models.UniqueConstraint(
                fields=["body", "number"],
                name="terms_version_unique",
                violation_error_message="That version number already exists for this body.",
            ),
            models.UniqueConstraint(
                fields=["body"],
                condition=Q(status="agreed"),
                name="terms_one_agreed",
                violation_error_message="A body can have only one agreed version at a time.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} terms of reference v{self.number} ({self.get_status_display()})"


class Clause(PublicModel):
    """One numbered clause of one version. Clauses are edited only while their version is a draft;
    a new version copies them, keeping each clause's ``lineage`` so any two versions can be
    compared clause by clause even after clauses are renumbered, moved or removed."""

    terms = models.ForeignKey(TermsOfReference, on_delete=models.CASCADE, related_name="clauses")
    number = models.CharField(max_length=10, help_text="As printed, for example 3 or 3.2.")
    section = models.CharField(
        max_length=20, choices=ClauseSection.choices, default=ClauseSection.OTHER
    )
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    lineage = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        db_index=True,
        help_text="The same for a clause and its copies in later versions.",
    )

    class Meta:
        ordering = ["order", "id"]
        indexes = [models.Index(fields=["terms", "order"], name="clause_terms_order")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"
