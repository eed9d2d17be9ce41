"""Report services: drafting, recommendations, implications, appendices, the sign-off workflow,
audit events and optimistic concurrency."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from preventhub.accounts.testing import make_user
from preventhub.audit.models import AuditEvent
from preventhub.core.services import ConcurrentEditError
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import AgendaItem, ImplicationKind, Report, ReportStatus
from preventhub.governance.services import reports as services
from preventhub.governance.tests.factories import BodyFactory, TermsOfReferenceFactory
from preventhub.governance.tests.reports_fixtures import agenda_item_for, seed_report

pytestmark = pytest.mark.django_db


def _events(code: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=code).order_by("seq"))


def _user_for(person):
    user = make_user("channel_coordinator")
    user.person = person
    user.save(update_fields=["person"])
    return user


# Drafting -----------------------------------------------------------------------------------------


def test_drafting_a_report_saves_a_draft_and_audits_it(prevent_lead):
    body = BodyFactory.create()
    report = services.create_report(
        actor=prevent_lead,
        data={
            "title": "Prevent strategy",
            "body": body,
            "executive_summary": "To note the strategy.",
            "is_exempt": False,
            "exempt_paragraph": 3,
        },
    )
    assert report.status == ReportStatus.DRAFT
    assert report.exempt_paragraph is None  # not exempt: a stray paragraph is dropped
    event = _events("governance.report_created")[-1]
    assert event.object_id == str(report.public_id)
    assert event.changes["title"] == [None, "Prevent strategy"]


def test_an_exempt_report_must_give_its_schedule_12a_paragraph(prevent_lead):
    with pytest.raises(ValidationError) as error:
        services.create_report(
            actor=prevent_lead,
            data={
                "title": "Exempt",
                "body": BodyFactory.create(),
                "is_exempt": True,
                "exempt_paragraph": None,
            },
        )
    assert "exempt_paragraph" in error.value.error_dict


def test_changing_a_report_records_the_differences_and_bumps_its_version(prevent_lead):
    seed = seed_report()
    report = seed.report
    services.update_report(
        actor=prevent_lead,
        report=report,
        data={"title": "A new title"},
        expected_version=report.version,
    )
    report.refresh_from_db()
    assert (report.title, report.version) == ("A new title", 2)
    assert _events("governance.report_updated")[-1].changes["title"][1] == "A new title"


def test_saving_without_changes_neither_bumps_the_version_nor_audits(prevent_lead):
    report = seed_report().report
    services.update_report(
        actor=prevent_lead, report=report, data={"title": report.title}, expected_version=1
    )
    report.refresh_from_db()
    assert report.version == 1
    assert not _events("governance.report_updated")


def test_a_stale_edit_is_refused_as_a_concurrent_edit(prevent_lead):
    report = seed_report().report
    services.update_report(
        actor=prevent_lead, report=report, data={"title": "First"}, expected_version=1
    )
    stale = Report.objects.get(pk=report.pk)
    stale.version = 1
    with pytest.raises(ConcurrentEditError):
        services.update_report(
            actor=prevent_lead, report=stale, data={"title": "Second"}, expected_version=1
        )
    assert Report.objects.get(pk=report.pk).title == "First"


def test_a_stale_change_to_a_part_is_refused_too(prevent_lead):
    report = seed_report().report
    services.add_recommendation(
        actor=prevent_lead, report=report, text="That X.", expected_version=1
    )
    with pytest.raises(ConcurrentEditError):
        services.add_recommendation(
            actor=prevent_lead, report=report, text="That Y.", expected_version=1
        )
    assert report.recommendations.count() == 5


# Recommendations ----------------------------------------------------------------------------------


def _numbers(report: Report) -> list[tuple[int, str]]:
    return [(r.number, r.text[:10]) for r in report.recommendations.order_by("number")]


def test_recommendations_are_added_at_the_end_and_renumbered_when_one_is_removed(prevent_lead):
    report = seed_report().report
    added = services.add_recommendation(
        actor=prevent_lead,
        report=report,
        text="That the strategy be reviewed.",
        expected_version=None,
    )
    assert added.number == 5
    second = report.recommendations.get(number=2)
    services.remove_recommendation(actor=prevent_lead, recommendation=second, expected_version=None)
    assert [n for n, _ in _numbers(report)] == [1, 2, 3, 4]
    assert report.recommendations.get(number=4).text == "That the strategy be reviewed."
    assert _events("governance.report_updated")[-1].changes["recommendation 2"][1] is None


def test_recommendations_are_put_in_a_new_order_and_renumbered(prevent_lead):
    report = seed_report().report
    recs = {r.number: r for r in report.recommendations.all()}
    services.reorder_recommendations(
        actor=prevent_lead,
        report=report,
        expected_version=None,
        positions={recs[1].pk: 4, recs[2].pk: 1, recs[3].pk: 2, recs[4].pk: 3},
    )
    order = [r.pk for r in report.recommendations.order_by("number")]
    assert order == [recs[2].pk, recs[3].pk, recs[4].pk, recs[1].pk]
    assert "recommendations order" in _events("governance.report_updated")[-1].changes


def test_an_empty_recommendation_is_refused(prevent_lead):
    report = seed_report().report
    with pytest.raises(ValidationError) as error:
        services.add_recommendation(
            actor=prevent_lead, report=report, text="   ", expected_version=None
        )
    assert error.value.message_dict == {"text": ["Enter the recommendation"]}


# The workflow -------------------------------------------------------------------------------------


def test_sending_implications_emails_each_verifying_officer_a_link(
    prevent_lead, django_capture_on_commit_callbacks
):
    seed = seed_report()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_implications(actor=prevent_lead, report=seed.report, expected_version=1)
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.IMPLICATIONS_REQUESTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [seed.finance.email, seed.legal.email, seed.equality.email]
    )
    finance_mail = next(m for m in mail.outbox if m.to == [seed.finance.email])
    link = f"/governance/implications/{seed.implications['financial'].public_id}/verify/"
    assert link in finance_mail.body
    # A link only: neither the report's title nor its body leaves the service by e-mail.
    assert finance_mail.subject == "Prevent Hub: a new task for you"
    assert "implications to verify" in finance_mail.body
    assert seed.report.title not in finance_mail.body
    assert seed.report.body.name not in finance_mail.body
    event = _events("governance.implications_requested")[-1]
    assert event.changes["verifiers"][1] == sorted(
        ["Jo Whitfield", "Dev Lawrence", "Nadia Warsame"]
    )


def test_no_email_is_sent_when_the_request_fails(prevent_lead, django_capture_on_commit_callbacks):
    seed = seed_report()
    seed.implications["legal"].verifier = None
    seed.implications["legal"].save()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError) as error:
        services.request_implications(actor=prevent_lead, report=seed.report, expected_version=1)
    assert error.value.messages == ["Choose who verifies the legal implications"]
    assert mail.outbox == []
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.DRAFT


def test_a_report_without_implications_cannot_be_sent_for_verification(prevent_lead):
    report = Report.objects.create(title="Bare", body=BodyFactory.create())
    with pytest.raises(ValidationError, match="Add the report's implications"):
        services.request_implications(actor=prevent_lead, report=report, expected_version=None)


def test_the_verifier_verifies_with_a_snapshot_of_their_name_and_title(prevent_lead):
    seed = seed_report()
    services.request_implications(actor=prevent_lead, report=seed.report, expected_version=None)
    officer = _user_for(seed.finance)
    implication = seed.implications["financial"]
    services.verify_implication(
        actor=officer,
        implication=implication,
        text="Within existing budgets.",
        expected_version=None,
        today=dt.date(2016, 3, 2),
    )
    seed.finance.job_title = (
        "Director of Finance"  # a later promotion does not rewrite the sign-off
    )
    seed.finance.save()
    implication.refresh_from_db()
    assert (
        implication.verified_by_name,
        implication.verified_by_title,
        implication.verified_on,
    ) == ("Jo Whitfield", "Chief Accountant", dt.date(2016, 3, 2))
    assert implication.text == "Within existing budgets."
    event = _events("governance.implication_verified")[-1]
    assert event.changes["implication"] == [None, "Financial implications"]
    assert event.changes["verified_by_name"] == ["", "Jo Whitfield"]


def test_only_the_named_officer_can_verify_an_implication(prevent_lead):
    seed = seed_report()
    services.request_implications(actor=prevent_lead, report=seed.report, expected_version=None)
    with pytest.raises(ValidationError, match="Only the officer asked"):
        services.verify_implication(
            actor=_user_for(seed.legal),
            implication=seed.implications["financial"],
            text="Fine.",
            expected_version=None,
        )


def test_implications_cannot_be_verified_before_they_are_requested(prevent_lead):
    seed = seed_report()
    with pytest.raises(ValidationError, match="not been sent for verification"):
        services.verify_implication(
            actor=_user_for(seed.finance),
            implication=seed.implications["financial"],
            text="Fine.",
            expected_version=None,
        )


def test_the_report_is_verified_when_every_required_implication_is(prevent_lead):
    seed = seed_report()
    services.request_implications(actor=prevent_lead, report=seed.report, expected_version=None)
    for key, person in (("financial", seed.finance), ("legal", seed.legal)):
        services.verify_implication(
            actor=_user_for(person),
            implication=seed.implications[key],
            text="Fine.",
            expected_version=None,
        )
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.IMPLICATIONS_REQUESTED
    services.verify_implication(
        actor=_user_for(seed.equality),
        implication=seed.implications["equality"],
        text="Fine.",
        expected_version=None,
    )
    seed.report.refresh_from_db()
    # The "other" implication is not required, so it does not hold the report up.
    assert seed.report.status == ReportStatus.VERIFIED
    assert _events("governance.report_verified")[-1].changes["status"] == [
        ReportStatus.IMPLICATIONS_REQUESTED,
        ReportStatus.VERIFIED,
    ]


def test_changing_a_verified_implication_clears_its_verification_and_the_reports(
    prevent_lead, django_capture_on_commit_callbacks
):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    implication = seed.implications["legal"]
    data = {
        "kind": ImplicationKind.LEGAL,
        "heading": "",
        "text": "New legal wording.",
        "is_required": True,
        "verifier": seed.legal,
    }
    with django_capture_on_commit_callbacks(execute=True):
        services.change_implication(
            actor=prevent_lead, implication=implication, data=data, expected_version=None
        )
    implication.refresh_from_db()
    seed.report.refresh_from_db()
    assert not implication.is_verified and implication.verified_by_name == ""
    assert seed.report.status == ReportStatus.IMPLICATIONS_REQUESTED
    assert [m.to for m in mail.outbox] == [[seed.legal.email]]  # asked again


def test_making_an_implication_optional_leaves_its_verification_alone(prevent_lead):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    implication = seed.implications["legal"]
    services.change_implication(
        actor=prevent_lead,
        implication=implication,
        expected_version=None,
        data={
            "kind": ImplicationKind.LEGAL,
            "heading": "",
            "text": implication.text,
            "is_required": False,
            "verifier": seed.legal,
        },
    )
    implication.refresh_from_db()
    assert implication.is_verified


def test_an_other_implication_needs_a_heading(prevent_lead):
    report = seed_report().report
    with pytest.raises(ValidationError) as error:
        services.add_implication(
            actor=prevent_lead,
            report=report,
            expected_version=None,
            data={
                "kind": ImplicationKind.OTHER,
                "heading": " ",
                "text": "",
                "is_required": False,
                "verifier": None,
            },
        )
    assert "heading" in error.value.error_dict


def test_adding_a_required_implication_to_a_verified_report_waits_for_it(
    prevent_lead, django_capture_on_commit_callbacks
):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    officer = PersonFactory.create(name="Sam Staffing", email="sam@example.gov.uk")
    with django_capture_on_commit_callbacks(execute=True):
        services.add_implication(
            actor=prevent_lead,
            report=seed.report,
            expected_version=None,
            data={
                "kind": ImplicationKind.OTHER,
                "heading": "Staffing",
                "text": "",
                "is_required": True,
                "verifier": officer,
            },
        )
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.IMPLICATIONS_REQUESTED
    assert [m.to for m in mail.outbox] == [["sam@example.gov.uk"]]


def test_removing_the_last_unverified_required_implication_verifies_the_report(prevent_lead):
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    for key in ("financial", "legal"):
        services.remove_implication(
            actor=prevent_lead, implication=seed.implications[key], expected_version=None
        )
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.IMPLICATIONS_REQUESTED
    services.remove_implication(
        actor=prevent_lead, implication=seed.implications["equality"], expected_version=None
    )
    seed.report.refresh_from_db()
    assert seed.report.status == ReportStatus.VERIFIED


# Publishing ---------------------------------------------------------------------------------------


def test_a_report_cannot_be_published_while_a_required_implication_is_unverified(personas):
    # Even a report whose status says "verified" is checked implication by implication.
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    legal = seed.implications["legal"]
    legal.verified_on = None
    legal.save()
    item = agenda_item_for(seed.report)
    with pytest.raises(ValidationError) as error:
        services.publish_report(
            actor=personas["democratic_services"],
            report=seed.report,
            agenda_item=item,
            expected_version=None,
        )
    assert error.value.messages == [
        "The report cannot be published until every required implication is verified: the legal "
        "implications "
        "are not verified yet"
    ]
    seed.report.refresh_from_db()
    item.refresh_from_db()
    assert seed.report.status == ReportStatus.VERIFIED and seed.report.published_at is None
    assert item.report_id is None
    assert not _events("governance.report_published")


def test_a_draft_cannot_be_published_even_without_required_implications(personas):
    report = Report.objects.create(title="Bare", body=BodyFactory.create())
    with pytest.raises(ValidationError, match="Send the implications for verification"):
        services.publish_report(
            actor=personas["democratic_services"],
            report=report,
            agenda_item=agenda_item_for(report),
            expected_version=None,
        )


def test_publishing_puts_the_report_on_the_agenda_item_and_audits_it(personas):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    item = agenda_item_for(seed.report)
    services.publish_report(
        actor=personas["democratic_services"],
        report=seed.report,
        agenda_item=item,
        expected_version=1,
    )
    seed.report.refresh_from_db()
    item.refresh_from_db()
    assert seed.report.status == ReportStatus.PUBLISHED and seed.report.published_at is not None
    assert item.report_id == seed.report.pk and item.version == 2
    event = _events("governance.report_published")[-1]
    assert event.changes["status"] == [ReportStatus.VERIFIED, ReportStatus.PUBLISHED]
    assert "item 7. Prevent strategy" in event.changes["agenda item"][1]


def test_a_report_goes_only_on_an_agenda_item_of_its_own_body(personas):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    other = agenda_item_for(Report.objects.create(title="Other", body=BodyFactory.create()))
    with pytest.raises(ValidationError) as error:
        services.publish_report(
            actor=personas["democratic_services"],
            report=seed.report,
            agenda_item=other,
            expected_version=None,
        )
    assert "agenda_item" in error.value.error_dict


def test_a_published_report_cannot_be_changed_in_any_way(personas, prevent_lead):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    services.publish_report(
        actor=personas["democratic_services"],
        report=seed.report,
        agenda_item=agenda_item_for(seed.report),
        expected_version=None,
    )
    report = seed.report
    attempts = [
        lambda: services.update_report(
            actor=prevent_lead, report=report, data={"title": "X"}, expected_version=None
        ),
        lambda: services.add_recommendation(
            actor=prevent_lead, report=report, text="X", expected_version=None
        ),
        lambda: services.remove_implication(
            actor=prevent_lead, implication=seed.implications["other"], expected_version=None
        ),
        lambda: services.add_appendix(
            actor=prevent_lead,
            report=report,
            letter="3",
            title="X",
            url="https://example.org",
            expected_version=None,
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="has been published"):
            attempt()
    assert report.recommendations.count() == 4


# Appendices ---------------------------------------------------------------------------------------


def test_appendices_are_numbered_after_the_last_one(prevent_lead):
    report = seed_report().report
    assert services.next_appendix_letter(report) == "1"
    terms = TermsOfReferenceFactory.create(body=report.body)
    services.add_appendix(
        actor=prevent_lead,
        report=report,
        letter="1",
        title="Prevent strategy",
        url="https://example.gov.uk/strategy.pdf",
        expected_version=None,
    )
    services.add_appendix(
        actor=prevent_lead,
        report=report,
        letter="2",
        title="Terms of reference",
        terms=terms,
        expected_version=None,
    )
    assert services.next_appendix_letter(report) == "3"
    assert [e.changes for e in _events("governance.appendix_added")][-1] == {
        "appendix 2": [None, f"Terms of reference (terms of reference: {terms})"]
    }


def test_an_appendix_number_is_used_once_per_report(prevent_lead):
    report = seed_report().report
    services.add_appendix(
        actor=prevent_lead,
        report=report,
        letter="A",
        title="One",
        url="https://example.org/1",
        expected_version=None,
    )
    assert services.next_appendix_letter(report) == "B"
    with pytest.raises(ValidationError) as error:
        services.add_appendix(
            actor=prevent_lead,
            report=report,
            letter="a",
            title="Two",
            url="https://example.org/2",
            expected_version=None,
        )
    assert "letter" in error.value.error_dict


def test_an_appendix_is_exactly_one_thing(prevent_lead):
    report = seed_report().report
    with pytest.raises(ValidationError, match="Choose one of"):
        services.add_appendix(
            actor=prevent_lead,
            report=report,
            letter="1",
            title="Both",
            url="https://example.org",
            terms=TermsOfReferenceFactory.create(),
            expected_version=None,
        )


def test_removing_an_appendix_is_audited(prevent_lead):
    report = seed_report().report
    appendix = services.add_appendix(
        actor=prevent_lead,
        report=report,
        letter="1",
        title="Strategy",
        url="https://example.org",
        expected_version=None,
    )
    services.remove_appendix(actor=prevent_lead, appendix=appendix, expected_version=None)
    assert not report.appendices.exists()
    assert _events("governance.appendix_removed")[-1].changes == {
        "appendix 1": ["Strategy (https://example.org)", None]
    }


def test_the_agenda_item_keeps_its_report_link_when_a_meeting_helper_already_set_it(personas):
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    item = agenda_item_for(seed.report)
    AgendaItem.objects.filter(pk=item.pk).update(report=seed.report)
    services.publish_report(
        actor=personas["democratic_services"],
        report=seed.report,
        agenda_item=item,
        expected_version=None,
    )
    item.refresh_from_db()
    assert item.report_id == seed.report.pk and item.version == 1
