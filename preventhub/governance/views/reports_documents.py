"""A committee report as a tagged PDF (PDF/UA) and as a Word document, in the layout councils use.

Both come from the same ``ReportLayout`` as the web page, under the same policy: a report the user
may not see is 404 in every format.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from docx.shared import Pt

from preventhub.core.documents import WordBuilder, docx_response, pdf_response, render_pdf
from preventhub.governance.services.reports_layout import ReportLayout, Section

from .reports import TEMPLATES, get_report, load_layout


def report_pdf(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The report as a tagged, accessible PDF. Queries: as the report page, without its history."""
    report = get_report(request, public_id)
    layout = load_layout(request, report)
    content = render_pdf(f"{TEMPLATES}/report_pdf.html", {"layout": layout, "title": layout.title})
    return pdf_response(content, layout.title)


def report_docx(request: HttpRequest, public_id: Any) -> HttpResponse:
    """The report as a Word document with real headings and tables."""
    report = get_report(request, public_id)
    layout = load_layout(request, report)
    return docx_response(report_document(layout, request.build_absolute_uri("/")), layout.title)


def _section(builder: WordBuilder, section: Section) -> None:
    builder.heading(section.heading, level=2)
    builder.blocks(section.blocks, empty=section.empty_text)


def report_document(layout: ReportLayout, site: str) -> bytes:
    """The .docx: front sheet table, then the numbered sections."""
    builder = WordBuilder(layout.title)
    document = builder.document
    builder.heading(layout.report.body.name, level=1)
    builder.heading(layout.title, level=1)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for row in layout.front_sheet:
        cells = table.add_row().cells
        cells[0].text = row.label
        cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = row.value
    if layout.report.is_exempt:
        builder.paragraph(layout.classification.upper(), bold=True)
    _section(builder, layout.summary)
    builder.heading(layout.recommendations_heading, level=2)
    if not layout.recommendations:
        builder.paragraph(layout.empty_text)
    for numbered in layout.recommendations:
        document.add_paragraph(f"{numbered.number}\t{numbered.recommendation.text}")
    for section in layout.text_sections:
        _section(builder, section)
    builder.heading(layout.implications_heading, level=2)
    if not layout.implications:
        builder.paragraph(layout.empty_text)
    for item in layout.implications:
        builder.heading(f"{item.number} {item.heading}", level=3)
        line = item.verified_line or (f"Not verified yet. {item.awaiting}" if item.awaiting else "")
        if line:
            run = document.add_paragraph().add_run(line)
            run.bold = bool(item.verified_line)
            run.font.size = Pt(12)
        builder.blocks(item.blocks, level=4)
    _section(builder, layout.background)
    builder.heading(layout.appendices_heading, level=2)
    if not layout.appendices:
        builder.paragraph("None.")
    for appendix in layout.appendices:
        href = getattr(appendix, "href", "")
        link = href if href.startswith("http") else (site.rstrip("/") + href if href else "")
        text = f"Appendix {appendix.letter} – {appendix.title}"
        builder.bullets([f"{text}: {link}" if link else text])
    return builder.to_bytes()
