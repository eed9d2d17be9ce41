"""Reading generated PDFs back in tests: text, tagging and PDF/UA identification."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


@dataclass(frozen=True)
class PdfFacts:
    text: str
    tagged: bool
    has_structure_tree: bool
    language: str | None
    title: str | None
    pdf_ua: bool


def inspect_pdf(content: bytes) -> PdfFacts:
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    mark_info = root.get("/MarkInfo")
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode("utf-8", "replace") if metadata else ""
    return PdfFacts(
        text="\n".join(page.extract_text() or "" for page in reader.pages),
        tagged=bool(mark_info and mark_info.get_object().get("/Marked")),
        has_structure_tree="/StructTreeRoot" in root,
        language=str(root.get("/Lang")) if root.get("/Lang") else None,
        title=reader.metadata.title if reader.metadata else None,
        pdf_ua="pdfuaid" in xmp,
    )
