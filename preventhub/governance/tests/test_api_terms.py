"""Terms of reference through the API: versions with their clauses in document order; drafting
(democratic services and the Prevent lead), agreeing (democratic services only); agreed versions
never change."""

import datetime as dt
import uuid

import pytest

from preventhub.audit.models import AuditEvent
from preventhub.governance.models import Clause, ClauseSection, TermsOfReference, TermsStatus
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

from .api_fixtures import clients, url

pytestmark = pytest.mark.django_db

TERMS = url("governance_terms_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def _agreed_with_clauses():
    terms = TermsOfReferenceFactory.create(
        body=BodyFactory.create(name="Prevent Working Group"), status=TermsStatus.AGREED
    )
    ClauseFactory.create(
        terms=terms,
        number="2",
        section=ClauseSection.DUTIES,
        text="Scrutinise £10k of spend.",
        order=1,
    )
    ClauseFactory.create(
        terms=terms, number="1", section=ClauseSection.PURPOSE, text="To oversee Prevent.", order=2
    )
    return terms


def test_clauses_come_in_document_order_by_section(api_as):
    terms = _agreed_with_clauses()

    detail = (
        api_as("councillor").get(url("governance_terms_detail", public_id=terms.public_id)).json()
    )

    assert [(c["number"], c["section"]) for c in detail["clauses"]] == [
        ("1", "purpose"),
        ("2", "duties"),
    ]
    assert detail["status_label"] == "Agreed"


def test_the_seed_amendment_drafted_changed_and_agreed_through_the_api(api_as):
    """v1 is agreed; v2 copies it, removes the £10k clause with the reason, and is agreed by a
    resolution, which supersedes v1."""
    v1 = _agreed_with_clauses()
    body = v1.body
    api = api_as("prevent_lead")

    missing_reason = api.post(url("governance_terms_create", public_id=body.public_id), {})
    drafted = api.post(
        url("governance_terms_create", public_id=body.public_id),
        {
            "amendment_summary": "The clause on scrutinising spend is removed.",
            "amendment_reason": "It does not apply in 2016/17.",
        },
    )
    assert missing_reason.status_code == 400
    assert set(_errors(missing_reason)) == {"amendment_summary", "amendment_reason"}
    assert drafted.status_code == 201
    v2 = drafted.json()
    assert v2["number"] == 2 and v2["status"] == "draft" and len(v2["clauses"]) == 2

    spend = next(c for c in v2["clauses"] if "£10k" in c["text"])
    removed = api.delete(
        url("governance_clause_delete", public_id=spend["id"]) + f"?version={spend['version']}"
    )
    added = api.post(
        url("governance_clause_create", public_id=v2["id"]),
        {"number": "3", "section": "frequency", "text": "The group meets quarterly."},
    )
    assert removed.status_code == 204 and added.status_code == 201

    draft = api.get(url("governance_terms_detail", public_id=v2["id"])).json()
    resolution = ResolutionFactory.create(number="81")
    not_for_the_prevent_lead = api.post(
        url("governance_terms_agree", public_id=v2["id"]),
        {
            "version": draft["version"],
            "resolution": str(resolution.public_id),
            "agreed_on": "2016-04-06",
        },
    )
    agreed = api_as("democratic_services").post(
        url("governance_terms_agree", public_id=v2["id"]),
        {
            "version": draft["version"],
            "resolution": str(resolution.public_id),
            "agreed_on": "2016-04-06",
        },
    )

    assert not_for_the_prevent_lead.status_code == 404
    assert agreed.status_code == 200
    assert agreed.json()["status"] == "agreed"
    assert agreed.json()["agreed_by"] == {"id": str(resolution.public_id), "label": "Resolution 81"}
    assert [c["text"] for c in agreed.json()["clauses"]] == [
        "To oversee Prevent.",
        "The group meets quarterly.",
    ]
    v1.refresh_from_db()
    assert v1.status == TermsStatus.SUPERSEDED
    assert AuditEvent.objects.filter(action="governance.terms_agreed").count() == 1


def test_an_agreed_version_cannot_be_changed(api_as):
    terms = _agreed_with_clauses()
    clause = terms.clauses.first()
    api = api_as("democratic_services")

    answers = [
        api.patch(
            url("governance_terms_update", public_id=terms.public_id),
            {"version": 1, "amendment_reason": "x"},
        ),
        api.post(
            url("governance_clause_create", public_id=terms.public_id),
            {"number": "9", "text": "New"},
        ),
        api.patch(
            url("governance_clause_update", public_id=clause.public_id),
            {"version": 1, "text": "Changed"},
        ),
        api.delete(url("governance_clause_delete", public_id=clause.public_id) + "?version=1"),
    ]

    assert [a.status_code for a in answers] == [404, 404, 404, 404]
    assert Clause.objects.filter(terms=terms).count() == 2


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "outsider"])
def test_only_democratic_services_and_the_prevent_lead_draft(api_as, persona):
    body = BodyFactory.create()
    draft = TermsOfReferenceFactory.create(body=body, number=1)
    api = api_as(persona)

    started = api.post(url("governance_terms_create", public_id=body.public_id), {})
    added = api.post(
        url("governance_clause_create", public_id=draft.public_id), {"number": "1", "text": "X"}
    )

    assert started.status_code == added.status_code == 404
    assert TermsOfReference.objects.count() == 1 and not Clause.objects.exists()


