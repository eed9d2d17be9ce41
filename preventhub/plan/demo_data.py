"""The seed council's partnership plan for 2026/27: the actions partners agreed, by objective
(its position among the starting objectives, see objectives.py), with their progress, and the
outcome measures the partnership watches. Fictional, shaped like a council's Excel action plan."""

from __future__ import annotations

import datetime as dt

d = dt.date
C, P, A, COL = (
    "Northbridge Borough Council",
    "Northshire Police",
    "Northbridge Academy",
    "Northbridge College",
)
NHS, ICB, PROB, PRISON = (
    "Northbridge Health NHS Foundation Trust",
    "Northshire Integrated Care Board",
    "Northshire Probation Delivery Unit",
    "HMP Northbridge",
)
UNI, YJS, FAITH, TRUST, SCHOOL = (
    "University of Northbridge",
    "Northbridge Youth Justice Service",
    "Northbridge Interfaith Forum",
    "Riverside Community Trust",
    "St Aidan's Primary School",
)

# (objective position, description, lead organisation, owner, start, due, status, per cent)
ACTIONS: list[tuple[int, str, str, str | None, dt.date, dt.date, str, int]] = [
    (1, "Brief the partnership on the 2026 Counter-Terrorism Local Profile", P, "DS Karen Lowe",
     d(2026, 4, 1), d(2026, 5, 31), "complete", 100),
    (1, "Collect partners' contributions to the local risk assessment", C, "Priya Shah",
     d(2026, 4, 1), d(2026, 12, 12), "in_progress", 70),
    (1, "Map community tension indicators by ward each quarter", C, "Imran Hussain",
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 50),
    (1, "Share anonymised referral trends with the risk assessment", P, "DS Karen Lowe",
     d(2026, 6, 1), d(2026, 11, 30), "in_progress", 60),
    (2, "Review the partnership group's terms of reference", C, "Priya Shah",
     d(2026, 4, 1), d(2026, 7, 31), "complete", 100),
    (2, "Agree an information sharing agreement with every specified authority", C,
     "Sofia Rossi", d(2026, 5, 1), d(2026, 12, 18), "in_progress", 80),
    (2, "Report Prevent delivery to the Community Safety Partnership twice a year", C,
     "Helen Marsh", d(2026, 4, 1), d(2027, 3, 31), "in_progress", 50),
    (3, "Publish the referral pathway on every partner's intranet", C, "Priya Shah",
     d(2026, 4, 1), d(2026, 9, 30), "complete", 100),
    (3, "Test the referral pathway with a partnership exercise", P, "DS Karen Lowe",
     d(2026, 9, 1), d(2026, 11, 20), "not_started", 0),
    (3, "Embed Prevent in the NHS trust's safeguarding referral form", NHS, "Dr Owen Price",
     d(2026, 5, 1), d(2026, 10, 31), "in_progress", 75),
    (3, "Add Prevent to the integrated care board's safeguarding standards", ICB, None,
     d(2026, 6, 1), d(2027, 1, 31), "not_started", 0),
    (4, "Induct two new Channel panel members", C, "Daniel Okafor",
     d(2026, 4, 1), d(2026, 6, 30), "complete", 100),
    (4, "Audit Channel case records against the Vulnerability Assessment Framework", C,
     "Daniel Okafor", d(2026, 10, 1), d(2026, 12, 15), "in_progress", 30),
    (4, "Ensure probation attends every Channel panel", PROB, None,
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 60),
    (4, "Agree Channel support options with the youth justice service", YJS, None,
     d(2026, 7, 1), d(2026, 12, 31), "on_hold", 20),
    (5, "Train every designated safeguarding lead in the Referrals course", A, "Mark Bennett",
     d(2026, 9, 1), d(2026, 12, 10), "in_progress", 65),
    (5, "Refresh Prevent awareness training for academy staff", A, "Mark Bennett",
     d(2026, 9, 1), d(2027, 2, 28), "in_progress", 40),
    (5, "Train college tutors in Prevent awareness", COL, "Aisha Karim",
     d(2026, 9, 1), d(2026, 12, 19), "in_progress", 55),
    (5, "Run WRAP sessions for councillors", C, "Priya Shah",
     d(2026, 5, 1), d(2026, 11, 1), "in_progress", 80),
    (5, "Reach 85% Prevent training compliance for NHS frontline staff", NHS, "Dr Owen Price",
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 70),
    (5, "Train primary school staff in notice, check, share", SCHOOL, None,
     d(2026, 9, 1), d(2027, 1, 31), "not_started", 0),
    (5, "Train prison officers in spotting ideological risk", PRISON, None,
     d(2026, 6, 1), d(2027, 3, 31), "in_progress", 35),
    (6, "Adopt the venue hire and external speaker policy", C, "Ruth Adeyemi",
     d(2026, 4, 1), d(2026, 8, 31), "complete", 100),
    (6, "Check IT filtering on library public computers", C, "Sofia Rossi",
     d(2026, 6, 1), d(2026, 10, 31), "complete", 100),
    (6, "Review the university's external speaker protocol", UNI, None,
     d(2026, 9, 1), d(2026, 11, 27), "not_started", 0),
    (6, "Write Prevent into new commissioning contracts", C, "Tom Ashworth",
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 45),
    (6, "Map out-of-school settings in Abbey and Brookside wards", C, "Helen Marsh",
     d(2026, 7, 1), d(2026, 12, 20), "in_progress", 50),
    (7, "Publish a plain-English guide to Prevent for parents", C, "Imran Hussain",
     d(2026, 5, 1), d(2026, 9, 30), "complete", 100),
    (7, "Hold four community conversations with faith groups", FAITH, None,
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 50),
    (7, "Run a youth-led campaign on online radicalisation", TRUST, None,
     d(2026, 10, 1), d(2027, 2, 28), "not_started", 0),
    (7, "Brief ward councillors after national incidents", C, "Priya Shah",
     d(2026, 4, 1), d(2027, 3, 31), "in_progress", 50),
    (7, "Share a quarterly Prevent newsletter with partners", C, "Priya Shah",
     d(2026, 4, 1), d(2027, 3, 31), "cancelled", 25),
]  # fmt: skip

