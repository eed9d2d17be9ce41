"""Committee reports through the API: the seed's report drafted by the Prevent lead, its
implications verified by the officers asked, published by democratic services on an agenda item,
and then public; plus what each part of the workflow refuses."""

import uuid

import pytest

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import Report, ReportStatus
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    ImplicationFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    TermsOfReferenceFactory,
)

from .api_fixtures import ApiClient, clients, token_for, url

pytestmark = pytest.mark.django_db

REPORTS = url("governance_report_list")


@pytest.fixture
def api_as(personas):
    return clients(personas)


def _errors(response) -> dict[str, str]:
    return {e["loc"][-1]: e["msg"] for e in response.json()["detail"]}


def test_the_seed_report_from_draft_to_published(
    api_as, mailoutbox, django_capture_on_commit_callbacks
):
    body = BodyFactory.create(name="Cleaner, Greener and Safer Overview and Scrutiny Committee")
    item = AgendaItemFactory.create(
        meeting=MeetingFactory.create(body=body), number="5", title="Prevent"
    )
    terms = TermsOfReferenceFactory.create(body=body, status="agreed")
    officer = PersonFactory.create(
        name="Fay Finance", job_title="Chief Finance Officer", email="fay@x.org"
    )
    officer_api = ApiClient(token_for(make_user(None, person=officer)))
    lead = api_as("prevent_lead")

    drafted = lead.post(
        REPORTS,
        {
            "title": "Prevent",
            "body": str(body.public_id),
            "report_of": "Head of Resident Services",
            "executive_summary": "This report proposes a working group of councillors.",
        },
    )
    assert drafted.status_code == 201
    report = drafted.json()
    assert report["status"] == "draft" and report["version"] == 1
    detail = url("governance_report_detail", public_id=report["id"])
    assert api_as("councillor").get(detail).status_code == 404

    first = lead.post(
        url("governance_recommendation_create", public_id=report["id"]),
        {"version": 1, "text": "That the Prevent duty is noted."},
    )
    second = lead.post(
        url("governance_recommendation_create", public_id=report["id"]),
        {"version": 2, "text": "That a working group is established."},
    )
    implication = lead.post(
        url("governance_implication_create", public_id=report["id"]),
        {"version": 3, "kind": "financial", "text": "None.", "verifier": str(officer.public_id)},
    )
    appendix = lead.post(
        url("governance_appendix_create", public_id=report["id"]),
        {
            "version": 4,
            "letter": "1",
            "title": "Terms of reference",
            "terms_of_reference": str(terms.public_id),
        },
    )
    assert first.status_code == second.status_code == implication.status_code == 201
    assert appendix.status_code == 201
    assert [r["number"] for r in second.json()["recommendations"]] == [1, 2]
    assert appendix.json()["appendices"][0]["terms_of_reference"]["id"] == str(terms.public_id)

    too_soon = api_as("democratic_services").post(
        url("governance_report_publish", public_id=report["id"]),
        {"version": 5, "agenda_item": str(item.public_id)},
    )
    with django_capture_on_commit_callbacks(execute=True):
        requested = lead.post(
            url("governance_report_request_implications", public_id=report["id"]), {"version": 5}
        )
    assert too_soon.status_code == 400
    assert requested.status_code == 200 and requested.json()["status"] == "implications_requested"
    assert [m.to for m in mailoutbox] == [["fay@x.org"]]

    implication_id = requested.json()["implications"][0]["id"]
    not_theirs = lead.post(
        url("governance_implication_verify", public_id=implication_id), {"version": 6, "text": "x"}
    )
    verified = officer_api.post(
        url("governance_implication_verify", public_id=implication_id),
        {"version": 6, "text": "There are no direct financial implications."},
    )
    assert not_theirs.status_code == 404
    assert verified.status_code == 200 and verified.json()["status"] == "verified"
    signed = verified.json()["implications"][0]
    assert (signed["verified_by_name"], signed["verified_by_title"]) == (
        "Fay Finance",
        "Chief Finance Officer",
    )

    lead_publishes = lead.post(
        url("governance_report_publish", public_id=report["id"]),
        {"version": 7, "agenda_item": str(item.public_id)},
    )
    published = api_as("democratic_services").post(
        url("governance_report_publish", public_id=report["id"]),
        {"version": 7, "agenda_item": str(item.public_id)},
    )
    assert lead_publishes.status_code == 404
    assert published.status_code == 200 and published.json()["published_at"]
    assert api_as("councillor").get(detail).json()["title"] == "Prevent"
    changed_after = api_as("democratic_services").patch(
        url("governance_report_update", public_id=report["id"]), {"version": 8, "title": "New"}
    )
    assert changed_after.status_code == 404  # the published report is the record
    assert AuditEvent.objects.filter(action="governance.report_published").count() == 1


