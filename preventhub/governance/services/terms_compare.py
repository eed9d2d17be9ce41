"""Comparing two versions of a body's terms of reference, clause by clause.

Clauses are matched by lineage (a clause and its copies in later versions share one), so a clause
that was renumbered, moved to another section or reworded is "changed", not "removed" and "added"
(see ``match`` for versions entered separately, which share no lineage).
Changed wording is diffed word by word with difflib; each piece says whether it was kept, added or
removed, so a page can mark it with <ins>/<del> and say so in words.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import StrEnum

from preventhub.governance.models import Clause

_TOKENS = re.compile(r"\s+|[^\s]+")
# Clauses with no shared lineage count as one clause reworded when at least half their words agree.
SIMILAR = 0.5


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


LABELS = {
    Change.ADDED: "Added",
    Change.REMOVED: "Removed",
    Change.CHANGED: "Changed",
    Change.UNCHANGED: "Unchanged",
}


@dataclass(frozen=True)
class Piece:
    """A run of words that was kept ("equal"), added ("insert") or removed ("delete")."""

    kind: str
    text: str


@dataclass
class Row:
    change: Change
    before: Clause | None
    after: Clause | None
    pieces: list[Piece] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return LABELS[self.change]

    @property
    def removed_words(self) -> str:
        return " ".join(
            p.text.strip() for p in self.pieces if p.kind == "delete" and p.text.strip()
        )

    @property
    def added_words(self) -> str:
        return " ".join(
            p.text.strip() for p in self.pieces if p.kind == "insert" and p.text.strip()
        )


@dataclass(frozen=True)
class Comparison:
    rows: list[Row]

    def count(self, change: Change) -> int:
        return sum(1 for row in self.rows if row.change == change)

    @property
    def counts(self) -> dict[str, int]:
        return {str(change): self.count(change) for change in Change}


def word_diff(before: str, after: str) -> list[Piece]:
    """``after`` against ``before`` as kept, removed and added runs of words (whitespace kept, so
    the pieces joined without the removed ones give ``after`` back exactly)."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("equal", "".join(new[j1:j2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(Piece("delete", "".join(old[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(Piece("insert", "".join(new[j1:j2])))
    return pieces


def compare(before: list[Clause], after: list[Clause]) -> Comparison:
    """Rows in the order of ``after`` (the later version), each removed clause placed after the
    clause that preceded it in ``before``. Both lists are in document order."""
    pairs = match(before, after)
    matched = {id(old) for old in pairs.values()}
    rows: list[Row] = []
    position: dict[int, int] = {}
    for clause in after:
        old = pairs.get(id(clause))
        row = _row(old, clause) if old is not None else Row(Change.ADDED, None, clause)
        if old is not None:
            position[id(old)] = len(rows)
        rows.append(row)
    # Removed clauses go after their nearest surviving predecessor (or first, when none).
    inserts: dict[int, list[Row]] = {}
    anchor = -1
    for clause in before:
        if id(clause) in matched:
            anchor = position[id(clause)]
        else:
            inserts.setdefault(anchor, []).append(Row(Change.REMOVED, clause, None))
    merged = list(inserts.get(-1, []))
    for index, row in enumerate(rows):
        merged.append(row)
        merged.extend(inserts.get(index, []))
    return Comparison(merged)


def match(before: list[Clause], after: list[Clause]) -> dict[int, Clause]:
    """Which earlier clause each later clause continues (keyed by ``id()`` of the later clause).

    First by lineage, which copying a version keeps. Versions entered separately (typed in from
    old paper copies, or imported) share no lineage, so the clauses left over are then paired by
    identical text (a clause renumbered after one above it was removed) and lastly, between the
    same two matched clauses, by similar wording (a clause reworded in place). A clause rewritten
    beyond recognition shows as one removed and one added, which is what a reader would say."""
    pairs: dict[int, Clause] = {}
    for key in (lambda c: c.lineage, lambda c: (c.section, " ".join(c.text.split()))):
        used = {id(c) for c in pairs.values()}
        available: dict[object, Clause] = {}
        for clause in before:
            if id(clause) not in used:
                available.setdefault(key(clause), clause)
        for clause in after:
            if id(clause) not in pairs and (old := available.pop(key(clause), None)) is not None:
                pairs[id(clause)] = old
    _pair_similar_in_gaps(before, after, pairs)
    return pairs


def _gaps(clauses: list[Clause], anchor_of: dict[int, Clause]) -> dict[int | None, list[Clause]]:
    """Unmatched clauses grouped by the matched (earlier) clause before them."""
    gaps: dict[int | None, list[Clause]] = {}
    anchor: int | None = None
    for clause in clauses:
        if id(clause) in anchor_of:
            anchor = id(anchor_of[id(clause)])
        else:
            gaps.setdefault(anchor, []).append(clause)
    return gaps


def _pair_similar_in_gaps(
    before: list[Clause], after: list[Clause], pairs: dict[int, Clause]
) -> None:
    matched_before = {id(old): old for old in pairs.values()}
    old_gaps = _gaps(before, matched_before)
    new_gaps = _gaps(after, pairs)
    for anchor, new_clauses in new_gaps.items():
        candidates = list(old_gaps.get(anchor, []))
        for clause in new_clauses:
            scored = [(_similarity(old.text, clause.text), i) for i, old in enumerate(candidates)]
            best = max(scored, default=(0.0, -1))
            if best[0] >= SIMILAR:
                pairs[id(clause)] = candidates.pop(best[1])


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


def _row(before: Clause, after: Clause) -> Row:
    notes = []
    if before.number != after.number:
        notes.append(f"Renumbered from {before.number} to {after.number}")
    if before.section != after.section:
        notes.append(f"Moved from {before.get_section_display()} to {after.get_section_display()}")
    if before.text != after.text:
        notes.append("Wording changed")
        pieces = word_diff(before.text, after.text)
    else:
        pieces = [Piece("equal", after.text)]
    change = Change.CHANGED if notes else Change.UNCHANGED
    return Row(change, before, after, pieces=pieces, notes=notes)
