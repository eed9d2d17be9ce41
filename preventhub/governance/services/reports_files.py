"""Checking an uploaded appendix: its size, its name's extension and its contents.

The extension alone proves nothing (anyone can rename a file), so the first bytes are sniffed too:
a file is accepted only when its contents are the kind its name claims. Word and Excel files are
ZIP packages, told apart by the part every such package must contain. Only the ZIP's directory is
read, never its compressed contents, so a ZIP bomb is not expanded here.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError

from preventhub.core.uploads import refuse_active_content

MAX_APPENDIX_BYTES = 20 * 1024 * 1024
MAX_APPENDIX_LABEL = "20MB"

# Extension → (content type served, human name used in messages).
ALLOWED_TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word document (.docx)",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel spreadsheet (.xlsx)",
    ),
    "png": ("image/png", "PNG image"),
    "jpg": ("image/jpeg", "JPG image"),
    "jpeg": ("image/jpeg", "JPG image"),
}
TYPES_MESSAGE = (
    "The selected file must be a PDF, Word document (.docx), Excel spreadsheet (.xlsx), PNG or JPG"
)

_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
_ZIP_SIGNATURE = b"PK\x03\x04"
# The part that makes a ZIP package a Word document or an Excel workbook.
_PACKAGE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def content_type_for(name: str) -> str:
    return ALLOWED_TYPES.get(extension_of(name), ("application/octet-stream", ""))[0]


def _head(upload: IO[bytes], size: int = 16) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _is_package(upload: IO[bytes], part: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and part in names


def contents_match(upload: IO[bytes], extension: str) -> bool:
    """Whether the file's first bytes (and, for Office files, its package parts) are the kind its
    extension says."""
    head = _head(upload)
    if extension in _PACKAGE_PARTS:
        return head.startswith(_ZIP_SIGNATURE) and _is_package(upload, _PACKAGE_PARTS[extension])
    return any(head.startswith(signature) for signature in _SIGNATURES.get(extension, ()))


def check_appendix_file(upload: Any) -> str:
    """Raise a GOV.UK-worded ``ValidationError`` for a file that may not be an appendix; return its
    extension otherwise."""
    size = getattr(upload, "size", None) or 0
    if size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    if size > MAX_APPENDIX_BYTES:
        raise ValidationError(
            f"The selected file must be smaller than {MAX_APPENDIX_LABEL}", code="too_big"
        )
    extension = extension_of(getattr(upload, "name", ""))
    if extension not in ALLOWED_TYPES:
        raise ValidationError(TYPES_MESSAGE, code="type")
    if not contents_match(upload, extension):
        kind = ALLOWED_TYPES[extension][1]
        raise ValidationError(
            f"The selected file is not a real {kind}: its contents do not match its name. "
            f"{TYPES_MESSAGE}",
            code="contents",
        )
    refuse_active_content(upload, extension)
    return extension