def test_every_change_to_a_report_checks_the_version_read(api_as):
    report = ReportFactory.create()
    api = api_as("prevent_lead")
    detail = url("governance_report_update", public_id=report.public_id)

    changed = api.patch(detail, {"version": 1, "consultation": "The partnership was consulted."})
    stale = api.patch(detail, {"version": 1, "consultation": "Nobody."})
    stale_part = api.post(
        url("governance_recommendation_create", public_id=report.public_id),
        {"version": 1, "text": "X"},
    )

    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert stale.status_code == stale_part.status_code == 409
    report.refresh_from_db()
    assert report.consultation == "The partnership was consulted."


def test_recommendations_are_changed_reordered_and_removed(api_as):
    report = ReportFactory.create()
    one = RecommendationFactory.create(report=report, number=1, text="One")
    two = RecommendationFactory.create(report=report, number=2, text="Two")
    api = api_as("prevent_lead")

    changed = api.patch(
        url("governance_recommendation_update", public_id=one.public_id),
        {"version": 1, "text": "First"},
    )
    incomplete = api.post(
        url("governance_recommendation_reorder", public_id=report.public_id),
        {"version": 2, "recommendations": [str(two.public_id)]},
    )
    reordered = api.post(
        url("governance_recommendation_reorder", public_id=report.public_id),
        {"version": 2, "recommendations": [str(two.public_id), str(one.public_id)]},
    )
    removed = api.delete(
        url("governance_recommendation_delete", public_id=two.public_id) + "?version=3"
    )

    assert changed.status_code == 200
    assert incomplete.status_code == 400 and set(_errors(incomplete)) == {"recommendations"}
    assert [r["text"] for r in reordered.json()["recommendations"]] == ["Two", "First"]
    assert removed.status_code == 200
    assert [(r["number"], r["text"]) for r in removed.json()["recommendations"]] == [(1, "First")]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "other", "is_required": False}, "heading"),
        ({"kind": "legal", "is_required": True}, "verifier"),
        ({"kind": "legal", "verifier": str(uuid.uuid4())}, "verifier"),
    ],
)
def test_an_implication_needs_a_heading_if_other_and_a_verifier_if_required(api_as, payload, field):
    report = ReportFactory.create()

    response = api_as("prevent_lead").post(
        url("governance_implication_create", public_id=report.public_id), {"version": 1, **payload}
    )

    assert response.status_code == 400
    assert set(_errors(response)) == {field}


def test_changing_an_implication_keeps_the_fields_not_sent_and_it_can_be_removed(api_as):
    verifier = PersonFactory.create(name="Lee Legal")
    implication = ImplicationFactory.create(kind="legal", verifier=verifier, text="Old")
    report = implication.report
    api = api_as("prevent_lead")

    changed = api.patch(
        url("governance_implication_update", public_id=implication.public_id),
        {"version": 1, "text": "The council has power under s.26."},
    )
    removed = api.delete(
        url("governance_implication_delete", public_id=implication.public_id) + "?version=2"
    )

    assert changed.status_code == 200
    assert changed.json()["implications"][0]["verifier"]["name"] == "Lee Legal"
    assert changed.json()["implications"][0]["kind"] == "legal"
    assert removed.status_code == 200 and removed.json()["implications"] == []
    assert Report.objects.get(pk=report.pk).version == 3


