"""Test helpers: reading a rendered form back, and bulk rows for query budgets."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from typing import Any

from preventhub.directory.models import MunicipalYear, Organisation, Person, Sector, Ward


def error_summary(response: Any) -> list[str]:
    """The messages in the page's GOV.UK error summary, in order ([] when there is none)."""
    html = response.content.decode()
    match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    if not match:
        return []
    items = re.findall(r"<li>(.*?)</li>", match.group(0), re.S)
    return [unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def input_value(response: Any, name: str) -> str | None:
    """The value a text or hidden input called ``name`` shows (None if there is no such input)."""
    html = response.content.decode()
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if not tag:
        return None
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else ""


def textarea_value(response: Any, name: str) -> str | None:
    html = response.content.decode()
    match = re.search(
        rf'<textarea[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</textarea>', html, re.S
    )
    return unescape(match.group(1)).strip() if match else None


def selected_option(response: Any, name: str) -> str | None:
    """The chosen value of a select, or the public id a picker (core/pickers.py) holds."""
    html = response.content.decode()
    select = re.search(rf'<select[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    if not select:
        return input_value(response, f"{name}-id") or None
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return unescape(chosen.group(1)) if chosen else None


def bulk_organisations(count: int, *, prefix: str = "Organisation") -> list[Organisation]:
    sectors = [value for value, _ in Sector.choices]
    return Organisation.objects.bulk_create(
        Organisation(
            name=f"{prefix} {n:05d}",
            sector=sectors[n % len(sectors)],
            is_specified_authority=n % 2 == 0,
        )
        for n in range(count)
    )


def bulk_people(count: int, organisations: list[Organisation]) -> list[Person]:
    return Person.objects.bulk_create(
        Person(
            name=f"Person {n:05d}",
            job_title="Safeguarding lead",
            email=f"person{n}@example.org",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(count)
    )


def bulk_wards(count: int) -> list[Ward]:
    return Ward.objects.bulk_create(
        Ward(name=f"Ward {n:05d}", code=f"E05{n:06d}") for n in range(count)
    )


def bulk_municipal_years(count: int) -> list[MunicipalYear]:
    return MunicipalYear.objects.bulk_create(
        MunicipalYear(
            label=f"{1000 + n}/{(1001 + n) % 100:02d}",
            starts_on=dt.date(1000 + n, 5, 20),
            ends_on=dt.date(1001 + n, 5, 19),
        )
        for n in range(count)
    )
