"""Government Security Classifications handling markings used by the risk module."""

from django.db import models


class Marking(models.TextChoices):
    OFFICIAL = "official", "OFFICIAL"
    OFFICIAL_SENSITIVE = "official_sensitive", "OFFICIAL-SENSITIVE"
