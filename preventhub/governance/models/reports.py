"""Committee reports, laid out as councils lay them out, with implications verified by named
officers."""

from __future__ import annotations

import uuid

from django.db import models
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IMPLICATIONS_REQUESTED = "implications_requested", "Implications requested"
    VERIFIED = "verified", "Implications verified"
    PUBLISHED = "published", "Published"


class ReportPurpose(models.TextChoices):
    DECISION = "decision", "For decision"
    DISCUSSION = "discussion", "For discussion"
    NOTING = "noting", "For noting"


class Report(PublicModel):
    title = models.CharField(max_length=300)
    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="reports",
        help_text="The body the report goes to.",
    )
    report_of = models.CharField(
        max_length=200, blank=True, help_text="For example: Head of Resident Services."
    )
    author = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="authored_reports",
    )
    status = models.CharField(
        max_length=30, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    purpose = models.CharField(
        max_length=20, choices=ReportPurpose.choices, default=ReportPurpose.DECISION
    )
    wards_affected = models.CharField(max_length=200, blank=True, default="All wards")
    is_key_decision = models.BooleanField(default=False)
    is_exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(null=True, blank=True)
    executive_summary = models.TextField(blank=True)
    introduction = models.TextField("introduction and background", blank=True)
    issues_and_options = models.TextField(blank=True)
    reasons = models.TextField("reasons for recommendation", blank=True)
    consultation = models.TextField(blank=True)
    corporate_policies = models.TextField("impact on corporate policies", blank=True)
    background_papers = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["-created_at"], name="report_created")]  # the reports list

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    # Recommendations, implications and appendices are changed and removed by URL: a public id keeps
    # database keys out of URLs (and a recommendation's number changes when the list is renumbered).
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"],
                name="recommendation_number_unique",
                violation_error_message="Recommendation numbers must be unique.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"


class ImplicationKind(models.TextChoices):
    FINANCIAL = "financial", "Financial"
    LEGAL = "legal", "Legal"
    EQUALITY = "equality", "Diversity and equality"
    OTHER = "other", "Other"


class Implication(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="implications")
    kind = models.CharField(max_length=20, choices=ImplicationKind.choices)
    heading = models.CharField(
        max_length=120, blank=True, help_text="For 'other': for example Crime and disorder."
    )
    text = models.TextField(blank=True)
    is_required = models.BooleanField(default=True)
    verifier = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="implications_to_verify",
    )
    verified_by_name = models.CharField(max_length=200, blank=True)
    verified_by_title = models.CharField(max_length=200, blank=True)
    verified_on = models.DateField(null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.label} implications"

    @property
    def label(self) -> str:
        return self.heading or self.get_kind_display()

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None


class Appendix(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="appendices")
    letter = models.CharField(max_length=4, help_text="A, B, C…")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="appendices/%Y/", blank=True)
    terms = models.ForeignKey(
        "governance.TermsOfReference",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appendix_to",
    )
    url = models.URLField(blank=True)
    # A published report does not change: the terms of reference version an appendix links to is
    # rendered to PDF when the report is published, and that copy is the appendix from then on
    # (the version may be a draft that is amended, or deleted, later).
    snapshot = models.FileField(upload_to="appendices/%Y/", blank=True)
    snapshot_taken_at = models.DateTimeField(null=True, blank=True)
    # A document another module keeps (an agreed risk assessment or partnership plan, registered
    # in ``appendix_sources``), frozen into ``snapshot`` when it was attached. Its handling marking
    # is kept with the copy: a marked copy is read only by those its source allows.
    source_kind = models.CharField(max_length=40, blank=True)
    source_id = models.UUIDField(null=True, blank=True)
    marking = models.CharField(max_length=40, blank=True)
    marking_label = models.CharField(max_length=40, blank=True)

    objects = RestrictedQuerySet.as_manager()

    # Not stored: set by the views that lay a report out. Where the appendix is read (empty when
    # the reader may not open it), and in the agenda pack why it is not reproduced there.
    href: str = ""
    pack_note: str = ""

    class Meta:
        ordering = ["letter"]
        verbose_name_plural = "appendices"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "letter"],
                name="appendix_letter_unique",
                violation_error_message="Each appendix needs its own number.",
            )
        ]

    def __str__(self) -> str:
        return f"Appendix {self.letter}: {self.title}"
