"""The rows the risk module cannot work without: the Home Office type-of-concern categories and an
active rating matrix.

A data migration creates them in a new database; this module puts them back whenever they are
missing after ``migrate`` or ``flush`` (Django sends ``post_migrate`` after both, which is how a
test database emptied between transactional tests gets them again). Each run is idempotent.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.db import router

# The categories as the data migration seeds them (one list, kept with the migration).
data = importlib.import_module("preventhub.risk.migrations.0002_seed_taxonomy_and_matrix")


def ensure_reference_data(*, using: str = "default", **_: Any) -> None:
    from .models import ConcernType, RatingMatrix

    if not router.allow_migrate_model(using, ConcernType):
        return
    if not ConcernType.objects.using(using).exists():
        for order, (code, label, valid_from, valid_to) in enumerate(data.CATEGORIES, start=1):
            ConcernType.objects.using(using).get_or_create(
                code=code,
                valid_from=valid_from,
                defaults={
                    "label": label,
                    "valid_to": valid_to,
                    "order": order * 10,
                    "source": data._release(valid_from),
                },
            )
    if not RatingMatrix.objects.using(using).filter(is_active=True).exists():
        RatingMatrix.objects.using(using).create(is_active=True)  # the model's default bands
