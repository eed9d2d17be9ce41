"""The calculator's rules at their edges: rounding and display, ties, one- and two-seat bodies,
principle (a) capping a dominant group, and seats the ungrouped members cannot take."""

from __future__ import annotations

from fractions import Fraction

import pytest

from preventhub.governance.seats import Balance, Body, Council, Principle, allocate
from preventhub.governance.seats.arithmetic import apportion, fmt, round_half_up, tie_order


def texts(council: Council) -> list[str]:
    return [step.text for step in allocate(council).steps]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(324, 17), "19.06"),  # 36 × 27 ÷ 51 in the worked example
        (Fraction(1, 8), "0.13"),  # an exact half of a hundredth rounds up
        (Fraction(2), "2.00"),
        (Fraction(-5, 7), "-0.71"),
    ],
)
def test_exact_shares_are_shown_to_two_places_rounded_half_up(value, shown):
    assert fmt(value) == shown


def test_an_exact_half_seat_rounds_up_as_council_tables_do():
    assert [round_half_up(Fraction(n, 2)) for n in (1, 3, 5)] == [1, 2, 3]


def test_ties_go_to_groups_before_ungrouped_members_then_the_larger_group_then_by_name():
    assert tie_order({"ungrouped": 9, "Birch": 4, "Alder": 4, "Cedar": 7}) == [
        "Cedar",
        "Alder",
        "Birch",
        "ungrouped",
    ]


def test_largest_remainder_takes_back_seats_when_the_bounds_promise_too_many():
    quotas = {"A": Fraction(27, 10), "B": Fraction(11, 10), "C": Fraction(6, 5)}

    seats, ties = apportion(
        quotas, 4, lower={"A": 3, "B": 0, "C": 0}, upper={"A": 4, "B": 4, "C": 4}, order="ABC"
    )

    # A's floor of 3 leaves one seat for B (1.10) and C (1.20): B's rests on the smaller claim.
    assert seats == {"A": 3, "B": 0, "C": 1}
    assert ties == []


def test_equal_remainders_are_decided_by_the_tie_rule_and_the_step_says_so():
    steps = texts(Council((("A", 10), ("B", 10)), 0, (Body("Board", 3),)))

    assert (
        "Principle (c): A and B have equal remainders (0.50); B gives up the seat by the tie "
        "rule (groups before ungrouped members, then the larger group, then by name); group "
        "leaders may agree otherwise"
    ) in steps


def test_a_one_seat_body_goes_to_the_majority_group_and_says_it_cannot_be_shared():
    result = allocate(Council((("A", 30), ("B", 10)), 0, (Body("Board", 1),)))

    assert result.allocation["Board"] == {"A": 1, "B": 0, "ungrouped": 0}
    assert "Principle (a): Board has one seat, so it cannot be shared" in [
        s.text for s in result.steps
    ]


def test_on_a_two_seat_body_principle_a_comes_before_the_majority_rule():
    council = Council((("A", 30), ("B", 10)), 0, (Body("Board", 3), Body("Pair", 2)))

    result = allocate(council)

    assert result.allocation["Pair"] == {"A": 1, "B": 1, "ungrouped": 0}
    steps = [s.text for s in result.steps]
    assert (
        "Principle (a): a majority of Pair's 2 seats would be all of them; (a) comes before (b), "
        "so A has 1 and no majority there"
    ) in steps
    assert (
        "Principle (b): holds: A has a majority on every body except Pair, where (a) comes first"
        in steps
    )


def test_principle_a_caps_a_dominant_groups_aggregate_and_the_seats_go_to_the_others():
    result = allocate(Council((("A", 40), ("B", 2)), 0, (Body("X", 3), Body("Y", 3))))

    assert result.allocation == {
        "X": {"A": 2, "B": 1, "ungrouped": 0},
        "Y": {"A": 2, "B": 1, "ungrouped": 0},
    }
    capped = [s for s in result.steps if s.principle is Principle.A and s.body is None]
    assert capped[0].text == (
        "Principle (a): A can hold at most 4 of the 6 seats without taking every seat on a body "
        "(or more seats than it has members), so its entitlement falls from 6 to 4"
    )


