"""What every risk page shares: access decorators, choice querysets for forms, and links."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from preventhub.accounts.roles import Cap
from preventhub.core.pages import capability_required
from preventhub.directory import policies as directory_policies

from .. import policies
from ..models import ConcernType, RiskAssessment

# Sign-in first, then the capability, or an audited 404.
view_required = capability_required(Cap.RISK_VIEW)
manage_required = capability_required(Cap.RISK_MANAGE, partnership=True)
# The newest assessments a risk may be linked to (keeps the risk form under 100 options).
ASSESSMENT_CHOICES = 20


def to(name: str, record: Any) -> str:
    return reverse(f"risk:{name}", kwargs={"public_id": record.public_id})


def people(user: Any) -> QuerySet[Any]:
    return directory_policies.people.visible_to(user)


def wards(user: Any) -> QuerySet[Any]:
    return directory_policies.wards.visible_to(user)


def concern_types(user: Any) -> QuerySet[ConcernType]:
    return policies.concern_types.visible_to(user).order_by("order", "label")


def assessment_choices(user: Any) -> QuerySet[RiskAssessment]:
    newest = (
        policies.assessments.visible_to(user)
        .order_by("-period_start", "-id")
        .values_list("pk", flat=True)[:ASSESSMENT_CHOICES]
    )
    return RiskAssessment.objects.filter(pk__in=list(newest)).order_by("-period_start", "-id")