def test_an_appendix_needs_exactly_one_source_and_its_own_number(api_as):
    report = ReportFactory.create()
    api = api_as("prevent_lead")
    add = url("governance_appendix_create", public_id=report.public_id)

    none = api.post(add, {"version": 1, "letter": "1", "title": "Strategy"})
    linked = api.post(
        add, {"version": 1, "letter": "1", "title": "Strategy", "url": "https://example.org/s.pdf"}
    )
    again = api.post(
        add, {"version": 2, "letter": "1", "title": "Again", "url": "https://example.org/t.pdf"}
    )
    removed = api.delete(
        url("governance_appendix_delete", public_id=linked.json()["appendices"][0]["id"])
        + "?version=2"
    )

    assert none.status_code == 400
    assert linked.status_code == 201 and linked.json()["appendices"][0]["url"].endswith("s.pdf")
    assert again.status_code == 400 and set(_errors(again)) == {"letter"}
    assert removed.status_code == 200 and removed.json()["appendices"] == []


def test_an_exempt_report_needs_its_paragraph(api_as):
    body = BodyFactory.create()
    api = api_as("prevent_lead")

    missing = api.post(REPORTS, {"title": "Case", "body": str(body.public_id), "is_exempt": True})
    given = api.post(
        REPORTS,
        {"title": "Case", "body": str(body.public_id), "is_exempt": True, "exempt_paragraph": 1},
    )
    cleared = api.patch(
        url("governance_report_update", public_id=given.json()["id"]),
        {"version": 1, "is_exempt": False},
    )

    assert missing.status_code == 400 and set(_errors(missing)) == {"exempt_paragraph"}
    assert given.status_code == 201 and given.json()["exempt_paragraph"] == 1
    assert cleared.status_code == 200 and cleared.json()["exempt_paragraph"] is None


def test_changing_other_fields_of_an_exempt_report_keeps_its_paragraph(api_as):
    body = BodyFactory.create()
    api = api_as("prevent_lead")
    created = api.post(
        REPORTS,
        {"title": "Case", "body": str(body.public_id), "is_exempt": True, "exempt_paragraph": 3},
    )
    detail = url("governance_report_update", public_id=created.json()["id"])

    retitled = api.patch(detail, {"version": 1, "title": "Case review"})
    paragraph_only = api.patch(detail, {"version": 2, "exempt_paragraph": 1})
    flag_only = api.patch(detail, {"version": 3, "is_exempt": True})

    assert retitled.status_code == 200, retitled.content
    assert retitled.json()["is_exempt"] is True and retitled.json()["exempt_paragraph"] == 3
    assert paragraph_only.status_code == 200 and paragraph_only.json()["exempt_paragraph"] == 1
    assert flag_only.status_code == 200 and flag_only.json()["exempt_paragraph"] == 1
    report = Report.objects.get(public_id=created.json()["id"])
    assert (report.title, report.is_exempt, report.exempt_paragraph) == ("Case review", True, 1)


@pytest.mark.parametrize("persona", ["councillor", "partner_lead", "outsider"])
def test_others_cannot_draft_or_change_reports(api_as, persona):
    report = ReportFactory.create(status=ReportStatus.DRAFT)
    recommendation = RecommendationFactory.create(report=report)
    api = api_as(persona)

    created = api.post(REPORTS, {"title": "Mine", "body": str(report.body.public_id)})
    changed = api.patch(
        url("governance_report_update", public_id=report.public_id), {"version": 1, "title": "X"}
    )
    part = api.patch(
        url("governance_recommendation_update", public_id=recommendation.public_id),
        {"version": 1, "text": "X"},
    )

    assert (created.status_code, changed.status_code, part.status_code) == (403, 404, 404)
    assert Report.objects.count() == 1


def test_the_report_list_filters_by_body_status_purpose_words_and_publication_date(api_as):
    body = BodyFactory.create()
    ReportFactory.create(
        body=body, title="Prevent", status=ReportStatus.PUBLISHED, purpose="noting"
    )
    ReportFactory.create(title="Budget", status=ReportStatus.DRAFT)
    api = api_as("democratic_services")

    def titles(**params) -> list[str]:
        return [r["title"] for r in api.get(REPORTS, params).json()["items"]]

    assert titles(body=str(body.public_id)) == ["Prevent"]
    assert titles(status="draft") == ["Budget"]
    assert titles(purpose="noting") == ["Prevent"]
    assert titles(search="budg") == ["Budget"]
    Report.objects.filter(title="Prevent").update(published_at="2016-01-06T12:00:00Z")
    assert titles(published_from="2016-01-01", published_to="2016-01-31") == ["Prevent"]
