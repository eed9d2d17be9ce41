"""Register flags: risks with no mitigating action, and risks past their review date.

The partnership plan links actions to the risks they reduce; the link's reverse accessor on
``Risk`` is ``actions`` (a many-to-many on ``plan.Action`` with ``related_name="actions"``, or a
``plan.ActionRisk`` row with a foreign key to the risk and ``related_name="actions"``). Until the
plan module defines it, no risk has an action, so every risk is flagged: that is the truth, and
the flag disappears per risk as the plan links actions to it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypedDict

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import BooleanField, Exists, OuterRef, Q, Value
from django.db.models.expressions import BaseExpression

from .models import Risk, RiskStatus

ACTIONS_ACCESSOR = "actions"


class Flags(TypedDict):
    has_action: bool
    past_review: bool


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    FlaggedRisk = WithAnnotations[Risk, Flags]


def _action_link() -> tuple[type[models.Model], str] | None:
    """The model that links an action to a risk, and its field naming the risk, if it exists."""
    try:
        relation: Any = Risk._meta.get_field(ACTIONS_ACCESSOR)
    except FieldDoesNotExist:
        return None
    if relation.many_to_many:
        through = (
            relation.through if hasattr(relation, "through") else relation.remote_field.through
        )
        for field in through._meta.fields:
            if field.is_relation and field.related_model is Risk:
                return through, field.name
        return None
    return relation.related_model, relation.field.name


def has_mitigating_action() -> BaseExpression:
    """An SQL boolean: the risk has at least one action linked to it in the plan."""
    link = _action_link()
    if link is None:
        return Value(False, output_field=BooleanField())
    model, risk_field = link
    return Exists(model._default_manager.filter(**{risk_field: OuterRef("pk")}))


def is_past_review(today: dt.date) -> Q:
    """Open or tolerated risks whose review date has passed (reviewing today is on time)."""
    return Q(review_on__lt=today) & ~Q(status=RiskStatus.CLOSED)


def with_flags(queryset: models.QuerySet[Risk], today: dt.date) -> models.QuerySet[FlaggedRisk]:
    """Annotate ``has_action`` and ``past_review`` for the register and the risk page."""
    past = models.Case(
        models.When(is_past_review(today), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return queryset.annotate(has_action=has_mitigating_action(), past_review=past)


def without_action(queryset: models.QuerySet[Risk]) -> models.QuerySet[Risk]:
    """Risks with no mitigating action (closed risks need none)."""
    needing = queryset.exclude(status=RiskStatus.CLOSED)
    link = _action_link()
    if link is None:
        return needing
    model, risk_field = link
    return needing.filter(~Exists(model._default_manager.filter(**{risk_field: OuterRef("pk")})))
