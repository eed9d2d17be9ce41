"""An action's RAG rating, worked out from its dates and status (a pure function, and the same rule
as an SQL expression for lists, filters and the summary counts).

The rule, first match wins:

1. complete: green; cancelled: not rated;
2. due before today (overdue): red;
3. on hold: amber;
4. no due date: amber (nobody can tell whether it is on track);
5. due within ``DUE_SOON_DAYS`` (today included): amber;
6. not started although its start date has passed: amber;
7. otherwise green.

An override (set with a recorded reason) replaces the computed rating.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Q, Value, When

DUE_SOON_DAYS = 14


class PlanActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"
    CANCELLED = "cancelled", "Cancelled"
    ON_HOLD = "on_hold", "On hold"


# The earlier name, kept for callers that import it (the class's own name keeps the OpenAPI
# component apart from governance's ActionStatus).
ActionStatus = PlanActionStatus

OPEN_STATUSES = (
    PlanActionStatus.NOT_STARTED,
    PlanActionStatus.IN_PROGRESS,
    PlanActionStatus.ON_HOLD,
)


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    NONE = "none", "Not rated"


@dataclass(frozen=True)
class Rating:
    rag: Rag
    reason: str
    overridden: bool = False

    @property
    def label(self) -> str:
        return Rag(self.rag).label


def computed_rag(
    *,
    status: str,
    due_on: dt.date | None,
    starts_on: dt.date | None,
    today: dt.date,
) -> Rating:
    """The rating an action's dates and status give on ``today``."""
    if status == PlanActionStatus.COMPLETE:
        return Rating(Rag.GREEN, "Complete")
    if status == PlanActionStatus.CANCELLED:
        return Rating(Rag.NONE, "Cancelled")
    if due_on is not None and due_on < today:
        return Rating(Rag.RED, "Overdue")
    if status == PlanActionStatus.ON_HOLD:
        return Rating(Rag.AMBER, "On hold")
    if due_on is None:
        return Rating(Rag.AMBER, "No due date")
    if due_on <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return Rating(Rag.AMBER, "Due soon")
    if status == PlanActionStatus.NOT_STARTED and starts_on is not None and starts_on < today:
        return Rating(Rag.AMBER, "Not started by its start date")
    return Rating(Rag.GREEN, "On track")


def action_rag(
    *,
    status: str,
    due_on: dt.date | None,
    starts_on: dt.date | None,
    today: dt.date,
    override: str = "",
    override_reason: str = "",
) -> Rating:
    """The rating shown: the override when there is one, else the computed rating."""
    if override:
        return Rating(Rag(override), override_reason, overridden=True)
    return computed_rag(status=status, due_on=due_on, starts_on=starts_on, today=today)


def computed_rag_expression(today: dt.date) -> Case:
    """``computed_rag`` in SQL over an action's columns (same rule, same order)."""
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    return Case(
        When(status=PlanActionStatus.COMPLETE, then=Value(Rag.GREEN.value)),
        When(status=PlanActionStatus.CANCELLED, then=Value(Rag.NONE.value)),
        When(due_on__lt=today, then=Value(Rag.RED.value)),
        When(status=PlanActionStatus.ON_HOLD, then=Value(Rag.AMBER.value)),
        When(due_on__isnull=True, then=Value(Rag.AMBER.value)),
        When(due_on__lte=soon, then=Value(Rag.AMBER.value)),
        When(
            Q(status=PlanActionStatus.NOT_STARTED, starts_on__lt=today),
            then=Value(Rag.AMBER.value),
        ),
        default=Value(Rag.GREEN.value),
        output_field=models.CharField(),
    )


def rag_expression(today: dt.date) -> Case:
    """The rating shown, in SQL: the override when set, else the computed rating."""
    return Case(
        When(~Q(rag_override=""), then="rag_override"),
        default=computed_rag_expression(today),
        output_field=models.CharField(),
    )
