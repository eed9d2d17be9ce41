"""The import engine: find the header row, read the rows through a mapping, and import them in
two passes over the stream.

Pass 1 (:func:`check_file`) reads every row, parses its cells and checks each batch against the
database without writing; it keeps the first :data:`MAX_ERRORS` row errors (each naming the row
and the column) and the first :data:`PREVIEW_ROWS` good rows as they will be created.

Pass 2 (:func:`import_file`) reads the file again inside one transaction, checks each batch again
and saves it; any error rolls everything back (all or nothing). Only one batch of rows is in
memory at a time in either pass.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction

from .parsers import CellError, words
from .readers import Row, read_rows
from .sheets import ParsedRow, RowError, Sheet

HEADER_SCAN = 30  # rows looked at for the header (titles, logos and notes come above it)
MAX_ERRORS = 100
PREVIEW_ROWS = 10

Opener = Callable[[], IO[bytes]]


class ImportRefused(Exception):
    """Pass 2 found an error: nothing was saved."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__(f"{outcome.error_count} errors")
        self.outcome = outcome


@dataclass
class Outcome:
    rows: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    preview: list[tuple[int, list[str]]] = field(default_factory=list)
    created: int = 0
    updated: int = 0

    def add(self, errors: Iterable[RowError]) -> None:
        for error in errors:
            self.error_count += 1
            if len(self.errors) < MAX_ERRORS:
                self.errors.append(error)

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "error_count": self.error_count,
            "errors": [[e.row, e.column, e.message] for e in self.errors],
            "preview": [[number, cells] for number, cells in self.preview],
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Outcome:
        return cls(
            rows=data.get("rows", 0),
            error_count=data.get("error_count", 0),
            errors=[RowError(*e) for e in data.get("errors", [])],
            preview=[(n, cells) for n, cells in data.get("preview", [])],
            created=data.get("created", 0),
            updated=data.get("updated", 0),
        )


# -- The header row --------------------------------------------------------------------------------


