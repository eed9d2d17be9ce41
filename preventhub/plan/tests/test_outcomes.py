"""Outcome measures: trend and RAG against the target, both directions."""

from __future__ import annotations

from decimal import Decimal as D

from preventhub.plan.outcomes import Direction, MeasureTrend, measure_rag, trend
from preventhub.plan.rag import Rag


def test_trend_needs_two_actuals():
    assert trend([], Direction.HIGHER) == MeasureTrend.UNKNOWN
    assert trend([D(5)], Direction.HIGHER) == MeasureTrend.UNKNOWN


def test_a_rise_improves_a_higher_is_better_measure_and_worsens_a_lower_is_better_one():
    assert trend([D(1), D(5), D(6)], Direction.HIGHER) == MeasureTrend.IMPROVING
    assert trend([D(1), D(5), D(6)], Direction.LOWER) == MeasureTrend.WORSENING


def test_the_trend_reads_only_the_last_two_actuals():
    assert trend([D(9), D(1), D(2)], Direction.LOWER) == MeasureTrend.WORSENING
    assert trend([D(3), D(3)], Direction.LOWER) == MeasureTrend.STEADY


def test_meeting_the_target_exactly_is_green():
    rag = measure_rag(latest=D(85), baseline=D(40), target=D(85), direction=Direction.HIGHER)
    assert rag == Rag.GREEN


def test_better_than_baseline_but_short_of_target_is_amber():
    rag = measure_rag(latest=D(60), baseline=D(40), target=D(85), direction=Direction.HIGHER)
    assert rag == Rag.AMBER


def test_no_better_than_the_baseline_is_red():
    assert measure_rag(latest=D(40), baseline=D(40), target=D(85), direction="higher") == Rag.RED
    assert measure_rag(latest=D(12), baseline=D(10), target=D(5), direction="lower") == Rag.RED


def test_lower_is_better_target_met_when_at_or_below_it():
    assert measure_rag(latest=D(4), baseline=D(10), target=D(5), direction="lower") == Rag.GREEN
    assert measure_rag(latest=D(7), baseline=D(10), target=D(5), direction="lower") == Rag.AMBER


def test_no_actuals_is_not_rated_and_no_baseline_short_of_target_is_amber():
    assert measure_rag(latest=None, baseline=D(1), target=D(2), direction="higher") == Rag.NONE
    assert measure_rag(latest=D(1), baseline=None, target=D(2), direction="higher") == Rag.AMBER
