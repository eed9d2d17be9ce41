"""The managed type-of-concern taxonomy: the Prevent lead adds categories, ends them, and
relabels one by starting a new version (same code) the day after the old one ends, so records
made under the old label keep it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from preventhub.audit.services import record_event
from preventhub.core.policies import Action
from preventhub.core.services import create_record, update_record

from .. import audit_actions as codes
from .. import policies
from ..models import ConcernType
from .common import by, only, require

CREATE_FIELDS = ("code", "label", "description", "valid_from", "valid_to")
CHANGE_FIELDS = ("description", "valid_to")


def create_concern_type(*, actor: Any, data: dict[str, Any]) -> ConcernType:
    require(policies.can_manage(actor))
    concern = ConcernType(**only(data, CREATE_FIELDS))
    if ConcernType.objects.filter(code=concern.code).exists():
        raise ValidationError(
            {"code": "A type of concern already has this code: give it a new version instead"}
        )
    by(concern, actor)
    return create_record(actor=actor, instance=concern, action=codes.CONCERN_TYPE_CREATED)


def update_concern_type(
    *, actor: Any, concern: ConcernType, data: dict[str, Any], expected_version: int | None
) -> ConcernType:
    """Change the description, or the last day the category may be recorded."""
    require(policies.concern_types.can(actor, Action.CHANGE, concern))
    by(concern, actor)
    return update_record(
        actor=actor,
        instance=concern,
        data=only(data, CHANGE_FIELDS),
        expected_version=expected_version,
        action=codes.CONCERN_TYPE_UPDATED,
    )


def relabel_concern_type(
    *,
    actor: Any,
    concern: ConcernType,
    label: str,
    valid_from: dt.date,
    expected_version: int | None,
) -> ConcernType:
    """A new version of the category from ``valid_from``: the current one ends the day before."""
    require(policies.concern_types.can(actor, Action.CHANGE, concern))
    if valid_from <= concern.valid_from:
        raise ValidationError(
            {"valid_from": "The new label must start after the current one started"}
        )
    if concern.valid_to is not None and valid_from > concern.valid_to + dt.timedelta(days=1):
        raise ValidationError(
            {"valid_from": "The new label must start by the day after the current one ends"}
        )
    with transaction.atomic():
        update_concern_type(
            actor=actor,
            concern=concern,
            data={"valid_to": valid_from - dt.timedelta(days=1)},
            expected_version=expected_version,
        )
        successor = ConcernType(
            code=concern.code,
            label=label,
            description=concern.description,
            valid_from=valid_from,
            valid_to=None,
            order=concern.order,
            source=concern.source,
        )
        by(successor, actor)
        create_record(actor=actor, instance=successor, action=codes.CONCERN_TYPE_RELABELLED)
        record_event(
            actor=actor,
            action=codes.CONCERN_TYPE_RELABELLED,
            obj=concern,
            changes={"label": [concern.label, label], "from": [None, valid_from.isoformat()]},
        )
    return successor
