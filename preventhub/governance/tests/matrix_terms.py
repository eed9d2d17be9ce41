"""Permission-matrix cases for terms of reference: versions, documents, comparison and drafting.

Anyone may read a public body's agreed and superseded versions; drafts need governance.view_drafts
(the Prevent lead and democratic services); drafts are written by those two and agreed only by
democratic services; agreed and superseded versions cannot be edited by anyone (404).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.governance.models import BodyKind, ClauseSection, TermsStatus
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

DRAFTERS = frozenset({"prevent_lead", "democratic_services"})
DRAFT_READERS = frozenset({"prevent_lead", "democratic_services"})
MANAGERS = frozenset({"democratic_services"})
NOBODY: frozenset[str] = frozenset()


def build(world: Any) -> None:
    body = BodyFactory.create(name="Members' Working Group on Prevent (terms matrix)")
    resolution = ResolutionFactory.create(number="4", text="That the terms of reference be agreed.")
    v1 = TermsOfReferenceFactory.create(
        body=body,
        number=1,
        status=TermsStatus.SUPERSEDED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 4, 6),
    )
    v2 = TermsOfReferenceFactory.create(
        body=body,
        number=2,
        status=TermsStatus.AGREED,
        agreed_by=resolution,
        agreed_on=dt.date(2016, 6, 1),
        amendment_summary="Removes the clause on scrutinising spend of the £10k.",
        amendment_reason="It does not apply in 2016/17.",
    )
    v3 = TermsOfReferenceFactory.create(
        body=body, number=3, amendment_summary="x", amendment_reason="y"
    )
    for version in (v1, v2, v3):
        ClauseFactory.create(
            terms=version, number="1", section=ClauseSection.PURPOSE, text="To lead."
        )
    world.terms_body = body
    world.terms_resolution = resolution
    world.terms_superseded, world.terms_agreed, world.terms_draft = v1, v2, v3
    world.terms_draft_clause = ClauseFactory.create(terms=v3, number="2", text="To meet quarterly.")
    world.terms_agreed_clause = ClauseFactory.create(
        terms=v2, number="2", text="To meet quarterly."
    )
    # A body whose agreed version has no draft after it, for starting a new version.
    world.terms_fresh_body = BodyFactory.create(name="Prevent Strategic Group (terms matrix)")
    TermsOfReferenceFactory.create(body=world.terms_fresh_body, status=TermsStatus.AGREED)
    world.terms_private_body = BodyFactory.create(
        name="Channel Panel (terms matrix)", kind=BodyKind.PANEL, is_public=False
    )
    world.terms_private = TermsOfReferenceFactory.create(
        body=world.terms_private_body, status=TermsStatus.AGREED
    )


def _id(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _compare(a: str, b: str) -> Any:
    return lambda w: {"a": str(getattr(w, a).public_id), "b": str(getattr(w, b).public_id)}


CASES = [
    Case(
        "governance:terms_list",
        kwargs=_id("terms_body"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case(
        "governance:terms_list",
        kwargs=_id("terms_private_body"),
        allowed=EVERY_ROLE,
        anonymous="404",
        note="a body that is not public",
    ),
    Case(
        "governance:terms_detail",
        kwargs=_id("terms_agreed"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case(
        "governance:terms_detail",
        kwargs=_id("terms_superseded"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        note="superseded versions stay public",
    ),
    Case(
        "governance:terms_detail",
        kwargs=_id("terms_draft"),
        allowed=DRAFT_READERS,
        anonymous="404",
        note="drafts need governance.view_drafts",
    ),
    Case(
        "governance:terms_detail",
        kwargs=_id("terms_private"),
        allowed=EVERY_ROLE,
        anonymous="404",
        note="a body that is not public",
    ),
    Case(
        "governance:terms_pdf",
        kwargs=_id("terms_agreed"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        browse=False,
    ),
    Case(
        "governance:terms_pdf",
        kwargs=_id("terms_draft"),
        allowed=DRAFT_READERS,
        anonymous="404",
        browse=False,
    ),
    Case(
        "governance:terms_docx",
        kwargs=_id("terms_agreed"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
        browse=False,
    ),
    Case(
        "governance:terms_docx",
        kwargs=_id("terms_draft"),
        allowed=DRAFT_READERS,
        anonymous="404",
        browse=False,
    ),
    Case(
        "governance:terms_compare",
        data=_compare("terms_superseded", "terms_agreed"),
        allowed=EVERYONE_SIGNED_IN,
        anonymous="public",
    ),
    Case(
        "governance:terms_compare",
        data=_compare("terms_draft", "terms_draft_clause"),
        allowed=DRAFT_READERS,
        anonymous="404",
        note="a draft and something that is not a version: the draft's readers get GOV.UK errors",
    ),
    Case(
        "governance:terms_compare",
        query="a=nonsense&b=",
        allowed=NOBODY,
        anonymous="404",
        note="names no version at all",
    ),
    Case("governance:terms_create", kwargs=_id("terms_body"), allowed=DRAFTERS),
    Case(
        "governance:terms_create",
        kwargs=_id("terms_fresh_body"),
        method="post",
        data=lambda w: {"amendment_summary": "Adds a quorum.", "amendment_reason": "It had none."},
        allowed=DRAFTERS,
        ok=(302,),
    ),
    Case("governance:terms_edit", kwargs=_id("terms_draft"), allowed=DRAFTERS),
    Case(
        "governance:terms_edit",
        kwargs=_id("terms_agreed"),
        allowed=NOBODY,
        note="agreed versions never change",
    ),
    Case("governance:terms_agree", kwargs=_id("terms_draft"), allowed=MANAGERS),
    Case(
        "governance:terms_agree",
        kwargs=_id("terms_draft"),
        method="post",
        data=lambda w: {
            "resolution": str(w.terms_resolution.public_id),
            "agreed_on-day": "7",
            "agreed_on-month": "7",
            "agreed_on-year": "2016",
            "version": str(w.terms_draft.version),
        },
        allowed=MANAGERS,
        ok=(302,),
    ),
    Case("governance:terms_agree", kwargs=_id("terms_superseded"), allowed=NOBODY),
    Case("governance:clause_add", kwargs=_id("terms_draft"), allowed=DRAFTERS),
    Case(
        "governance:clause_add",
        kwargs=_id("terms_draft"),
        method="post",
        data=lambda w: {"number": "9", "section": ClauseSection.QUORUM, "text": "Three members."},
        allowed=DRAFTERS,
        ok=(302,),
    ),
    Case("governance:clause_add", kwargs=_id("terms_agreed"), allowed=NOBODY),
    Case("governance:clause_reorder", kwargs=_id("terms_draft"), allowed=DRAFTERS),
    Case("governance:clause_edit", kwargs=_id("terms_draft_clause"), allowed=DRAFTERS),
    Case(
        "governance:clause_edit",
        kwargs=_id("terms_agreed_clause"),
        allowed=NOBODY,
        note="a clause of an agreed version",
    ),
    Case("governance:clause_remove", kwargs=_id("terms_draft_clause"), allowed=DRAFTERS),
    Case(
        "governance:clause_remove",
        kwargs=_id("terms_draft_clause"),
        method="post",
        data=lambda w: {"version": str(w.terms_draft_clause.version)},
        allowed=DRAFTERS,
        ok=(302,),
    ),
    Case("governance:clause_remove", kwargs=_id("terms_agreed_clause"), allowed=NOBODY),
]
