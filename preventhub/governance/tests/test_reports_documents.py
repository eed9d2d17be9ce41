"""The report as a tagged PDF/UA file and as a Word document: the text round-trips into both."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.governance.models import ReportStatus
from preventhub.governance.tests.reports_fixtures import RECOMMENDATIONS, SUMMARY, seed_report

pytestmark = pytest.mark.django_db

VERIFIED_LINES = [
    "Verified by: Jo Whitfield, Chief Accountant, 1 March 2016",
    "Verified by: Dev Lawrence, Monitoring Officer, 1 March 2016",
    "Verified by: Nadia Warsame, Community Development and Equalities Manager, 1 March 2016",
]


def _flat(text: str) -> str:
    """Text with line breaks and repeated spaces folded, as a PDF's lines wrap anywhere."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def published():
    return seed_report(status=ReportStatus.PUBLISHED, verified=True).report


def test_the_pdf_is_tagged_pdf_ua_and_holds_the_whole_report(client, published):
    response = client.get(reverse("governance:report_pdf", args=[published.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    facts = inspect_pdf(response.content)
    assert facts.tagged and facts.has_structure_tree and facts.pdf_ua
    assert facts.language == "en-GB"
    assert facts.title == published.title
    text = _flat(facts.text)
    assert "For general release" in text
    assert _flat(SUMMARY) in text
    for number, recommendation in enumerate(RECOMMENDATIONS, start=1):
        assert f"1.{number} {recommendation}" in text
    for line in VERIFIED_LINES:
        assert line in text
    for heading in (
        "1. Recommendation(s)",
        "7. Implications",
        "7.4 Other implications: Crime and disorder",
        "8. Background papers used in preparing the report",
        "9. Appendices to the report",
    ):
        assert heading in text


def test_the_word_document_opens_and_holds_the_whole_report(client, published):
    response = client.get(reverse("governance:report_docx", args=[published.public_id]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    document = Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    text = "\n".join(paragraphs)
    assert document.core_properties.title == published.title
    assert SUMMARY in paragraphs
    for number, recommendation in enumerate(RECOMMENDATIONS, start=1):
        assert f"1.{number}\t{recommendation}" in paragraphs
    for line in VERIFIED_LINES:
        assert line in paragraphs
    headings = [
        p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")
    ]
    assert headings[:4] == [
        published.body.name,
        published.title,
        "Executive summary",
        "1. Recommendation(s)",
    ]
    assert "7.1 Financial" in headings and "9. Appendices to the report" in headings
    front_sheet = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert front_sheet["Classification"] == "For general release"
    assert front_sheet["Report of"] == "Head of Resident Services"
    assert "2.1\tThe Counter Terrorism and Security Act became law on 16 February 2015." in text


def test_an_exempt_reports_documents_carry_the_not_for_publication_notice(client, personas):
    report = seed_report(
        status=ReportStatus.PUBLISHED, verified=True, is_exempt=True, exempt_paragraph=3
    ).report
    client.force_login(personas["democratic_services"])
    pdf = inspect_pdf(client.get(reverse("governance:report_pdf", args=[report.public_id])).content)
    assert "Not for publication — exempt under paragraph 3 of Schedule 12A" in _flat(pdf.text)
    document = Document(
        io.BytesIO(client.get(reverse("governance:report_docx", args=[report.public_id])).content)
    )
    assert any(
        p.text.startswith("NOT FOR PUBLICATION — EXEMPT UNDER PARAGRAPH 3")
        for p in document.paragraphs
    )


def test_an_unverified_implication_says_so_in_the_documents(client, personas):
    report = seed_report(status=ReportStatus.IMPLICATIONS_REQUESTED).report
    client.force_login(personas["prevent_lead"])
    pdf = inspect_pdf(client.get(reverse("governance:report_pdf", args=[report.public_id])).content)
    assert "Not verified yet. To be verified by Jo Whitfield, Chief Accountant." in _flat(pdf.text)
    document = Document(
        io.BytesIO(client.get(reverse("governance:report_docx", args=[report.public_id])).content)
    )
    assert "Not verified yet. To be verified by Dev Lawrence, Monitoring Officer." in [
        p.text for p in document.paragraphs
    ]
