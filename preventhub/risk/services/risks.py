"""The risk register: risks are added and changed by the Prevent lead; every change is audited and
kept in the record's history (wards included)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from preventhub.audit.services import diff, record_event, snapshot
from preventhub.core.policies import Action
from preventhub.core.services import locked_version
from preventhub.directory.models import Sector, Ward

from .. import audit_actions as codes
from .. import policies
from ..models import ConcernType, Risk
from .common import bump, by, only, require

RISK_FIELDS = (
    "reference",
    "title",
    "description",
    "assessment",
    "concern_type",
    "theme",
    "borough_wide",
    "sectors",
    "inherent_likelihood",
    "inherent_impact",
    "residual_likelihood",
    "residual_impact",
    "owner",
    "review_on",
    "trend",
    "status",
    "marking",
)


def _ward_names(wards: Iterable[Ward]) -> list[str]:
    return sorted(w.name for w in wards)


def _recorded_on(risk: Risk) -> dt.date:
    """The day a risk's type of concern must be valid on: the start of the assessment that
    identified it (a 2016 assessment used 2016's categories), or today."""
    assessment = risk.assessment
    return assessment.period_start if assessment is not None else timezone.localdate()


def _check(risk: Risk, wards: list[Ward], concern_changed: bool) -> None:
    errors: dict[str, str] = {}
    if risk.borough_wide and wards:
        errors["wards"] = "Choose the wards affected or borough-wide, not both"
    elif not risk.borough_wide and not wards:
        errors["wards"] = "Choose the wards affected, or select borough-wide"
    unknown = [s for s in risk.sectors if s not in Sector.values]
    if unknown or len(set(risk.sectors)) != len(risk.sectors):
        errors["sectors"] = "Choose sectors from the list, each once"
    concern: ConcernType | None = risk.concern_type
    if concern_changed and concern is not None and not concern.is_valid_on(_recorded_on(risk)):
        errors["concern_type"] = (
            f"‘{concern.label}’ is not a type of concern in use for this risk: choose a current one"
        )
    if errors:
        raise ValidationError(errors)


def create_risk(*, actor: Any, data: dict[str, Any], wards: Iterable[Ward] = ()) -> Risk:
    require(policies.can_manage(actor))
    wards = list(wards)
    risk = Risk(**only(data, RISK_FIELDS))
    _check(risk, wards, concern_changed=True)
    risk.full_clean()
    by(risk, actor)
    with transaction.atomic():
        risk.save()
        risk.wards.set(wards)
        fields = [f for f in RISK_FIELDS if f in data]
        changes = diff({}, snapshot(risk, fields))
        if wards:
            changes["wards"] = [None, _ward_names(wards)]
        record_event(actor=actor, action=codes.RISK_CREATED, obj=risk, changes=changes)
    risk.refresh_from_db(fields=["inherent_score", "residual_score"])
    return risk


def update_risk(
    *,
    actor: Any,
    risk: Risk,
    data: dict[str, Any],
    wards: Iterable[Ward] | None = None,
    expected_version: int | None,
) -> Risk:
    """Change a risk; ``wards=None`` leaves its wards as they are."""
    require(policies.risks.can(actor, Action.CHANGE, risk))
    only(data, RISK_FIELDS)
    with transaction.atomic():
        current = locked_version(risk, expected_version)
        before_wards = list(risk.wards.all())
        new_wards = before_wards if wards is None else list(wards)
        changes = diff(snapshot(risk, list(data)), data)
        if _ward_names(before_wards) != _ward_names(new_wards):
            changes["wards"] = [_ward_names(before_wards), _ward_names(new_wards)]
        if not changes:
            return risk
        concern_changed = "concern_type" in changes
        for name, value in data.items():
            setattr(risk, name, value)
        _check(risk, new_wards, concern_changed)
        risk.full_clean()
        risk.version = current.version
        by(risk, actor)
        bump(risk, [name for name in data if name in changes])
        if "wards" in changes:
            risk.wards.set(new_wards)
        record_event(actor=actor, action=codes.RISK_UPDATED, obj=risk, changes=changes)
    risk.refresh_from_db(fields=["inherent_score", "residual_score"])
    return risk
