"""A published report does not change: an appendix linking to a draft terms of reference is frozen
when the report is published, the public can read the frozen copy, and amending (or deleting)
the draft afterwards changes neither the report's appendix nor what the public reads."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from preventhub.audit.models import AuditEvent
from preventhub.core.testing.pdf import inspect_pdf
from preventhub.governance.models import Appendix, ClauseSection, ReportStatus, TermsStatus
from preventhub.governance.services import reports as services
from preventhub.governance.services import terms as terms_services
from preventhub.governance.tests.factories import ClauseFactory, TermsOfReferenceFactory
from preventhub.governance.tests.reports_fixtures import agenda_item_for, seed_report

pytestmark = pytest.mark.django_db

DRAFTED = "The working group will meet quarterly and report to the committee each year."
AMENDED = "The working group will meet monthly and report to Cabinet."


@pytest.fixture
def published(personas):
    """The seed report with its draft working group terms of reference as Appendix 2, published."""
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    terms = TermsOfReferenceFactory.create(
        body=seed.report.body, number=1, status=TermsStatus.DRAFT
    )
    clause = ClauseFactory.create(
        terms=terms, number="1", section=ClauseSection.FREQUENCY, text=DRAFTED
    )
    lead = personas["prevent_lead"]
    appendix = services.add_appendix(
        actor=lead,
        report=seed.report,
        letter="2",
        title="Draft terms of reference of the working group",
        terms=terms,
        expected_version=None,
    )
    services.publish_report(
        actor=personas["democratic_services"],
        report=seed.report,
        agenda_item=agenda_item_for(seed.report),
        expected_version=None,
    )
    appendix.refresh_from_db()
    return appendix, clause


def _text(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", inspect_pdf(b"".join(response.streaming_content)).text)


def test_publishing_freezes_a_copy_of_the_linked_terms(published):
    appendix, _clause = published
    assert appendix.snapshot.name.startswith("appendices/") and appendix.snapshot_taken_at
    event = AuditEvent.objects.filter(action="governance.report_published").get()
    assert event.changes["frozen appendices"] == [None, "2"]


def test_the_public_reads_the_frozen_copy_of_a_draft_they_could_not_otherwise_see(
    client, published
):
    appendix, clause = published
    terms_page = client.get(reverse("governance:terms_detail", args=[clause.terms.public_id]))
    assert terms_page.status_code == 404  # the draft itself stays a draft
    page = client.get(reverse("governance:report_detail", args=[appendix.report.public_id]))
    download = reverse("governance:appendix_download", args=[appendix.public_id])
    assert download in page.content.decode()
    text = _text(client.get(download))
    assert DRAFTED in text
    assert "as it stood on" in text and "Later changes to the terms of reference are not in" in text


def test_amending_the_terms_afterwards_does_not_change_the_published_appendix(
    client, personas, published
):
    appendix, clause = published
    terms_services.update_clause(
        actor=personas["democratic_services"],
        clause=clause,
        data={"text": AMENDED},
        expected_version=None,
    )
    text = _text(client.get(reverse("governance:appendix_download", args=[appendix.public_id])))
    assert DRAFTED in text and AMENDED not in text


def test_deleting_the_draft_afterwards_leaves_the_published_appendix(client, published):
    appendix, clause = published
    clause.terms.delete()
    appendix = Appendix.objects.get(pk=appendix.pk)
    assert appendix.terms_id is None
    text = _text(client.get(reverse("governance:appendix_download", args=[appendix.public_id])))
    assert DRAFTED in text
