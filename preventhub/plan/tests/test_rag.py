"""The RAG rule at its boundaries, and the SQL expression agreeing with it on every case."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from preventhub.plan.models import Action
from preventhub.plan.rag import (
    DUE_SOON_DAYS,
    PlanActionStatus,
    Rag,
    action_rag,
    computed_rag,
    rag_expression,
)
from preventhub.plan.tests.factories import ActionFactory

TODAY = dt.date(2016, 10, 3)
DAY = dt.timedelta(days=1)


def rag(status: str = PlanActionStatus.IN_PROGRESS, due_on=None, starts_on=None) -> Rag:
    return computed_rag(status=status, due_on=due_on, starts_on=starts_on, today=TODAY).rag


def test_an_action_due_today_is_amber_not_overdue():
    assert rag(due_on=TODAY) == Rag.AMBER


def test_an_action_due_yesterday_is_red():
    assert rag(due_on=TODAY - DAY) == Rag.RED


def test_an_action_due_tomorrow_is_amber():
    assert rag(due_on=TODAY + DAY) == Rag.AMBER


def test_due_soon_ends_after_the_fourteenth_day():
    assert rag(due_on=TODAY + DUE_SOON_DAYS * DAY) == Rag.AMBER
    assert rag(due_on=TODAY + (DUE_SOON_DAYS + 1) * DAY) == Rag.GREEN


def test_an_action_with_no_due_date_is_amber():
    rating = computed_rag(
        status=PlanActionStatus.IN_PROGRESS, due_on=None, starts_on=None, today=TODAY
    )
    assert rating.rag == Rag.AMBER
    assert rating.reason == "No due date"


def test_a_complete_action_is_green_even_when_its_due_date_has_passed():
    assert rag(PlanActionStatus.COMPLETE, due_on=TODAY - 30 * DAY) == Rag.GREEN


def test_a_cancelled_action_is_not_rated():
    assert rag(PlanActionStatus.CANCELLED, due_on=TODAY - DAY) == Rag.NONE


def test_an_overdue_action_on_hold_is_red_and_one_not_yet_due_is_amber():
    assert rag(PlanActionStatus.ON_HOLD, due_on=TODAY - DAY) == Rag.RED
    assert rag(PlanActionStatus.ON_HOLD, due_on=TODAY + 60 * DAY) == Rag.AMBER


def test_an_action_not_started_after_its_start_date_is_amber():
    far = TODAY + 60 * DAY
    assert rag(PlanActionStatus.NOT_STARTED, due_on=far, starts_on=TODAY - DAY) == Rag.AMBER
    assert rag(PlanActionStatus.NOT_STARTED, due_on=far, starts_on=TODAY) == Rag.GREEN
    assert rag(PlanActionStatus.IN_PROGRESS, due_on=far, starts_on=TODAY - DAY) == Rag.GREEN


def test_an_override_replaces_the_computed_rating_and_keeps_its_reason():
    rating = action_rag(
        status=PlanActionStatus.IN_PROGRESS,
        due_on=TODAY - DAY,
        starts_on=None,
        today=TODAY,
        override=Rag.GREEN,
        override_reason="Agreed at the partnership meeting to move the date",
    )
    assert rating.rag == Rag.GREEN
    assert rating.overridden
    assert rating.reason.startswith("Agreed")


DUES = [None, TODAY - DAY, TODAY, TODAY + DAY, TODAY + 14 * DAY, TODAY + 15 * DAY]
STARTS = [None, TODAY - DAY, TODAY]
OVERRIDES = ["", Rag.RED]


@pytest.mark.django_db
def test_the_sql_expression_rates_every_case_as_the_python_rule_does():
    expected = {}
    for status, due, start, override in itertools.product(
        PlanActionStatus.values, DUES, STARTS, OVERRIDES
    ):
        if due is not None and start is not None and due < start:
            continue
        action = ActionFactory.create(
            status=status,
            due_on=due,
            starts_on=start,
            rag_override=override,
            rag_override_reason="Reason" if override else "",
        )
        expected[action.pk] = action.rating(TODAY).rag
    rated = dict(
        Action.objects.filter(pk__in=expected)
        .annotate(rag=rag_expression(TODAY))
        .values_list("pk", "rag")
    )
    assert rated == {pk: str(value) for pk, value in expected.items()}
