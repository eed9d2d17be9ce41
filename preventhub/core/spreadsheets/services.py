"""Audited steps of an import: upload (the file checked and stored, its header row found), choose
the columns (remembered for next time, then pass 1), and import (pass 2, all or nothing)."""

from __future__ import annotations

import os
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from preventhub.audit.services import record_event
from preventhub.core.models import ImportMapping, ImportStatus, SpreadsheetImport
from preventhub.core.uploads import refuse_active_content

from . import audit_actions as codes
from . import engine
from .parsers import words
from .readers import UnreadableFile, read_rows
from .sheets import Sheet

MAX_BYTES = 20 * 1024 * 1024
TYPES_MESSAGE = "The selected file must be a CSV or an Excel spreadsheet (.xlsx)"
_ZIP = b"PK\x03\x04"


def check_upload(upload: UploadedFile) -> str:
    """The file's extension, or a GOV.UK-worded ``ValidationError``: CSV or XLSX only, not empty,
    under 20MB, contents matching the name, no macros."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    if size > MAX_BYTES:
        raise ValidationError("The selected file must be smaller than 20MB", code="too_big")
    extension = os.path.splitext(upload.name or "")[1].lower().lstrip(".")
    if extension in {"xlsm", "xls", "xlsb"}:
        raise ValidationError(
            "The selected file must be saved as an Excel workbook (.xlsx) without macros, or as "
            "a CSV",
            code="type",
        )
    if extension not in {"csv", "xlsx"}:
        raise ValidationError(TYPES_MESSAGE, code="type")
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if (extension == "xlsx") != head.startswith(_ZIP):
        kind = "Excel spreadsheet" if extension == "xlsx" else "CSV"
        raise ValidationError(
            f"The selected file is not a real {kind}: its contents do not match its name. "
            f"{TYPES_MESSAGE}",
            code="contents",
        )
    refuse_active_content(upload, extension)
    return extension


def _scan(sheet: Sheet, file: IO[bytes], extension: str) -> tuple[int, list[str]]:
    try:
        found = engine.find_header(read_rows(file, extension), sheet)
    except UnreadableFile as exc:
        raise ValidationError(str(exc), code="unreadable") from exc
    if found is None:
        raise ValidationError(
            "The selected file has no row of column headings in its first 30 rows: add one "
            "above the first row of data",
            code="no_header",
        )
    return found


def remembered_mapping(sheet: Sheet, user: Any, headers: list[str]) -> list[str] | None:
    saved = ImportMapping.objects.filter(
        kind=sheet.kind, user=user, signature=engine.signature(headers)
    ).first()
    if saved is None:
        return None
    keys = {c.key for c in sheet.importable()}
    return [k if (k := saved.columns.get(words(h), "")) in keys else "" for h in headers]


def upload_spreadsheet(
    *, actor: Any, sheet: Sheet, upload: UploadedFile, scope: Any = None
) -> SpreadsheetImport:
    if not sheet.can_import(actor):
        raise PermissionDenied
    extension = check_upload(upload)
    header_row, headers = _scan(sheet, upload, extension)
    upload.seek(0)
    remembered = remembered_mapping(sheet, actor, headers)
    record = SpreadsheetImport(
        kind=sheet.kind,
        scope_id=getattr(scope, "public_id", None),
        uploaded_by=actor,
        filename=os.path.basename(upload.name or "")[:255],
        extension=extension,
        header_row=header_row,
        headers=headers,
        mapping=remembered or engine.suggest(sheet, headers),
        remembered=remembered is not None,
    )
    with transaction.atomic():
        record.file.save(f"{record.public_id}.{extension}", upload, save=False)
        record.save()
        record_event(
            actor=actor,
            action=codes.UPLOADED,
            obj=record,
            changes={"kind": [None, sheet.kind], "file": [None, record.filename]},
        )
    return record


def _opener(record: SpreadsheetImport) -> engine.Opener:
    def open_file() -> IO[bytes]:
        return record.file.storage.open(record.file.name or "", "rb")

    return open_file


def choose_columns(
    *, actor: Any, sheet: Sheet, record: SpreadsheetImport, mapping: list[str], scope: Any
) -> engine.Outcome:
    """Keep the mapping (and remember it for the layout), then check every row (pass 1)."""
    if record.uploaded_by_id != actor.pk or record.status == ImportStatus.IMPORTED:
        raise PermissionDenied
    ImportMapping.objects.update_or_create(
        kind=sheet.kind,
        user=actor,
        signature=engine.signature(record.headers),
        defaults={"columns": {words(h): k for h, k in zip(record.headers, mapping, strict=True)}},
    )
    outcome = check(sheet=sheet, record=record, mapping=mapping, actor=actor, scope=scope)
    record.mapping = mapping
    record.status = ImportStatus.CHECKED
    record.outcome = outcome.as_json()
    record.save(update_fields=["mapping", "status", "outcome", "updated_at"])
    return outcome


def check(
    *, sheet: Sheet, record: SpreadsheetImport, mapping: list[str], actor: Any, scope: Any
) -> engine.Outcome:
    return engine.check_file(
        sheet,
        _opener(record),
        record.extension,
        header_row=record.header_row,
        headers=record.headers,
        mapping=mapping,
        actor=actor,
        scope=scope,
    )


def run_import(
    *, actor: Any, sheet: Sheet, record: SpreadsheetImport, scope: Any
) -> engine.Outcome:
    """Pass 2: every row or none, audited as one event with the counts. The stored file is
    deleted once the rows are in (after commit); a refused import keeps it, to try again."""
    if not sheet.can_import(actor) or record.uploaded_by_id != actor.pk:
        raise PermissionDenied
    if record.status != ImportStatus.CHECKED:
        raise ValidationError("Choose the columns to import first", code="not_checked")

    def audit(outcome: engine.Outcome) -> None:
        record.status = ImportStatus.IMPORTED
        record.outcome = outcome.as_json()
        record.save(update_fields=["status", "outcome", "updated_at"])
        record_event(
            actor=actor,
            action=codes.IMPORTED,
            obj=record,
            changes={
                "kind": [None, sheet.kind],
                "file": [None, record.filename],
                "rows": [None, outcome.rows],
                "created": [None, outcome.created],
                "updated": [None, outcome.updated],
                **({"into": [None, str(record.scope_id)]} if record.scope_id else {}),
            },
        )
        name = record.file.name or ""
        storage = record.file.storage
        transaction.on_commit(lambda: storage.delete(name))

    try:
        return engine.import_file(
            sheet,
            _opener(record),
            record.extension,
            header_row=record.header_row,
            headers=record.headers,
            mapping=record.mapping,
            actor=actor,
            scope=scope,
            after=audit,
        )
    except engine.ImportRefused as refused:
        record.outcome = refused.outcome.as_json()
        record.save(update_fields=["outcome", "updated_at"])
        raise
