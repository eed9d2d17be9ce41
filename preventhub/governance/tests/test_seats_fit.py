"""The fit of an allocation to exact proportionality, and its two alternatives (closest in total,
closest on the worst body), checked by hand and against a brute force on small councils."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from preventhub.governance.seats import (
    Balance,
    Body,
    Council,
    SeatAllocationError,
    adjust,
    allocate,
)
from preventhub.governance.seats.bounds import body_bounds
from preventhub.governance.seats.fit import (
    deviation,
    fit_of,
    minimax_alternative,
    total_alternative,
)

GROUPS = ["Alder", "Birch", "Cedar"]


def test_fit_sums_each_bodys_distance_from_the_exact_shares_and_names_the_worst():
    council = Council((("A", 6), ("B", 3)), 1, (Body("Planning", 5), Body("Audit", 3)))
    allocation = {
        "Planning": {"A": 3, "B": 2, "ungrouped": 0},
        "Audit": {"A": 2, "B": 1, "ungrouped": 0},
    }

    fit = fit_of(council, allocation)

    # Planning: |3 - 3| + |2 - 1.5| + |0 - 0.5| = 1; Audit: |2 - 1.8| + |1 - 0.9| + |0 - 0.3| = 0.6
    assert fit.deviations == {"Planning": Fraction(1), "Audit": Fraction(3, 5)}
    assert fit.total == Fraction(8, 5)
    assert (fit.worst_body, fit.worst) == ("Planning", Fraction(1))
    assert fit.as_dict()["total_deviation"] == "1.60"


def test_the_minimax_alternative_evens_out_the_worst_body_keeping_group_totals():
    council = Council(
        (("A", 27), ("B", 15), ("C", 6)),
        3,
        (Body("Planning", 13), Body("Licensing", 15), Body("Audit", 7), Body("Scrutiny", 11)),
    )
    result = allocate(council)

    best = minimax_alternative(result)

    assert best.exact
    assert best.fit.worst <= fit_of(council, result.allocation).worst
    assert _totals(council, best.allocation) == _totals(council, result.allocation)
    moved = result
    for move in best.moves:
        moved = adjust(moved, move)
    assert moved.allocation == best.allocation


# Properties against a brute force ----------------------------------------------------------------


@st.composite
def small_councils(draw: st.DrawFn) -> Council:
    """2-3 groups, 0-2 ungrouped members, 2-3 aggregate bodies of 2-5 seats: small enough to try
    every allocation."""
    count = draw(st.integers(2, 3))
    members = draw(st.lists(st.integers(1, 12), min_size=count, max_size=count))
    loose = draw(st.integers(0, 2))
    size = sum(members) + loose
    sizes = draw(st.lists(st.integers(2, min(5, size)), min_size=2, max_size=3))
    bodies = tuple(Body(f"Committee {i + 1}", s, Balance.AGGREGATE) for i, s in enumerate(sizes))
    return Council(tuple(zip(GROUPS, members, strict=False)), loose, bodies)


def _totals(council: Council, allocation) -> dict[str, int]:
    return {p: sum(allocation[b.name][p] for b in council.bodies) for p in council.parties}


def _every_allocation(council: Council, start):
    """Every allocation with the start's group totals, each body full, within (a), (b) and the
    members available (widened to the start's own seats, as the search does)."""
    parties = council.parties
    options = []
    for body in council.bodies:
        bounds = body_bounds(council, body)
        given = start[body.name]
        ranges = [
            range(min(bounds.lower[p], given[p]), max(bounds.upper[p], given[p]) + 1)
            for p in parties
        ]
        options.append([row for row in product(*ranges) if sum(row) == body.seats])
    totals = _totals(council, start)
    for rows in product(*options):
        if all(sum(row[i] for row in rows) == totals[p] for i, p in enumerate(parties)):
            yield {
                b.name: dict(zip(parties, row, strict=True))
                for b, row in zip(council.bodies, rows, strict=True)
            }


def _keys(council: Council, allocation) -> tuple[Fraction, Fraction]:
    devs = [deviation(council, b.seats, allocation[b.name]) for b in council.bodies]
    return max(devs), sum(devs, Fraction(0))


PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _allocated(council: Council):
    try:
        return allocate(council)
    except SeatAllocationError:
        return None


@PROPERTIES
@given(small_councils())
def test_both_alternatives_keep_every_group_total_and_every_body_size(council):
    result = _allocated(council)
    if result is None:
        return
    for alternative in (minimax_alternative(result), total_alternative(result)):
        assert _totals(council, alternative.allocation) == _totals(council, result.allocation)
        for body in council.bodies:
            assert sum(alternative.allocation[body.name].values()) == body.seats


@PROPERTIES
@given(small_councils())
def test_the_minimax_alternative_is_never_worse_on_the_worst_body_than_the_total_one(council):
    result = _allocated(council)
    if result is None:
        return
    minimax, by_total = minimax_alternative(result), total_alternative(result)
    assert minimax.fit.worst <= by_total.fit.worst
    assert by_total.fit.total <= minimax.fit.total
    assert minimax.fit.worst <= fit_of(council, result.allocation).worst


@PROPERTIES
@given(small_councils())
def test_each_alternative_is_the_best_of_every_allocation_tried_by_brute_force(council):
    result = _allocated(council)
    if result is None:
        return
    every = [_keys(council, a) for a in _every_allocation(council, result.allocation)]
    minimax, by_total = minimax_alternative(result), total_alternative(result)
    assert minimax.exact and by_total.exact
    assert _keys(council, minimax.allocation) == min(every)
    assert _keys(council, by_total.allocation)[::-1] == min(k[::-1] for k in every)
