"""Changing councillors, political groups and group membership over time; the council's
composition on a date. Every change is audited in the same transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.services import create_record, update_record
from preventhub.directory.models import Person
from preventhub.governance.models import Councillor, GroupMembership, GroupRole, PoliticalGroup

COUNCILLOR_CREATED = register("governance.councillor_created", "Councillor added")
COUNCILLOR_UPDATED = register("governance.councillor_updated", "Councillor changed")
GROUP_CREATED = register("governance.group_created", "Political group added")
GROUP_UPDATED = register("governance.group_updated", "Political group changed")
GROUP_MEMBERSHIP_CHANGED = register(
    "governance.group_membership_changed", "Political group membership changed"
)

COUNCILLOR_FIELDS = ["ward", "party", "elected_on", "term_ends_on"]
GROUP_FIELDS = ["name", "short_name", "moderngov_title"]
# A group has one leader and one deputy at a time (reg 8, SI 1990/1553 names "a leader").
SINGLE_HOLDER_ROLES: dict[str, str] = {
    GroupRole.LEADER: "leader",
    GroupRole.DEPUTY_LEADER: "deputy leader",
}


# Councillors ------------------------------------------------------------------------------------


def create_councillor(
    *,
    actor: Any,
    data: dict[str, Any],
    person: Person | None = None,
    name: str = "",
    email: str = "",
) -> Councillor:
    """Add a councillor for an existing directory person, or for a new person called ``name``."""
    if person is None and not name.strip():
        raise ValidationError(
            {"name": "Enter the councillor's full name, or choose someone already in the directory"}
        )
    if person is not None and Councillor.objects.filter(person=person).exists():
        raise ValidationError({"person": f"{person.name} is already a councillor"})
    with transaction.atomic():
        if person is None:
            person = Person(name=name.strip(), job_title="Councillor", email=email)
            person.full_clean()
            person.save()
        councillor = Councillor(
            person=person, **{k: data[k] for k in COUNCILLOR_FIELDS if k in data}
        )
        create_record(actor=actor, instance=councillor, action=COUNCILLOR_CREATED)
    return councillor


def update_councillor(
    *, actor: Any, councillor: Councillor, data: dict[str, Any], expected_version: int | None
) -> Councillor:
    """Change a councillor's ward, party or term; a new ``name`` is written to their directory
    record and listed in the same audit event."""
    changes = {k: data[k] for k in COUNCILLOR_FIELDS if k in data}
    new_name = (data.get("name") or "").strip()
    with transaction.atomic():
        person = councillor.person
        version_before = councillor.version
        updated = update_record(
            actor=actor,
            instance=councillor,
            data=changes,
            expected_version=expected_version,
            action=COUNCILLOR_UPDATED,
        )
        if new_name and new_name != person.name:
            old = person.name
            person.name = new_name
            person.version += 1
            person.full_clean()
            person.save(update_fields=["name", "version", "updated_at"])
            if updated.version == version_before:
                # A rename alone is still an edit (for the next concurrent-edit check).
                updated.version += 1
                updated.save(update_fields=["version", "updated_at"])
            record_event(
                actor=actor,
                action=COUNCILLOR_UPDATED,
                obj=updated,
                changes={"name": [old, new_name]},
            )
    return updated


# Political groups -------------------------------------------------------------------------------


def create_group(*, actor: Any, data: dict[str, Any]) -> PoliticalGroup:
    group = PoliticalGroup(**{k: data[k] for k in GROUP_FIELDS if k in data})
    return create_record(actor=actor, instance=group, action=GROUP_CREATED)


def update_group(
    *, actor: Any, group: PoliticalGroup, data: dict[str, Any], expected_version: int | None
) -> PoliticalGroup:
    changes = {k: data[k] for k in GROUP_FIELDS if k in data}
    return update_record(
        actor=actor,
        instance=group,
        data=changes,
        expected_version=expected_version,
        action=GROUP_UPDATED,
    )


# Group membership over time ---------------------------------------------------------------------
# A councillor belongs to at most one group at a time (regs 7-11). A change is recorded by ending
# the current row the day before and starting a new one, so the history answers "who was in which
# group, in which role, on any date".


def current_group_membership(councillor: Councillor, day: dt.date) -> GroupMembership | None:
    return (
        GroupMembership.objects.on(day)
        .filter(councillor=councillor)
        .select_related("group")
        .order_by("-starts_on")
        .first()
    )


def join_group(
    *, actor: Any, councillor: Councillor, group: PoliticalGroup, role: str, starts_on: dt.date
) -> GroupMembership:
    """The councillor joins ``group`` (leaving any group they were in the day before)."""
    with transaction.atomic():
        _refuse_later_history(councillor, starts_on)
        current = current_group_membership(councillor, starts_on)
        if current is not None and current.group_id == group.pk:
            raise ValidationError(
                {"group": f"{councillor.name} is already in {group.name} on that date"}
            )
        if current is not None:
            _close(actor, current, starts_on - dt.timedelta(days=1), reason=f"joined {group.name}")
        return _open(actor, councillor, group, role, starts_on)


def change_group_role(
    *, actor: Any, councillor: Councillor, role: str, starts_on: dt.date
) -> GroupMembership:
    """The councillor's role in their current group changes from ``starts_on``."""
    with transaction.atomic():
        _refuse_later_history(councillor, starts_on)
        current = current_group_membership(councillor, starts_on)
        if current is None:
            raise ValidationError(
                {"role": f"{councillor.name} is not in a political group on that date"}
            )
        if current.role == role:
            raise ValidationError({"role": f"{councillor.name} already has that role on that date"})
        if current.starts_on == starts_on:
            raise ValidationError(
                {
                    "starts_on": "Their current group membership starts on that date: "
                    "choose a later date for the change"
                }
            )
        _close(actor, current, starts_on - dt.timedelta(days=1), reason="role changed")
        return _open(actor, councillor, current.group, role, starts_on)


