"""Base models shared by every module."""

from __future__ import annotations

import uuid

from django.db import models

from preventhub.core.policies import RestrictedQuerySet


class PublicModel(models.Model):
    """A record with a public UUID (the only identifier in URLs and the API), timestamps and an
    optimistic-concurrency version that services bump on every change."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @property
    def audit_label(self) -> str:
        return str(self)


class ImportMapping(models.Model):
    """The columns a person chose for a spreadsheet layout, offered again the next time they
    upload a file whose headers are the same (``signature``: the headers as words, hashed).
    ``columns`` maps each header, as words, to our column key ("" for a column not imported)."""

    kind = models.CharField(max_length=60)
    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="import_mappings"
    )
    signature = models.CharField(max_length=64)
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "user", "signature"],
                name="import_mapping_one_per_layout",
                violation_error_message="This layout already has a remembered mapping.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} mapping"


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    CHECKED = "checked", "Checked"
    IMPORTED = "imported", "Imported"


class SpreadsheetImport(PublicModel):
    """One uploaded spreadsheet on its way through mapping, checking and importing. Only the person
    who uploaded it sees it; the file is removed once its rows are imported."""

    kind = models.CharField(max_length=60)
    scope_id = models.UUIDField(
        null=True, blank=True, help_text="The public id of the record the rows go into (a plan)."
    )
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="spreadsheet_imports"
    )
    file = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=255)
    extension = models.CharField(max_length=10)
    header_row = models.PositiveIntegerField(default=1)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=list)
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    remembered = models.BooleanField(default=False)
    outcome = models.JSONField(default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["uploaded_by", "-created_at"], name="import_by_user")]

    def __str__(self) -> str:
        return self.filename
