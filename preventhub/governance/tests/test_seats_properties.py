"""Property tests of the four principles and the residue rule on random councils.

Each property reads the principle from the statute's side (domain reference §4.2-4.3), not from
the calculator's code: where an allocation departs from the plain rule, the test insists a step
names the earlier principle that forced it.
"""

from __future__ import annotations

from fractions import Fraction
from math import ceil, floor

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from preventhub.governance.seats import (
    UNGROUPED,
    AllocationResult,
    Balance,
    Body,
    ConstraintsCannotBeMet,
    Council,
    LocalConstraint,
    Principle,
    allocate,
)

GROUP_NAMES = ["Alder", "Birch", "Cedar", "Damson", "Elm", "Fir"]
LABELS = ("Principle (a): ", "Principle (b): ", "Principle (c): ", "Principle (d): ", "Residue: ")


@st.composite
def councils(draw: st.DrawFn, *, ungrouped: st.SearchStrategy[int] | None = None) -> Council:
    """2-6 groups, some ungrouped members, 1-8 aggregate bodies of 3-15 seats. Half the time the
    first group is made a majority of the whole council, so principle (b) is exercised often."""
    count = draw(st.integers(2, 6))
    members = draw(st.lists(st.integers(2, 40), min_size=count, max_size=count))
    loose = draw(ungrouped if ungrouped is not None else st.integers(0, 6))
    if draw(st.booleans()):
        members[0] = sum(members[1:]) + loose + draw(st.integers(1, 20))
    size = sum(members) + loose
    sizes = draw(st.lists(st.integers(3, min(15, size)), min_size=1, max_size=8))
    bodies = tuple(Body(f"Committee {i + 1}", s, Balance.AGGREGATE) for i, s in enumerate(sizes))
    return Council(tuple(zip(GROUP_NAMES, members, strict=False)), loose, bodies)


def exact(council: Council, party: str, seats: int) -> Fraction:
    return Fraction(seats * council.members(party), council.size)


def aggregate_seats(council: Council) -> int:
    return sum(b.seats for b in council.bodies)


def aggregate_steps(result: AllocationResult, *principles: Principle) -> list:
    return [s for s in result.steps if s.body is None and s.principle in principles]


def round_half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(councils())
def test_principle_a_no_body_has_all_its_seats_held_by_one_group(council):
    result = allocate(council)

    for body in council.bodies:
        for group in council.group_names:
            assert result.allocation[body.name][group] < body.seats


@PROPERTY_SETTINGS
@given(councils())
def test_principle_b_a_majority_group_has_a_majority_on_every_body(council):
    result = allocate(council)
    majority = council.majority_group()

    if majority is not None:
        for body in council.bodies:
            assert 2 * result.allocation[body.name][majority] > body.seats


@PROPERTY_SETTINGS
@given(councils())
def test_every_body_is_filled_exactly_and_nobody_holds_more_seats_than_members(council):
    result = allocate(council)

    for body in council.bodies:
        seats = result.allocation[body.name]
        assert sum(seats.values()) == body.seats
        for party in council.parties:
            assert 0 <= seats[party] <= council.members(party)


@PROPERTY_SETTINGS
@given(councils())
def test_principle_c_aggregate_totals_match_the_aggregate_entitlement(council):
    result = allocate(council)
    off = [p for p in council.parties if result.aggregate_totals[p] != result.targets[p]]

    assert sum(result.targets.values()) == aggregate_seats(council)
    if off:
        # Only where the earlier principles and the members available leave no seat free to
        # move (a body nearly the size of the council), and then a step says so and names who.
        stuck = [s for s in aggregate_steps(result, Principle.C) if "cannot be matched" in s.text]
        assert stuck
        for party in off:
            assert f"{party if party != UNGROUPED else 'ungrouped members'} hold" in stuck[0].text


@PROPERTY_SETTINGS
@given(councils(ungrouped=st.just(0)))
def test_principle_c_without_ungrouped_members_is_a_largest_remainder_share(council):
    """With nobody ungrouped there is no residue: the groups' totals are a largest-remainder
    (Hare) share of all aggregate seats, unless a step names (a) or (b) as overriding it."""
    result = allocate(council)
    if aggregate_steps(result, Principle.A, Principle.B):
        return  # an earlier principle decided; the (b) property covers it
    total = aggregate_seats(council)
    quotas = {g: exact(council, g, total) for g in council.group_names}
    rounded_up = [g for g in quotas if result.totals[g] == floor(quotas[g]) + 1]
    rounded_down = [g for g in quotas if result.totals[g] == floor(quotas[g])]

    assert len(rounded_up) + len(rounded_down) == len(quotas)
    assert len(rounded_up) == total - sum(floor(q) for q in quotas.values())
    # Every seat above the whole-number shares went to a remainder at least as large as any
    # remainder that went without.
    if rounded_up and rounded_down:
        assert min(quotas[g] % 1 for g in rounded_up) >= max(quotas[g] % 1 for g in rounded_down)


