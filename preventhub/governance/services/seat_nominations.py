"""Nominations to the seats of an adopted allocation: democratic services ask each group leader
to nominate for their group's seats (a task and an e-mail), the leader nominates a councillor of
their own group, democratic services confirm the appointment (which creates the membership of the
body in the same transaction), and a nomination may be withdrawn. Every step is audited.

Ungrouped seats are requested from nobody: democratic services nominate for them directly.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from preventhub.audit.registry import register
from preventhub.audit.services import record_event
from preventhub.core.inbox import announce_tasks
from preventhub.core.services import check_version
from preventhub.governance.models import (
    Body,
    Councillor,
    GroupMembership,
    GroupRole,
    MembershipRole,
    Nomination,
    NominationStatus,
    PoliticalGroup,
    SeatAllocation,
)
from preventhub.governance.seats import UNGROUPED

from ..inbox import NOMINATIONS_SOURCE
from .bodies import add_membership
from .members import serving_on

NOMINATIONS_REQUESTED = register("governance.nominations_requested", "Nominations requested")
NOMINATION_MADE = register("governance.nomination_made", "Nomination made")
NOMINATION_CONFIRMED = register("governance.nomination_confirmed", "Appointment confirmed")
NOMINATION_WITHDRAWN = register("governance.nomination_withdrawn", "Nomination withdrawn")

# A seat is filled once confirmed; until then it is a vacancy.
OPEN = (NominationStatus.REQUESTED, NominationStatus.NOMINATED, NominationStatus.WITHDRAWN)
LIVE = (NominationStatus.NOMINATED, NominationStatus.CONFIRMED)


def allocation_body_name(allocation: SeatAllocation, body: Body) -> str | None:
    """The name ``body`` has in the allocation (by public id: a later rename does not lose it)."""
    records = (allocation.result or {}).get("records", {}).get("bodies", {})
    for name, public_id in records.items():
        if public_id == str(body.public_id):
            return name
    return None


def current_leaders(groups: list[PoliticalGroup], day: dt.date) -> dict[int, Councillor]:
    """Each group's leader on ``day`` (one query)."""
    rows = (
        GroupMembership.objects.on(day)
        .filter(group__in=groups, role=GroupRole.LEADER)
        .select_related("councillor__person")
    )
    return {row.group_id: row.councillor for row in rows}


def request_nominations(*, actor: Any, allocation: SeatAllocation, body: Body) -> list[Nomination]:
    """One nomination per seat the adopted allocation gives ``body``; each group's seats are asked
    of the group's current leader, who gets an e-mail with a link to the seats asked of them."""
    if not allocation.is_adopted:
        raise ValidationError("Adopt the allocation before requesting nominations.")
    name = allocation_body_name(allocation, body)
    if name is None:
        raise ValidationError(f"{body.name} is not one of the bodies in this allocation.")
    result = allocation.result
    seats = result["allocation"][name]
    group_ids = result.get("records", {}).get("groups", {})
    groups = {
        str(g.public_id): g
        for g in PoliticalGroup.objects.filter(public_id__in=list(group_ids.values()))
    }
    leaders = current_leaders(list(groups.values()), timezone.localdate())
    with transaction.atomic():
        # Locking the body serialises two requests for the same seats.
        Body.objects.select_for_update().filter(pk=body.pk).first()
        if Nomination.objects.filter(body=body, allocation=allocation).exists():
            raise ValidationError(
                f"Nominations for {body.name} have already been requested from this allocation."
            )
        created = []
        number = 0
        for party in result["parties"]:
            group = None if party == UNGROUPED else groups.get(group_ids.get(party, ""))
            if party != UNGROUPED and group is None:
                raise ValidationError(f"The political group {party} is no longer recorded.")
            leader = leaders.get(group.pk) if group is not None else None
            for _ in range(seats.get(party, 0)):
                number += 1
                nomination = Nomination(
                    body=body,
                    allocation=allocation,
                    group=group,
                    seat_number=number,
                    requested_from=leader,
                    term_ends_on=allocation.municipal_year.ends_on,
                )
                nomination.full_clean()
                nomination.save()
                record_event(
                    actor=actor,
                    action=NOMINATIONS_REQUESTED,
                    obj=nomination,
                    changes={
                        "allocation": [None, allocation.title],
                        "group": [None, group.name if group else "Ungrouped seat"],
                        "requested_from": [None, leader.name if leader else None],
                    },
                )
                created.append(nomination)
        _tell_leaders(body, created)
    return created


def _tell_leaders(body: Body, nominations: list[Nomination]) -> None:
    """One e-mail per leader, sent once the nominations are committed: a link to their seats, not
    the body or the seats themselves."""
    by_leader: dict[int, list[Nomination]] = defaultdict(list)
    for nomination in nominations:
        if nomination.requested_from is not None:
            by_leader[nomination.requested_from.pk].append(nomination)
    for seats in by_leader.values():
        leader = seats[0].requested_from
        assert leader is not None  # grouped by it above
        # Without an e-mail address, democratic services see the request on the body's page.
        announce_tasks(
            to=leader.person.email,
            name=f"Councillor {leader.person.name}",
            source=NOMINATIONS_SOURCE,
            paths=[reverse("governance:nomination_nominate", args=[s.public_id]) for s in seats],
        )


