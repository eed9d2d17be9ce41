"""Streaming readers for the spreadsheets councils upload: CSV and XLSX, one row at a time.

Both give ``(row_number, cells)`` pairs, the row number being the one the council sees in Excel
(1 for the first line), so an error can name it. Blank rows are given too (as empty tuples), so
numbering never drifts; the caller skips them.

CSV is decoded as UTF-8 (with or without the byte-order mark Excel writes) or, when that fails,
as Windows-1252 (what Excel on Windows writes for "CSV" without "UTF-8"). The encoding is found by
a first pass over the bytes in fixed-size chunks, so nothing holds the whole file.

XLSX is read with openpyxl in read-only mode, whose worksheet parser streams. openpyxl would
still load the workbook's shared-strings table (every distinct text in the file) into a list before
the first row, which grows with the file; :class:`DiskStrings` keeps that table in a temporary file
with only an offset per string in memory, so a 10,000-row plan needs no more memory than a
100-row one.
"""

from __future__ import annotations

import codecs
import csv
import tempfile
from array import array
from collections.abc import Iterator
from typing import IO, Any

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

Row = tuple[int, tuple[Any, ...]]
CHUNK = 64 * 1024
EXTENSIONS = ("csv", "xlsx")


class UnreadableFile(Exception):
    """The file is not a spreadsheet we can read; the message is GOV.UK-worded."""


def read_rows(file: IO[bytes], extension: str) -> Iterator[Row]:
    """Every row of the first sheet of ``file`` (a binary file open for reading, seekable)."""
    if extension == "csv":
        return _csv_rows(file)
    if extension == "xlsx":
        return _xlsx_rows(file)
    raise UnreadableFile("The selected file must be a CSV or an Excel spreadsheet (.xlsx)")


# -- CSV -------------------------------------------------------------------------------------------


def csv_encoding(file: IO[bytes]) -> str:
    """``utf-8-sig`` if the whole file decodes as UTF-8, else ``cp1252``; read in chunks."""
    file.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := file.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        file.seek(0)


def _csv_rows(file: IO[bytes]) -> Iterator[Row]:
    encoding = csv_encoding(file)
    text = codecs.getreader(encoding)(file, "replace")
    reader = csv.reader(text)
    try:
        for cells in reader:
            yield reader.line_num, tuple(cells)
    except csv.Error as exc:
        raise UnreadableFile(
            f"The selected file could not be read as CSV near line {reader.line_num}: "
            "save it again from Excel as ‘CSV UTF-8’ and upload that"
        ) from exc


# -- XLSX ------------------------------------------------------------------------------------------


class DiskStrings:
    """A read-only sequence of strings kept in a temporary file: 8 bytes of memory per string."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115  # closed by close()
        self._offsets = array("Q", [0])

    def append(self, text: str) -> None:
        self._file.seek(self._offsets[-1])
        self._file.write(text.encode("utf-8"))
        self._offsets.append(self._file.tell())

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, index: int) -> str:
        start, end = self._offsets[index], self._offsets[index + 1]
        self._file.seek(start)
        return self._file.read(end - start).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class _StreamingReader(ExcelReader):
    """openpyxl's reader with the shared-strings table on disk (see the module's docstring)."""

    def read_strings(self) -> None:
        strings = DiskStrings()
        self.shared_strings = strings  # type: ignore[assignment]  # openpyxl only indexes it
        part = self.package.find(SHARED_STRINGS)
        if part is None:
            return
        tag = f"{{{SHEET_MAIN_NS}}}si"
        with self.archive.open(part.PartName[1:]) as source:
            for _, node in iterparse(source):
                if node.tag == tag:
                    found = Text.from_tree(node)
                    content = found.content if found is not None else ""
                    strings.append((content or "").replace("x005F_", ""))
                    node.clear()


def _xlsx_rows(file: IO[bytes]) -> Iterator[Row]:
    try:
        reader = _StreamingReader(file, read_only=True, data_only=True)
        reader.read()
    except Exception as exc:  # openpyxl raises many kinds for a damaged or disguised file
        raise UnreadableFile(
            "The selected file could not be opened as an Excel spreadsheet: save it again as "
            ".xlsx and upload that"
        ) from exc
    workbook = reader.wb
    try:
        sheet = workbook.worksheets[0]
        # Files written by other programs often record a wrong size ("A1"); read every row.
        sheet.reset_dimensions()
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, tuple(cells)
    finally:
        workbook.close()
        strings = reader.shared_strings
        if isinstance(strings, DiskStrings):
            strings.close()
