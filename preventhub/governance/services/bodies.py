"""Changing bodies and their memberships. Every change is audited in the same transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from preventhub.audit.registry import register
from preventhub.core.services import create_record, update_record
from preventhub.governance.models import Body, Membership, MembershipRole

BODY_CREATED = register("governance.body_created", "Body added")
BODY_UPDATED = register("governance.body_updated", "Body changed")
MEMBERSHIP_ADDED = register("governance.membership_added", "Member added to a body")
MEMBERSHIP_ENDED = register("governance.membership_ended", "Membership of a body ended")

# A body has one chair and one vice-chair at a time; members, substitutes and advisers are many.
SINGLE_HOLDER_ROLES: dict[str, str] = {
    MembershipRole.CHAIR: "chair",
    MembershipRole.VICE_CHAIR: "vice-chair",
}

BODY_FIELDS = [
    "name",
    "kind",
    "led_by",
    "purpose",
    "parent",
    "quorum",
    "meeting_frequency",
    "political_balance",
    "seats",
    "established_by",
    "starts_on",
    "starts_note",
    "ends_on",
    "is_public",
]


def create_body(*, actor: Any, data: dict[str, Any]) -> Body:
    """Add a body. ``data`` holds BODY_FIELDS; the model refuses a reporting cycle and an end
    before the start."""
    body = Body(**{name: data[name] for name in BODY_FIELDS if name in data})
    return create_record(actor=actor, instance=body, action=BODY_CREATED)


def update_body(
    *, actor: Any, body: Body, data: dict[str, Any], expected_version: int | None
) -> Body:
    """Change a body if nobody else saved it since ``expected_version`` (ConcurrentEditError)."""
    changes = {name: data[name] for name in BODY_FIELDS if name in data}
    return update_record(
        actor=actor,
        instance=body,
        data=changes,
        expected_version=expected_version,
        action=BODY_UPDATED,
    )


def add_membership(
    *,
    actor: Any,
    body: Body,
    person: Any,
    role: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    representing_group: Any = None,
    representing_organisation: Any = None,
) -> Membership:
    """Appoint someone to a body. Refuses a second chair (or vice-chair) for overlapping dates, the
    same person twice in the same role at once, and representing a group and an organisation."""
    membership = Membership(
        body=body,
        person=person,
        role=role,
        starts_on=starts_on,
        ends_on=ends_on,
        representing_group=representing_group,
        representing_organisation=representing_organisation,
    )
    errors: dict[str, list[str]] = {}
    if representing_group is not None and representing_organisation is not None:
        errors.setdefault("representing_organisation", []).append(
            "Choose a political group or a partner organisation, not both"
        )
    if ends_on is not None and ends_on < starts_on:
        errors.setdefault("ends_on", []).append(
            "The end date must be the same as or after the start date"
        )
    else:
        overlapping = _overlapping(body, starts_on, ends_on)
        if role in SINGLE_HOLDER_ROLES:
            holder = overlapping.filter(role=role).select_related("person").first()
            if holder is not None:
                errors.setdefault("role", []).append(
                    f"{holder.person.name} is already the {SINGLE_HOLDER_ROLES[role]} "
                    f"of {body.name} "
                    f"from {holder.starts_on:%-d %B %Y}: end that membership first"
                )
        if overlapping.filter(person=person, role=role).exists():
            errors.setdefault("person", []).append(
                f"{person.name} already has this role on {body.name} for some of these dates"
            )
    if errors:
        raise ValidationError(errors)
    return create_record(actor=actor, instance=membership, action=MEMBERSHIP_ADDED)


def _overlapping(body: Body, starts_on: dt.date, ends_on: dt.date | None) -> Any:
    qs = Membership.objects.filter(body=body).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)
    )
    return qs.filter(starts_on__lte=ends_on) if ends_on is not None else qs


def end_membership(
    *, actor: Any, membership: Membership, ends_on: dt.date, expected_version: int | None
) -> Membership:
    """Record the last day of a membership (it stays in the body's list of past members)."""
    if ends_on < membership.starts_on:
        raise ValidationError(
            {
                "ends_on": "The end date must be on or after the start date, "
                f"{membership.starts_on:%-d %B %Y}"
            }
        )
    return update_record(
        actor=actor,
        instance=membership,
        data={"ends_on": ends_on},
        expected_version=expected_version,
        action=MEMBERSHIP_ENDED,
    )
