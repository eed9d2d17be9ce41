"""The upload form and the column-mapping form."""

from __future__ import annotations

from typing import Any

from django import forms
from openpyxl.utils import get_column_letter

from preventhub.core.forms import GovukForm

from .sheets import Sheet


class UploadForm(GovukForm):
    file = forms.FileField(
        label="Upload a file",
        help_text="An Excel spreadsheet (.xlsx) or a CSV, smaller than 20MB. Only the first "
        "sheet is read.",
        error_messages={"required": "Select the spreadsheet to import"},
    )


def column_label(index: int, header: str) -> str:
    letter = get_column_letter(index + 1)
    return f"Column {letter}: {header}" if header else f"Column {letter} (no heading)"


class ColumnsForm(GovukForm):
    """One question per column of the file: which of our columns it holds, or none."""

    def __init__(self, *args: Any, sheet: Sheet, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.headers = headers
        choices = [("", "Do not import")] + [
            (c.key, c.header + (" (required)" if c.required else "")) for c in sheet.importable()
        ]
        for index, header in enumerate(headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=column_label(index, header), choices=choices, required=False
            )

    def mapping(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{i}") or "" for i in range(len(self.headers))]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        chosen: dict[str, int] = {}
        for index, key in enumerate(self.mapping()):
            if not key:
                continue
            if key in chosen:
                header = self.sheet.column(key).header
                self.add_error(
                    f"column_{index}",
                    f"‘{header}’ is already chosen for column "
                    f"{get_column_letter(chosen[key] + 1)}: choose it for one column only",
                )
            chosen.setdefault(key, index)
        for column in self.sheet.importable():
            if column.required and column.key not in chosen:
                self.add_error(None, f"Choose the column that holds the {column.header.lower()}")
        return cleaned
