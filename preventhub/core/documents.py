"""Documents councils already use: tagged, accessible PDF (PDF/UA-1, WeasyPrint) and Word (.docx).

PDFs are rendered from the same Django templates as the HTML pages' content, with a print
stylesheet.
WeasyPrint may only read our own static files (no network: no SSRF, and it works offline).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify
from docx import Document as WordDocument
from docx.shared import Pt
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ContentStream, NameObject
from weasyprint import HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetchingError

from preventhub.core.text import Block

DOCUMENT_CSS = "documents/document.css"


class StaticOnlyFetcher(URLFetcher):
    """Serve ``static:`` URLs from the static files finders; refuse everything else."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("static:"):
            path = finders.find(url.removeprefix("static:"))
            if path:
                return super().fetch(Path(str(path)).resolve().as_uri(), headers)
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise URLFetchingError(f"Refused to fetch {url!r}: documents may only use static files.")


PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}


def html_to_pdf(html: str) -> bytes:
    """Turn a complete HTML document into a tagged PDF/UA-1 file."""
    return bytes(html_to_document(html).write_pdf(**PDF_OPTIONS))


def html_to_document(html: str) -> Document:
    """Lay out a complete HTML document (call ``write_pdf(**PDF_OPTIONS)`` on it for the tagged
    PDF): its pages' ``anchors`` say which element ids landed on which page."""
    fetcher = StaticOnlyFetcher(allowed_protocols=["file", "data"])
    page = HTML(string=html, base_url="static:", url_fetcher=fetcher)
    return page.render(**PDF_OPTIONS)


@dataclass(frozen=True)
class Box:
    """Where on a page (PDF points, origin bottom left) another PDF's page is placed."""

    left: float
    bottom: float
    width: float
    height: float


def _upright(page: PageObject) -> tuple[Transformation, float, float]:
    """The transformation that puts ``page``'s visible box upright with its lower left corner at
    the origin (honouring its /Rotate, which is clockwise), and its upright width and height."""
    media = page.mediabox
    width, height = float(media.width), float(media.height)
    turn = Transformation().translate(-float(media.left), -float(media.bottom))
    rotation = (page.rotation or 0) % 360
    if rotation == 90:
        return turn.rotate(-90).translate(0, width), height, width
    if rotation == 180:
        return turn.rotate(180).translate(width, height), width, height
    if rotation == 270:
        return turn.rotate(90).translate(height, 0), height, width
    return turn, width, height


def _as_artifact(page: PageObject) -> PageObject:
    """A copy of ``page`` whose drawing is one artifact of the tagged document it is drawn into, so
    the pack stays a valid tagged PDF: its own marked content refers to a structure tree the pack
    does not have, and is dropped from the copy."""
    copy = PageObject.create_blank_page(width=page.mediabox.width, height=page.mediabox.height)
    copy.update({key: value for key, value in page.items() if key != "/Contents"})
    contents = page.get_contents()
    if contents is None:
        return copy
    operations = [
        (operands, operator)
        for operands, operator in contents.operations
        if operator not in (b"BDC", b"BMC", b"EMC", b"MP", b"DP")
    ]
    stream = ContentStream(None, None)
    stream.operations = [([NameObject("/Artifact")], b"BMC"), *operations, ([], b"EMC")]
    copy.replace_contents(stream)
    return copy


def place_pages(pdf: bytes, placements: dict[int, PageObject], box: Box) -> bytes:
    """Draw other PDFs' pages onto pages of ``pdf`` (page index → page to draw), each scaled to fit
    ``box``, centred across it and aligned to its top. Used to append uploaded PDFs to a pack
    whose placeholder pages already carry the running label, so the appended
    pages are counted like the rest. The document's tags and metadata are kept; the drawn pages are
    marked as artifacts (their own tags belong to their own document), so the placeholder's
    tagged label is what a screen reader announces."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for index, source in placements.items():
        placed, width, height = _upright(source)
        if width <= 0 or height <= 0:
            continue
        scale = min(box.width / width, box.height / height)
        left = box.left + (box.width - width * scale) / 2
        bottom = box.bottom + box.height - height * scale
        placed = placed.scale(scale, scale).translate(left, bottom)
        writer.pages[index].merge_transformed_page(_as_artifact(source), placed)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a template (which should extend ``documents/base.html``) to a tagged PDF/UA-1 file."""
    return html_to_pdf(
        render_to_string(template_name, {"document_css": f"static:{DOCUMENT_CSS}", **context})
    )


def _attachment(content: bytes, filename: str, content_type: str, inline: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_response(content: bytes, title: str, inline: bool = False) -> HttpResponse:
    return _attachment(
        content, f"{slugify(title)[:80] or 'document'}.pdf", "application/pdf", inline
    )


def docx_response(content: bytes, title: str) -> HttpResponse:
    return _attachment(
        content,
        f"{slugify(title)[:80] or 'document'}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        inline=False,
    )


class WordBuilder:
    """A small, readable wrapper over python-docx for council documents: Arial 12pt body, real
    heading styles (so the navigation pane and screen readers see the structure) and real lists
    and tables rather than tabs."""

    def __init__(self, title: str) -> None:
        self.document = WordDocument()
        self.document.core_properties.title = title
        style = self.document.styles["Normal"]
        style.font.name = "Arial"
        style.font.size = Pt(12)

    def heading(self, text: str, level: int = 1) -> WordBuilder:
        self.document.add_heading(text, level=level)
        return self

    def paragraph(self, text: str, bold: bool = False) -> WordBuilder:
        for block in [p for p in str(text).split("\n\n") if p.strip()] or [""]:
            run = self.document.add_paragraph().add_run(block.strip())
            run.bold = bold
        return self

    def numbered(self, items: list[str]) -> WordBuilder:
        for item in items:
            self.document.add_paragraph(item, style="List Number")
        return self

    def bullets(self, items: list[str]) -> WordBuilder:
        for item in items:
            self.document.add_paragraph(item, style="List Bullet")
        return self

    def blocks(self, blocks: list[Block], *, empty: str = "", level: int = 3) -> WordBuilder:
        """Text in the one format of ``core/text.py``, as the web page and the PDF show it.
        Paragraph numbers are typed, not Word list numbering, so they match the page and the PDF
        exactly (2.1, 2.2…) whatever Word's list settings are."""
        if not blocks and empty:
            self.paragraph(empty)
        for block in blocks:
            if block.kind == "heading":
                self.heading(block.text, level=level)
            elif block.kind == "bullets":
                self.bullets(list(block.items))
            else:
                self.document.add_paragraph(
                    f"{block.number}\t{block.text}" if block.number else block.text
                )
        return self

    def table(self, header: list[str], rows: list[list[str]]) -> WordBuilder:
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = str(text)
        return self

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()
