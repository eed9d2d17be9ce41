"""What lists sort and pickers search by is indexed (people by name had no index)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def _indexes(table: str) -> dict[str, list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return {name: info["columns"] for name, info in constraints.items() if info["index"]}


@pytest.mark.parametrize(
    ("table", "name", "columns"),
    [
        ("directory_person", "person_name", ["name", "id"]),
        ("directory_person", "person_organisation_name", ["organisation_id", "name"]),
        ("governance_meeting", "meeting_date", ["starts_at"]),
        ("governance_decision", "decision_date", ["decided_on", "id"]),
        ("governance_report", "report_created", ["created_at"]),
    ],
)
def test_lists_have_an_index_on_what_they_sort_by(table, name, columns):
    assert _indexes(table).get(name) == columns


def test_organisations_and_wards_are_sorted_by_a_unique_indexed_name():
    for table in ("directory_organisation", "directory_ward"):
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, table)
        assert any(c["unique"] and c["columns"] == ["name"] for c in constraints.values())
