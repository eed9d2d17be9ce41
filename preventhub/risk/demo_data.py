"""The risk demo's content: Northbridge's risk register as its Prevent lead would write it.

Each risk: (title, type-of-concern code or None, theme, wards or None for borough-wide, sectors,
(inherent likelihood, impact), (residual likelihood, impact), owner, review date, trend, status,
OFFICIAL-SENSITIVE?).
"""

from __future__ import annotations

import datetime as dt

from preventhub.directory.models import Sector as S

from .models import RiskStatus as St
from .models import Trend as T

d = dt.date
RISKS = [
    ("Online radicalisation of young people through gaming and social media platforms",
     "mixed_unclear_unstable", "Online", None, [S.SCHOOL, S.FURTHER_EDUCATION],
     (4, 4), (3, 4), "Priya Shah", d(2027, 3, 31), T.RISING, St.OPEN, False),
    ("Extreme right-wing stickers and leaflets in the town centre", "extreme_right_wing",
     "Propaganda", ["Castle", "Millgate"], [S.LOCAL_AUTHORITY, S.POLICE],
     (4, 3), (3, 2), "DS Karen Lowe", d(2027, 1, 31), T.RISING, St.OPEN, False),
    ("Extremist speakers seeking to hire community venues", "islamist", "Venues", None,
     [S.VOLUNTARY_AND_COMMUNITY, S.LOCAL_AUTHORITY],
     (3, 4), (2, 3), "Helen Marsh", d(2027, 2, 28), T.STABLE, St.OPEN, True),
    ("Few Prevent referrals from primary schools", None, "Referral pathways", None, [S.SCHOOL],
     (3, 3), (2, 3), "Mark Bennett", d(2026, 9, 30), T.STABLE, St.OPEN, False),
    ("College students expressing support for proscribed groups", "mixed_unclear_unstable",
     "Further education", ["Eastfield"], [S.FURTHER_EDUCATION],
     (3, 4), (2, 4), "Aisha Karim", d(2027, 3, 31), T.STABLE, St.OPEN, True),
    ("People released from prison into the borough holding extremist views", "other",
     "Offender management", ["Dockside", "Riverside"], [S.PRISON, S.PROBATION],
     (2, 5), (2, 4), "DS Karen Lowe", d(2027, 4, 30), T.STABLE, St.OPEN, True),
    ("Community tensions after national incidents", None, "Cohesion", None,
     [S.LOCAL_AUTHORITY, S.POLICE, S.VOLUNTARY_AND_COMMUNITY],
     (4, 3), (3, 3), "Helen Marsh", d(2027, 1, 15), T.RISING, St.OPEN, False),
    ("Adults with mental health needs drawn to extremist material", "mixed_unclear_unstable",
     "Health", None, [S.NHS_TRUST, S.PRIMARY_CARE],
     (3, 4), (3, 3), "Dr Owen Price", d(2027, 2, 28), T.RISING, St.OPEN, False),
    ("Gaps in Prevent training for frontline council staff", None, "Training", None,
     [S.LOCAL_AUTHORITY], (4, 2), (2, 2), "Priya Shah", d(2026, 6, 30), T.FALLING, St.OPEN, False),
    ("Extreme right-wing group recruiting around football matches", "extreme_right_wing",
     "Recruitment", ["Northgate"], [S.POLICE],
     (3, 4), (3, 3), "DS Karen Lowe", d(2027, 3, 1), T.STABLE, St.OPEN, True),
    ("Unregistered out-of-school settings", None, "Education", ["Abbey", "Brookside"],
     [S.SCHOOL, S.LOCAL_AUTHORITY],
     (3, 3), (3, 2), "Priya Shah", d(2027, 5, 31), T.STABLE, St.OPEN, False),
    ("Animal rights activism aimed at a research site", "left_wing", "Single issue", ["Westmoor"],
     [S.POLICE, S.HIGHER_EDUCATION],
     (2, 3), (1, 3), "DS Karen Lowe", None, T.FALLING, St.TOLERATED, False),
    ("University events with speakers who may promote extremist views", "mixed_unclear_unstable",
     "Higher education", ["St Aidan's"], [S.HIGHER_EDUCATION],
     (3, 3), (2, 3), "Priya Shah", d(2027, 3, 31), T.STABLE, St.OPEN, False),
    ("Young people in the youth justice system exposed to extremist peers",
     "mixed_unclear_unstable", "Youth justice", ["Dockside"], [S.YOUTH_JUSTICE],
     (3, 4), (3, 3), "Daniel Okafor", d(2027, 2, 1), T.RISING, St.OPEN, True),
    ("Hate crime against mosques and other places of worship", "extreme_right_wing", "Hate crime",
     ["Millgate", "Eastfield"], [S.POLICE, S.VOLUNTARY_AND_COMMUNITY],
     (3, 4), (2, 4), "DS Karen Lowe", d(2027, 1, 31), T.STABLE, St.OPEN, False),
    ("Isolated young men spending long hours on extremist forums", "mixed_unclear_unstable",
     "Online", None, [S.POLICE, S.NHS_TRUST],
     (3, 4), (3, 4), "Priya Shah", d(2026, 11, 30), T.RISING, St.OPEN, False),
    ("Delays in sharing information between partners about referrals", None,
     "Information sharing", None, [S.LOCAL_AUTHORITY, S.POLICE, S.NHS_TRUST],
     (3, 3), (2, 2), "Sofia Rossi", d(2027, 3, 31), T.FALLING, St.OPEN, False),
    ("Leaflets from a proscribed group handed out near the railway station", "islamist",
     "Propaganda", ["Castle"], [S.POLICE],
     (2, 4), (1, 4), "DS Karen Lowe", None, T.FALLING, St.CLOSED, False),
    ("Channel panel capacity for rising referrals", None, "Channel", None, [S.LOCAL_AUTHORITY],
     (3, 3), (2, 3), "Daniel Okafor", d(2027, 4, 30), T.RISING, St.OPEN, False),
]  # fmt: skip

# (organisation, date received, summary); the sectors missing stay missing.
CONTRIBUTIONS = [
    ("Northshire Police", d(2016, 2, 26),
     "The Counter-Terrorism Local Profile's findings for Northbridge: extreme right-wing "
     "activity around the town centre and football, and online radicalisation of teenagers."),
    ("Northbridge Academy", d(2016, 3, 4),
     "Referrals from the academy rose after staff training; concerns are mostly online."),
    ("Northbridge College", d(2016, 3, 11),
     "A small number of students have voiced support for proscribed groups; the college has "
     "reviewed its external speaker policy."),
    ("Northbridge Health NHS Foundation Trust", d(2016, 3, 18),
     "Mental health services see vulnerable adults drawn to extremist material."),
    ("Northshire Probation Delivery Unit", d(2016, 3, 24),
     "Released prisoners with extremist views are managed under MAPPA where eligible."),
]  # fmt: skip
