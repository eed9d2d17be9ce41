"""Who may see and change risk records.

- Records marked OFFICIAL are read by anyone holding ``risk.view`` (every role).
- Records marked OFFICIAL-SENSITIVE need ``risk.view_sensitive`` (the Prevent lead, the Channel
  coordinator and partner leads); a councillor cannot open them.
- Assessments, the register, the taxonomy and the rating matrix are changed by holders of
  ``risk.manage`` (the Prevent lead).
- A contribution is seen with its assessment. It is written by the Prevent lead, by a holder of
  ``risk.contribute`` for their own organisation (a partner lead), or, while it waits, by the person
  it was requested from (the inbox task leads them to it), who may read it afterwards.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from preventhub.accounts.roles import Cap
from preventhub.core.policies import Action, Grants, Policy, grants_for, register

from .models import (
    ConcernType,
    Contribution,
    ContributionStatus,
    Marking,
    RatingMatrix,
    Risk,
    RiskAssessment,
)

AGREE = "agree"  # an assessment's action: the Prevent lead records its agreement
CONTRIBUTE = "contribute"  # an assessment's action: a contribution may be added to it


def markings_readable(grants: Grants) -> list[str]:
    if grants.has(Cap.RISK_VIEW_SENSITIVE):
        return [Marking.OFFICIAL, Marking.OFFICIAL_SENSITIVE]
    if grants.has(Cap.RISK_VIEW):
        return [Marking.OFFICIAL]
    return []


def can_manage(user: Any) -> bool:
    return grants_for(user).has_partnership(Cap.RISK_MANAGE)


def can_view_risk(user: Any) -> bool:
    """For the navigation: the section is offered to anyone who may read OFFICIAL records."""
    return grants_for(user).has(Cap.RISK_VIEW)


def contributing_organisations(user: Any) -> set[int] | None:
    """Organisations ``user`` may contribute for; ``None`` means every one (the Prevent lead)."""
    grants = grants_for(user)
    if grants.has_partnership(Cap.RISK_MANAGE) or grants.has_partnership(Cap.RISK_CONTRIBUTE):
        return None
    return grants.organisations_with(Cap.RISK_CONTRIBUTE)


def _marked(model: Any, user: Any, action: Action | str, prefix: str = "") -> QuerySet[Any]:
    grants = grants_for(user)
    markings = markings_readable(grants)
    rows = model._default_manager.all()
    # Readers of every marking get no condition at all, so lists keep their index order (the
    # register reads its first page straight from its index instead of sorting every risk).
    readable = rows if len(markings) == len(Marking) else rows.filter(marking__in=markings)
    if action == Action.VIEW:
        return readable
    return readable if grants.has_partnership(Cap.RISK_MANAGE) else readable.none()


@register
class RiskAssessmentPolicy(Policy[RiskAssessment]):
    model = RiskAssessment
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[RiskAssessment]:
        if action == AGREE:
            return _marked(RiskAssessment, user, Action.CHANGE).filter(status="draft")
        if action == CONTRIBUTE:
            readable = _marked(RiskAssessment, user, Action.VIEW)
            allowed = contributing_organisations(user)
            return readable if allowed is None or allowed else readable.none()
        return _marked(RiskAssessment, user, action)


@register
class ContributionPolicy(Policy[Contribution]):
    model = Contribution
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Contribution]:
        grants = grants_for(user)
        readable = Q(assessment__marking__in=markings_readable(grants))
        if action == Action.VIEW:
            return Contribution.objects.filter(readable | _asked(user, waiting=False))
        if action == Action.DELETE:
            return Contribution.objects.filter(readable) if can_manage(user) else _none()
        # Change: fill in or correct a contribution.
        allowed = contributing_organisations(user)
        if allowed is None:
            return Contribution.objects.filter(readable)
        return Contribution.objects.filter(
            (readable & Q(organisation__in=allowed)) | _asked(user, waiting=True)
        )


def _asked(user: Any, *, waiting: bool) -> Q:
    """Contributions asked of the user's own directory entry: all of them to read, the ones still
    waiting to give."""
    signed_in = getattr(user, "is_authenticated", False)
    person_id = getattr(user, "person_id", None) if signed_in else None
    if not person_id:
        return Q(pk__in=[])
    asked = Q(requested_from_id=person_id)
    return asked & Q(status=ContributionStatus.REQUESTED) if waiting else asked


def _none() -> QuerySet[Contribution]:
    return Contribution.objects.none()


@register
class RiskPolicy(Policy[Risk]):
    model = Risk
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Risk]:
        return _marked(Risk, user, action)


def _reference(model: Any, user: Any, action: Action | str) -> QuerySet[Any]:
    grants = grants_for(user)
    qs = model._default_manager.all()
    if action == Action.VIEW:
        return qs if grants.has(Cap.RISK_VIEW) else qs.none()
    return qs if grants.has_partnership(Cap.RISK_MANAGE) else qs.none()


@register
class ConcernTypePolicy(Policy[ConcernType]):
    model = ConcernType

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[ConcernType]:
        return _reference(ConcernType, user, action)


@register
class RatingMatrixPolicy(Policy[RatingMatrix]):
    model = RatingMatrix

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[RatingMatrix]:
        return _reference(RatingMatrix, user, action)


assessments = RiskAssessmentPolicy()
contributions = ContributionPolicy()
risks = RiskPolicy()
concern_types = ConcernTypePolicy()
rating_matrices = RatingMatrixPolicy()
