"""Turning what councils type into our values: dates in the formats people use, status words and
their synonyms, RAG colours, ratings, numbers and lists.

A parser takes a cell (already stripped; never empty: empty cells are handled by the column) and
returns the value or raises :class:`CellError` with a GOV.UK-worded message that says what to
type instead. Parsers are pure: no database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import TextChoices

Parser = Callable[[Any], Any]

# Excel counts days from 30 December 1899 (its 1900 leap-year bug folded in); serial numbers in
# this range are the years 1954 to 2119, so a plain count such as 12 is never taken for a date.
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_RANGE = (20_000, 80_000)
DATE_HINT = "a date such as 31/03/2025 or 31 March 2025"
_ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b", re.IGNORECASE)
_DATE_FORMATS = (
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d-%m-%Y",
    "%d-%m-%y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B %y",
    "%d %b %y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%B %d %Y",
)


class CellError(ValueError):
    """A cell that cannot be read; ``str(error)`` is the message for the council."""


def words(value: Any) -> str:
    """A cell as comparable words: case-folded, punctuation and runs of spaces made one space."""
    return re.sub(r"[\s_\-–—./]+", " ", str(value)).strip().casefold()


def parse_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # "12" typed in a text column comes back from Excel as 12.0
    if isinstance(value, dt.datetime):
        value = value.date()
    return unguard(str(value).strip())


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str:
        result = parse_text(value)
        if len(result) > max_length:
            raise CellError(f"Enter {max_length} characters or fewer (this has {len(result)})")
        return result

    return parse


def parse_date(value: Any) -> dt.date:
    """A date as a council types it: 31/03/2025, 31.3.25, 31 March 2025, 31st Mar 2025,
    2025-03-31, an Excel date cell or an Excel serial number. Day before month always: a date
    that only makes sense month-first (03/31/2025) is refused rather than guessed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(value)
    cleaned = _ORDINAL.sub("", str(value).strip())
    cleaned = re.sub(r"\s+", " ", cleaned.replace(",", " ")).strip()
    if re.fullmatch(r"\d+(\.0+)?", cleaned):
        return _serial(float(cleaned))
    # A date and midnight, as Excel's own CSV or an ISO timestamp writes it.
    cleaned = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", cleaned)
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise CellError(f"Enter {DATE_HINT}")


def _serial(number: float) -> dt.date:
    if not SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        raise CellError(f"Enter {DATE_HINT}")
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def choice(
    choices: type[TextChoices], synonyms: Mapping[str, Iterable[str]] | None = None
) -> Parser:
    """One of ``choices``, by its value, its label or a synonym (``{value: [words, ...]}``),
    compared as :func:`words`."""
    known: dict[str, str] = {}
    for value, label in choices.choices:
        known[words(value)] = value
        known[words(label)] = value
    for value, others in (synonyms or {}).items():
        for other in others:
            known[words(other)] = value
    listed = ", ".join(str(label).lower() for label in choices.labels)

    def parse(cell: Any) -> str:
        found = known.get(words(cell))
        if found is None:
            raise CellError(f"Enter one of: {listed}")
        return found

    return parse


RAG_WORDS = {
    "red": ("r", "red", "off track", "behind"),
    "amber": ("a", "amber", "yellow", "y", "at risk", "orange"),
    "green": ("g", "green", "on track", "blue", "b", "complete", "completed"),
}
_RAG_ORDER = ("red", "amber", "green")


def parse_rag(value: Any) -> str:
    """A RAG colour: red, amber or green, R, A or G, and the two-colour ratings some councils use
    ("Amber/Green", "R/A", "AG"), which take the worse of the two. Blue (BRAG's "complete") is
    green."""
    text_value = words(value)
    lookup = {word: colour for colour, found in RAG_WORDS.items() for word in found}
    if text_value in lookup:
        return lookup[text_value]
    parts = [p for p in re.split(r"[\s/&+]+|(?<=^[rag])(?=[rag]$)", text_value) if p]
    colours = [lookup.get(p) for p in parts]
    if len(parts) == 2 and all(colours):
        return min(colours, key=lambda c: _RAG_ORDER.index(c or "green")) or "amber"
    raise CellError("Enter red, amber or green (or R, A or G)")


def whole_number(low: int, high: int, wording: Mapping[str, int] | None = None) -> Parser:
    """A whole number from ``low`` to ``high``: 3, 3.0, "3 - possible", "High (4)", or a word the
    scale uses (``wording``)."""
    named = {words(k): v for k, v in (wording or {}).items()}

    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise CellError(f"Enter a whole number from {low} to {high}")
        if isinstance(value, (int, float)):
            number = value
        else:
            cell = words(value)
            if cell in named:
                return named[cell]
            digits = re.findall(r"\d+(?:\.\d+)?", cell)
            if len(digits) != 1:
                raise CellError(f"Enter a whole number from {low} to {high}")
            number = float(digits[0])
        if not float(number).is_integer() or not low <= number <= high:
            raise CellError(f"Enter a whole number from {low} to {high}")
        return int(number)

    return parse


def parse_percent(value: Any) -> int:
    """A per cent complete: 75, "75%", or 0.75 from a cell Excel formats as a percentage."""
    if isinstance(value, float) and 0 < value < 1:
        value = value * 100
    cell = str(value).strip().rstrip("%").strip()
    try:
        number = Decimal(cell)
    except InvalidOperation:
        raise CellError("Enter the per cent complete as a number from 0 to 100") from None
    if not 0 <= number <= 100:
        raise CellError("Enter the per cent complete as a number from 0 to 100")
    return int(number.to_integral_value())


def parse_yes_no(value: Any) -> bool:
    cell = words(value)
    if cell in {"yes", "y", "true", "1", "x"}:
        return True
    if cell in {"no", "n", "false", "0"}:
        return False
    raise CellError("Enter yes or no")


def split_list(value: Any) -> list[str]:
    """A list typed in one cell: separated by semicolons, commas or new lines."""
    return [p.strip() for p in re.split(r"[;,\n]+", str(value)) if p.strip()]


# -- Formula guard ---------------------------------------------------------------------------------
# A text starting with one of these is run as a formula by spreadsheet programs; exports write it
# after an apostrophe and imports take the apostrophe off again, so a round trip loses nothing.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def unguard(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def parse_uuid(value: Any) -> Any:
    """Our ID column (a public id, as exports write it)."""
    import uuid

    try:
        return uuid.UUID(str(value).strip())
    except ValueError:
        raise CellError(
            "Enter the ID as exported (for example 3f2a…), or leave it empty for a new row"
        ) from None
