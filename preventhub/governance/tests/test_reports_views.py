"""Report pages: the list, the report laid out like the seed report, drafting pages with GOV.UK
errors, the verification workflow through the pages, and publishing."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.governance.models import ImplicationKind, MeetingStatus, Report, ReportStatus
from preventhub.governance.tests.factories import BodyFactory, ReportFactory
from preventhub.governance.tests.reports_fixtures import (
    RECOMMENDATIONS,
    SUMMARY,
    agenda_item_for,
    seed_report,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(client, personas):
    client.force_login(personas["prevent_lead"])
    return client


@pytest.fixture
def dem(client, personas):
    client.force_login(personas["democratic_services"])
    return client


def _text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _summary_errors(response) -> list[str]:
    return [e["text"] for e in response.context["errors"]]


# The list -----------------------------------------------------------------------------------------


def test_the_list_filters_by_body_and_status_and_searches_titles(lead):
    body, other = BodyFactory.create(name="Scrutiny"), BodyFactory.create(name="Cabinet")
    ReportFactory.create(body=body, title="Prevent strategy", status=ReportStatus.PUBLISHED)
    ReportFactory.create(body=body, title="Prevent draft")
    ReportFactory.create(body=other, title="Budget")
    url = reverse("governance:report_list")
    titles = lambda r: [x.title for x in r.context["page"].object_list]  # noqa: E731
    assert sorted(titles(lead.get(url, {"q": "prevent"}))) == ["Prevent draft", "Prevent strategy"]
    assert titles(lead.get(url, {"body": str(other.public_id)})) == ["Budget"]
    assert titles(lead.get(url, {"status": ReportStatus.PUBLISHED})) == ["Prevent strategy"]


def test_a_bad_filter_shows_a_govuk_error(lead):
    response = lead.get(reverse("governance:report_list"), {"status": "lost", "body": "not-a-body"})
    assert _summary_errors(response) == [
        "No bodies match ‘not-a-body’. Check the spelling or enter part of the name",
        "Choose a status from the list",
    ]
    assert response.status_code == 200


# The report page ----------------------------------------------------------------------------------


def test_the_report_is_laid_out_like_the_seed_report(client):
    seed = seed_report(status=ReportStatus.PUBLISHED, verified=True, is_key_decision=True)
    item = agenda_item_for(seed.report)
    item.report = seed.report
    item.save()
    text = _text(client.get(reverse("governance:report_detail", args=[seed.report.public_id])))
    headings = [
        "Front sheet",
        "Executive summary",
        "1. Recommendation(s)",
        "2. Introduction and background",
        "3. Issues, options and analysis of options",
        "4. Reasons for recommendation",
        "5. Consultation",
        "6. Impact on corporate policies",
        "7. Implications",
        "8. Background papers used in preparing the report",
        "9. Appendices to the report",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Meeting date 15 March 2016" in text
    assert "Classification For general release" in text
    assert "Key decision Yes" in text
    assert SUMMARY in text
    for number, recommendation in enumerate(RECOMMENDATIONS, start=1):
        assert f"1.{number} {recommendation}" in text
    assert "2.1 The Counter Terrorism and Security Act" in text
    assert (
        "2.3 The other specified authorities" in text
    )  # the sub-heading and bullets are not numbered
    assert "7.1 Financial Verified by: Jo Whitfield, Chief Accountant, 1 March 2016" in text
    assert "7.2 Legal Verified by: Dev Lawrence, Monitoring Officer, 1 March 2016" in text
    assert (
        "7.3 Diversity and equality Verified by: Nadia Warsame, Community Development and "
        "Equalities Manager, "
        "1 March 2016"
    ) in text
    assert "7.4 Other implications: Crime and disorder" in text


def test_an_exempt_report_says_it_is_not_for_publication(dem):
    seed = seed_report(is_exempt=True, exempt_paragraph=7)
    text = _text(dem.get(reverse("governance:report_detail", args=[seed.report.public_id])))
    assert "Not for publication — exempt under paragraph 7 of Schedule 12A" in text


def test_a_terms_of_reference_appendix_links_to_the_version(lead, prevent_lead):
    from preventhub.governance.services import reports as services
    from preventhub.governance.tests.factories import TermsOfReferenceFactory

    seed = seed_report()
    terms = TermsOfReferenceFactory.create(body=seed.report.body)
    services.add_appendix(
        actor=prevent_lead,
        report=seed.report,
        letter="2",
        title="Terms of reference for Members Working Group on Prevent",
        terms=terms,
        expected_version=None,
    )
    html = lead.get(
        reverse("governance:report_detail", args=[seed.report.public_id])
    ).content.decode()
    assert f'href="{reverse("governance:terms_detail", args=[terms.public_id])}"' in html
    assert "Appendix 2 – Terms of reference for Members Working Group on Prevent" in html


# Drafting -----------------------------------------------------------------------------------------


def test_the_prevent_lead_drafts_a_report(lead, personas):
    body = BodyFactory.create(name="Corporate Overview and Scrutiny Committee")
    response = lead.post(
        reverse("governance:report_create"),
        {
            "title": "Prevent strategy",
            "body": str(body.public_id),
            "purpose": "decision",
            "wards_affected": "All",
            "executive_summary": "To note the strategy.",
        },
    )
    report = Report.objects.get(title="Prevent strategy")
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:report_detail", args=[report.public_id])
    assert report.body == body and report.status == ReportStatus.DRAFT


def test_an_empty_report_form_shows_govuk_errors(lead):
    response = lead.post(reverse("governance:report_create"), {"is_exempt": "true"})
    assert response.status_code == 200
    assert _summary_errors(response) == [
        "Enter the report's title",
        "Choose the body the report goes to",
        "Select the purpose of the report",
        "Select the paragraph of Schedule 12A that makes the report exempt",
    ]
    assert "govuk-error-summary" in response.content.decode()


def test_an_edit_after_someone_elses_edit_is_refused_with_a_message(lead, prevent_lead):
    from preventhub.governance.services import reports as services

    seed = seed_report()
    report = seed.report
    services.update_report(
        actor=prevent_lead, report=report, data={"title": "Changed meanwhile"}, expected_version=1
    )
    response = lead.post(
        reverse("governance:report_edit", args=[report.public_id]),
        {
            "title": "My title",
            "body": str(report.body.public_id),
            "purpose": "decision",
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert _summary_errors(response)[0].startswith("Someone else changed this record")
    report.refresh_from_db()
    assert report.title == "Changed meanwhile"


def test_recommendations_are_added_changed_reordered_and_removed_through_the_pages(lead):
    report = seed_report().report
    lead.post(
        reverse("governance:recommendation_add", args=[report.public_id]),
        {"text": "That X be done."},
    )
    fifth = report.recommendations.get(number=5)
    lead.post(
        reverse("governance:recommendation_edit", args=[fifth.public_id]),
        {"text": "That Y be done."},
    )
    recs = list(report.recommendations.order_by("number"))
    positions = {f"position-{r.public_id}": str(6 - r.number) for r in recs}  # reverse the order
    lead.post(reverse("governance:recommendations_reorder", args=[report.public_id]), positions)
    assert report.recommendations.get(number=1).text == "That Y be done."
    lead.post(reverse("governance:recommendation_remove", args=[fifth.public_id]), {})
    assert [r.number for r in report.recommendations.all()] == [1, 2, 3, 4]
    assert report.recommendations.get(number=1).text == RECOMMENDATIONS[3]


def test_a_blank_recommendation_and_a_bad_position_show_govuk_errors(lead):
    report = seed_report().report
    response = lead.post(
        reverse("governance:recommendation_add", args=[report.public_id]), {"text": " "}
    )
    assert _summary_errors(response) == ["Enter the recommendation"]
    first = report.recommendations.get(number=1)
    response = lead.post(
        reverse("governance:recommendations_reorder", args=[report.public_id]),
        {f"position-{first.public_id}": "first"},
    )
    assert "The position of recommendation 1.1 must be a whole number, like 3" in _summary_errors(
        response
    )


def test_an_implication_is_added_with_its_verifying_officer(lead):
    seed = seed_report()
    response = lead.post(
        reverse("governance:implication_add", args=[seed.report.public_id]),
        {
            "kind": ImplicationKind.OTHER,
            "heading": "Staffing",
            "text": "None.",
            "is_required": "true",
            "verifier": str(seed.legal.public_id),
        },
    )
    assert response.status_code == 302
    assert seed.report.implications.get(heading="Staffing").verifier == seed.legal


def test_an_implication_form_explains_what_is_missing(lead):
    seed = seed_report()
    response = lead.post(
        reverse("governance:implication_add", args=[seed.report.public_id]),
        {"kind": ImplicationKind.OTHER, "is_required": "true"},
    )
    assert _summary_errors(response) == [
        "Enter a heading for the other implications, for example Crime and disorder",
        "Choose the officer who verifies these implications",
    ]


def test_a_published_report_has_no_change_pages(lead):
    seed = seed_report(status=ReportStatus.PUBLISHED, verified=True)
    report = seed.report
    urls = [
        reverse("governance:report_edit", args=[report.public_id]),
        reverse("governance:recommendation_add", args=[report.public_id]),
        reverse("governance:implication_edit", args=[seed.implications["legal"].public_id]),
        reverse("governance:appendix_add", args=[report.public_id]),
    ]
    assert [lead.get(url).status_code for url in urls] == [404] * 4
    assert (
        "Change the report"
        not in lead.get(
            reverse("governance:report_detail", args=[report.public_id])
        ).content.decode()
    )


# The workflow through the pages -------------------------------------------------------------------


def test_implications_are_requested_verified_and_the_report_published(
    client, personas, django_capture_on_commit_callbacks
):
    seed = seed_report()
    report = seed.report
    client.force_login(personas["prevent_lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("governance:report_request_implications", args=[report.public_id]),
            {"version": "1"},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 3
    for key, person in (
        ("financial", seed.finance),
        ("legal", seed.legal),
        ("equality", seed.equality),
    ):
        officer = make_user("channel_coordinator", person=person)
        client.force_login(officer)
        listing = client.get(reverse("governance:reports_to_verify"))
        assert [i.pk for i in listing.context["page"].object_list] == [seed.implications[key].pk]
        report.refresh_from_db()
        url = reverse("governance:implication_verify", args=[seed.implications[key].public_id])
        assert f"/{seed.implications[key].public_id}/verify/" in next(
            m.body for m in mail.outbox if m.to == [person.email]
        )
        response = client.post(
            url, {"text": f"{key} wording.", "confirm": "true", "version": str(report.version)}
        )
        assert response.status_code == 302, _summary_errors(response)
    report.refresh_from_db()
    assert report.status == ReportStatus.VERIFIED
    item = agenda_item_for(report)
    client.force_login(personas["democratic_services"])
    response = client.post(
        reverse("governance:report_publish", args=[report.public_id]),
        {"agenda_item": str(item.public_id), "version": str(report.version)},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    client.logout()
    assert (
        client.get(reverse("governance:report_detail", args=[report.public_id])).status_code == 200
    )


def test_verifying_needs_the_confirmation_and_the_text(client, personas):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    client.force_login(make_user("channel_coordinator", person=seed.finance))
    url = reverse("governance:implication_verify", args=[seed.implications["financial"].public_id])
    response = client.post(url, {"text": ""})
    assert _summary_errors(response) == [
        "Enter the implications",
        "Confirm that you have read the report and verify these implications",
    ]


def test_another_officer_cannot_open_someone_elses_verification(client):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    client.force_login(make_user("channel_coordinator", person=seed.legal))
    url = reverse("governance:implication_verify", args=[seed.implications["financial"].public_id])
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "x", "confirm": "true"}).status_code == 404


def test_publishing_with_an_unverified_implication_shows_the_services_error(dem):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    equality = seed.implications["equality"]
    equality.verified_on = None
    equality.save()
    item = agenda_item_for(seed.report)
    response = dem.post(
        reverse("governance:report_publish", args=[seed.report.public_id]),
        {"agenda_item": str(item.public_id)},
    )
    assert response.status_code == 200
    assert _summary_errors(response) == [
        "The report cannot be published until every required implication is verified: the "
        "diversity and "
        "equality implications are not verified yet"
    ]
    assert "govuk-error-summary" in response.content.decode()
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.VERIFIED


def test_publishing_needs_an_agenda_item(dem):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    response = dem.post(reverse("governance:report_publish", args=[seed.report.public_id]), {})
    assert _summary_errors(response) == ["Choose the agenda item the report goes to"]


def test_the_publish_page_offers_only_items_of_the_reports_body(dem):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    mine = agenda_item_for(seed.report)
    agenda_item_for(ReportFactory.create(body=BodyFactory.create()))
    response = dem.get(reverse("governance:report_publish", args=[seed.report.public_id]))
    assert list(response.context["form"].fields["agenda_item"].queryset) == [mine]


def test_the_publish_page_offers_only_the_bodys_upcoming_meetings(dem):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    upcoming = agenda_item_for(seed.report)
    held = agenda_item_for(seed.report)
    held.meeting.status = MeetingStatus.HELD
    held.meeting.save(update_fields=["status"])
    cancelled = agenda_item_for(seed.report)
    cancelled.meeting.status = MeetingStatus.CANCELLED
    cancelled.meeting.save(update_fields=["status"])
    url = reverse("governance:report_publish", args=[seed.report.public_id])

    response = dem.get(url)
    refused = dem.post(url, {"agenda_item": str(held.public_id), "version": "1"})

    assert list(response.context["form"].fields["agenda_item"].queryset) == [upcoming]
    assert _summary_errors(refused) == ["Choose an agenda item from the list"]
