"""Explanation steps: one per decision, each naming the principle (or rule) that made it.

The UI shows ``Step`` objects (grouped by body or by principle); the command prints ``text``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .arithmetic import Tie, fmt
from .council import UNGROUPED


class Principle(StrEnum):
    A = "a"  # s.15(5)(a): not all seats on a body to one group
    B = "b"  # s.15(5)(b): a majority group gets a majority on every body
    C = "c"  # s.15(5)(c): aggregate proportionality across ordinary committees
    D = "d"  # s.15(5)(d): proportionality on each body
    RESIDUE = "residue"  # reg 16(3): seats left after the groups go to non-aligned members
    LOCAL = "local"  # a council's own rule for a voluntarily balanced body
    MANUAL = "manual"  # a seat moved by agreement, with its reason


LABELS = {
    Principle.A: "Principle (a)",
    Principle.B: "Principle (b)",
    Principle.C: "Principle (c)",
    Principle.D: "Principle (d)",
    Principle.RESIDUE: "Residue",
    Principle.LOCAL: "Local constraint",
    Principle.MANUAL: "Manual adjustment",
}


@dataclass(frozen=True)
class Step:
    principle: Principle
    detail: str
    body: str | None = None
    group: str | None = None
    # Principles (or local constraints) this decision departs from; only manual adjustments and
    # local constraints can break an earlier principle, and they say so here and in the text.
    breaks: tuple[Principle, ...] = ()

    @property
    def text(self) -> str:
        return f"{LABELS[self.principle]}: {self.detail}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "principle": self.principle.value,
            "label": LABELS[self.principle],
            "body": self.body,
            "group": self.group,
            "detail": self.detail,
            "breaks": [p.value for p in self.breaks],
            "text": self.text,
        }


def tie_steps(ties: Iterable[Tie], principle: Principle, body: str | None) -> list[Step]:
    """Say when equal remainders were decided by the tie rule, so leaders can agree otherwise."""
    steps = []
    for tie in ties:
        verb = "gets" if tie.gaining else "gives up"
        level = and_list([who(p) for p in tie.level])
        where = f" on {body}" if body else ""
        steps.append(
            Step(
                principle,
                f"{level} have equal remainders ({fmt(tie.remainder)}){where}; "
                f"{who(tie.winner)} {verb} the seat by the tie rule (groups before ungrouped "
                "members, then the larger group, then by name); group leaders may agree otherwise",
                body=body,
                group=tie.winner,
            )
        )
    return steps


def seats_word(n: int) -> str:
    return f"{n} seat" if n == 1 else f"{n} seats"


def who(party: str) -> str:
    return "ungrouped members" if party == UNGROUPED else party


def poss(party: str) -> str:
    """Possessive: "B's", "ungrouped members'"."""
    return "ungrouped members'" if party == UNGROUPED else f"{party}'s"


def verb(party: str, singular: str, plural: str) -> str:
    """ "B holds" but "ungrouped members hold"."""
    return f"{who(party)} {plural if party == UNGROUPED else singular}"


def and_list(items: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
