"""Template filters for the risk section's menu: what the signed-in user may use."""

from __future__ import annotations

from typing import Any

from django import template

from preventhub.risk import policies
from preventhub.risk.inbox import contributions_requested
from preventhub.risk.models import Level, RatingMatrix

register = template.Library()


@register.filter
def may_manage_risk(user: Any) -> bool:
    return policies.can_manage(user)


@register.filter
def asked_to_contribute(user: Any) -> bool:
    return contributions_requested(user).exists()


@register.filter
def level_label(score: int, matrix: RatingMatrix) -> str:
    return str(Level(matrix.level_for(score)).label)