# Risks in the register (titles from the risk demo) each action reduces.
RISK_LINKS = {
    "Train every designated safeguarding lead in the Referrals course": [
        "Few Prevent referrals from primary schools"
    ],
    "Adopt the venue hire and external speaker policy": [
        "Extremist speakers seeking to hire community venues"
    ],
    "Run a youth-led campaign on online radicalisation": [
        "Online radicalisation of young people through gaming and social media platforms"
    ],
    "Map out-of-school settings in Abbey and Brookside wards": [
        "Unregistered out-of-school settings"
    ],
    "Train college tutors in Prevent awareness": [
        "College students expressing support for proscribed groups"
    ],
    "Train prison officers in spotting ideological risk": [
        "People released from prison into the borough holding extremist views"
    ],
}

# (title, unit, baseline, target, direction, objective position, twelve monthly actuals)
MEASURES = [
    ("Frontline NHS staff with current Prevent training", "per cent", 62, 85, "higher", 5,
     [63, 64, 66, 67, 69, 70, 71, 73, 74, 76, 77, 79]),
    ("Prevent referrals from schools and colleges", "referrals a month", 2, 5, "higher", 3,
     [2, 3, 2, 3, 4, 3, 4, 4, 5, 4, 5, 5]),
    ("Days from referral to Channel panel decision", "days", 45, 30, "lower", 4,
     [44, 43, 45, 41, 40, 38, 39, 36, 35, 34, 36, 33]),
    ("Community venues covered by the venue hire policy", "per cent", 40, 100, "higher", 6,
     [40, 45, 52, 60, 68, 75, 81, 86, 90, 93, 95, 97]),
    ("Residents who know how to raise a concern", "per cent", 31, 50, "higher", 7,
     [31, 31, 30, 32, 31, 30, 29, 30, 31, 30, 29, 30]),
]  # fmt: skip

SPEND = [
    (d(2026, 5, 14), 1850, "WRAP facilitator for councillor sessions",
     "Run WRAP sessions for councillors"),
    (d(2026, 6, 20), 2400, "Printing and translation of the parents' guide",
     "Publish a plain-English guide to Prevent for parents"),
    (d(2026, 9, 9), 1200, "Venue hire for community conversations",
     "Hold four community conversations with faith groups"),
    (d(2026, 10, 2), 950, "Referrals course cover for safeguarding leads",
     "Train every designated safeguarding lead in the Referrals course"),
]  # fmt: skip
