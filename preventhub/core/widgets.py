"""Widgets for GOV.UK patterns that Django has no widget for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms

DATE_PARTS = ("day", "month", "year")


class GovukDateInput(forms.MultiWidget):
    """GOV.UK's date input: separate day, month and year boxes, named ``<name>-day`` etc.

    The ``-day`` suffixes are GOV.UK's naming (the date-input component's ``namePrefix``), so the
    boxes rendered by :class:`~preventhub.core.forms.GovukFormRenderer` and the data read back here
    agree.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(widgets=[forms.TextInput, forms.TextInput, forms.TextInput], attrs=attrs)
        self.widgets_names = [f"-{part}" for part in DATE_PARTS]

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def value_from_datadict(self, data: Mapping[str, Any], files: Any, name: str) -> list[str]:
        return [data.get(f"{name}-{part}", "") or "" for part in DATE_PARTS]

    def value_omitted_from_data(self, data: Mapping[str, Any], files: Any, name: str) -> bool:
        return all(f"{name}-{part}" not in data for part in DATE_PARTS)

    def parts(self, value: Any) -> dict[str, Any]:
        """The day, month and year to show in the boxes, from a date or from what the user typed."""
        values = value if isinstance(value, list | tuple) else self.decompress(value)
        return {part: ("" if v is None else v) for part, v in zip(DATE_PARTS, values, strict=False)}