@PROPERTY_SETTINGS
@given(councils(ungrouped=st.integers(1, 6)))
def test_residue_ungrouped_members_receive_exactly_the_seats_left_after_the_groups(council):
    """Groups keep their shares of the whole membership rounded to the nearest seat; ungrouped
    members get what is left (reg 16(3)), never a seat a group's rounding entitles it to."""
    result = allocate(council)
    total = aggregate_seats(council)
    rounded = {g: round_half_up(exact(council, g, total)) for g in council.group_names}

    assert result.totals[UNGROUPED] == total - sum(result.totals[g] for g in council.group_names)
    assert any(s.text.startswith("Residue: ") for s in result.steps)
    named = {s.group for s in aggregate_steps(result, Principle.A, Principle.B, Principle.C)}
    overridden = {s.group for s in aggregate_steps(result, Principle.A, Principle.B)}
    for group in council.group_names:
        if result.totals[group] != rounded[group]:
            # Only (a), (b), too many rounded-up groups, or too few ungrouped members to hold
            # the residue can change a group's rounding, and a step says which.
            assert group in named
    if not overridden and sum(rounded.values()) <= total:
        capacity = sum(min(council.ungrouped, b.seats) for b in council.bodies)
        assert result.totals[UNGROUPED] == min(total - sum(rounded.values()), capacity)


@PROPERTY_SETTINGS
@given(councils())
def test_groups_stay_within_a_seat_of_their_exact_aggregate_share_unless_b_forces_it(council):
    result = allocate(council)
    total = aggregate_seats(council)
    forced = aggregate_steps(result, Principle.B)

    for group in council.group_names:
        quota = exact(council, group, total)
        if not forced:
            assert floor(quota) <= result.totals[group] <= ceil(quota)


@PROPERTY_SETTINGS
@given(councils())
def test_principle_d_each_body_is_within_a_seat_of_exact_shares_or_a_step_says_why(council):
    result = allocate(council)

    for body in council.bodies:
        for party in council.parties:
            quota = exact(council, party, body.seats)
            held = result.allocation[body.name][party]
            if floor(quota) <= held <= ceil(quota):
                continue
            closing = [
                s
                for s in result.steps
                if s.principle is Principle.D and s.body == body.name and s.group == party
            ]
            cause = [
                s
                for s in result.steps
                if s.principle in (Principle.A, Principle.B, Principle.C)
                and f"on {body.name}" in s.detail
            ]
            assert closing and cause, (body.name, party, held, quota)


@PROPERTY_SETTINGS
@given(councils())
def test_every_step_names_the_principle_that_decided_it(council):
    result = allocate(council)

    assert result.steps
    for step in result.steps:
        assert step.text.startswith(LABELS)


@st.composite
def constrained_councils(draw: st.DrawFn) -> Council:
    council = draw(councils(ungrouped=st.integers(0, 4)))
    seats = draw(st.integers(2, min(12, council.size)))
    named = draw(st.lists(st.sampled_from(council.group_names), unique=True, max_size=6))
    rule = LocalConstraint(
        min_per_group=draw(st.integers(0, 3)),
        groups=tuple(named),
        ungrouped_seats=draw(st.none() | st.integers(0, 3)),
    )
    working_group = Body("Working Group", seats, Balance.INDIVIDUAL)
    return Council(
        council.groups,
        council.ungrouped,
        (*council.bodies, working_group),
        (("Working Group", rule),),
    )


@PROPERTY_SETTINGS
@given(constrained_councils())
def test_local_constraints_are_met_or_refused_with_a_reason(council):
    rule = council.constraint("Working Group")
    try:
        result = allocate(council)
    except ConstraintsCannotBeMet as refusal:
        assert refusal.reason.startswith("The constraints on Working Group cannot all be met: ")
        return
    seats = result.allocation["Working Group"]

    assert sum(seats.values()) == council.body("Working Group").seats
    for group in rule.groups or council.group_names:
        assert seats[group] >= rule.min_per_group
    if rule.ungrouped_seats is not None:
        assert seats[UNGROUPED] == rule.ungrouped_seats
    # The working group is balanced on its own: the aggregate bodies are as without it.
    plain = allocate(Council(council.groups, council.ungrouped, council.bodies[:-1]))
    assert {b: result.allocation[b] for b in plain.allocation} == plain.allocation