def test_seats_too_many_for_the_ungrouped_members_to_hold_go_to_the_groups():
    # Four groups each round 2.38 down to 2, leaving 2 seats, but one ungrouped member can sit
    # on the one body only once.
    result = allocate(Council((("A", 5), ("B", 5), ("C", 5), ("D", 5)), 1, (Body("Board", 10),)))

    assert result.allocation["Board"] == {"A": 3, "B": 2, "C": 2, "D": 2, "ungrouped": 1}
    assert any(
        s.text.startswith(
            "Principle (c): the 1 ungrouped member(s) can hold at most 1 of the seats left after "
            "rounding (one each per body), so the seat goes to A"
        )
        for s in result.steps
    )


def test_without_ungrouped_members_a_rounding_surplus_comes_off_the_smallest_remainder():
    # 8 × 7 ÷ 21 = 2.67 each rounds to 3: nine seats promised for eight.
    result = allocate(Council((("A", 7), ("B", 7), ("C", 7)), 0, (Body("Board", 8),)))

    assert result.allocation["Board"] == {"A": 3, "B": 3, "C": 2, "ungrouped": 0}


def test_without_ungrouped_members_a_seat_left_after_rounding_goes_to_the_largest_remainder():
    # 10 × 5 ÷ 15 = 3.33 each rounds to 3: one seat left and nobody ungrouped to take it.
    result = allocate(Council((("A", 5), ("B", 5), ("C", 5)), 0, (Body("Board", 10),)))

    assert result.allocation["Board"] == {"A": 4, "B": 3, "C": 3, "ungrouped": 0}
    assert (
        "Principle (c): there are no ungrouped members to take the seats left after rounding, "
        "so the seat goes to A, whose remainder (0.33) is the largest of the groups that can "
        "take one; it has 4"
    ) in [s.text for s in result.steps]


def test_an_individual_body_is_balanced_by_its_own_seats_not_the_aggregate():
    council = Council(
        (("A", 27), ("B", 15), ("C", 6)),
        3,
        (Body("Planning", 13), Body("Working Group", 4, Balance.INDIVIDUAL)),
    )

    result = allocate(council)

    # 4 × 27 ÷ 51 = 2.12 → 2, but A is a majority of the council and needs 3 of 4.
    assert result.allocation["Working Group"] == {"A": 3, "B": 1, "C": 0, "ungrouped": 0}
    assert (
        "Principle (b): A is a majority of the council (27 of 51) and needs a majority on "
        "Working Group: at least 3 of 4 seats, so its entitlement rises from 2 to 3"
    ) in [s.text for s in result.steps]


def test_a_seat_passes_through_a_third_group_when_no_direct_move_is_possible():
    # A is one over and the ungrouped member one short, but A can spare a seat only on B0, where
    # the one ungrouped member already sits; so A's seat goes to B there and B's on B2 goes on.
    council = Council(
        (("A", 9), ("B", 5)),
        1,
        (Body("B0", 13), Body("B1", 6), Body("B2", 5), Body("B3", 4)),
    )

    result = allocate(council)

    assert result.allocation == {
        "B0": {"A": 7, "B": 5, "ungrouped": 1},
        "B1": {"A": 4, "B": 2, "ungrouped": 0},
        "B2": {"A": 3, "B": 1, "ungrouped": 1},
        "B3": {"A": 3, "B": 1, "ungrouped": 0},
    }
    assert result.aggregate_totals == result.targets == {"A": 17, "B": 9, "ungrouped": 2}
    assert (
        "A's seat on B0 resting on the smallest remainder (0.80) moves to B, and B's seat on B2 "
        "resting on the smallest remainder (0.67) moves to ungrouped members"
    ) in next(s.text for s in result.steps if s.principle is Principle.C and "moves" in s.text)


def test_when_no_seat_can_move_the_aggregate_gives_way_and_a_step_says_why():
    # Committee 4 seats the whole council, so everyone sits on it; on the three-seat bodies
    # Birch is at its bare majority. Birch cannot come down from 15 to its entitlement of 14.
    council = Council(
        (("Alder", 2), ("Birch", 9)),
        4,
        (
            Body("Committee 1", 3),
            Body("Committee 2", 3),
            Body("Committee 3", 3),
            Body("Committee 4", 15),
        ),
    )

    result = allocate(council)

    assert result.targets == {"Alder": 3, "Birch": 14, "ungrouped": 7}
    assert result.aggregate_totals == {"Alder": 2, "Birch": 15, "ungrouped": 7}
    assert (
        "Principle (c): the aggregate cannot be matched exactly (Birch holds 15 against 14, "
        "Alder holds 2 against 3): no seat can move without breaking principle (a) or (b) or "
        "seating more members of a group on a body than it has; (c) applies only so far as it "
        "is consistent with them"
    ) in [s.text for s in result.steps]