def test_one_draft_at_a_time_and_clause_numbers_are_unique(api_as):
    body = BodyFactory.create()
    api = api_as("democratic_services")
    start = url("governance_terms_create", public_id=body.public_id)

    first = api.post(start, {})
    second = api.post(start, {})
    add = url("governance_clause_create", public_id=first.json()["id"])
    one = api.post(add, {"number": "1", "text": "Purpose."})
    clash = api.post(add, {"number": "1", "text": "Another."})

    assert first.status_code == 201 and first.json()["number"] == 1
    assert second.status_code == 400
    assert "already a draft" in second.json()["detail"][0]["msg"]
    assert one.status_code == 201
    assert clash.status_code == 400 and set(_errors(clash)) == {"number"}


def test_clause_changes_need_the_version_read(api_as):
    draft = TermsOfReferenceFactory.create(number=1)
    clause = ClauseFactory.create(terms=draft, number="1", text="Old text.")
    api = api_as("democratic_services")
    detail = url("governance_clause_update", public_id=clause.public_id)

    changed = api.patch(detail, {"version": 1, "text": "New text."})
    stale = api.patch(detail, {"version": 1, "text": "Other text."})
    stale_delete = api.delete(
        url("governance_clause_delete", public_id=clause.public_id) + "?version=1"
    )
    no_version = api.delete(url("governance_clause_delete", public_id=clause.public_id))

    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert stale.status_code == stale_delete.status_code == 409
    assert no_version.status_code == 422
    clause.refresh_from_db()
    assert clause.text == "New text."


def test_clauses_are_reordered_and_renumbered(api_as):
    draft = TermsOfReferenceFactory.create(number=1)
    first = ClauseFactory.create(terms=draft, number="1", text="A", order=1)
    second = ClauseFactory.create(terms=draft, number="2", text="B", order=2)
    api = api_as("democratic_services")
    reorder = url("governance_clause_reorder", public_id=draft.public_id)

    incomplete = api.post(reorder, {"version": 1, "clauses": [str(first.public_id)]})
    done = api.post(
        reorder,
        {"version": 1, "clauses": [str(second.public_id), str(first.public_id)], "renumber": True},
    )
    stale = api.post(
        reorder, {"version": 1, "clauses": [str(first.public_id), str(second.public_id)]}
    )

    assert incomplete.status_code == 400 and set(_errors(incomplete)) == {"clauses"}
    assert done.status_code == 200
    assert [(c["number"], c["text"]) for c in done.json()["clauses"]] == [("1", "B"), ("2", "A")]
    assert stale.status_code == 409


def test_agreeing_needs_a_clause_a_past_date_and_a_known_resolution(api_as):
    draft = TermsOfReferenceFactory.create(number=1)
    api = api_as("democratic_services")
    agree = url("governance_terms_agree", public_id=draft.public_id)
    future = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    resolution = str(ResolutionFactory.create().public_id)

    empty = api.post(agree, {"version": 1, "resolution": resolution, "agreed_on": future})
    unknown = api.post(
        agree, {"version": 1, "resolution": str(uuid.uuid4()), "agreed_on": "2016-04-06"}
    )

    assert empty.status_code == 400
    assert set(_errors(empty)) == {"agreed_on", "payload"}  # the date, and no clauses yet
    assert unknown.status_code == 400 and set(_errors(unknown)) == {"resolution"}
    assert TermsOfReference.objects.get(pk=draft.pk).status == TermsStatus.DRAFT
