"""Audit codes of spreadsheet imports and exports (registered when core is ready)."""

from __future__ import annotations

from preventhub.audit.registry import register

UPLOADED = register("spreadsheet.uploaded", "Spreadsheet uploaded for import")
IMPORTED = register("spreadsheet.imported", "Spreadsheet imported")
EXPORTED = register("spreadsheet.exported", "List exported as a spreadsheet")
