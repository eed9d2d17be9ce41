"""Principle (d) body by body, then reconciliation to the aggregate entitlement of (c).

Each aggregate body is shared by largest remainder of every party's exact share of that body
(ungrouped members included, as in the domain reference's step 3), inside the bounds of (a) and
(b). Rounding body by body rarely adds up to the aggregate, and (c) takes precedence over (d), so
seats then move from parties over their entitlement to parties under it, each time taking the
seat that rests on the smallest remainder (reference step 4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import ceil, floor

from .arithmetic import apportion, fmt, tie_order
from .bounds import Bounds
from .council import Council
from .steps import Principle, Step, poss, seats_word, tie_steps, verb, who

Seats = dict[str, dict[str, int]]


def share_bodies(council: Council, bounds: Sequence[Bounds]) -> tuple[Seats, list[Step]]:
    order = tie_order({p: council.members(p) for p in council.parties})
    seats: Seats = {}
    steps: list[Step] = []
    for b in bounds:
        seats[b.body.name], ties = apportion(b.quotas, b.body.seats, b.lower, b.upper, order)
        steps += b.steps
        steps.append(_share_step(council, b, seats[b.body.name]))
        steps += tie_steps(ties, Principle.D, b.body.name)
    return seats, steps


def _share_step(council: Council, b: Bounds, seats: dict[str, int]) -> Step:
    parties = _shown(council)
    exact = ", ".join(f"{p} {fmt(b.quotas[p])}" for p in parties)
    given = ", ".join(f"{p} {seats[p]}" for p in parties)
    return Step(
        Principle.D,
        f"{b.body.name} ({seats_word(b.body.seats)}): exact shares {exact}; "
        f"by largest remainder {given}",
        body=b.body.name,
    )


@dataclass(frozen=True)
class Move:
    body: str
    giver: str
    taker: str
    give_claim: Fraction  # the remainder the giver's seat rested on
    take_claim: Fraction  # the taker's remainder towards one more seat


def reconcile(
    council: Council, bounds: Sequence[Bounds], seats: Seats, targets: dict[str, int]
) -> list[Step]:
    """Move seats until every party's aggregate matches its entitlement, or say why not."""
    steps: list[Step] = []
    by_name = {b.body.name: b for b in bounds}
    while True:
        totals = {p: sum(s[p] for s in seats.values()) for p in council.parties}
        over = [p for p in council.parties if totals[p] > targets[p]]
        under = [p for p in council.parties if totals[p] < targets[p]]
        if not over:
            return steps
        moves = _best_moves(council, bounds, seats, over, under)
        if not moves:
            steps.append(_stuck_step(over, under, totals, targets))
            return steps
        steps.append(_move_step(moves, totals, targets, seats, by_name))
        for move in moves:
            seats[move.body][move.giver] -= 1
            seats[move.body][move.taker] += 1


def _candidates(
    bounds: Sequence[Bounds], seats: Seats, givers: Sequence[str], takers: Sequence[str]
) -> list[Move]:
    moves = []
    for b in bounds:
        held = seats[b.body.name]
        for giver in givers:
            if held[giver] <= b.lower[giver]:
                continue
            for taker in takers:
                if taker != giver and held[taker] < b.upper[taker]:
                    give = b.quotas[giver] - (held[giver] - 1)
                    take = b.quotas[taker] - held[taker]
                    moves.append(Move(b.body.name, giver, taker, give, take))
    return moves


def _best_moves(
    council: Council,
    bounds: Sequence[Bounds],
    seats: Seats,
    over: Sequence[str],
    under: Sequence[str],
) -> list[Move]:
    rank = {p: i for i, p in enumerate(tie_order({p: council.members(p) for p in council.parties}))}
    index = {b.body.name: i for i, b in enumerate(bounds)}
    quotas = {b.body.name: b.quotas for b in bounds}

    def cost(chain: list[Move]) -> tuple[int, int, Fraction, Fraction, int, int, int]:
        # First avoid pushing anyone more than a seat from their exact share on a body (which
        # would put (d) further out than (c) needs); then, as reference step 4 does, take the
        # seat resting on the smallest remainder; among equals give it where the taker's
        # remainder is largest; then the tie rule and the order the bodies were given in.
        strays = sum(_strays(m, seats, quotas) for m in chain)
        give = sum((m.give_claim for m in chain), Fraction(0))
        take = sum((m.take_claim for m in chain), Fraction(0))
        first = chain[0]
        return (
            strays,
            len(chain),
            give,
            -take,
            rank[first.giver],
            rank[chain[-1].taker],
            index[first.body],
        )

    direct = [[m] for m in _candidates(bounds, seats, over, under)]
    chains = direct or _two_hop_chains(council, bounds, seats, over, under)
    return min(chains, key=cost) if chains else []


def _two_hop_chains(
    council: Council,
    bounds: Sequence[Bounds],
    seats: Seats,
    over: Sequence[str],
    under: Sequence[str],
) -> list[list[Move]]:
    """When no seat can move directly, pass one through a third party who gives a seat on
    another body, so the third party's aggregate is unchanged."""
    chains = []
    for first in _candidates(bounds, seats, over, council.parties):
        if first.taker in over:
            continue
        for second in _candidates(bounds, seats, [first.taker], under):
            if second.body != first.body:
                chains.append([first, second])
    return chains


def _strays(move: Move, seats: Seats, quotas: dict[str, dict[str, Fraction]]) -> int:
    q = quotas[move.body]
    held = seats[move.body]
    return int(held[move.giver] - 1 < floor(q[move.giver])) + int(
        held[move.taker] + 1 > ceil(q[move.taker])
    )


def _move_step(
    moves: list[Move],
    totals: dict[str, int],
    targets: dict[str, int],
    seats: Seats,
    by_name: dict[str, Bounds],
) -> Step:
    first, last = moves[0], moves[-1]
    giver, taker = first.giver, last.taker
    why = (
        f"{verb(taker, 'holds', 'hold')} {seats_word(totals[taker])} across the aggregate bodies "
        f"against an entitlement of {targets[taker]}, and {verb(giver, 'holds', 'hold')} "
        f"{totals[giver]} against {targets[giver]}"
    )
    parts = [
        f"{poss(m.giver)} seat on {m.body} resting on the smallest remainder "
        f"({fmt(m.give_claim)}) moves to {who(m.taker)}"
        for m in moves
    ]
    detail = f"{why}; " + ", and ".join(parts)
    for m in moves:
        for party, change in ((m.giver, -1), (m.taker, 1)):
            exact = by_name[m.body].quotas[party]
            now = seats[m.body][party] + change
            if not floor(exact) <= now <= ceil(exact):
                detail += (
                    f"; (c) takes precedence over (d), so {verb(party, 'has', 'have')} {now} "
                    f"on {m.body} against an exact share of {fmt(exact)}"
                )
    return Step(Principle.C, detail, body=first.body, group=taker)


def _stuck_step(
    over: list[str], under: list[str], totals: dict[str, int], targets: dict[str, int]
) -> Step:
    gaps = ", ".join(
        f"{verb(p, 'holds', 'hold')} {totals[p]} against {targets[p]}" for p in [*over, *under]
    )
    return Step(
        Principle.C,
        f"the aggregate cannot be matched exactly ({gaps}): no seat can move without breaking "
        "principle (a) or (b) or seating more members of a group on a body than it has; (c) "
        "applies only so far as it is consistent with them",
    )


def _shown(council: Council) -> tuple[str, ...]:
    return council.parties if council.ungrouped else council.group_names
