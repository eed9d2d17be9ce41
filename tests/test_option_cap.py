"""No page renders more than 100 options or radios, whatever the scale: every form page in the
permission matrix is rendered, as a persona allowed to use it, after the organisations, people,
wards and councillors have been inflated past 100 rows each (pickers, not selects)."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse

from preventhub.core.testing.choices import MAX_CHOICES, count_choices, persona_for
from preventhub.core.testing.matrix import ROLE_PERSONAS, collect_cases
from preventhub.directory.models import Organisation, Person, Sector, Ward
from preventhub.directory.testing import build_matrix_world
from preventhub.governance.models import Councillor

# Managers first: they see the most forms and the most records.
PREFERENCE = ("democratic_services", "prevent_lead", "administrator", *ROLE_PERSONAS)
PAGES = [case for case in collect_cases() if case.is_page and 200 in case.ok and not case.json]
# Choices that do not grow with the data, only with the code. The audit trail's action filter lists
# every registered action code (over 100 today, one more per audited action): it needs its own
# pattern (for example choosing the area first), which is the audit viewer's to give.
NOT_DATA = {"audit:event_list"}


@pytest.mark.django_db
def test_no_page_renders_more_than_100_options_or_radios_with_every_kind_inflated(client):
    world = build_matrix_world()
    inflate(MAX_CHOICES + 20)
    too_many: list[str] = []
    visited = 0
    for case in PAGES:
        persona = persona_for(case.allowed, PREFERENCE)
        if persona is None:
            continue
        client.force_login(getattr(world, persona))
        url = reverse(case.url_name, kwargs=case.kwargs(world) if case.kwargs else None)
        response = client.get(f"{url}?{case.query}" if case.query else url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        visited += 1
        count = count_choices(response.content.decode())
        if count > MAX_CHOICES and case.url_name not in NOT_DATA:
            too_many.append(f"{case.url_name} as {persona}: {count}")
    assert visited > 100, f"only {visited} pages were rendered"
    assert not too_many, "Pages with more than 100 options or radios:\n" + "\n".join(too_many)


def inflate(rows: int) -> None:
    """Add ``rows`` organisations, people, wards and councillors (each past MAX_CHOICES), named so
    that a search for "Inflated" matches them all."""
    tag = uuid.uuid4().hex[:6]
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Inflated organisation {tag} {n:04d}", sector=Sector.OTHER)
        for n in range(rows)
    )
    wards = Ward.objects.bulk_create(Ward(name=f"Inflated ward {tag} {n:04d}") for n in range(rows))
    people = Person.objects.bulk_create(
        Person(
            name=f"Inflated person {tag} {n:04d}",
            job_title="Officer",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(rows * 2)
    )
    Councillor.objects.bulk_create(
        Councillor(person=person, ward=wards[n % len(wards)], party="Independent")
        for n, person in enumerate(people[rows:])
    )


def test_count_choices_counts_options_and_radios_not_checkboxes():
    html = (
        '<select><option value="">x</option><option>y</option></select>'
        '<input type="radio" name="a"><input class="govuk-radios__input" id="b" type="radio">'
        '<input type="checkbox" name="c">'
    )
    assert count_choices(html) == 4
