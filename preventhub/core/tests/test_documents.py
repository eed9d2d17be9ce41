"""Tagged PDFs and Word documents: text round-trips, structure tags are present, no network
fetches."""

from __future__ import annotations

import io

from django.template import engines
from docx import Document

from preventhub.core.documents import DOCUMENT_CSS, WordBuilder, html_to_pdf
from preventhub.core.testing.pdf import inspect_pdf


def test_pdf_is_tagged_pdf_ua_with_language_and_title():
    template = engines["django"].from_string(
        '{% extends "documents/base.html" %}{% block content %}<h1>Prevent working group</h1>'
        "<p>Terms of reference agreed.</p>{% endblock %}"
    )
    pdf = html_to_pdf(
        template.render(
            {"title": "Prevent working group", "document_css": f"static:{DOCUMENT_CSS}"}
        )
    )
    facts = inspect_pdf(pdf)
    assert facts.tagged and facts.has_structure_tree
    assert facts.pdf_ua  # PDF/UA identification in the XMP metadata
    assert facts.language == "en-GB"
    assert facts.title == "Prevent working group"
    assert "Terms of reference agreed." in facts.text


def test_word_document_round_trips_its_text():
    content = (
        WordBuilder("Committee report")
        .heading("Recommendations")
        .numbered(["Note the strategy.", "Set up a working group."])
        .table(
            ["Implication", "Verified by"], [["Financial", "Tom Ashworth, Chief Finance Officer"]]
        )
        .to_bytes()
    )
    document = Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    assert "Recommendations" in texts
    assert "Set up a working group." in texts
    assert document.tables[0].cell(1, 1).text == "Tom Ashworth, Chief Finance Officer"
    assert document.core_properties.title == "Committee report"


def test_documents_cannot_fetch_from_the_network():
    import pytest
    from weasyprint.urls import URLFetchingError

    from preventhub.core.documents import StaticOnlyFetcher

    fetcher = StaticOnlyFetcher(allowed_protocols=["file", "data"])
    with pytest.raises(URLFetchingError, match="may only use static files"):
        fetcher.fetch("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(URLFetchingError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.fetch("static:documents/document.css") is not None
