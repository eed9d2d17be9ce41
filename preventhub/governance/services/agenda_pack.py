"""The agenda pack as a council publishes it: the front sheet, a contents page giving the page each
item starts on, then per item the whole report (every section, the implications with their
verification lines, the background papers) followed by its appendices, with "Page N of M" on
every page of the pack's own.

WeasyPrint lays out one tagged document. An appendix that is a PDF (an uploaded file, or the copy
of a terms of reference version frozen when the report was published) gets one placeholder page
per page of it, carrying the running label ("Item 5, Appendix 1: …"); pypdf then draws the
appendix's pages onto those placeholders. So the contents page counts the appended pages without a
second layout pass, and gives the range of pages each appended PDF takes. Appended pages get no
pack page number: they usually carry their own ("Page 2 of 4" of the strategy as it was
published), and two numbers on one page confuse a reader; the pack's "Page N of M" counts them, so
its numbers still match the PDF reader's. The drawn pages are marked as artifacts of the tagged
document (their own text is not tagged); the placeholder's label is the tagged heading a screen
reader announces, and the report page offers the file itself. Images are drawn in the
document; Word and Excel appendices cannot be drawn and are said to be published with the report.

Which items, reports and appendices are in the pack is decided by the view, through the policies;
this module only reads the files it is given and lays them out.
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError

from preventhub.core.documents import (
    DOCUMENT_CSS,
    PDF_OPTIONS,
    Box,
    html_to_document,
    place_pages,
)
from preventhub.governance.models import AgendaItem, Appendix, ExemptParagraph

from .reports_files import ALLOWED_TYPES, extension_of
from .reports_layout import ReportLayout

logger = logging.getLogger(__name__)

TEMPLATE = "governance/meetings/pack_pdf.html"
PT_PER_CM = 72 / 2.54
A4 = (595.28, 841.89)
# The placeholder pages' margins (document.css, @page appended): 1cm, 1.5cm at the foot for the
# page number; the running label takes the top 0.6cm of the page area.
APPENDED_BOX = Box(
    left=1 * PT_PER_CM,
    bottom=1.5 * PT_PER_CM,
    width=A4[0] - 2 * PT_PER_CM,
    height=A4[1] - 2.5 * PT_PER_CM - 0.6 * PT_PER_CM,
)
IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg"}


@dataclass
class PackAppendix:
    """One appendix as the pack holds it: drawn pages (``pages``), an image, or a ``note`` saying
    why it is not reproduced."""

    appendix: Appendix
    anchor: str
    pages: list[PageObject] = field(default_factory=list)
    image: str = ""
    note: str = ""

    @property
    def page_anchors(self) -> list[tuple[str, int]]:
        return [(f"{self.anchor}-page-{n}", n) for n in range(1, len(self.pages) + 1)]

    @property
    def last_page_anchor(self) -> str:
        """The last appended page, for the contents' page range ("" for a single page)."""
        return self.page_anchors[-1][0] if len(self.pages) > 1 else ""


@dataclass
class PackEntry:
    """One agenda item in the pack. ``withheld`` is an exempt item of the public pack: only its
    number and Schedule 12A paragraph are known here."""

    number: str
    title: str
    anchor: str
    item: AgendaItem | None = None
    withheld: bool = False
    exempt_paragraph: int | None = None
    layout: ReportLayout | None = None
    report_follows: bool = False
    appendices: list[PackAppendix] = field(default_factory=list)

    @property
    def has_pages(self) -> bool:
        return self.layout is not None

    @property
    def exempt_reason(self) -> str:
        if self.exempt_paragraph in ExemptParagraph.values:
            return ExemptParagraph(self.exempt_paragraph).label.split(". ", 1)[-1].lower()
        return ""


def withheld_title(paragraph: int | None) -> str:
    return f"Exempt: Schedule 12A paragraph {paragraph}"


def _read(file: Any) -> bytes | None:
    try:
        with file.open("rb") as handle:
            return bytes(handle.read())
    except (FileNotFoundError, OSError):
        return None


def _pdf_pages(content: bytes) -> list[PageObject] | None:
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return None
        return list(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError):
        return None


def pack_appendix(appendix: Appendix, *, anchor: str, terms_pdf: bytes | None) -> PackAppendix:
    """The appendix laid out for the pack. ``terms_pdf`` is a live rendering of a linked terms of
    reference version that has no frozen copy (a report published before copies were kept), when
    the reader may see that version."""
    entry = PackAppendix(appendix, anchor)
    stored = appendix.snapshot or appendix.file
    if appendix.marking:
        # A pack is printed and passed around: a marked copy stays behind its source's policy.
        entry.note = (
            f"{appendix.marking_label}: not reproduced in this pack; those allowed to read it "
            "can open it from the report"
        )
    elif stored:
        extension = extension_of(stored.name or "")
        content = _read(stored)
        if content is None:
            entry.note = "the file is missing: ask democratic services for a copy"
        elif extension == "pdf":
            pages = _pdf_pages(content)
            if pages:
                entry.pages = pages
            else:
                entry.note = "the PDF could not be read, so it is not reproduced here"
                logger.warning("agenda pack: unreadable appendix PDF %s", appendix.public_id)
        elif extension in IMAGE_TYPES:
            encoded = base64.b64encode(content).decode("ascii")
            entry.image = f"data:{IMAGE_TYPES[extension]};base64,{encoded}"
        else:
            kind = ALLOWED_TYPES.get(extension, ("", "file"))[1]
            entry.note = f"a {kind}, published with the report and not reproduced in this pack"
    elif appendix.terms_id:
        pages = _pdf_pages(terms_pdf) if terms_pdf else None
        if pages:
            entry.pages = pages
        else:
            entry.note = "terms of reference not published yet"
    elif appendix.url:
        entry.note = f"published at {appendix.url}"
    return entry


def render_pack_pdf(context: dict[str, Any]) -> bytes:
    """The pack as a tagged PDF with the appendices' pages drawn in. ``context['entries']`` are
    ``PackEntry``s; the rest is what the front sheet shows."""
    html = render_to_string(TEMPLATE, {"document_css": f"static:{DOCUMENT_CSS}", **context})
    document = html_to_document(html)
    sources: dict[str, PageObject] = {}
    for entry in context["entries"]:
        for appendix in entry.appendices:
            for (anchor, _n), page in zip(appendix.page_anchors, appendix.pages, strict=True):
                sources[anchor] = page
    placements: dict[int, PageObject] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in sources:
                placements[index] = sources[anchor]
    pdf = bytes(document.write_pdf(**PDF_OPTIONS))
    return place_pages(pdf, placements, APPENDED_BOX) if placements else pdf
