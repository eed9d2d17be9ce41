"""Permission-matrix cases for bodies, memberships, the structure chart and a person's roles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import BodyKind, MembershipRole, PoliticalBalance
from preventhub.governance.tests.factories import BodyFactory, MembershipFactory

MANAGERS = frozenset({"democratic_services"})


def build(world: Any) -> None:
    world.gov_public_body = BodyFactory.create(name="Prevent Strategic Group (matrix)")
    world.gov_private_body = BodyFactory.create(
        name="Channel Panel (matrix)", kind=BodyKind.PANEL, is_public=False
    )
    world.gov_member = PersonFactory.create(name="Helen Marsh (matrix)")
    world.gov_membership = MembershipFactory.create(
        body=world.gov_public_body,
        person=world.gov_member,
        role=MembershipRole.CHAIR,
        starts_on=dt.date(2016, 5, 18),
    )
    world.gov_private_person = PersonFactory.create(name="Someone with no public role (matrix)")


def _body(world: Any) -> dict[str, Any]:
    return {"public_id": world.gov_public_body.public_id}


def _new_body(world: Any) -> dict[str, Any]:
    return {
        "name": "Matrix working group",
        "kind": BodyKind.WORKING_GROUP,
        "political_balance": PoliticalBalance.VOLUNTARY,
        "is_public": "on",
    }


CASES = [
    Case("governance:body_list", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "governance:body_list",
        query="kind=panel&q=matrix",
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case("governance:structure", allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case("governance:body_detail", kwargs=_body, allowed=EVERYONE_SIGNED_IN, anonymous="public"),
    Case(
        "governance:body_detail",
        kwargs=lambda w: {"public_id": w.gov_private_body.public_id},
        allowed=EVERY_ROLE,
        anonymous="404",
        note="a body that is not public: every role, nobody else",
    ),
    Case("governance:body_create", allowed=MANAGERS),
    Case("governance:body_create", method="post", data=_new_body, allowed=MANAGERS, ok=(302,)),
    Case("governance:body_edit", kwargs=_body, allowed=MANAGERS),
    Case(
        "governance:body_edit",
        kwargs=lambda w: {"public_id": w.gov_private_body.public_id},
        allowed=MANAGERS,
    ),
    Case("governance:membership_add", kwargs=_body, allowed=MANAGERS),
    Case(
        "governance:membership_add",
        kwargs=_body,
        method="post",
        allowed=MANAGERS,
        data=lambda w: {
            "person": w.gov_private_person.public_id,
            "role": MembershipRole.MEMBER,
            "starts_on-day": "1",
            "starts_on-month": "6",
            "starts_on-year": "2016",
        },
        ok=(302,),
    ),
    Case(
        "governance:membership_end",
        kwargs=lambda w: {"public_id": w.gov_membership.public_id},
        allowed=MANAGERS,
    ),
    Case(
        "governance:person_roles",
        kwargs=lambda w: {"public_id": w.gov_member.public_id},
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        note="a member of a public body",
    ),
    Case(
        "governance:person_roles",
        kwargs=lambda w: {"public_id": w.gov_private_person.public_id},
        allowed=EVERY_ROLE,
        anonymous="404",
        note="no public role: only people who can read the directory",
    ),
]
