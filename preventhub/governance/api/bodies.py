"""Bodies and memberships of bodies.

Lists start from the policies' ``visible_to``; a body another body reports to is named only when
the caller may see it (a public body may report to a private one), and the resolution that
established a body only when the caller may read that resolution, as on the body's page.
"""

import datetime as dt
from typing import Any, Literal
from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Schema

from preventhub.core.api.operations import Operations
from preventhub.core.api.schemas import Text, Unset
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Organisation
from preventhub.governance import policies
from preventhub.governance.models import (
    Body,
    BodyKind,
    LedBy,
    Membership,
    MembershipQuerySet,
    MembershipRole,
    PoliticalBalance,
)
from preventhub.governance.services import bodies as services

from .common import (
    Date,
    Labelled,
    Named,
    Record,
    Version,
    changes,
    labelled,
    named,
    pick,
    require_manage,
    resolve_refs,
)

ops = Operations(tags=["governance: bodies"])
router = ops.router

NO_BODY = "There is no body with that id that you can choose."
NO_RESOLUTION = "There is no resolution with that id that you can choose."
NO_PERSON = "There is no person with that id that you can choose."
NO_GROUP = "There is no political group with that id."
NO_ORGANISATION = "There is no organisation with that id that you can choose."


# Schemas -----------------------------------------------------------------------------------------


class BodyOut(Record):
    name: str
    kind: BodyKind
    kind_label: str
    led_by: str = Field(description="members, officers or empty (not stated).")
    purpose: str
    parent: Named | None = Field(description="The body it reports to (if you may see it).")
    quorum: int | None
    meeting_frequency: str
    political_balance: PoliticalBalance
    seats: int | None
    established_by: Labelled | None = Field(description="The resolution that established it.")
    starts_on: dt.date | None
    starts_note: str
    ends_on: dt.date | None
    is_public: bool

    @staticmethod
    def resolve_kind_label(obj: Body) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_parent(obj: Body, context: Any) -> dict[str, Any] | None:
        parent = obj.parent
        if parent is None:
            return None
        user = context["request"].user
        return named(parent) if parent.is_public or policies.can_view_governance(user) else None

    @staticmethod
    def resolve_established_by(obj: Body) -> dict[str, Any] | None:
        resolution = obj.established_by
        if resolution is None or not getattr(obj, "established_by_visible", False):
            return None
        return labelled(resolution, f"Resolution {resolution.number}")


LedByValue = LedBy | Literal[""]


class BodyIn(Schema):
    name: Text = Field(min_length=1, max_length=200)
    kind: BodyKind
    led_by: LedByValue = ""
    purpose: Text = Field("", max_length=10_000)
    parent: UUID | None = Field(None, description="The id of the body it reports to.")
    quorum: int | None = Field(None, ge=1, le=32767)
    meeting_frequency: Text = Field("", max_length=120)
    political_balance: PoliticalBalance = PoliticalBalance.NONE
    seats: int | None = Field(None, ge=0, le=32767)
    established_by: UUID | None = Field(None, description="The id of a resolution.")
    starts_on: Date | None = None
    starts_note: Text = Field("", max_length=120)
    ends_on: Date | None = None
    is_public: bool = True


class BodyPatch(Schema):
    version: int = Version
    name: Text = Unset(min_length=1, max_length=200)
    kind: BodyKind = Unset()
    led_by: LedByValue = Unset()
    purpose: Text = Unset(max_length=10_000)
    parent: UUID | None = Unset(description="The id of the body it reports to, or null.")
    quorum: int | None = Unset(ge=1, le=32767)
    meeting_frequency: Text = Unset(max_length=120)
    political_balance: PoliticalBalance = Unset()
    seats: int | None = Unset(ge=0, le=32767)
    established_by: UUID | None = Unset(description="The id of a resolution, or null.")
    starts_on: Date | None = Unset()
    starts_note: Text = Unset(max_length=120)
    ends_on: Date | None = Unset()
    is_public: bool = Unset()


class BodyFilters(Schema):
    search: Text | None = Field(None, max_length=200, description="Part of the name or purpose.")
    kind: BodyKind | None = None
    parent: UUID | None = Field(None, description="Only bodies reporting to this body.")
    is_public: bool | None = None


class MembershipOut(Record):
    person: Named
    body: Named
    role: MembershipRole
    role_label: str
    representing_group: Named | None
    representing_organisation: Named | None
    starts_on: dt.date
    ends_on: dt.date | None

    @staticmethod
    def resolve_role_label(obj: Membership) -> str:
        return obj.get_role_display()


class MembershipIn(Schema):
    person: UUID = Field(description="The directory person's id.")
    role: MembershipRole = MembershipRole.MEMBER
    representing_group: UUID | None = None
    representing_organisation: UUID | None = None
    starts_on: Date
    ends_on: Date | None = None


class MembershipEnd(Schema):
    version: int = Version
    ends_on: Date = Field(description="The last day of the membership.")


class MembershipFilters(Schema):
    body: UUID | None = None
    person: UUID | None = None
    role: MembershipRole | None = None
    on: Date | None = Field(None, description="Only memberships current on this date.")


# Bodies ------------------------------------------------------------------------------------------


