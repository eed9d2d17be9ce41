"""What the governance pickers choose (see core/pickers.py): councillors."""

from __future__ import annotations

from typing import Any

from preventhub.core.pickers import PickerSource

from .models import Councillor


def describe_councillor(councillor: Any) -> str:
    """ "Councillor Jane Smith, Abbey ward, Labour": the ward and party tell namesakes apart."""
    parts = [f"Councillor {councillor.person.name}"]
    if councillor.ward_id:
        parts.append(f"{councillor.ward.name} ward")
    if councillor.party:
        parts.append(councillor.party)
    return ", ".join(parts)


COUNCILLORS = PickerSource(
    kind="councillors",
    model=Councillor,
    singular="councillor",
    plural="councillors",
    search_fields=("person__name", "ward__name", "party"),
    order_by=("person__name", "id"),
    describe=describe_councillor,
    url_name="governance:search_councillors",
    related=("person", "ward"),
)
