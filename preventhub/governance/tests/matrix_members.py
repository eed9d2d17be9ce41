"""Permission-matrix cases for councillors, political groups, the composition and the ModernGov
import."""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERYONE_SIGNED_IN, Case
from preventhub.governance.models import GroupRole
from preventhub.governance.tests.factories import (
    CouncillorFactory,
    GroupMembershipFactory,
    PoliticalGroupFactory,
)

MANAGERS = frozenset({"democratic_services"})


def build(world: Any) -> None:
    world.gov_group = PoliticalGroupFactory.create(name="Matrix Labour Group")
    world.gov_councillor = CouncillorFactory.create(
        person__name="Matrix Councillor", party="Labour"
    )
    GroupMembershipFactory.create(
        councillor=world.gov_councillor,
        group=world.gov_group,
        role=GroupRole.LEADER,
        starts_on=dt.date(2015, 5, 20),
    )


def _councillor(world: Any) -> dict[str, Any]:
    return {"public_id": world.gov_councillor.public_id}


def _group(world: Any) -> dict[str, Any]:
    return {"public_id": world.gov_group.public_id}


CASES = [
    Case("governance:councillor_list", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "governance:councillor_list",
        query="group=ungrouped&q=matrix",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case(
        "governance:councillor_detail",
        kwargs=_councillor,
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case("governance:councillor_create", allowed=MANAGERS),
    Case(
        "governance:councillor_create",
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"name": "Matrix New Councillor", "party": "Green"},
    ),
    Case("governance:councillor_edit", kwargs=_councillor, allowed=MANAGERS),
    Case("governance:councillor_group_change", kwargs=_councillor, allowed=MANAGERS),
    Case(
        "governance:councillor_group_change",
        kwargs=_councillor,
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        data=lambda w: {"change": "leave", "on-day": "1", "on-month": "6", "on-year": "2016"},
    ),
    Case("governance:group_list", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("governance:group_detail", kwargs=_group, allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "governance:group_detail",
        kwargs=_group,
        query="date-day=1&date-month=6&date-year=2016",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case("governance:group_create", allowed=MANAGERS),
    Case("governance:group_edit", kwargs=_group, allowed=MANAGERS),
    Case("governance:composition", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "governance:composition",
        query="date-day=18&date-month=5&date-year=2016",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case("governance:moderngov_import", allowed=MANAGERS),
    # The councillor picker's type-ahead search: councillors are public, the search is for users.
    Case(
        "governance:search_councillors",
        allowed=EVERYONE_SIGNED_IN,
        query="q=Matrix",
        browse=False,
    ),
    # The body and resolution pickers' searches: each answers what the user may see (public
    # bodies, resolutions of published minutes), for signed-in users.
    Case("governance:search_bodies", allowed=EVERYONE_SIGNED_IN, query="q=Matrix", browse=False),
    Case(
        "governance:search_resolutions",
        allowed=EVERYONE_SIGNED_IN,
        query="q=Matrix",
        browse=False,
    ),
    Case(
        "governance:search_decisions",
        allowed=EVERYONE_SIGNED_IN,
        query="q=Matrix",
        browse=False,
    ),
]
