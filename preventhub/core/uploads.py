"""Refusing uploads that carry active content: PDFs with JavaScript, launch actions or embedded
files, and Office files with macros. Shared by every upload check (report appendices today), so a
new module's FileField calls ``refuse_active_content`` after checking the file's type.

A PDF is read twice: its raw bytes for the names that start scripts or carry files (``/JS``,
``/JavaScript``, ``/Launch``, ``/EmbeddedFile``, ``/EmbeddedFiles``), and, because those names can
hide inside compressed object streams or be written with ``#`` escapes, its parsed structure with
pypdf (the catalogue's names tree and open action, every page's and annotation's actions). An Office
file is a ZIP package: a macro-enabled one holds a ``vbaProject.bin`` part (or declares the
macro-enabled content type), and an old binary (OLE) file is refused outright.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO, Any

from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import DictionaryObject

PDF_MESSAGE = (
    "The selected file contains JavaScript, an action that opens other programs or files attached "
    "inside it. Save it again as a plain PDF (for example with ‘Print to PDF’) and upload that"
)
MACRO_MESSAGE = (
    "The selected file contains macros. Save it again as a Word document (.docx) or Excel "
    "spreadsheet (.xlsx) without macros and upload that"
)
_PDF_ACTIVE_NAMES = re.compile(
    rb"/(JS|JavaScript|Launch|EmbeddedFiles?|RichMedia)(?=[\s/<>\[\]()%]|$)"
)
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MACRO_CONTENT_TYPES = (b"macroEnabled", b"vbaProject")


def refuse_active_content(upload: IO[bytes], extension: str) -> None:
    """Raise a GOV.UK-worded ``ValidationError`` if the file carries scripts, macros or files."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if extension == "pdf" and _pdf_is_active(data, upload):
        raise ValidationError(PDF_MESSAGE, code="active_content")
    if extension in {"docx", "xlsx", "pptx", "doc", "xls"} and _office_has_macros(data, upload):
        raise ValidationError(MACRO_MESSAGE, code="macros")


def _pdf_is_active(data: bytes, upload: IO[bytes]) -> bool:
    if _PDF_ACTIVE_NAMES.search(data):
        return True
    try:
        return _parsed_pdf_is_active(upload)
    finally:
        upload.seek(0)


def _parsed_pdf_is_active(upload: IO[bytes]) -> bool:
    try:
        reader = PdfReader(upload)
        catalog = reader.trailer["/Root"].get_object()
        if not isinstance(catalog, DictionaryObject):
            return False
        names = catalog.get("/Names")
        names = names.get_object() if names is not None else None
        if isinstance(names, DictionaryObject) and (
            "/JavaScript" in names or "/EmbeddedFiles" in names
        ):
            return True
        if _is_active_action(catalog.get("/OpenAction")) or "/AA" in catalog:
            return True
        for page in reader.pages:
            if "/AA" in page:
                return True
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") == "/FileAttachment":
                    return True
                if _is_active_action(annotation.get("/A")) or "/AA" in annotation:
                    return True
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError):
        return False  # the type check already accepted it as a PDF; the byte scan still applied
    return False


def _is_active_action(action: Any) -> bool:
    if action is None:
        return False
    action = action.get_object()
    if isinstance(action, dict):
        if action.get("/S") in _ACTIVE_ACTIONS:
            return True
        following = action.get("/Next")
        if following is not None:
            items = following if isinstance(following, list) else [following]
            return any(_is_active_action(item) for item in items)
    return False


def _office_has_macros(data: bytes, upload: IO[bytes]) -> bool:
    if data.startswith(_OLE_SIGNATURE):
        return True  # an old binary Office file: it can carry VBA and cannot be checked cheaply
    try:
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return True
            if "[Content_Types].xml" in names:
                declared = package.read("[Content_Types].xml")
                return any(marker in declared for marker in _MACRO_CONTENT_TYPES)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False
    finally:
        upload.seek(0)
    return False
