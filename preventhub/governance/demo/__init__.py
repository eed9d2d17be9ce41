"""The governance demo: the seed documents' story told in the fictional borough of Northbridge.

Full Council's motion (July 2015) → the working group agreed in principle and its terms of
reference version 1 (November 2015) → the Prevent lead's report, its implications verified by three
officers → the committee meeting with its questions and four resolutions, terms of reference
version 2 → the seat allocation for 2016/17 and the nominations → the working group's first meeting.

Called by ``manage.py seed_demo`` after the directory and accounts demos (their people, wards,
municipal years and logins are in ``demo``). Every step goes through the governance services, as
the person who would do it, so the audit trail reads as the story; each step first looks for what
it would make, so running the demo twice changes nothing.
"""

from __future__ import annotations

from preventhub.core.seeding import Demo

from .bodies import seed_bodies
from .committee import seed_committee
from .council import seed_full_council
from .people import seed_people
from .report import seed_report
from .seats import seed_seats
from .working_group import seed_first_meeting, seed_follow_up


def seed(demo: Demo) -> None:
    seed_people(demo)
    seed_bodies(demo)
    seed_full_council(demo)
    report = seed_report(demo, demo["terms:v1"])
    resolutions = seed_committee(demo, report)
    seed_follow_up(demo, resolutions)
    seed_seats(demo)
    seed_first_meeting(demo)
