"""Who sees which report: a councillor, a partner lead and an anonymous visitor never see a draft or
an exempt report (page, list, PDF, Word, appendix file); verifying officers see the reports they are
asked about and only their own requests."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from preventhub.accounts.testing import make_user
from preventhub.governance.models import Appendix, ReportStatus
from preventhub.governance.tests.factories import BodyFactory, ReportFactory
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.django_db

OUTSIDERS = ["councillor", "partner_lead", None]  # None: an anonymous visitor


def _with_file(report):
    appendix = Appendix(report=report, letter="1", title="Strategy")
    appendix.file.save("strategy.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    appendix.save()
    return appendix


@pytest.fixture
def reports():
    body = BodyFactory.create(name="Overview and Scrutiny")
    hidden = {
        "draft": seed_report(body=body).report,
        "requested": seed_report(body=body, status=ReportStatus.IMPLICATIONS_REQUESTED).report,
        "verified": seed_report(body=body, status=ReportStatus.VERIFIED, verified=True).report,
        "exempt": seed_report(
            body=body,
            status=ReportStatus.PUBLISHED,
            verified=True,
            is_exempt=True,
            exempt_paragraph=1,
        ).report,
    }
    for report in hidden.values():
        report.title = f"Hidden {report.status} {report.pk}"
        report.save()
    public = ReportFactory.create(body=body, title="Public report", status=ReportStatus.PUBLISHED)
    return hidden, public


def _as(client, personas, who):
    client.logout()
    if who:
        client.force_login(personas[who])
    return client


@pytest.mark.parametrize("who", OUTSIDERS)
def test_drafts_and_exempt_reports_are_never_shown(client, personas, reports, who):
    hidden, public = reports
    client = _as(client, personas, who)
    everything = client.get(reverse("governance:report_list"), {"q": ""})
    assert [r.title for r in everything.context["page"].object_list] == ["Public report"]
    for name in ("draft", "verified"):
        listing = client.get(reverse("governance:report_list"), {"status": hidden[name].status})
        assert listing.context["page"].paginator.count == 0
    for report in hidden.values():
        appendix = _with_file(report)
        for url_name in ("report_detail", "report_pdf", "report_docx"):
            assert (
                client.get(reverse(f"governance:{url_name}", args=[report.public_id])).status_code
                == 404
            )
        assert (
            client.get(
                reverse("governance:appendix_download", args=[appendix.public_id])
            ).status_code
            == 404
        )
        assert report.title.encode() not in everything.content
    assert (
        client.get(reverse("governance:report_detail", args=[public.public_id])).status_code == 200
    )


@pytest.mark.parametrize("who", ["prevent_lead", "democratic_services"])
def test_officers_who_see_drafts_and_exempt_information_see_every_report(
    client, personas, reports, who
):
    hidden, _ = reports
    client = _as(client, personas, who)
    assert client.get(reverse("governance:report_list")).context["page"].paginator.count == 5
    for report in hidden.values():
        assert (
            client.get(reverse("governance:report_detail", args=[report.public_id])).status_code
            == 200
        )


def test_a_verifying_officer_sees_the_draft_they_are_asked_about_and_nothing_else(client, reports):
    hidden, _ = reports
    seed = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    officer = make_user("channel_coordinator", person=seed.legal)
    client.force_login(officer)
    assert (
        client.get(reverse("governance:report_detail", args=[seed.report.public_id])).status_code
        == 200
    )
    for report in hidden.values():
        assert (
            client.get(reverse("governance:report_detail", args=[report.public_id])).status_code
            == 404
        )
    page = client.get(
        reverse("governance:report_detail", args=[seed.report.public_id])
    ).content.decode()
    assert (
        reverse("governance:implication_verify", args=[seed.implications["legal"].public_id])
        in page
    )
    assert (
        reverse("governance:implication_verify", args=[seed.implications["financial"].public_id])
        not in page
    )
    assert "Change the report" not in page


def test_reports_to_verify_lists_only_the_officers_own_requests(client):
    mine = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    theirs = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    draft = seed_report()  # not sent yet: not a task
    draft.implications["legal"].verifier = mine.legal
    draft.implications["legal"].save()
    client.force_login(make_user("councillor", person=mine.legal))
    response = client.get(reverse("governance:reports_to_verify"))
    assert [i.pk for i in response.context["page"].object_list] == [mine.implications["legal"].pk]
    assert str(theirs.implications["legal"].public_id).encode() not in response.content


def test_reports_to_verify_puts_waiting_requests_before_verified_ones(client, prevent_lead):
    from preventhub.governance.services import reports as services

    older = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    newer = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED)
    newer.implications["legal"].verifier = older.legal
    newer.implications["legal"].save()
    officer = make_user("channel_coordinator", person=older.legal)
    services.verify_implication(
        actor=officer, implication=older.implications["legal"], text="Fine.", expected_version=None
    )
    client.force_login(officer)
    rows = list(client.get(reverse("governance:reports_to_verify")).context["page"].object_list)
    assert [(r.pk, r.waiting) for r in rows] == [
        (newer.implications["legal"].pk, True),
        (older.implications["legal"].pk, False),
    ]


def test_reports_to_verify_explains_an_account_without_a_directory_person(client, personas):
    client.force_login(personas["auditor"])
    response = client.get(reverse("governance:reports_to_verify"))
    assert response.status_code == 200
    assert b"not linked to a person in the directory" in response.content


def test_reports_to_verify_is_not_for_accounts_without_a_role(client, personas):
    client.force_login(personas["outsider"])
    assert client.get(reverse("governance:reports_to_verify")).status_code == 404


def test_a_report_of_a_body_that_is_not_public_is_for_role_holders_only(client, personas):
    report = ReportFactory.create(
        body=BodyFactory.create(is_public=False), status=ReportStatus.PUBLISHED
    )
    url = reverse("governance:report_detail", args=[report.public_id])
    assert client.get(url).status_code == 404
    client.force_login(personas["councillor"])
    assert client.get(url).status_code == 200


def test_an_officer_without_a_role_who_is_asked_to_verify_has_the_page(client, personas):
    from preventhub.directory.testing import PersonFactory
    from preventhub.governance.models import ReportStatus as Status
    from preventhub.governance.tests.factories import ImplicationFactory

    officer = personas["outsider"]
    officer.person = PersonFactory.create(name="Tom Ashworth", job_title="Chief Finance Officer")
    officer.save(update_fields=["person"])
    implication = ImplicationFactory.create(
        verifier=officer.person, report__status=Status.IMPLICATIONS_REQUESTED
    )
    client.force_login(officer)
    response = client.get(reverse("governance:reports_to_verify"))
    assert response.status_code == 200
    assert implication.report.title in response.content.decode()
