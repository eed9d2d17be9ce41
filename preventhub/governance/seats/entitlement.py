"""Whole-seat entitlements over a set of bodies: principle (c) for the ordinary committees taken
together, or (d) for a body balanced on its own, held to (a) and (b), with the residue going to
ungrouped members.

The method is the domain reference's (§4.3-4.4): each group's exact share of the *whole*
membership, rounded to the nearest whole seat; the majority group raised to a majority on every
body; any surplus taken back from the smallest remainders; and whatever is left after the groups
goes to non-aligned members (reg 16(3)), who have no entitlement that overrides a group's.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from .arithmetic import Tie, fmt, pick, round_half_up, share, tie_order
from .bounds import Bounds
from .council import UNGROUPED, Council
from .steps import Principle, Step, and_list, seats_word, tie_steps


def entitlement(
    council: Council, bounds: Sequence[Bounds], principle: Principle
) -> tuple[dict[str, int], list[Step]]:
    """Entitlement per party (ungrouped included) over the bodies in ``bounds``."""
    total = sum(b.body.seats for b in bounds)
    # Steps about the aggregate carry no body; a body balanced on its own is named in each.
    scope = bounds[0].body.name if principle is Principle.D else None
    exact = {g: share(total, n, council.size) for g, n in council.groups}
    lower = {p: sum(b.lower[p] for b in bounds) for p in council.parties}
    upper = {p: sum(b.upper[p] for b in bounds) for p in council.parties}
    targets = {g: round_half_up(e) for g, e in exact.items()}
    steps = [
        _rounding_step(council, g, total, exact[g], targets[g], principle, scope) for g in exact
    ]
    raised = _apply_majority(council, bounds, targets, lower, steps, scope)
    capped = _apply_caps(council, targets, upper, steps, scope, total)
    steps += _fit_surplus(council, exact, targets, lower, total, principle, raised, scope)
    leftover_by = Principle.A if capped else principle
    steps += _place_leftover(council, exact, targets, upper, total, leftover_by, scope)
    targets[UNGROUPED] = total - sum(targets[g] for g in exact)
    if council.ungrouped:
        steps.append(_residue_step(council, targets, total, scope))
    return targets, steps


def _rounding_step(
    council: Council,
    group: str,
    total: int,
    exact: Fraction,
    target: int,
    principle: Principle,
    scope: str | None,
) -> Step:
    where = f"on {scope}" if scope else "across the aggregate bodies"
    return Step(
        principle,
        f"{group}'s exact entitlement {where} is {total} × {council.members(group)} ÷ "
        f"{council.size} = {fmt(exact)} seats, rounded to {target}",
        body=scope,
        group=group,
    )


def _apply_majority(
    council: Council,
    bounds: Sequence[Bounds],
    targets: dict[str, int],
    lower: dict[str, int],
    steps: list[Step],
    scope: str | None,
) -> bool:
    group = council.majority_group()
    if group is None or targets[group] >= lower[group]:
        return False
    if scope:
        needs = f"a majority on {scope}: at least {lower[group]} of {bounds[0].body.seats} seats"
    else:
        each = [f"{b.lower[group]} of {b.body.seats} on {b.body.name}" for b in bounds]
        needs = f"a majority on every body: {and_list(each)}, {seats_word(lower[group])} in all"
    steps.append(
        Step(
            Principle.B,
            f"{group} is a majority of the council ({council.members(group)} of {council.size}) "
            f"and needs {needs}, so its entitlement rises from {targets[group]} to {lower[group]}",
            body=scope,
            group=group,
        )
    )
    targets[group] = lower[group]
    return True


def _apply_caps(
    council: Council,
    targets: dict[str, int],
    upper: dict[str, int],
    steps: list[Step],
    scope: str | None,
    total: int,
) -> bool:
    capped = False
    for group, _ in council.groups:
        if targets[group] > upper[group]:
            steps.append(
                Step(
                    Principle.A,
                    f"{group} can hold at most {upper[group]} of the {total} seats without "
                    f"taking every seat on a body (or more seats than it has members), so its "
                    f"entitlement falls from {targets[group]} to {upper[group]}",
                    body=scope,
                    group=group,
                )
            )
            targets[group] = upper[group]
            capped = True
    return capped


def _fit_surplus(
    council: Council,
    exact: dict[str, Fraction],
    targets: dict[str, int],
    lower: dict[str, int],
    total: int,
    principle: Principle,
    raised: bool,
    scope: str | None,
) -> list[Step]:
    """Rounding (or the majority rule) can promise the groups more seats than there are; the
    groups whose last seat rests on the smallest remainder give it back."""
    steps: list[Step] = []
    rank = {p: i for i, p in enumerate(tie_order(dict(council.groups)))}
    while sum(targets.values()) > total:
        claims = {g: exact[g] - (targets[g] - 1) for g in exact if targets[g] > lower[g]}
        ties: list[Tie] = []
        loser = pick(claims, rank, largest=False, ties=ties)
        because = (
            "after the majority group's rise under principle (b)" if raised else "once rounded"
        )
        steps.append(
            Step(
                Principle.B if raised else principle,
                f"the groups' entitlements come to {sum(targets.values())} {because}, more than "
                f"the {total} seats, so {loser} gives up the seat resting on the smallest "
                f"remainder ({fmt(claims[loser])}) and has {targets[loser] - 1}",
                body=scope,
                group=loser,
            )
        )
        steps += tie_steps(ties, principle, scope)
        targets[loser] -= 1
    return steps


def _place_leftover(
    council: Council,
    exact: dict[str, Fraction],
    targets: dict[str, int],
    upper: dict[str, int],
    total: int,
    principle: Principle,
    scope: str | None,
) -> list[Step]:
    """Seats the ungrouped members cannot take (there are none, or too few to fill them one
    each per body) go to the groups with the largest remainders instead."""
    steps: list[Step] = []
    rank = {p: i for i, p in enumerate(tie_order(dict(council.groups)))}
    while total - sum(targets.values()) > upper[UNGROUPED]:
        claims = {g: exact[g] - targets[g] for g in exact if targets[g] < upper[g]}
        ties: list[Tie] = []
        winner = pick(claims, rank, largest=True, ties=ties)
        left = "after principle (a)'s limit" if principle is Principle.A else "after rounding"
        if council.ungrouped:
            why = (
                f"the {council.ungrouped} ungrouped member(s) can hold at most "
                f"{upper[UNGROUPED]} of the seats left {left} (one each per body)"
            )
        else:
            why = f"there are no ungrouped members to take the seats left {left}"
        steps.append(
            Step(
                principle,
                f"{why}, so the seat goes to {winner}, whose remainder ({fmt(claims[winner])}) "
                f"is the largest of the groups that can take one; it has {targets[winner] + 1}",
                body=scope,
                group=winner,
            )
        )
        steps += tie_steps(ties, principle, scope)
        targets[winner] += 1
    return steps


def _residue_step(council: Council, targets: dict[str, int], total: int, scope: str | None) -> Step:
    residue = targets[UNGROUPED]
    sums = " − ".join(str(targets[g]) for g, _ in council.groups)
    exact = share(total, council.ungrouped, council.size)
    where = f" on {scope}" if scope else ""
    return Step(
        Principle.RESIDUE,
        f"ungrouped members receive the {seats_word(residue)} left after the groups{where}: "
        f"{total} − {sums} = {residue} (their exact share is {fmt(exact)})",
        body=scope,
        group=UNGROUPED,
    )
