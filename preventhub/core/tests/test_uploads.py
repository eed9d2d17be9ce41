"""Uploads with active content are refused with a clear message: PDFs with JavaScript, launch
actions or embedded files, and Office files with macros. The files are built here, small, real."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from preventhub.core.uploads import MACRO_MESSAGE, PDF_MESSAGE, refuse_active_content


def _pdf(change=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if change:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _javascript(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )


def _launch(writer: PdfWriter) -> None:
    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("calc.exe"),
        }
    )


def _office(parts: dict[str, bytes], main: str = "word/document.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml", b"<Types/>"))
        package.writestr(main, b"<document/>")
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def _refused(data: bytes, extension: str) -> str:
    with pytest.raises(ValidationError) as refused:
        refuse_active_content(io.BytesIO(data), extension)
    return refused.value.messages[0]


def test_a_plain_pdf_is_accepted():
    refuse_active_content(io.BytesIO(_pdf()), "pdf")


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(_javascript, id="javascript"),
        pytest.param(lambda w: w.add_attachment("payload.txt", b"hidden"), id="embedded-file"),
        pytest.param(_launch, id="open-action-launch"),
    ],
)
def test_a_pdf_with_active_content_is_refused(change):
    assert _refused(_pdf(change), "pdf") == PDF_MESSAGE


def test_a_pdf_whose_script_name_is_escaped_is_still_refused():
    # "/J#61vaScript" is /JavaScript to a PDF reader; only the parsed structure shows it.
    data = _pdf(_javascript).replace(b"/JavaScript", b"/J#61vaScript")
    data = data.replace(b"/JS", b"/J#53")
    assert b"/JavaScript" not in data and b"/JS" not in data
    assert _refused(data, "pdf") == PDF_MESSAGE


def test_a_plain_word_document_is_accepted():
    refuse_active_content(io.BytesIO(_office({})), "docx")


def test_a_word_document_with_a_vba_project_is_refused():
    data = _office({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macros"})
    assert _refused(data, "docx") == MACRO_MESSAGE


def test_a_workbook_declaring_the_macro_enabled_type_is_refused():
    types = (
        b"<Types><Override "
        b'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>'
    )
    data = _office({"[Content_Types].xml": types}, main="xl/workbook.xml")
    assert _refused(data, "xlsx") == MACRO_MESSAGE


def test_an_old_binary_office_file_is_refused():
    assert _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "doc") == MACRO_MESSAGE
