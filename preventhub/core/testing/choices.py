"""Counting the choices a page renders, and inflating the records a picker chooses from past what
any list of options may hold (see tests/test_option_cap.py)."""

from __future__ import annotations

import re
import uuid
from typing import Any

MAX_CHOICES = 100  # no page renders more options or radios than this, at any scale

_OPTION = re.compile(r"<option\b", re.I)
_RADIO = re.compile(r"<input\b[^>]*\btype=\"radio\"", re.I)


def count_choices(html: str) -> int:
    """The ``<option>`` elements and radio inputs in ``html``."""
    return len(_OPTION.findall(html)) + len(_RADIO.findall(html))


def inflate(rows: int) -> None:
    """Add ``rows`` organisations, people, wards and councillors (each past MAX_CHOICES), named so
    that a search for "Inflated" matches them all."""
    from preventhub.directory.models import Organisation, Person, Sector, Ward
    from preventhub.governance.models import Councillor

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


def persona_for(allowed: Any, preference: tuple[str, ...]) -> str | None:
    """The first persona in ``preference`` that ``allowed`` lets in (None if none)."""
    return next((persona for persona in preference if persona in allowed), None)
