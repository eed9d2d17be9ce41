"""Text as councils write it: one plain-text format for report sections, implications and minutes,
rendered the same way to web pages, PDFs and Word documents.

The format, as the forms tell authors:

- a blank line starts a new paragraph (numbered ``2.1, 2.2…`` in a numbered report section);
- a line starting ``- `` (or ``• ``) is a bullet point;
- a line starting ``## `` is a sub-heading.

Officers paste text from Word and from published PDFs, so ``normalise`` cleans it on the way in:
a paragraph number that matches the section ("2.1 The Act…" pasted into section 2) is dropped,
because the layout numbers paragraphs itself; a line starting with the next paragraph number
starts a new paragraph even without a blank line; lines hard-wrapped by a PDF or an e-mail are
joined back into one paragraph; Word's and PDF bullets ("•", "·", "▪", "o", "", "–") become
"- ". ``blocks`` reads normalised (or older, unnormalised) text into ``Block``s for the renderers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

# Bullets as they arrive from Word (including the Symbol font's private-use bullet U+F0B7), from
# PDFs (middle dot, square, white bullet, an "o" for a second-level bullet) and as typed.
BULLET = re.compile(r"^\s*(?:[-*•·▪◦–\uf0b7\uf0a7§]|o(?=\s))\s+")
HEADING = re.compile(r"^\s*##\s+")
# The start of a line that is its own line even inside a paragraph: "(a) ", "a) ", "i. ", "1) ".
LIST_MARK = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s", re.IGNORECASE)
# A hard-wrapped line is the width of a page or an e-mail; a shorter line was ended on purpose.
WRAP_WIDTH = 40
SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")


@dataclass(frozen=True)
class Block:
    kind: Literal["paragraph", "bullets", "heading"]
    text: str = ""
    items: tuple[str, ...] = ()
    number: str = ""


def _number_pattern(section: int | str) -> re.Pattern[str]:
    """ "2.1 ", "2.1. ", "2.1) " or "2.1<tab>" at the start of a line, for section 2, before the
    paragraph's first word (so a wrapped line starting "2.1 million people" is not a number)."""
    return re.compile(rf"^\s*{re.escape(str(section))}\.\d{{1,3}}[.)]?(?:\s+(?=[^a-z0-9])|\s*$)")


def _lines(text: str) -> list[str]:
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return [SPACES.sub(" ", line).strip() for line in text.split("\n")]


def _is_break(line: str) -> bool:
    return bool(BULLET.match(line) or HEADING.match(line) or LIST_MARK.match(line))


def _joins(previous: str, line: str) -> bool:
    """Whether ``line`` continues ``previous`` (a hard wrap) rather than starting its own line."""
    if _is_break(line):
        return False
    if BULLET.match(previous):
        return True  # a wrapped bullet point: its next lines belong to it
    return len(previous) >= WRAP_WIDTH and not previous.endswith(":")


def normalise(text: str, *, section: int | str | None = None, join_lines: bool = True) -> str:
    """Clean pasted text into the stored format (see the module docstring). ``section`` is the
    number of the numbered section the text belongs to, so "2.1 …" lines start paragraphs and lose
    their number; ``join_lines`` false keeps every line (background papers: one paper a line)."""
    numbered = _number_pattern(section) if section is not None else None
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if not line:
            paragraphs.append([])
            continue
        if numbered is not None and numbered.match(line):
            paragraphs.append([])
            line = numbered.sub("", line, count=1).strip()
            if not line:
                continue
        if BULLET.match(line):
            line = BULLET.sub("- ", line, count=1)
        current = paragraphs[-1]
        if join_lines and current and _joins(current[-1], line):
            current[-1] = f"{current[-1]} {line}"
        else:
            current.append(line)
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)


def strip_number(text: str, number: str | int) -> str:
    """Drop a number the author typed that the layout prints anyway ("1. That…" for resolution 1,
    "1.2 That…" for recommendation 1.2)."""
    pattern = rf"^\s*{re.escape(str(number))}(?:[.)]|\s)\s*"
    return re.sub(pattern, "", (text or "").strip(), count=1).strip()


def blocks(text: str, section: int | str | None = None) -> list[Block]:
    """Split text into blocks; paragraphs are numbered ``section.n`` when ``section`` is given.
    The text is normalised first, so text stored before normalisation reads the same."""
    result: list[Block] = []
    count = 0
    for chunk in normalise(text, section=section, join_lines=False).split("\n\n"):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if len(lines) == 1 and HEADING.match(lines[0]):
            result.append(Block("heading", HEADING.sub("", lines[0]).strip()))
            continue
        for is_bullet, group in _runs(lines):
            if is_bullet:
                items = tuple(BULLET.sub("", line).strip() for line in group)
                result.append(Block("bullets", items=items))
            else:
                count += 1
                number = f"{section}.{count}" if section is not None else ""
                result.append(Block("paragraph", "\n".join(group), number=number))
    return result


def points(text: str) -> list[str]:
    """Minutes' points: every paragraph and every bullet is one point."""
    found: list[str] = []
    for block in blocks(text):
        found.extend(block.items if block.kind == "bullets" else [block.text])
    return [point for point in found if point]


def _runs(lines: list[str]) -> Iterator[tuple[bool, list[str]]]:
    """Consecutive lines grouped into bullet lists and ordinary text."""
    group: list[str] = []
    current: bool | None = None
    for line in lines:
        is_bullet = bool(BULLET.match(line))
        if current is not None and is_bullet != current:
            yield current, group
            group = []
        current = is_bullet
        group.append(line)
    if group and current is not None:
        yield current, group


def numbered_first(found: list[Block], number: str) -> list[Block]:
    """``found`` with ``number`` on its first paragraph (a resolution's "1."), or a paragraph
    holding only the number when the text starts with a list or a heading."""
    if found and found[0].kind == "paragraph":
        return [replace(found[0], number=number), *found[1:]]
    return [Block("paragraph", number=number), *found]
