"""The audit viewer: list with filters, one event, CSV export and a chain check, for auditors only.

Every use of these pages is itself written to the trail: who looked, with which filters, what they
exported and how many rows.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import wraps
from itertools import batched
from typing import Any, TypedDict

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from preventhub.audit import registry
from preventhub.audit.models import AuditChainHead, AuditEvent, ChainCheck
from preventhub.audit.services import record_event
from preventhub.audit.tasks import request_chain_check
from preventhub.core.forms import error_list

from .forms import LONDON, AuditFilterForm, object_type_choices
from .policies import audit_events, audit_events_visible_to, can_view_audit
from .visibility import HIDDEN, ValueMask, masked_changes

PAGE_SIZE = 50
EXPORT_CHUNK = 2000


class _Target(TypedDict):
    object_type: str
    object_repr: str


TRAIL: _Target = {"object_type": "audit.auditevent", "object_repr": "Audit trail"}


def auditors_only[R: HttpResponseBase](view: Callable[..., R]) -> Callable[..., R]:
    """Anyone else gets the ordinary 404, and the attempt is recorded: probing the audit trail is
    exactly what an auditor will want to know about."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> R:
        if not can_view_audit(request.user):
            record_event(
                actor=request.user,
                action="access.denied",
                **TRAIL,
                changes={"action": [None, "view"], "path": [None, request.path]},
            )
            raise Http404("No audit trail found.")
        return view(request, *args, **kwargs)

    return wrapper


def _as_changes(values: dict[str, Any]) -> dict[str, list[Any]]:
    return {name: [None, value] for name, value in values.items()}


