"""The audit viewer's filters read the trail through indexes (the database's query plan says so,
on SQLite and on PostgreSQL), so a search that matches nothing costs the same on a million events
as on a thousand; the description search reads a bounded window and never reveals what a hidden
record's description contains."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from preventhub.accounts.audit_viewer import forms
from preventhub.accounts.audit_viewer.forms import AuditFilterForm
from preventhub.accounts.audit_viewer.views import PAGE_SIZE
from preventhub.audit.models import AuditEvent

from .conftest import change_exempt_report

SEQ = "the unique index on seq"  # its name is the database's own: looked up in _index_names

# Each filter, and the index its page of the newest events is read through.
FILTERS = {
    "person": ({"person": "nobody-at-all"}, "audit_actor_label_seq"),
    "action": ({"action": "auth.login_failed"}, "audit_action_seq"),
    "type of record": ({"object_type": "directory.person"}, "audit_object_type_seq"),
    "record id": ({"object_id": "0f3c5b1e-0000-4000-8000-000000000000"}, "audit_object_id_seq"),
    "dates": ({"from_day": "1", "from_month": "3", "from_year": "2026"}, SEQ),
    "description": ({"q": "no such words"}, SEQ),
    "type and dates": (
        {"object_type": "accounts.user", "to_day": "1", "to_month": "3", "to_year": "2026"},
        "audit_object_type_seq",
    ),
}


def _plan(params: dict[str, str], viewer) -> str:
    """The plan of the audit list's query. On PostgreSQL sequential scans are priced out for this
    transaction only: with 50 events the planner would rightly read the whole small table, and
    the question is whether an index can serve the filter, as it must at a million events."""
    form = AuditFilterForm(params)
    assert form.is_valid(), form.errors
    page = form.filter(AuditEvent.objects.all(), viewer).order_by("-seq")[: PAGE_SIZE + 1]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    return page.explain()


def _seq_index() -> str:
    """The name the database gave the unique index on ``seq``."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_auditevent'"
                " AND indexdef LIKE 'CREATE UNIQUE INDEX %%(seq)'"
            )
            return cursor.fetchone()[0]
        cursor.execute("PRAGMA index_list('audit_auditevent')")
        for _, name, unique, *_ in cursor.fetchall():
            cursor.execute(f"PRAGMA index_info('{name}')")
            if unique and [row[2] for row in cursor.fetchall()] == ["seq"]:
                return name
    raise AssertionError("no unique index on seq")


def _assert_reads_only_through_indexes(plan: str) -> None:
    """No step of the plan reads the whole trail."""
    if connection.vendor == "postgresql":
        assert "Seq Scan on audit_auditevent" not in plan, plan
        # An index scan with no condition walks the whole index (a filtered full read): every
        # index step must seek ("Index Cond").
        steps = re.split(r"\n\s*->\s*", plan)
        for step in steps:
            if re.match(r"(Bitmap )?Index (Only )?Scan", step.lstrip()):
                assert "Index Cond:" in step, plan
        return
    trail_lines = [line for line in plan.splitlines() if "audit_auditevent" in line]
    assert trail_lines, plan
    for line in trail_lines:
        # "SEARCH ... USING INDEX" seeks into an index; a bare "SCAN audit_auditevent" reads
        # every event.
        assert re.search(r"SEARCH audit_auditevent USING (COVERING )?INDEX", line), plan
        assert not re.search(r"SCAN audit_auditevent(?! USING)", line), plan


@pytest.mark.parametrize("name", list(FILTERS))
def test_each_filter_reads_the_trail_through_its_index(trail, auditor, name):
    trail(50)
    params, index = FILTERS[name]
    plan = _plan(params, auditor)
    _assert_reads_only_through_indexes(plan)
    assert (_seq_index() if index == SEQ else index) in plan, plan


def test_a_search_for_a_person_who_did_nothing_never_scans_the_trail(trail, auditor):
    trail(50)
    plan = _plan({"person": "nobody-at-all"}, auditor)
    _assert_reads_only_through_indexes(plan)
    assert "audit_actor_label_seq" in plan, plan


def test_a_search_for_a_person_seeks_both_their_events_and_those_under_their_address(
    trail, auditor
):
    trail(50)
    plan = _plan({"person": auditor.email}, auditor)
    _assert_reads_only_through_indexes(plan)
    assert "audit_actor_seq" in plan and "audit_actor_label_seq" in plan, plan


def test_the_description_search_reads_only_the_newest_window_of_events(trail, auditor, monkeypatch):
    old = trail(5, object_repr="Northbridge Academy")
    new = trail(5, object_repr="Northbridge Academy")
    monkeypatch.setattr(forms, "SEARCH_WINDOW", 5)
    form = AuditFilterForm({"q": "academy"})
    assert form.is_valid()
    found = set(form.filter(AuditEvent.objects.all(), auditor).values_list("seq", flat=True))
    assert found == {event.seq for event in new}
    assert not found & {event.seq for event in old}


def test_searching_descriptions_does_not_reveal_a_hidden_record_s_title(auditor, prevent_lead):
    change_exempt_report(prevent_lead)
    form = AuditFilterForm({"q": "kestrel"})
    assert form.is_valid()

    assert not form.filter(AuditEvent.objects.all(), auditor).exists()


def test_an_auditor_who_may_see_the_record_finds_it_by_its_description(
    auditor_with_exempt_access, prevent_lead
):
    event = change_exempt_report(prevent_lead)
    form = AuditFilterForm({"q": "kestrel"})
    assert form.is_valid()
    found = form.filter(AuditEvent.objects.all(), auditor_with_exempt_access)
    assert list(found.values_list("seq", flat=True)) == [event.seq]
