"""Declaring a spreadsheet: the columns a module imports and exports, and how its rows are checked
against the database and saved.

A module declares one :class:`Sheet` subclass per list (the risk register, the plan's actions) in
its ``spreadsheets.py`` and registers it from ``AppConfig.ready``; core's pages, import engine and
exports do the rest. Column headers are also the export's headers, so a file we export maps itself
and re-imports to the same records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .parsers import Parser, words


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    parse: Parser | None = None  # None: written by exports, never imported (a worked-out value)
    required: bool = False
    synonyms: tuple[str, ...] = ()
    hint: str = ""
    # How a parsed value is shown in the preview (the default is the value as text).
    show: Callable[[Any], str] | None = None

    @property
    def importable(self) -> bool:
        return self.parse is not None

    def names(self) -> set[str]:
        return {words(self.header), *(words(s) for s in self.synonyms)}

    def display(self, value: Any) -> str:
        if value is None or value == "":
            return ""
        if self.show is not None:
            return self.show(value)
        return str(value)


@dataclass
class ParsedRow:
    """A row whose cells have been read: ``values`` by column key (``None`` for an empty cell),
    ``headers`` the file's own header for each key (for error messages)."""

    number: int
    values: dict[str, Any]
    headers: dict[str, str]
    # What the sheet resolved while checking (records found by name, the record being updated).
    resolved: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str  # the file's header ("" when the error is about the whole row)
    message: str

    @property
    def anchor(self) -> str:
        return f"row-{self.row}"

    @property
    def text(self) -> str:
        where = f"Row {self.row}" + (f", column ‘{self.column}’" if self.column else "")
        return f"{where}: {self.message}"


class Sheet:
    """One importable and exportable list. Subclasses set the class attributes and implement
    ``can_import``, ``check`` and ``save`` (and ``find_scope`` when rows go into a parent record,
    such as a plan)."""

    kind: ClassVar[str]  # the URL's name for it, for example "risk_register"
    title: ClassVar[str]  # "risk register"
    noun_plural: ClassVar[str]  # "risks"
    columns: ClassVar[Sequence[Column]]
    # The column holding our public id: a row whose id is found updates that record.
    id_column: ClassVar[str] = "id"
    batch_size: ClassVar[int] = 500
    # The parent record the rows go into ("plan"); None when they go into a list of their own.
    scope_noun: ClassVar[str | None] = None

    def can_import(self, user: Any) -> bool:
        raise NotImplementedError

    def find_scope(self, user: Any, public_id: Any) -> Any:
        """The parent record ``user`` may import into, or ``None``."""
        return None

    def describe_scope(self, scope: Any) -> str:
        return str(scope) if scope is not None else ""

    def done_url(self, scope: Any) -> str:
        raise NotImplementedError

    def check(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> list[RowError]:
        """Check one batch against the database (names that must match records, ids, rules
        across columns), filling in ``row.resolved``; ``state`` lives for the whole file."""
        raise NotImplementedError

    def save(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> tuple[int, int]:
        """Create and update one checked batch; the number created and the number updated."""
        raise NotImplementedError

    def export_cells(self, record: Any) -> Sequence[Any]:
        """One record as cells, in the order of ``columns``."""
        raise NotImplementedError

    def export_queryset(self, queryset: Any) -> Any:
        """The rows an export reads (joins and prefetches it needs)."""
        return queryset

    # -- Derived -----------------------------------------------------------------------------------

    def importable(self) -> list[Column]:
        return [c for c in self.columns if c.importable]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def known_names(self) -> dict[str, str]:
        """Header words → column key, for recognising a header row and suggesting a mapping.
        Export-only columns are known too, so an export's own header maps to "do not import"."""
        names: dict[str, str] = {}
        for column in self.columns:
            for name in column.names():
                names.setdefault(name, column.key if column.importable else "")
        return names


_SHEETS: dict[str, Sheet] = {}


def register_sheet(sheet: Sheet) -> Sheet:
    _SHEETS[sheet.kind] = sheet
    return sheet


def sheet_for(kind: str) -> Sheet | None:
    return _SHEETS.get(kind)


def registered_sheets() -> list[Sheet]:
    return list(_SHEETS.values())