def eligible_nominees(nomination: Nomination, day: dt.date | None = None) -> QuerySet[Councillor]:
    """Serving councillors who may take the seat on ``day``: members of the seat's group, or
    councillors in no group for an ungrouped seat; not someone already nominated or confirmed for
    another seat on the same body from the same allocation."""
    day = day or timezone.localdate()
    in_a_group = GroupMembership.objects.on(day).filter(councillor=OuterRef("pk"))
    qs = Councillor.objects.filter(serving_on(day)).select_related("person")
    if nomination.group_id is None:
        qs = qs.exclude(Exists(in_a_group))
    else:
        qs = qs.filter(Exists(in_a_group.filter(group_id=nomination.group_id)))
    taken = Nomination.objects.filter(
        body_id=nomination.body_id, allocation_id=nomination.allocation_id, status__in=LIVE
    ).exclude(pk=nomination.pk)
    return qs.exclude(pk__in=taken.filter(nominee__isnull=False).values("nominee_id")).order_by(
        "person__name"
    )


def _locked(nomination: Nomination, expected_version: int | None) -> Nomination:
    current = Nomination.objects.select_for_update().get(pk=nomination.pk)
    check_version(current, expected_version)
    return current


def _bump(nomination: Nomination, fields: list[str]) -> None:
    nomination.version += 1
    nomination.save(update_fields=[*fields, "version", "updated_at"])


def nominate(
    *, actor: Any, nomination: Nomination, nominee: Councillor, expected_version: int | None = None
) -> Nomination:
    """The group leader (or democratic services, for an ungrouped seat or on a leader's behalf)
    names the councillor for the seat."""
    with transaction.atomic():
        current = _locked(nomination, expected_version)
        if current.status not in OPEN:
            raise ValidationError(
                "This appointment has been confirmed: it can no longer be changed."
            )
        if not eligible_nominees(current).filter(pk=nominee.pk).exists():
            raise ValidationError({"nominee": _not_eligible(current, nominee)})
        before = (current.nominee.name if current.nominee is not None else None, current.status)
        current.nominee = nominee
        current.status = NominationStatus.NOMINATED
        _bump(current, ["nominee", "status"])
        record_event(
            actor=actor,
            action=NOMINATION_MADE,
            obj=current,
            changes={"nominee": [before[0], nominee.name], "status": [before[1], current.status]},
        )
    nomination.refresh_from_db()
    return nomination


def _not_eligible(nomination: Nomination, nominee: Councillor) -> str:
    if nomination.group_id is None:
        return (
            f"{nominee.name} is in a political group: "
            "an ungrouped seat needs an ungrouped councillor"
        )
    return (
        f"{nominee.name} is not a current member of {nomination.group}, "
        "or already has a seat on this body"
    )


def confirm_nomination(
    *,
    actor: Any,
    nomination: Nomination,
    starts_on: dt.date,
    term_ends_on: dt.date | None,
    expected_version: int | None = None,
) -> Nomination:
    """Democratic services confirm the appointment: the nominee becomes a member of the body,
    representing the seat's group, from ``starts_on`` until ``term_ends_on``."""
    with transaction.atomic():
        current = _locked(nomination, expected_version)
        if current.status != NominationStatus.NOMINATED or current.nominee_id is None:
            raise ValidationError("Only a nomination that names a councillor can be confirmed.")
        if term_ends_on is not None and term_ends_on < starts_on:
            raise ValidationError({"term_ends_on": "The term must end on or after the start date"})
        nominee = Councillor.objects.select_related("person").get(pk=current.nominee_id)
        membership = add_membership(
            actor=actor,
            body=current.body,
            person=nominee.person,
            role=MembershipRole.MEMBER,
            starts_on=starts_on,
            ends_on=term_ends_on,
            representing_group=current.group,
        )
        before = (current.status, current.term_ends_on)
        current.status = NominationStatus.CONFIRMED
        current.membership = membership
        current.term_ends_on = term_ends_on
        _bump(current, ["status", "membership", "term_ends_on"])
        record_event(
            actor=actor,
            action=NOMINATION_CONFIRMED,
            obj=current,
            changes={
                "status": [before[0], current.status],
                "nominee": [None, nominee.name],
                "starts_on": [None, starts_on],
                "term_ends_on": [before[1], term_ends_on],
            },
        )
    nomination.refresh_from_db()
    return nomination


def withdraw_nomination(
    *, actor: Any, nomination: Nomination, reason: str, expected_version: int | None = None
) -> Nomination:
    """The request or the nomination is withdrawn; the seat stays vacant and may be nominated
    for again. A confirmed appointment is ended on the body's page instead (it is a membership)."""
    with transaction.atomic():
        current = _locked(nomination, expected_version)
        if current.status not in (NominationStatus.REQUESTED, NominationStatus.NOMINATED):
            raise ValidationError(
                "Only a requested or nominated seat can be withdrawn: end a confirmed appointment "
                "from the body's list of members."
            )
        before = current.status
        current.status = NominationStatus.WITHDRAWN
        _bump(current, ["status"])
        record_event(
            actor=actor,
            action=NOMINATION_WITHDRAWN,
            obj=current,
            changes={"status": [before, current.status], "reason": [None, reason.strip()]},
        )
    nomination.refresh_from_db()
    return nomination