def _bodies(request: HttpRequest, action: Action = Action.VIEW) -> QuerySet[Body]:
    resolutions = policies.resolutions.visible_to(request.user)
    return (
        policies.bodies.visible_to(request.user, action)
        .select_related("parent", "established_by")
        .annotate(
            established_by_visible=Exists(resolutions.filter(pk=OuterRef("established_by_id")))
        )
    )


def _body_refs(request: HttpRequest, data: dict[str, Any], body: Body | None = None) -> None:
    parents = policies.bodies.visible_to(request.user)
    if body is not None:
        parents = parents.exclude(pk=body.pk)
    resolve_refs(
        data,
        {
            "parent": lambda v: pick(parents, v, "parent", NO_BODY),
            "established_by": lambda v: pick(
                policies.resolutions.visible_to(request.user), v, "established_by", NO_RESOLUTION
            ),
        },
    )


@ops.list("/bodies", BodyOut, name="governance_body_list", summary="List bodies")
def list_bodies(request: HttpRequest, filters: Query[BodyFilters]) -> QuerySet[Body]:
    qs = _bodies(request)
    if filters.search:
        qs = qs.filter(Q(name__icontains=filters.search) | Q(purpose__icontains=filters.search))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.parent:
        qs = qs.filter(parent__public_id=filters.parent)
    if filters.is_public is not None:
        qs = qs.filter(is_public=filters.is_public)
    return qs.order_by("name", "pk")


@ops.read("/bodies/{public_id}", BodyOut, name="governance_body_detail", summary="Get a body")
def get_body(request: HttpRequest, public_id: UUID) -> Body:
    return policies.bodies.get_or_404(request, queryset=_bodies(request), public_id=public_id)


@ops.create("/bodies", BodyOut, name="governance_body_create", summary="Add a body")
def create_body(request: HttpRequest, payload: BodyIn) -> Body:
    require_manage(request, "bodies")
    data = payload.model_dump()
    _body_refs(request, data)
    body = services.create_body(actor=request.user, data=data)
    return _bodies(request).get(pk=body.pk)


@ops.update("/bodies/{public_id}", BodyOut, name="governance_body_update", summary="Change a body")
def update_body(request: HttpRequest, public_id: UUID, payload: BodyPatch) -> Body:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
    data, version = changes(payload)
    _body_refs(request, data, body)
    services.update_body(actor=request.user, body=body, data=data, expected_version=version)
    return _bodies(request).get(pk=body.pk)


# Memberships -------------------------------------------------------------------------------------


def _memberships(request: HttpRequest, action: Action = Action.VIEW) -> MembershipQuerySet:
    return policies.memberships.visible_to(request.user, action).select_related(
        "person", "body", "representing_group", "representing_organisation"
    )


@ops.list(
    "/memberships",
    MembershipOut,
    name="governance_membership_list",
    summary="List memberships of bodies",
)
def list_memberships(
    request: HttpRequest, filters: Query[MembershipFilters]
) -> QuerySet[Membership]:
    qs = _memberships(request)
    if filters.body:
        qs = qs.filter(body__public_id=filters.body)
    if filters.person:
        qs = qs.filter(person__public_id=filters.person)
    if filters.role:
        qs = qs.filter(role=filters.role)
    if filters.on:
        qs = qs.current(filters.on)
    return qs.order_by("body__name", "role", "person__name", "pk")


@ops.read(
    "/memberships/{public_id}",
    MembershipOut,
    name="governance_membership_detail",
    summary="Get a membership of a body",
)
def get_membership(request: HttpRequest, public_id: UUID) -> Membership:
    return policies.memberships.get_or_404(
        request, queryset=_memberships(request), public_id=public_id
    )


@ops.create(
    "/bodies/{public_id}/memberships",
    MembershipOut,
    name="governance_membership_create",
    summary="Appoint someone to a body",
)
def create_membership(request: HttpRequest, public_id: UUID, payload: MembershipIn) -> Membership:
    body = policies.bodies.get_or_404(request, Action.CHANGE, public_id=public_id)
    data = resolve_refs(
        payload.model_dump(),
        {
            "person": lambda v: pick(
                directory_policies.people.visible_to(request.user), v, "person", NO_PERSON
            ),
            "representing_group": lambda v: pick(
                policies.political_groups.visible_to(request.user),
                v,
                "representing_group",
                NO_GROUP,
            ),
            "representing_organisation": lambda v: pick(
                Organisation.objects.visible_to(request.user),
                v,
                "representing_organisation",
                NO_ORGANISATION,
            ),
        },
    )
    membership = services.add_membership(actor=request.user, body=body, **data)
    return _memberships(request).get(pk=membership.pk)


@ops.action(
    "/memberships/{public_id}/end",
    MembershipOut,
    name="governance_membership_end",
    summary="End a membership of a body (it stays in the list of past members)",
)
def end_membership(request: HttpRequest, public_id: UUID, payload: MembershipEnd) -> Membership:
    membership = policies.memberships.get_or_404(
        request, Action.CHANGE, queryset=_memberships(request, Action.CHANGE), public_id=public_id
    )
    return services.end_membership(
        actor=request.user,
        membership=membership,
        ends_on=payload.ends_on,
        expected_version=payload.version,
    )
