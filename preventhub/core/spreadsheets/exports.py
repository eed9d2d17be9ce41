"""Exports of any filtered list as CSV or XLSX, streamed, with the headers the importer maps by
default, so an exported file re-imports to the same records.

The caller passes the rows it would list (from the policy's ``visible_to``, with the list page's
filters), so an export never holds a record the page would not show. CSV is written row by row
to the response. XLSX is written by openpyxl in write-only mode (each row goes to a temporary
file as it is added) and then sent from that file in chunks. Texts that a spreadsheet program would
run as a formula are written after an apostrophe (see ``parsers.guard``); dates are date cells in
XLSX and ISO dates (2025-03-31) in CSV, both of which the importer reads.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from preventhub.audit.services import record_event

from . import audit_actions as codes
from .parsers import guard
from .sheets import Sheet

FORMATS = ("csv", "xlsx")
CHUNK = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Echo:
    """A file-like object whose ``write`` returns what it was given (csv.writer writes one row)."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (dt.date, int, Decimal)):
        return value.isoformat() if isinstance(value, dt.date) else value
    return guard(str(value))


def csv_lines(sheet: Sheet, records: Iterable[Any]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Excel opens a UTF-8 CSV correctly only with the byte-order mark
    yield writer.writerow(sheet.headers())
    for record in records:
        yield writer.writerow([_csv_cell(v) for v in sheet.export_cells(record)])


def _xlsx_cell(worksheet: Any, value: Any) -> Any:
    if isinstance(value, bool):
        value = "Yes" if value else "No"
    if isinstance(value, str):
        cell = WriteOnlyCell(worksheet, value=guard(value))
        cell.data_type = "s"  # never a formula, whatever it starts with
        return cell
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, dt.date):
        cell.number_format = "DD/MM/YYYY"
    return cell


def write_xlsx(sheet: Sheet, records: Iterable[Any], file: Any) -> int:
    """Write the workbook to ``file``; the number of records written."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet.title.capitalize()[:31])
    for index, column in enumerate(sheet.columns, start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = 14 if column.parse else 12
    worksheet.append([_xlsx_cell(worksheet, h) for h in sheet.headers()])
    count = 0
    for record in records:
        worksheet.append([_xlsx_cell(worksheet, v) for v in sheet.export_cells(record)])
        count += 1
    workbook.save(file)
    return count


def export_response(
    sheet: Sheet, queryset: Any, *, fmt: str, actor: Any, filters: dict[str, Any]
) -> StreamingHttpResponse | FileResponse:
    """The download of ``queryset`` (already restricted and filtered), audited as one export."""
    rows = queryset.count()
    record_event(
        actor=actor,
        action=codes.EXPORTED,
        object_type=sheet.kind,
        object_repr=f"{sheet.title.capitalize()} export",
        changes={
            "format": [None, fmt],
            "rows": [None, rows],
            **{k: [None, str(v)] for k, v in filters.items() if v not in (None, "")},
        },
    )
    records = sheet.export_queryset(queryset).iterator(chunk_size=CHUNK)
    name = f"{sheet.kind.replace('_', '-')}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(sheet, records), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    file = tempfile.TemporaryFile()  # noqa: SIM115  # FileResponse closes it when sent
    write_xlsx(sheet, records, file)
    file.seek(0)
    return FileResponse(file, as_attachment=True, filename=name, content_type=XLSX_TYPE)


def export_format(value: str | None) -> str | None:
    return value if value in FORMATS else None