def _is_blank(cells: Sequence[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def header_text(cell: Any) -> str:
    return " ".join(str(cell).split()) if cell is not None else ""


def find_header(rows: Iterator[Row], sheet: Sheet) -> tuple[int, list[str]] | None:
    """The row number and the headers of the header row: among the first rows, the one most of
    whose cells are headers the sheet knows (at least two), else the first row with two or more
    texts. Title rows above it (often merged across the sheet) are passed over."""
    known = sheet.known_names()
    best: tuple[int, int, list[str]] | None = None
    fallback: tuple[int, list[str]] | None = None
    for number, cells in itertools.islice(rows, HEADER_SCAN):
        texts = [header_text(c) for c in cells]
        while texts and not texts[-1]:
            texts.pop()
        score = sum(1 for t in texts if t and words(t) in known)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, number, texts)
        if fallback is None and sum(1 for t in texts if t) >= 2:
            fallback = (number, texts)
    if best is not None:
        return best[1], best[2]
    return fallback


def signature(headers: Sequence[str]) -> str:
    """What identifies a file's layout for remembering its mapping: its headers, as words."""
    joined = "\x1f".join(words(h) for h in headers)
    return hashlib.sha256(joined.encode()).hexdigest()


def suggest(sheet: Sheet, headers: Sequence[str]) -> list[str]:
    """A column key (or "") for each header, from the names the sheet knows; each key once."""
    known = sheet.known_names()
    used: set[str] = set()
    mapping: list[str] = []
    for header in headers:
        key = known.get(words(header), "") if header else ""
        if key in used:
            key = ""
        used.add(key)
        mapping.append(key)
    return mapping


# -- Reading rows through a mapping ----------------------------------------------------------------


def parse_row(
    sheet: Sheet, number: int, cells: Sequence[Any], mapping: Sequence[str], headers: Sequence[str]
) -> tuple[ParsedRow, list[RowError]]:
    values: dict[str, Any] = {}
    names: dict[str, str] = {}
    errors: list[RowError] = []
    for index, key in enumerate(mapping):
        if not key:
            continue
        column = sheet.column(key)
        names[key] = headers[index]
        raw = cells[index] if index < len(cells) else None
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            values[key] = None
            if column.required:
                errors.append(
                    RowError(number, headers[index], f"Enter the {column.header.lower()}")
                )
            continue
        try:
            values[key] = column.parse(raw) if column.parse else None
        except CellError as exc:
            values[key] = None
            errors.append(RowError(number, headers[index], str(exc)))
    return ParsedRow(number=number, values=values, headers=names), errors


def data_rows(opener: Opener, extension: str, header_row: int) -> Iterator[Row]:
    """The non-blank rows below the header row, streamed."""
    file = opener()
    try:
        for number, cells in read_rows(file, extension):
            if number > header_row and not _is_blank(cells):
                yield number, cells
    finally:
        file.close()


def _batches(
    sheet: Sheet,
    opener: Opener,
    extension: str,
    header_row: int,
    mapping: Sequence[str],
    headers: Sequence[str],
    outcome: Outcome,
) -> Iterator[list[ParsedRow]]:
    """Batches of rows whose cells parsed; cell errors go onto ``outcome`` as they are found."""
    batch: list[ParsedRow] = []
    for number, cells in data_rows(opener, extension, header_row):
        outcome.rows += 1
        row, errors = parse_row(sheet, number, cells, mapping, headers)
        if errors:
            outcome.add(errors)
            continue
        batch.append(row)
        if len(batch) >= sheet.batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def check_file(
    sheet: Sheet,
    opener: Opener,
    extension: str,
    *,
    header_row: int,
    headers: Sequence[str],
    mapping: Sequence[str],
    actor: Any,
    scope: Any,
) -> Outcome:
    """Pass 1: every error and a preview, nothing written."""
    outcome = Outcome()
    state: dict[str, Any] = {}
    keys = [k for k in mapping if k]
    for batch in _batches(sheet, opener, extension, header_row, mapping, headers, outcome):
        errors = sheet.check(batch, actor=actor, scope=scope, state=state)
        outcome.add(errors)
        bad = {e.row for e in errors}
        for row in batch:
            if len(outcome.preview) >= PREVIEW_ROWS:
                break
            if row.number not in bad:
                cells = [_shown(sheet, row, k) for k in keys]
                outcome.preview.append((row.number, cells))
    return outcome


def _shown(sheet: Sheet, row: ParsedRow, key: str) -> str:
    """A cell as it will be saved: the record a name was matched to, else the parsed value."""
    if row.resolved.get(key) is not None:
        return str(row.resolved[key])
    return sheet.column(key).display(row.values.get(key))


def import_file(
    sheet: Sheet,
    opener: Opener,
    extension: str,
    *,
    header_row: int,
    headers: Sequence[str],
    mapping: Sequence[str],
    actor: Any,
    scope: Any,
    after: Callable[[Outcome], None] | None = None,
) -> Outcome:
    """Pass 2: check and save every batch in one transaction; the first error rolls it all back
    and raises :class:`ImportRefused`. ``after`` runs inside the transaction (the audit event)."""
    outcome = Outcome()
    state: dict[str, Any] = {}
    with transaction.atomic():
        for batch in _batches(sheet, opener, extension, header_row, mapping, headers, outcome):
            if outcome.error_count:
                break
            errors = sheet.check(batch, actor=actor, scope=scope, state=state)
            if errors:
                outcome.add(errors)
                break
            created, updated = sheet.save(batch, actor=actor, scope=scope, state=state)
            outcome.created += created
            outcome.updated += updated
        if outcome.error_count:
            transaction.set_rollback(True)
            raise ImportRefused(outcome)
        if after is not None:
            after(outcome)
    return outcome
