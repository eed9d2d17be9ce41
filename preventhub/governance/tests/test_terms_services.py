"""Terms of reference services: drafting, clauses, order, agreeing and superseding, all audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.governance.models import Clause, ClauseSection, TermsOfReference, TermsStatus
from preventhub.governance.services import terms as services
from preventhub.governance.services.terms import in_document_order
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

pytestmark = pytest.mark.django_db

SPEND_CLAUSE = (
    "To scrutinise spend of the £10k on implementing the duty ensuring value for money "
    "(providing this funding is agreed)."
)


@pytest.fixture
def actor(personas):
    return personas["democratic_services"]


@pytest.fixture
def working_group():
    return BodyFactory.create(name="Members' Working Group on Prevent")


def _events(action: str, obj) -> int:
    return AuditEvent.objects.filter(action=action, object_id=str(obj.public_id)).count()


def _agreed_v1(body, actor):
    terms = services.draft_terms(actor=actor, body=body)
    services.add_clause(
        actor=actor,
        terms=terms,
        number="1",
        section=ClauseSection.PURPOSE,
        text="To provide a forum for Members on Prevent.",
    )
    services.add_clause(
        actor=actor, terms=terms, number="2", section=ClauseSection.DUTIES, text=SPEND_CLAUSE
    )
    return services.agree_terms_of_reference(
        actor=actor,
        terms=terms,
        resolution=ResolutionFactory.create(),
        agreed_on=dt.date(2016, 4, 6),
        expected_version=None,
    )


def test_the_first_draft_is_version_1_with_no_clauses_and_is_audited(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    assert (terms.number, terms.status, terms.clauses.count()) == (1, TermsStatus.DRAFT, 0)
    assert _events("governance.terms_drafted", terms) == 1


def test_a_body_has_one_draft_at_a_time(actor, working_group):
    services.draft_terms(actor=actor, body=working_group)
    with pytest.raises(ValidationError, match="already a draft"):
        services.draft_terms(actor=actor, body=working_group)


def test_a_new_version_copies_the_agreed_clauses_keeping_their_lineage(actor, working_group):
    v1 = _agreed_v1(working_group, actor)
    v2 = services.draft_terms(
        actor=actor,
        body=working_group,
        amendment_summary="Removes the clause on scrutinising spend of the £10k.",
        amendment_reason="The funding does not apply in the financial year 2016/17.",
    )
    assert v2.number == 2 and v2.status == TermsStatus.DRAFT
    old = list(v1.clauses.order_by("order").values_list("number", "text", "lineage"))
    new = list(v2.clauses.order_by("order").values_list("number", "text", "lineage"))
    assert old == new
    assert set(v1.clauses.values_list("public_id", flat=True)).isdisjoint(
        v2.clauses.values_list("public_id", flat=True)
    )
    event = AuditEvent.objects.get(action="governance.terms_drafted", object_id=str(v2.public_id))
    assert event.changes["copied_from"] == [None, "version 1"]
    assert event.changes["clauses_copied"] == [None, 2]


@pytest.mark.parametrize(
    ("summary", "reason", "missing"),
    [("", "Because.", "amendment_summary"), ("Removes 2.", "  ", "amendment_reason")],
)
def test_a_new_version_must_say_what_changes_and_why(
    actor, working_group, summary, reason, missing
):
    _agreed_v1(working_group, actor)
    with pytest.raises(ValidationError) as raised:
        services.draft_terms(
            actor=actor, body=working_group, amendment_summary=summary, amendment_reason=reason
        )
    assert list(raised.value.error_dict) == [missing]
    assert TermsOfReference.objects.filter(body=working_group).count() == 1


def test_adding_changing_and_removing_clauses_is_audited(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    clause = services.add_clause(
        actor=actor,
        terms=terms,
        number="1",
        section=ClauseSection.FREQUENCY,
        text="Meets quarterly.",
    )
    assert _events("governance.clause_added", clause) == 1
    services.update_clause(
        actor=actor,
        clause=clause,
        data={"text": "Meets every two months."},
        expected_version=clause.version,
    )
    event = AuditEvent.objects.get(
        action="governance.clause_updated", object_id=str(clause.public_id)
    )
    assert event.changes == {"text": ["Meets quarterly.", "Meets every two months."]}
    services.remove_clause(actor=actor, clause=clause, expected_version=clause.version)
    assert not Clause.objects.filter(pk=clause.pk).exists()
    removed = AuditEvent.objects.get(
        action="governance.clause_removed", object_id=str(clause.public_id)
    )
    assert removed.changes["text"] == ["Meets every two months.", ""]


def test_two_clauses_of_a_version_cannot_share_a_number(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    services.add_clause(
        actor=actor, terms=terms, number="3", section=ClauseSection.DUTIES, text="A"
    )
    with pytest.raises(ValidationError) as raised:
        services.add_clause(
            actor=actor, terms=terms, number="3", section=ClauseSection.SCOPE, text="B"
        )
    assert raised.value.message_dict["number"] == [
        "Version 1 already has a clause 3: choose another number"
    ]


def test_a_clause_changed_by_someone_else_is_not_overwritten(actor, working_group, personas):
    terms = services.draft_terms(actor=actor, body=working_group)
    clause = services.add_clause(
        actor=actor, terms=terms, number="1", section=ClauseSection.QUORUM, text="Three members."
    )
    opened = clause.version
    other = Clause.objects.select_related("terms").get(pk=clause.pk)
    services.update_clause(
        actor=personas["prevent_lead"],
        clause=other,
        data={"text": "Four members."},
        expected_version=opened,
    )
    mine = Clause.objects.select_related("terms").get(pk=clause.pk)
    with pytest.raises(ConcurrentEditError):
        services.update_clause(
            actor=actor, clause=mine, data={"text": "Two members."}, expected_version=opened
        )
    with pytest.raises(ConcurrentEditError):
        services.remove_clause(actor=actor, clause=mine, expected_version=opened)
    assert Clause.objects.get(pk=clause.pk).text == "Four members."


def test_reordering_keeps_clauses_in_their_sections_and_can_renumber(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    a = services.add_clause(
        actor=actor, terms=terms, number="1", section=ClauseSection.DUTIES, text="A"
    )
    b = services.add_clause(
        actor=actor, terms=terms, number="2", section=ClauseSection.DUTIES, text="B"
    )
    p = services.add_clause(
        actor=actor, terms=terms, number="3", section=ClauseSection.PURPOSE, text="P"
    )
    terms.refresh_from_db()
    services.reorder_clauses(
        actor=actor,
        terms=terms,
        positions={a.pk: 3, b.pk: 2, p.pk: 9},
        renumber=True,
        expected_version=terms.version,
    )
    ordered = list(services.in_document_order(Clause.objects.filter(terms=terms)))
    assert [(c.text, c.number) for c in ordered] == [("P", "1"), ("B", "2"), ("A", "3")]
    assert AuditEvent.objects.filter(
        action="governance.clauses_reordered", object_id=str(terms.public_id)
    ).exists()


def test_a_reorder_from_a_page_opened_before_a_clause_was_added_is_refused(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    a = services.add_clause(
        actor=actor, terms=terms, number="1", section=ClauseSection.DUTIES, text="A"
    )
    opened = TermsOfReference.objects.get(pk=terms.pk).version
    services.add_clause(
        actor=actor, terms=terms, number="2", section=ClauseSection.DUTIES, text="B"
    )
    with pytest.raises(ConcurrentEditError):
        services.reorder_clauses(
            actor=actor, terms=terms, positions={a.pk: 1}, expected_version=opened
        )


def test_agreeing_links_the_resolution_and_supersedes_the_agreed_version_together(
    actor, working_group
):
    v1 = _agreed_v1(working_group, actor)
    v2 = services.draft_terms(
        actor=actor,
        body=working_group,
        amendment_summary="Removes 2.",
        amendment_reason="Not applicable in 2016/17.",
    )
    services.remove_clause(actor=actor, clause=v2.clauses.get(number="2"), expected_version=None)
    resolution = ResolutionFactory.create(number="77.4")
    services.agree_terms_of_reference(
        actor=actor,
        terms=v2,
        resolution=resolution,
        agreed_on=dt.date(2016, 6, 1),
        expected_version=None,
    )
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.status, v2.status) == (TermsStatus.SUPERSEDED, TermsStatus.AGREED)
    assert (v2.agreed_by, v2.agreed_on) == (resolution, dt.date(2016, 6, 1))
    assert _events("governance.terms_superseded", v1) == 1
    agreed = AuditEvent.objects.get(action="governance.terms_agreed", object_id=str(v2.public_id))
    assert agreed.changes["status"] == ["draft", "agreed"]
    assert agreed.changes["agreed_on"] == [None, "2016-06-01"]


def test_agreed_and_superseded_versions_can_no_longer_change(actor, working_group):
    v1 = _agreed_v1(working_group, actor)
    clause = v1.clauses.first()
    for change in (
        lambda: services.add_clause(actor=actor, terms=v1, number="9", section="other", text="X"),
        lambda: services.update_clause(
            actor=actor, clause=clause, data={"text": "X"}, expected_version=None
        ),
        lambda: services.remove_clause(actor=actor, clause=clause, expected_version=None),
        lambda: services.update_terms(
            actor=actor, terms=v1, data={"amendment_summary": "X"}, expected_version=None
        ),
        lambda: services.agree_terms_of_reference(
            actor=actor,
            terms=v1,
            resolution=ResolutionFactory.create(),
            agreed_on=dt.date(2016, 1, 1),
            expected_version=None,
        ),
    ):
        with pytest.raises(ValidationError, match="can no longer be changed"):
            change()
    assert Clause.objects.get(pk=clause.pk).text == clause.text


def test_a_draft_with_no_clauses_or_a_future_date_cannot_be_agreed(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as raised:
        services.agree_terms_of_reference(
            actor=actor,
            terms=terms,
            resolution=ResolutionFactory.create(),
            agreed_on=tomorrow,
            expected_version=None,
        )
    assert raised.value.message_dict == {
        "agreed_on": ["The date agreed must be today or in the past"],
        "__all__": ["Add at least one clause before agreeing these terms of reference"],
    }
    assert TermsOfReference.objects.get(pk=terms.pk).status == TermsStatus.DRAFT


def test_agreeing_a_draft_that_changed_since_it_was_read_is_refused(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    services.add_clause(actor=actor, terms=terms, number="1", section="purpose", text="A")
    read = TermsOfReference.objects.get(pk=terms.pk).version
    services.add_clause(actor=actor, terms=terms, number="2", section="purpose", text="B")
    with pytest.raises(ConcurrentEditError):
        services.agree_terms_of_reference(
            actor=actor,
            terms=terms,
            resolution=ResolutionFactory.create(),
            agreed_on=dt.date(2016, 6, 1),
            expected_version=read,
        )


def test_clause_changes_do_not_add_rows_to_the_versions_record_history(actor, working_group):
    terms = services.draft_terms(actor=actor, body=working_group)
    before = terms.history.count()
    services.add_clause(actor=actor, terms=terms, number="1", section="purpose", text="A")
    assert terms.history.count() == before
    assert TermsOfReference.objects.get(pk=terms.pk).version == terms.version == 2


def test_the_database_also_refuses_a_second_agreed_version():
    body = BodyFactory.create()
    TermsOfReferenceFactory.create(body=body, number=1, status=TermsStatus.AGREED)
    with pytest.raises(IntegrityError), transaction.atomic():
        TermsOfReferenceFactory.create(body=body, number=2, status=TermsStatus.AGREED)


def test_changing_the_amendment_of_a_draft_is_audited_and_checks_the_version(actor, working_group):
    _agreed_v1(working_group, actor)
    v2 = services.draft_terms(
        actor=actor, body=working_group, amendment_summary="A", amendment_reason="B"
    )
    services.update_terms(
        actor=actor,
        terms=v2,
        data={"amendment_summary": "Removes clause 2", "amendment_reason": "B"},
        expected_version=v2.version,
    )
    assert _events("governance.terms_updated", v2) == 1
    with pytest.raises(ConcurrentEditError):
        services.update_terms(
            actor=actor, terms=v2, data={"amendment_summary": "C"}, expected_version=1
        )
    with pytest.raises(ValidationError):
        services.update_terms(
            actor=actor, terms=v2, data={"amendment_reason": ""}, expected_version=v2.version
        )


def test_clauses_are_printed_by_section_then_in_their_order():
    terms = TermsOfReferenceFactory.create()
    ClauseFactory.create(terms=terms, number="5", section=ClauseSection.QUORUM, order=1)
    ClauseFactory.create(terms=terms, number="2", section=ClauseSection.DUTIES, order=3)
    ClauseFactory.create(terms=terms, number="1", section=ClauseSection.PURPOSE, order=9)
    ClauseFactory.create(terms=terms, number="3", section=ClauseSection.DUTIES, order=4)
    ordered = services.in_document_order(Clause.objects.filter(terms=terms))
    assert [c.number for c in ordered] == ["1", "2", "3", "5"]


def test_removing_a_clause_renumbers_the_clauses_after_it(actor, working_group):
    terms = TermsOfReferenceFactory.create(body=working_group)
    numbers = ["1", "2", "3", "3.1", "3.2", "3.3", "4", "Annex"]
    clauses = {
        n: ClauseFactory.create(terms=terms, number=n, order=i, section=ClauseSection.PURPOSE)
        for i, n in enumerate(numbers, start=1)
    }

    services.remove_clause(actor=actor, clause=clauses["3.2"], expected_version=None)
    services.remove_clause(actor=actor, clause=clauses["2"], expected_version=None)

    left = list(in_document_order(terms.clauses.all()).values_list("number", flat=True))
    assert left == ["1", "2", "2.1", "2.2", "3", "Annex"]
    event = AuditEvent.objects.filter(action="governance.clauses_reordered").order_by("seq").last()
    assert event is not None
    assert event.changes["numbers"] == [["3", "3.1", "3.2", "4"], ["2", "2.1", "2.2", "3"]]
