"""Base models shared by every module."""

from __future__ import annotations

import uuid

from django.db import models


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
