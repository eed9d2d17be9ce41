"""Rules for directory values that the database cannot express on its own."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError

_LABEL = re.compile(r"^(?P<start>\d{4})/(?P<end>\d{2})$")


def municipal_year_label_errors(label: str) -> list[str]:
    """Problems with a label such as ``2016/17``: a year, a slash, the next year's two digits."""
    match = _LABEL.match(label)
    if not match:
        return ["Enter the municipal year in the format 2016/17"]
    start = int(match["start"])
    if int(match["end"]) != (start + 1) % 100:
        return [
            f"The second year must follow the first, for example {start}/{(start + 1) % 100:02d}"
        ]
    return []


def check_municipal_year(label: str, starts_on: dt.date | None, ends_on: dt.date | None) -> None:
    """Raise a field-keyed ValidationError if the label and dates do not make a municipal year."""
    errors: dict[str, list[str]] = {}
    if label_errors := municipal_year_label_errors(label):
        errors["label"] = label_errors
    elif starts_on is not None and starts_on.year != int(label[:4]):
        errors["starts_on"] = [f"The start date must be in {label[:4]}, the first year of {label}"]
    if starts_on is not None and ends_on is not None and ends_on <= starts_on:
        errors["ends_on"] = ["The end date must be after the start date"]
    if errors:
        raise ValidationError(errors)