def leave_group(*, actor: Any, councillor: Councillor, ends_on: dt.date) -> GroupMembership:
    """The councillor leaves their group: from the next day they are ungrouped."""
    with transaction.atomic():
        _refuse_later_history(councillor, ends_on + dt.timedelta(days=1))
        current = current_group_membership(councillor, ends_on)
        if current is None:
            raise ValidationError(
                {"ends_on": f"{councillor.name} is not in a political group on that date"}
            )
        return _close(actor, current, ends_on, reason="left the group")


def _refuse_later_history(councillor: Councillor, day: dt.date) -> None:
    # Changes are recorded in date order; rewriting the past would silently change earlier
    # compositions and seat allocations, so an earlier date is refused with the reason.
    later = (
        GroupMembership.objects.filter(councillor=councillor, starts_on__gt=day)
        .order_by("starts_on")
        .first()
    )
    if later is not None:
        raise ValidationError(
            f"{councillor.name}'s group history already has a change on "
            f"{later.starts_on:%-d %B %Y}: "
            "record changes in date order, after the latest one"
        )


def _close(
    actor: Any, membership: GroupMembership, ends_on: dt.date, *, reason: str
) -> GroupMembership:
    if membership.ends_on is not None and membership.ends_on <= ends_on:
        return membership
    before = membership.ends_on
    membership.ends_on = ends_on
    membership.version += 1
    membership.full_clean()
    membership.save(update_fields=["ends_on", "version", "updated_at"])
    record_event(
        actor=actor,
        action=GROUP_MEMBERSHIP_CHANGED,
        obj=membership,
        changes={"ends_on": [before, ends_on], "reason": [None, reason]},
    )
    return membership


def _open(
    actor: Any, councillor: Councillor, group: PoliticalGroup, role: str, starts_on: dt.date
) -> GroupMembership:
    if role in SINGLE_HOLDER_ROLES:
        holder = (
            GroupMembership.objects.on(starts_on)
            .filter(group=group, role=role)
            .exclude(councillor=councillor)
            .select_related("councillor__person")
            .first()
        )
        if holder is not None:
            label = SINGLE_HOLDER_ROLES[role]
            if holder.starts_on >= starts_on:
                raise ValidationError(
                    {
                        "role": f"{holder.councillor.name} became {label} of {group.name} on "
                        f"{holder.starts_on:%-d %B %Y}: choose a later date"
                    }
                )
            # The new leader (or deputy) replaces the old one, who stays in the group as a member.
            _close(
                actor,
                holder,
                starts_on - dt.timedelta(days=1),
                reason=f"replaced as {label} by {councillor.name}",
            )
            _open(actor, holder.councillor, group, GroupRole.MEMBER, starts_on)
    membership = GroupMembership(councillor=councillor, group=group, role=role, starts_on=starts_on)
    return create_record(actor=actor, instance=membership, action=GROUP_MEMBERSHIP_CHANGED)


# Composition ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSeats:
    group: PoliticalGroup
    seats: int
    leader: str
    deputy: str


@dataclass(frozen=True)
class Composition:
    day: dt.date
    groups: list[GroupSeats]
    ungrouped: int
    total: int


def serving_on(day: dt.date) -> Q:
    """Councillors in office on ``day`` (an unknown election or term end date counts as serving)."""
    return (Q(elected_on__isnull=True) | Q(elected_on__lte=day)) & (
        Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=day)
    )


def composition_on(day: dt.date, councillors: Any = None) -> Composition:
    """Seats per group, ungrouped members and the total on ``day``, counted by the database.

    Three queries: seats per group (one aggregate over group memberships), the number of serving
    councillors (one COUNT) and the leaders and deputies (one query).
    """
    serving = (councillors if councillors is not None else Councillor.objects.all()).filter(
        serving_on(day)
    )
    on_day = Q(memberships__starts_on__lte=day) & (
        Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=day)
    )
    on_day &= Q(memberships__councillor__in=serving)
    rows = list(
        PoliticalGroup.objects.annotate(seats=Count("memberships", filter=on_day))
        .filter(seats__gt=0)
        .order_by("-seats", "name")
    )
    total = serving.count()
    heads: dict[tuple[int, str], str] = {}
    for m in (
        GroupMembership.objects.on(day)
        .filter(role__in=list(SINGLE_HOLDER_ROLES), councillor__in=serving)
        .select_related("councillor__person")
    ):
        heads[(m.group_id, m.role)] = m.councillor.person.name
    groups = [
        GroupSeats(
            group=g,
            seats=g.seats,
            leader=heads.get((g.pk, GroupRole.LEADER), ""),
            deputy=heads.get((g.pk, GroupRole.DEPUTY_LEADER), ""),
        )
        for g in rows
    ]
    grouped = sum(g.seats for g in groups)
    return Composition(day=day, groups=groups, ungrouped=max(total - grouped, 0), total=total)
