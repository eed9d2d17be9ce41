"""Councillors, political groups and group membership over time.

All three are public information (the policies show them to everyone). A councillor's current
group comes from a subquery, so a page of councillors is one query whatever its size. Group
changes are recorded as the web form records them: join, change role or leave, on a date.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any, Literal, TypedDict
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.governance import policies
from preventhub.governance.models import (
    Councillor,
    GroupMembership,
    GroupMembershipQuerySet,
    GroupRole,
    PoliticalGroup,
)
from preventhub.governance.services import members as services

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

from .common import (
    Date,
    Named,
    Record,
    Version,
    changes,
    named,
    pick,
    require_manage,
    resolve_refs,
)

ops = Operations(tags=["governance: councillors and groups"])
router = ops.router

NO_WARD = "There is no ward with that id."
NO_PERSON = "There is no person with that id that you can choose."
NO_GROUP = "There is no political group with that id."
TERM_BEFORE_ELECTION = "The date the term ends must be after the date elected."


# Schemas -----------------------------------------------------------------------------------------


class CurrentGroup(Schema):
    id: UUID
    name: str
    role: GroupRole


class CouncillorOut(Record):
    name: str
    person: Named = Field(description="Their directory record.")
    ward: Named | None
    party: str = Field(description="The party they were elected for (not their group).")
    elected_on: dt.date | None
    term_ends_on: dt.date | None
    group: CurrentGroup | None = Field(description="Their political group today, if any.")

    @staticmethod
    def resolve_group(obj: Councillor) -> dict[str, Any] | None:
        # The list and detail querysets annotate the current group (``_councillors``); a
        # councillor just created or changed has none.
        group_id = getattr(obj, "group_id_now", None)
        if group_id is None:
            return None
        name, role = getattr(obj, "group_name_now", None), getattr(obj, "group_role_now", None)
        return {"id": group_id, "name": name, "role": role}


class CouncillorIn(Schema):
    person: UUID | None = Field(
        None, description="Someone already in the directory; omit to add a new person by name."
    )
    name: Text = Field("", max_length=200, description="A new person's full name.")
    email: Text = Field("", max_length=254, description="A new person's e-mail address.")
    ward: UUID | None = None
    party: Text = Field("", max_length=120)
    elected_on: Date | None = None
    term_ends_on: Date | None = None


class CouncillorPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=200)
    ward: UUID | None = Unset()
    party: Text = Unset(max_length=120)
    elected_on: Date | None = Unset()
    term_ends_on: Date | None = Unset()


class CouncillorFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the name.")
    ward: UUID | None = None
    party: Text | None = Field(None, max_length=120)
    group: UUID | None = Field(None, description="Only members of this group today.")


class GroupOut(Record):
    name: str
    short_name: str
    moderngov_title: str


class GroupIn(Schema):
    name: Text = Field(min_length=1, max_length=120)
    short_name: Text = Field("", max_length=20)
    moderngov_title: Text = Field("", max_length=120)


class GroupPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=120)
    short_name: Text = Unset(max_length=20)
    moderngov_title: Text = Unset(max_length=120)


class GroupFilters(Schema):
    search: Text | None = Field(None, max_length=120, description="Part of the name.")


class GroupMembershipOut(Record):
    councillor: Named
    group: Named
    role: GroupRole
    role_label: str
    starts_on: dt.date
    ends_on: dt.date | None

    @staticmethod
    def resolve_councillor(obj: GroupMembership) -> dict[str, Any]:
        return named(obj.councillor, obj.councillor.person.name)

    @staticmethod
    def resolve_role_label(obj: GroupMembership) -> str:
        return obj.get_role_display()


class GroupMembershipFilters(Schema):
    councillor: UUID | None = None
    group: UUID | None = None
    role: GroupRole | None = None
    on: Date | None = Field(None, description="Only rows in force on this date.")


class GroupChange(Schema):
    change: Literal["join", "role", "leave"] = Field(
        description="join a group (leaving any other), change role in the current group, or leave."
    )
    group: UUID | None = Field(None, description="The group joined (for join).")
    role: GroupRole | None = Field(None, description="The role from that date (join, role).")
    on: Date = Field(
        description="The first day in the new group or role; for leave, the last day in the group."
    )


# Councillors -------------------------------------------------------------------------------------


def _current_group(day: dt.date, field: str) -> Subquery:
    return Subquery(
        GroupMembership.objects.filter(councillor=OuterRef("pk"))
        .on(day)
        .order_by("-starts_on")
        .values(field)[:1]
    )


class _GroupNow(TypedDict):
    group_id_now: UUID | None
    group_name_now: str | None
    group_role_now: str | None


def _councillors(
    request: HttpRequest, action: Action = Action.VIEW
) -> "QuerySet[WithAnnotations[Councillor, _GroupNow]]":
    day = timezone.localdate()
    return (
        policies.councillors.visible_to(request.user, action)
        .select_related("person", "ward")
        .annotate(
            group_id_now=_current_group(day, "group__public_id"),
            group_name_now=_current_group(day, "group__name"),
            group_role_now=_current_group(day, "role"),
        )
    )


def _check_term(elected_on: dt.date | None, term_ends_on: dt.date | None) -> None:
    if elected_on and term_ends_on and term_ends_on < elected_on:
        raise ValidationError({"term_ends_on": [TERM_BEFORE_ELECTION]})


def _ward(request: HttpRequest, value: UUID | None) -> Any:
    wards = directory_policies.wards.visible_to(request.user)
    return pick(wards, value, "ward", NO_WARD)


@ops.list(
    "/councillors", CouncillorOut, name="governance_councillor_list", summary="List councillors"
)
def list_councillors(
    request: HttpRequest, filters: Query[CouncillorFilters]
) -> QuerySet[Councillor]:
    qs = _councillors(request)
    if filters.search:
        qs = qs.filter(person__name__icontains=filters.search)
    if filters.ward:
        qs = qs.filter(ward__public_id=filters.ward)
    if filters.party:
        qs = qs.filter(party__iexact=filters.party)
    if filters.group:
        qs = qs.filter(group_id_now=filters.group)
    return qs.order_by("person__name", "pk")


@ops.read(
    "/councillors/{public_id}",
    CouncillorOut,
    name="governance_councillor_detail",
    summary="Get a councillor",
)
def get_councillor(request: HttpRequest, public_id: UUID) -> Councillor:
    return policies.councillors.get_or_404(
        request, queryset=_councillors(request), public_id=public_id
    )


@ops.create(
    "/councillors",
    CouncillorOut,
    name="governance_councillor_create",
    summary="Add a councillor (for someone in the directory, or a new person)",
)
def create_councillor(request: HttpRequest, payload: CouncillorIn) -> Councillor:
    require_manage(request, "councillors")
    data = payload.model_dump()
    _check_term(data["elected_on"], data["term_ends_on"])
    person = pick(
        directory_policies.people.visible_to(request.user), data.pop("person"), "person", NO_PERSON
    )
    data["ward"] = _ward(request, data["ward"])
    # A new person's name and e-mail address are checked by the directory's own model rules.
    name, email = data.pop("name"), data.pop("email")
    councillor = services.create_councillor(
        actor=request.user, data=data, person=person, name=name, email=email
    )
    return _councillors(request).get(pk=councillor.pk)


@ops.update(
    "/councillors/{public_id}",
    CouncillorOut,
    name="governance_councillor_update",
    summary="Change a councillor's name, ward, party or term",
)
def update_councillor(
    request: HttpRequest, public_id: UUID, payload: CouncillorPatch
) -> Councillor:
    queryset = policies.councillors.visible_to(request.user, Action.CHANGE).select_related("person")
    councillor = policies.councillors.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    data, version = changes(payload)
    _check_term(
        data.get("elected_on", councillor.elected_on),
        data.get("term_ends_on", councillor.term_ends_on),
    )
    resolve_refs(data, {"ward": lambda v: _ward(request, v)})
    services.update_councillor(
        actor=request.user, councillor=councillor, data=data, expected_version=version
    )
    return _councillors(request).get(pk=councillor.pk)


@ops.create(
    "/councillors/{public_id}/group-changes",
    GroupMembershipOut,
    name="governance_councillor_group_change",
    summary="Record that a councillor joined a group, changed role in it or left it",
)
def change_group(request: HttpRequest, public_id: UUID, payload: GroupChange) -> GroupMembership:
    queryset = policies.councillors.visible_to(request.user, Action.CHANGE).select_related("person")
    councillor = policies.councillors.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )
    errors: dict[str, list[str]] = {}
    if payload.change == "join" and payload.group is None:
        errors["group"] = ["Choose the group they joined."]
    if payload.change in ("join", "role") and payload.role is None:
        errors["role"] = ["Select their role in the group."]
    if errors:
        raise ValidationError(errors)
    actor = request.user
    if payload.change == "join":
        assert payload.group is not None and payload.role is not None  # refused above when missing
        group = pick(
            policies.political_groups.visible_to(request.user), payload.group, "group", NO_GROUP
        )
        row = services.join_group(
            actor=actor, councillor=councillor, group=group, role=payload.role, starts_on=payload.on
        )
    elif payload.change == "role":
        assert payload.role is not None  # refused above when missing
        row = services.change_group_role(
            actor=actor, councillor=councillor, role=payload.role, starts_on=payload.on
        )
    else:
        row = services.leave_group(actor=actor, councillor=councillor, ends_on=payload.on)
    return _group_memberships(request).get(pk=row.pk)


# Political groups --------------------------------------------------------------------------------


@ops.list(
    "/political-groups", GroupOut, name="governance_group_list", summary="List political groups"
)
def list_groups(request: HttpRequest, filters: Query[GroupFilters]) -> QuerySet[PoliticalGroup]:
    qs = policies.political_groups.visible_to(request.user)
    if filters.search:
        qs = qs.filter(Q(name__icontains=filters.search) | Q(short_name__iexact=filters.search))
    return qs.order_by("name", "pk")


@ops.read(
    "/political-groups/{public_id}",
    GroupOut,
    name="governance_group_detail",
    summary="Get a political group",
)
def get_group(request: HttpRequest, public_id: UUID) -> PoliticalGroup:
    return policies.political_groups.get_or_404(request, public_id=public_id)


@ops.create(
    "/political-groups", GroupOut, name="governance_group_create", summary="Add a political group"
)
def create_group(request: HttpRequest, payload: GroupIn) -> PoliticalGroup:
    require_manage(request, "political groups")
    return services.create_group(actor=request.user, data=payload.model_dump())


@ops.update(
    "/political-groups/{public_id}",
    GroupOut,
    name="governance_group_update",
    summary="Change a political group",
)
def update_group(request: HttpRequest, public_id: UUID, payload: GroupPatch) -> PoliticalGroup:
    group = policies.political_groups.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = changes(payload)
    return services.update_group(
        actor=request.user, group=group, data=data, expected_version=version
    )


# Group membership over time ----------------------------------------------------------------------


def _group_memberships(request: HttpRequest) -> GroupMembershipQuerySet:
    return policies.group_memberships.visible_to(request.user).select_related(
        "councillor__person", "group"
    )


@ops.list(
    "/group-memberships",
    GroupMembershipOut,
    name="governance_group_membership_list",
    summary="List councillors' memberships of political groups over time",
)
def list_group_memberships(
    request: HttpRequest, filters: Query[GroupMembershipFilters]
) -> QuerySet[GroupMembership]:
    qs = _group_memberships(request)
    if filters.councillor:
        qs = qs.filter(councillor__public_id=filters.councillor)
    if filters.group:
        qs = qs.filter(group__public_id=filters.group)
    if filters.role:
        qs = qs.filter(role=filters.role)
    if filters.on:
        qs = qs.on(filters.on)
    return qs.order_by("-starts_on", "councillor__person__name", "pk")


@ops.read(
    "/group-memberships/{public_id}",
    GroupMembershipOut,
    name="governance_group_membership_detail",
    summary="Get a councillor's membership of a political group",
)
def get_group_membership(request: HttpRequest, public_id: UUID) -> GroupMembership:
    return policies.group_memberships.get_or_404(
        request, queryset=_group_memberships(request), public_id=public_id
    )
