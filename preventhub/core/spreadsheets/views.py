"""Import pages: upload, choose the columns, check (preview and errors) and import.

Only holders of the list's manage capability reach them (an audited 404 for anyone else), and an
upload is seen only by the person who made it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from preventhub.core.models import ImportStatus, SpreadsheetImport
from preventhub.core.pages import form_page, refuse
from preventhub.core.policies import Action

from . import services
from .engine import ImportRefused, Outcome
from .forms import ColumnsForm, UploadForm, column_label
from .policies import imports
from .sheets import Sheet, sheet_for

T = "core/imports"


def _sheet(request: HttpRequest, kind: str) -> Sheet:
    sheet = sheet_for(kind)
    if sheet is None or not sheet.can_import(request.user):
        raise refuse(request, f"import {kind}")
    return sheet


def _scope(request: HttpRequest, sheet: Sheet, public_id: Any) -> Any:
    if sheet.scope_noun is None:
        return None
    scope = sheet.find_scope(request.user, public_id) if public_id else None
    if scope is None:
        raise refuse(request, f"import {sheet.kind} into {sheet.scope_noun}")
    return scope


def _uuid(value: str | None) -> UUID | None:
    try:
        return UUID(value or "")
    except ValueError:
        return None


def _record(request: HttpRequest, public_id: UUID) -> tuple[SpreadsheetImport, Sheet, Any]:
    record = imports.get_or_404(request, Action.CHANGE, public_id=public_id)
    sheet = _sheet(request, record.kind)
    return record, sheet, _scope(request, sheet, record.scope_id)


def _context(sheet: Sheet, scope: Any, **extra: Any) -> dict[str, Any]:
    return {
        "sheet": sheet,
        "scope": scope,
        "scope_text": sheet.describe_scope(scope),
        "back": sheet.done_url(scope),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, kind: str) -> HttpResponse:
    sheet = _sheet(request, kind)
    wanted = request.POST.get("scope") or request.GET.get(sheet.scope_noun or "scope")
    scope = _scope(request, sheet, _uuid(wanted))
    return form_page(
        request,
        UploadForm,
        template=f"{T}/upload.html",
        files=True,
        save=lambda form: services.upload_spreadsheet(
            actor=request.user, sheet=sheet, upload=form.cleaned_data["file"], scope=scope
        ),
        success=lambda record: reverse("core:import_columns", args=[record.public_id]),
        context=_context(sheet, scope, columns=sheet.importable()),
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_columns(request: HttpRequest, public_id: UUID) -> HttpResponse:
    record, sheet, scope = _record(request, public_id)
    if record.status == ImportStatus.IMPORTED:
        return redirect(sheet.done_url(scope))
    return form_page(
        request,
        ColumnsForm,
        template=f"{T}/columns.html",
        form_kwargs={"sheet": sheet, "headers": record.headers},
        initial={f"column_{i}": key for i, key in enumerate(record.mapping)},
        save=lambda form: services.choose_columns(
            actor=request.user, sheet=sheet, record=record, mapping=form.mapping(), scope=scope
        ),
        success=reverse("core:import_check", args=[record.public_id]),
        context=_context(sheet, scope, record=record),
    )


def _check_context(sheet: Sheet, scope: Any, record: SpreadsheetImport, outcome: Outcome) -> Any:
    headers = [sheet.column(key).header for key in record.mapping if key]
    firsts: set[int] = set()
    rows = []
    for error in outcome.errors:
        rows.append({"error": error, "anchor": error.anchor if error.row not in firsts else ""})
        firsts.add(error.row)
    summary = [{"text": e.text, "href": f"#{e.anchor}"} for e in outcome.errors]
    ignored = [
        column_label(i, h)
        for i, (h, key) in enumerate(zip(record.headers, record.mapping, strict=False))
        if not key
    ]
    return _context(
        sheet,
        scope,
        record=record,
        outcome=outcome,
        preview_headers=headers,
        error_rows=rows,
        errors=summary,
        ignored=ignored,
        more_errors=outcome.error_count - len(outcome.errors),
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_check(request: HttpRequest, public_id: UUID) -> HttpResponse:
    record, sheet, scope = _record(request, public_id)
    if record.status == ImportStatus.UPLOADED:
        return redirect("core:import_columns", public_id=record.public_id)
    if record.status == ImportStatus.IMPORTED:
        return redirect(sheet.done_url(scope))
    outcome = Outcome.from_json(record.outcome)
    if request.method == "POST" and not outcome.error_count:
        try:
            done = services.run_import(actor=request.user, sheet=sheet, record=record, scope=scope)
        except ImportRefused as refused:
            outcome = refused.outcome
        else:
            messages.success(request, _done_message(sheet, done))
            return redirect(sheet.done_url(scope))
    return render(request, f"{T}/check.html", _check_context(sheet, scope, record, outcome))


def _done_message(sheet: Sheet, outcome: Outcome) -> str:
    parts = []
    if outcome.created:
        parts.append(f"{outcome.created:,} added")
    if outcome.updated:
        parts.append(f"{outcome.updated:,} updated")
    counted = " and ".join(parts) if parts else "nothing changed"
    return f"The spreadsheet has been imported: {sheet.noun_plural} {counted}."
