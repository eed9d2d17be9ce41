"""An agenda shaped like the demo's committee meeting for the agenda pack tests: procedural items
with no papers, the Prevent report with an uploaded three-page strategy (PDF) and the working
group's draft terms of reference as appendices, and an exempt Channel item with its own report."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile

from preventhub.core.documents import html_to_pdf
from preventhub.governance.models import (
    AgendaItem,
    ClauseSection,
    Meeting,
    Report,
    ReportStatus,
    TermsStatus,
)
from preventhub.governance.services import reports as services
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    ClauseFactory,
    ReportFactory,
    TermsOfReferenceFactory,
)
from preventhub.governance.tests.reports_fixtures import agenda_item_for, seed_report

REPORT_ITEM = "Prevent strategy and working group"
EXEMPT_ITEM = "Channel panel case review: Person A"
EXEMPT_SUMMARY = "Person A was referred to the Channel panel by their college in October."
STRATEGY_PAGES = 3
TERMS_CLAUSE = "The working group will meet quarterly and report to the committee each year."


def strategy_pdf() -> bytes:
    """A three-page PDF as a partnership would upload it, each page saying which it is."""
    pages = "".join(
        f'<section style="break-after: page"><h1>Northbridge CSP Prevent Strategy</h1>'
        f"<p>STRATEGY PAGE {n} OF {STRATEGY_PAGES}</p></section>"
        for n in range(1, STRATEGY_PAGES + 1)
    )
    return html_to_pdf(
        f'<html lang="en-GB"><head><title>Strategy</title></head><body>{pages}</body></html>'
    )


@dataclass
class Agenda:
    meeting: Meeting
    report: Report
    report_item: AgendaItem
    exempt_item: AgendaItem
    exempt_report: Report


def agenda(actor) -> Agenda:
    seed = seed_report(status=ReportStatus.VERIFIED, verified=True)
    report = seed.report
    item = agenda_item_for(report)
    item.title, item.order = REPORT_ITEM, 5
    item.save()
    meeting = item.meeting
    for order, (number, title) in enumerate(
        [("1", "Apologies for absence"), ("2", "Declarations of interest"), ("3", "Minutes")],
        start=1,
    ):
        AgendaItemFactory.create(meeting=meeting, number=number, title=title, order=order)
    services.add_appendix(
        actor=actor,
        report=report,
        letter="1",
        title="Northbridge Community Safety Partnership Prevent Strategy",
        file=SimpleUploadedFile("strategy.pdf", strategy_pdf()),
        expected_version=None,
    )
    terms = TermsOfReferenceFactory.create(body=report.body, number=1, status=TermsStatus.DRAFT)
    ClauseFactory.create(
        terms=terms, number="1", section=ClauseSection.FREQUENCY, text=TERMS_CLAUSE
    )
    services.add_appendix(
        actor=actor,
        report=report,
        letter="2",
        title="Terms of reference for the councillors' working group",
        terms=terms,
        expected_version=None,
    )
    services.publish_report(actor=actor, report=report, agenda_item=item, expected_version=None)
    exempt_report = ReportFactory.create(
        body=report.body,
        title=EXEMPT_ITEM,
        status=ReportStatus.PUBLISHED,
        is_exempt=True,
        exempt_paragraph=1,
        executive_summary=EXEMPT_SUMMARY,
    )
    exempt_item = AgendaItemFactory.create(
        meeting=meeting,
        number="8",
        title=EXEMPT_ITEM,
        order=8,
        is_exempt=True,
        exempt_paragraph=1,
        report=exempt_report,
    )
    report.refresh_from_db()
    item.refresh_from_db()
    return Agenda(meeting, report, item, exempt_item, exempt_report)
