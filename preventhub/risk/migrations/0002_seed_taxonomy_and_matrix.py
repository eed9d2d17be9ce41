"""Seed the Home Office type-of-concern categories and the default rating matrix.

Validity follows the statistics releases (financial years, April to March): the lists used to
2020/21, the lists of the 2021/22 to 2023/24 releases, and the categories introduced with the
Prevent Case Management Tracker for 2024/25. Categories reported in every release (Islamist,
Extreme right-wing) have one open-ended row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import migrations

FROM_2015 = dt.date(2015, 4, 1)  # the first release of the series (2015/16)
FROM_2021 = dt.date(2021, 4, 1)  # 2021/22 release
UNTIL_2021 = dt.date(2021, 3, 31)
FROM_2024 = dt.date(2024, 4, 1)  # 2024/25 release, the first from the Case Management Tracker
UNTIL_2024 = dt.date(2024, 3, 31)

HOME_OFFICE = "Individuals referred to and supported through the Prevent Programme"

CATEGORIES: list[tuple[str, str, dt.date, dt.date | None]] = [
    ("islamist", "Islamist", FROM_2015, None),
    ("extreme_right_wing", "Extreme right-wing", FROM_2015, None),
    ("mixed_unclear_unstable", "Mixed, unclear or unstable ideology", FROM_2015, UNTIL_2021),
    ("left_wing", "Left-wing", FROM_2015, UNTIL_2021),
    ("other", "Other", FROM_2015, UNTIL_2024),
    (
        "vulnerability_no_ideology",
        "Vulnerability present but no ideology or counter-terrorism risk",
        FROM_2021,
        UNTIL_2024,
    ),
    ("conflicted", "Conflicted ideology", FROM_2021, UNTIL_2024),
    ("unclear", "Unclear ideology", FROM_2021, UNTIL_2024),
    ("school_massacre", "School massacre", FROM_2021, UNTIL_2024),
    ("incel", "Incel (involuntary celibate)", FROM_2021, UNTIL_2024),
    (
        "left_wing_anarchist_single_issue",
        "Left-wing, anarchist or single issue",
        FROM_2021,
        UNTIL_2024,
    ),
    ("northern_ireland", "Northern Ireland-related", FROM_2021, UNTIL_2024),
    ("no_ideology", "No ideology identified", FROM_2024, None),
    (
        "no_ideology_other_susceptibility",
        "No ideology – other susceptibility to radicalisation identified",
        FROM_2024,
        None,
    ),
    (
        "extreme_violence",
        "Fascination with extreme violence or mass casualty attacks (where no other ideology)",
        FROM_2024,
        None,
    ),
]


def _release(valid_from: dt.date) -> str:
    year = valid_from.year
    return f"{HOME_OFFICE}, {year}/{str(year + 1)[2:]} release onwards"


def seed(apps: Any, schema_editor: Any) -> None:
    ConcernType = apps.get_model("risk", "ConcernType")
    for order, (code, label, valid_from, valid_to) in enumerate(CATEGORIES, start=1):
        ConcernType.objects.get_or_create(
            code=code,
            valid_from=valid_from,
            defaults={
                "label": label,
                "valid_to": valid_to,
                "order": order * 10,
                "source": _release(valid_from),
            },
        )
    RatingMatrix = apps.get_model("risk", "RatingMatrix")
    if not RatingMatrix.objects.filter(is_active=True).exists():
        RatingMatrix.objects.create(
            name="Partnership rating matrix",
            medium_from=5,
            high_from=10,
            very_high_from=15,
            is_active=True,
        )


class Migration(migrations.Migration):
    dependencies = [("risk", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