def _cursor(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() and 0 < int(value) < 2**63 else None


@dataclass
class ListedEvent:
    """One row of the list: the event, its labels, and its record's description (or ``HIDDEN``)."""

    event: AuditEvent
    action_label: str
    type_label: str
    record: str


def _listed(viewer: Any, events: list[AuditEvent]) -> list[ListedEvent]:
    mask = ValueMask.of_events(viewer, events)  # one query per restricted record type on the page
    types = dict(object_type_choices())
    return [
        ListedEvent(
            event=event,
            action_label=registry.label_for(event.action),
            type_label=types.get(event.object_type, event.object_type),
            record=HIDDEN if mask.hides(event) else event.object_repr,
        )
        for event in events
    ]


@dataclass
class Page:
    events: list[AuditEvent]
    newer: int | None  # ``after`` cursor for the page of newer events, if there is one
    older: int | None  # ``before`` cursor for the page of older events, if there is one


def _keyset_page(qs: QuerySet[AuditEvent], before: int | None, after: int | None) -> Page:
    """One page of events newest first, found by ``seq`` rather than OFFSET and without COUNT, so
    the cost is the same on page 1 and page 20,000 of a trail with millions of events."""
    if after is not None:
        rows = list(qs.filter(seq__gt=after).order_by("seq")[: PAGE_SIZE + 1])
        more_newer = len(rows) > PAGE_SIZE
        events = rows[:PAGE_SIZE][::-1]
        more_older = bool(events) and qs.filter(seq__lt=events[-1].seq).exists()
    else:
        base = qs.filter(seq__lt=before) if before is not None else qs
        rows = list(base.order_by("-seq")[: PAGE_SIZE + 1])
        more_older = len(rows) > PAGE_SIZE
        events = rows[:PAGE_SIZE]
        more_newer = (
            before is not None and bool(events) and qs.filter(seq__gt=events[0].seq).exists()
        )
    return Page(
        events=events,
        newer=events[0].seq if more_newer else None,
        older=events[-1].seq if more_older else None,
    )


@never_cache
@login_required
@auditors_only
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    page, rows = None, []
    before, after = _cursor(request, "before"), _cursor(request, "after")
    if form.is_valid():
        qs = form.filter(
            audit_events_visible_to(request.user).select_related("actor"), request.user
        )
        page = _keyset_page(qs, before, after)
        rows = _listed(request.user, page.events)
        cursor = {"before": before} if before else {"after": after} if after else {}
        record_event(
            actor=request.user,
            action="audit.viewed",
            **TRAIL,
            changes=_as_changes({**form.filters_used(), **cursor}),
        )
    return render(
        request,
        "audit/event_list.html",
        {
            "form": form,
            "errors": error_list(form),
            "date_fields": form.date_fields(),
            "page": page,
            "rows": rows,
            "filtered": bool(form.is_valid() and form.filters_used()),
        },
    )


def _display(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _change_rows(changes: Any) -> list[dict[str, str]]:
    if not isinstance(changes, dict):
        return [{"field": "(changes)", "before": "", "after": _display(changes)}]
    rows = []
    # Sorted by field: PostgreSQL's jsonb does not keep the order the fields were written in.
    for name, pair in sorted(changes.items()):
        if isinstance(pair, list) and len(pair) == 2:
            before, after = pair
        else:  # not in the [old, new] shape record_event writes; show it as it is
            before, after = None, pair
        rows.append({"field": str(name), "before": _display(before), "after": _display(after)})
    return rows


@never_cache
@login_required
@auditors_only
@require_GET
def event_detail(request: HttpRequest, seq: int) -> HttpResponse:
    visible = audit_events_visible_to(request.user).select_related("actor")
    event = audit_events.get_or_404(request, queryset=visible, seq=seq)
    record_event(
        actor=request.user,
        action="audit.event_viewed",
        object_type="audit.auditevent",
        object_id=str(event.seq),
        object_repr=f"Audit event #{event.seq}",
    )
    hidden = ValueMask.of_events(request.user, [event]).hides(event)
    return render(
        request,
        "audit/event_detail.html",
        {
            "event": event,
            "hidden": hidden,
            "record": HIDDEN if hidden else event.object_repr,
            "action_label": registry.label_for(event.action),
            "type_label": dict(object_type_choices()).get(event.object_type, event.object_type),
            "change_rows": _change_rows(masked_changes(event.changes) if hidden else event.changes),
        },
    )


# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_HEADER = [
    "Sequence",
    "When (Europe/London)",
    "Person",
    "Action",
    "Action code",
    "Record type",
    "Record ID",
    "Record",
    "Changes",
    "Request ID",
    "IP address",
    "Previous hash",
    "Hash",
]


def safe_cell(value: Any) -> str:
    text = _display(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _csv_row(event: AuditEvent, hidden: bool) -> list[str]:
    return [
        safe_cell(value)
        for value in (
            event.seq,
            timezone.localtime(event.occurred_at, LONDON).isoformat(timespec="seconds"),
            event.actor_label,
            registry.label_for(event.action),
            event.action,
            event.object_type,
            event.object_id,
            HIDDEN if hidden else event.object_repr,
            (masked_changes(event.changes) if hidden else event.changes) or "",
            event.request_id,
            event.ip_address,
            event.prev_hash,
            event.hash,
        )
    ]


class _Echo:
    """A file-like object whose write returns the line, so csv.writer feeds a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_lines(viewer: Any, events: Iterator[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte-order mark makes Excel read the file as UTF-8 rather than the Windows code page.
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    for batch in batched(events, EXPORT_CHUNK):
        mask = ValueMask.of_events(viewer, batch)  # one query per restricted record type per batch
        for event in batch:
            yield writer.writerow(_csv_row(event, mask.hides(event)))


@never_cache
@login_required
@auditors_only
@reauthentication_required
@require_GET
def export(request: HttpRequest) -> HttpResponseBase:
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return redirect(f"{reverse('audit:event_list')}?{request.GET.urlencode()}")
    # Fix the set of rows before recording the export, so the row count in the audit event is
    # exactly what the file holds (the export's own event, and any written meanwhile, are not).
    last_seq = AuditChainHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0
    qs = (
        form.filter(audit_events_visible_to(request.user), request.user)
        .filter(seq__lte=last_seq)
        .order_by("seq")
    )
    rows = qs.count()
    # Recorded before the first byte is sent: a download abandoned half-way has still been audited.
    record_event(
        actor=request.user,
        action="audit.exported",
        **TRAIL,
        changes=_as_changes({**form.filters_used(), "rows": rows}),
    )
    filename = f"audit-trail-{timezone.localdate(timezone=LONDON).isoformat()}.csv"
    response = StreamingHttpResponse(
        _csv_lines(request.user, qs.iterator(chunk_size=EXPORT_CHUNK)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@auditors_only
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """GET shows the latest check; POST asks the task worker for a new one (the check reads every
    event, too long for a request) and comes back here."""
    if request.method == "POST":
        _, queued = request_chain_check(actor=request.user)
        messages.success(
            request,
            "The check has started. Refresh this page to see the result."
            if queued
            else "A check is already running. Refresh this page to see the result.",
        )
        return redirect("audit:verify")
    latest = ChainCheck.objects.select_related("requested_by").first()
    return render(request, "audit/verify.html", {"check": latest})
