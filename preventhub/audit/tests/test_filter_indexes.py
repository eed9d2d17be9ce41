"""The audit viewer's filters read the trail through indexes (SQLite's query plan says so), so a
search that matches nothing costs the same on a million events as on a thousand; the description
search reads a bounded window and never reveals what a hidden record's description contains."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from preventhub.audit import forms
from preventhub.audit.forms import AuditFilterForm
from preventhub.audit.models import AuditEvent
from preventhub.audit.tests.conftest import change_exempt_report
from preventhub.audit.views import PAGE_SIZE

FILTERS = {
    "person": {"person": "nobody-at-all"},
    "action": {"action": "auth.login_failed"},
    "type of record": {"object_type": "directory.person"},
    "record id": {"object_id": "0f3c5b1e-0000-4000-8000-000000000000"},
    "dates": {"from_day": "1", "from_month": "3", "from_year": "2026"},
    "description": {"q": "no such words"},
    "type and dates": {
        "object_type": "accounts.user",
        "to_day": "1",
        "to_month": "3",
        "to_year": "2026",
    },
}


def _plan(params: dict[str, str], viewer) -> str:
    form = AuditFilterForm(params)
    assert form.is_valid(), form.errors
    page = form.filter(AuditEvent.objects.all(), viewer).order_by("-seq")[: PAGE_SIZE + 1]
    return page.explain()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's EXPLAIN QUERY PLAN")
@pytest.mark.parametrize("name", list(FILTERS))
def test_each_filter_reads_the_trail_through_an_index(trail, auditor, name):
    trail(50)
    plan = _plan(FILTERS[name], auditor)
    trail_lines = [line for line in plan.splitlines() if "audit_auditevent" in line]
    assert trail_lines, plan
    for line in trail_lines:
        # "SEARCH ... USING INDEX" seeks into an index; a bare "SCAN audit_auditevent" reads
        # every event.
        assert re.search(r"SEARCH audit_auditevent USING (COVERING )?INDEX", line), plan
        assert not re.search(r"SCAN audit_auditevent(?! USING)", line), plan


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's EXPLAIN QUERY PLAN")
def test_a_search_for_a_person_who_did_nothing_never_scans_the_trail(trail, auditor):
    trail(50)
    plan = _plan({"person": "nobody-at-all"}, auditor)
    assert "audit_actor_seq" in plan and "audit_actor_label_seq" in plan


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
