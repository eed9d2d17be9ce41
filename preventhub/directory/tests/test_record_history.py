"""The shared record-history helper (preventhub.core.history), exercised on directory records."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from preventhub.core.history import record_history
from preventhub.directory import services
from preventhub.directory.models import Sector


def test_a_new_record_has_one_created_entry_listing_what_it_was_created_with(prevent_lead):
    organisation = services.create_organisation(
        actor=prevent_lead,
        name="Northshire Police",
        sector=Sector.POLICE,
        is_specified_authority=True,
    )
    history = record_history(organisation)
    assert len(history.entries) == 1
    entry = history.entries[0]
    assert (entry.label, entry.who) == ("Created", "Priya Prevent")
    assert [(c.label, c.new) for c in entry.changes] == [
        ("Name", "Northshire Police"),
        ("Sector", "Police"),
        ("Specified authority", "Yes"),
    ]
    assert not history.has_older


def test_changes_are_newest_first_with_choices_and_booleans_in_words(prevent_lead, school):
    services.update_organisation(
        actor=prevent_lead,
        organisation=school,
        data={"sector": Sector.FURTHER_EDUCATION, "is_specified_authority": False},
        expected_version=1,
    )
    entry = record_history(school).entries[0]
    assert entry.label == "Changed"
    assert [(c.label, c.old, c.new) for c in entry.changes] == [
        ("Sector", "School", "Further education"),
        ("Specified authority", "Yes", "No"),
    ]


def test_only_the_newest_entries_are_listed_and_older_ones_are_flagged(prevent_lead, school):
    for n in range(4):
        services.update_organisation(
            actor=prevent_lead,
            organisation=school,
            data={"address": f"{n} Academy Way"},
            expected_version=school.version,
        )
    history = record_history(school, limit=3)
    assert len(history.entries) == 3
    assert history.has_older
    # The oldest entry shown still knows what it changed, from the row just before it.
    oldest = history.entries[-1].changes[0]
    assert (oldest.old, oldest.new) == ("0 Academy Way", "1 Academy Way")


def test_the_include_renders_old_and_new_values(prevent_lead, school):
    services.update_organisation(
        actor=prevent_lead,
        organisation=school,
        data={"name": "Northbridge Academy Trust"},
        expected_version=1,
    )
    html = render_to_string("core/includes/history.html", {"history": record_history(school)})
    assert "Changed by Priya Prevent" in html
    assert '<td class="govuk-table__cell">Northbridge Academy</td>' in html
    assert '<td class="govuk-table__cell">Northbridge Academy Trust</td>' in html


@pytest.mark.parametrize("versions", [3, 60])
def test_the_history_takes_the_same_queries_however_long_it_is(
    prevent_lead, school, college, django_assert_max_num_queries, versions
):
    person = services.create_person(actor=prevent_lead, name="Jo Lane", organisation=school)
    for n in range(versions):
        services.update_person(
            actor=prevent_lead,
            person=person,
            data={"organisation": college if n % 2 == 0 else school},
            expected_version=person.version,
        )
    # 2 queries: the newest 21 historical rows with their users, and the names of the
    # organisations those rows mention.
    with django_assert_max_num_queries(2):
        history = record_history(person)
    assert history.entries[0].changes[0].label == "Organisation"
