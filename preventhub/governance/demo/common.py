"""What every part of the governance demo shares: dates in the borough's time, the people who act,
and the small "do it once" checks that make the demo idempotent.

The story happened in 2015-16, so the services' own clocks (``timezone.now()``) would stamp a
few facts with today's date; where a service takes the date (``today=``, ``now=``, ``agreed_on``)
the demo passes the historical one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from preventhub.accounts.roles import Role
from preventhub.core.seeding import Demo

# The municipal year the working group starts in: "the new municipal year" (report, 1.2).
NEW_YEAR_STARTS = dt.date(2016, 5, 18)
NEW_YEAR_ENDS = dt.date(2017, 5, 17)
ANNUAL_COUNCIL_2015 = dt.date(2015, 5, 21)
TOWN_HALL = "Northbridge Town Hall"


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in the borough's own time (Europe/London)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def clerk(demo: Demo) -> Any:
    """Democratic services (Grace Whitfield) do most of the governance work."""
    return demo[f"user:{Role.DEMOCRATIC_SERVICES}"]


def prevent_lead(demo: Demo) -> Any:
    """The Prevent lead (Priya Shah) drafts the report."""
    return demo[f"user:{Role.PREVENT_LEAD}"]


def person(demo: Demo, name: str) -> Any:
    """A directory person: an officer from the directory demo or a councillor from this one."""
    return demo[f"person:{name}"]
