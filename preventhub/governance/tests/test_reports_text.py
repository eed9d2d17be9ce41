"""A report section pasted from a published council report (its own paragraph numbers, lines
hard-wrapped by the PDF, Word's bullets) is stored clean and numbered once on the page, in the
PDF and in the Word document."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document

from preventhub.core.testing.pdf import inspect_pdf
from preventhub.core.tests.test_text import PASTED_FROM_PDF
from preventhub.governance.services import reports as services
from preventhub.governance.tests.reports_fixtures import seed_report

pytestmark = pytest.mark.django_db

FIRST = (
    "The Counter-Terrorism and Security Act 2015 places a duty on specified authorities, "
    "including the council, to have due regard to the need to prevent people from being drawn "
    "into terrorism."
)


@pytest.fixture
def pasted(personas):
    report = seed_report().report
    return services.update_report(
        actor=personas["prevent_lead"],
        report=report,
        data={"introduction": PASTED_FROM_PDF},
        expected_version=report.version,
    )


def test_pasted_numbers_and_wrapped_lines_are_cleaned_when_saved(pasted):
    assert pasted.introduction.startswith(FIRST)
    assert "2.1" not in pasted.introduction.split("\n\n")[0]
    assert "\t" not in pasted.introduction


def test_the_page_numbers_each_paragraph_once(client, personas, pasted):
    client.force_login(personas["prevent_lead"])
    html = client.get(reverse("governance:report_detail", args=[pasted.public_id])).content
    text = re.sub(r"<[^>]+>", " ", html.decode())
    assert re.search(rf"2\.1\s+{re.escape(FIRST[:40])}", text)
    assert not re.search(r"2\.1\s+2\.1", text)


def test_the_pdf_numbers_each_paragraph_once_and_keeps_the_bullets(client, personas, pasted):
    client.force_login(personas["prevent_lead"])
    facts = inspect_pdf(
        client.get(reverse("governance:report_pdf", args=[pasted.public_id])).content
    )
    text = re.sub(r"\s+", " ", facts.text)
    assert f"2.1 {FIRST}" in text
    assert "2.3 The Community Safety Partnership has led on Prevent" in text
    assert "2.1 2.1" not in text and "2.2 2.2" not in text
    assert "to: establish or make use of an existing local multi-agency group" in text


def test_the_word_document_numbers_each_paragraph_once(client, personas, pasted):
    client.force_login(personas["prevent_lead"])
    response = client.get(reverse("governance:report_docx", args=[pasted.public_id]))
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert any(p.startswith(f"2.1\t{FIRST}") for p in paragraphs)
    assert not any(p.startswith("2.1\t2.1") for p in paragraphs)
    assert any(p.startswith("use the counter-terrorism local profile") for p in paragraphs)


def test_a_recommendation_typed_with_its_number_is_numbered_once(personas, pasted):
    recommendation = services.add_recommendation(
        actor=personas["prevent_lead"],
        report=pasted,
        text="1.5 That the Prevent action plan be\nreviewed annually by the committee.",
        expected_version=pasted.version,
    )
    assert (
        recommendation.text
        == "That the Prevent action plan be\nreviewed annually by the committee."
    )
