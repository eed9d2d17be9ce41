"""One lookup path per record: a report part, an implication to verify and a question are refused
alike on the pages and in the API, 404 with the same audited ``access.denied`` event."""

from __future__ import annotations

import pytest
from django.urls import reverse

from preventhub.accounts.testing import make_user, token_for
from preventhub.audit.models import AuditEvent
from preventhub.core.testing.api import ApiClient, url
from preventhub.governance.models import (
    MinutesStatus,
    Question,
    Recommendation,
    ReportStatus,
)
from preventhub.governance.tests.minutes_fixtures import seed_story, write_minutes
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.django_db


def _denials(record) -> list[tuple[str, str]]:
    """(who, which path) of each audited denial of ``record``."""
    events = AuditEvent.objects.filter(action="access.denied", object_id=str(record.public_id))
    return [(e.actor_label, e.changes["path"][1]) for e in events.order_by("seq")]


def _signed_in(client, user):
    client.force_login(user)
    return client


def test_a_recommendation_of_a_published_report_is_refused_and_audited_on_the_page_and_in_the_api(
    client, prevent_lead
):
    seed = seed_report(status=ReportStatus.PUBLISHED)
    recommendation = Recommendation.objects.filter(report=seed.report).order_by("number")[0]
    page = reverse("governance:recommendation_edit", args=[recommendation.public_id])
    api = url("governance_recommendation_update", public_id=recommendation.public_id)

    on_page = _signed_in(client, prevent_lead).get(page)
    in_api = ApiClient(token_for(prevent_lead)).patch(api, {"version": 1, "text": "Changed."})

    assert on_page.status_code == 404
    assert in_api.status_code == 404 and in_api.json() == {"detail": "Not found."}
    assert _denials(recommendation) == [(prevent_lead.email, page), (prevent_lead.email, api)]


def test_another_officers_implication_is_refused_and_audited_on_the_page_and_in_the_api(client):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    financial = seed.implications["financial"]
    legal_officer = make_user("channel_coordinator", person=seed.legal)
    page = reverse("governance:implication_verify", args=[financial.public_id])
    api = url("governance_implication_verify", public_id=financial.public_id)

    on_page = _signed_in(client, legal_officer).get(page)
    in_api = ApiClient(token_for(legal_officer)).post(
        api, {"version": seed.report.version, "text": "Verified by the wrong officer."}
    )

    assert on_page.status_code == 404
    assert in_api.status_code == 404 and in_api.json() == {"detail": "Not found."}
    assert _denials(financial) == [(legal_officer.email, page), (legal_officer.email, api)]
    financial.refresh_from_db()
    assert not financial.is_verified


def test_only_the_officer_asked_verifies_the_implication_through_the_api():
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    financial = seed.implications["financial"]
    finance_officer = make_user("channel_coordinator", person=seed.finance)
    api = url("governance_implication_verify", public_id=financial.public_id)

    response = ApiClient(token_for(finance_officer)).post(
        api, {"version": seed.report.version, "text": "Within existing budgets."}
    )

    assert response.status_code == 200
    financial.refresh_from_db()
    assert financial.is_verified and financial.verified_by_name == seed.finance.name
    assert _denials(financial) == []


def test_a_question_of_approved_minutes_is_refused_and_audited_on_the_page_and_in_the_api(
    client, personas
):
    staff = personas["democratic_services"]
    story = seed_story()
    write_minutes(story, staff)
    story.meeting.minutes_status = MinutesStatus.APPROVED
    story.meeting.save(update_fields=["minutes_status"])
    question = Question.objects.filter(minute__item=story.item).order_by("order")[0]
    page = reverse("governance:question_edit", args=[question.public_id])
    api = url("governance_question_update", public_id=question.public_id)

    on_page = _signed_in(client, staff).get(page)
    in_api = ApiClient(token_for(staff)).patch(api, {"answer": "Changed after approval."})

    assert on_page.status_code == 404
    assert in_api.status_code == 404 and in_api.json() == {"detail": "Not found."}
    assert _denials(question) == [(staff.email, page), (staff.email, api)]
    question.refresh_from_db()
    assert question.answer != "Changed after approval."
