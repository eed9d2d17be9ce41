"""Northbridge's 30 councillors (three for each of the ten wards), their political groups, and
logins for the three officers who verify the report's implications.

A majority group, a main opposition group, a smaller group and two independents, so the working
group's seats show every rule at work: principle (b) gives the majority group a majority, and the
committee's local constraints add a seat for each main group and one for an independent member.
Party and political group are kept apart, as ModernGov keeps them: the smaller group joins two
Liberal Democrats and a Green.
"""

from __future__ import annotations

from typing import Any

from preventhub.accounts.models import User
from preventhub.accounts.roles import Role
from preventhub.core.seeding import DEMO_PASSWORD, Demo
from preventhub.governance.models import Councillor, GroupMembership, GroupRole, PoliticalGroup
from preventhub.governance.services import members

from .common import ANNUAL_COUNCIL_2015, clerk

LABOUR = "Labour Group"
CONSERVATIVE = "Conservative Group"
LIB_DEM_GREEN = "Liberal Democrat and Green Group"
MAIN_GROUPS = (LABOUR, CONSERVATIVE)

GROUPS = [(LABOUR, "Lab"), (CONSERVATIVE, "Con"), (LIB_DEM_GREEN, "LDG")]

# (name, ward, party elected for, group or None for an independent, role in the group)
COUNCILLORS = [
    ("Michael Brennan", "Abbey", "Labour", LABOUR, GroupRole.LEADER),
    ("Sarah Quinn", "Abbey", "Labour", LABOUR, GroupRole.DEPUTY_LEADER),
    ("Amir Rahman", "Abbey", "Labour", LABOUR, GroupRole.MEMBER),
    ("Lucy Fenwick", "Brookside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Karen Stott", "Brookside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Joseph Mwangi", "Brookside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Rachel Dunmore", "Dockside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Kevin Ashby", "Dockside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Niamh Gallagher", "Dockside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Tariq Mahmood", "Eastfield", "Labour", LABOUR, GroupRole.MEMBER),
    ("Paula Greaves", "Eastfield", "Labour", LABOUR, GroupRole.MEMBER),
    ("Colin Birch", "Eastfield", "Labour", LABOUR, GroupRole.MEMBER),
    ("Deborah Okonjo", "Millgate", "Labour", LABOUR, GroupRole.MEMBER),
    ("Stephen Lowther", "Millgate", "Labour", LABOUR, GroupRole.MEMBER),
    ("Mandeep Gill", "Millgate", "Labour", LABOUR, GroupRole.MEMBER),
    ("Angela Torrance", "Riverside", "Labour", LABOUR, GroupRole.MEMBER),
    ("Jane Holloway", "Westmoor", "Conservative", CONSERVATIVE, GroupRole.LEADER),
    ("Richard Pembroke", "Westmoor", "Conservative", CONSERVATIVE, GroupRole.DEPUTY_LEADER),
    ("Dominic Hart", "Westmoor", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Fiona Gresham", "Castle", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Graham Thorne", "Castle", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Victoria Ellison", "Castle", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Nicholas Crane", "Northgate", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Margaret Sowerby", "Northgate", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Oliver Radcliffe", "St Aidan's", "Conservative", CONSERVATIVE, GroupRole.MEMBER),
    ("Barry Rowe", "St Aidan's", "Liberal Democrats", LIB_DEM_GREEN, GroupRole.LEADER),
    ("Harriet Lindqvist", "St Aidan's", "Green Party", LIB_DEM_GREEN, GroupRole.DEPUTY_LEADER),
    ("Simon Yates", "Riverside", "Liberal Democrats", LIB_DEM_GREEN, GroupRole.MEMBER),
    ("Patrick Doyle", "Northgate", "Independent", None, GroupRole.MEMBER),
    ("Yvonne Carter", "Riverside", "Independent", None, GroupRole.MEMBER),
]

# The officers who verify the report's implications need a login linked to their directory record:
# only the named officer may verify (``verify_implication``).
VERIFYING_OFFICERS = ["Tom Ashworth", "Ruth Adeyemi", "Imran Hussain"]


def councillor_email(name: str) -> str:
    return "cllr." + name.lower().replace(" ", ".").replace("'", "") + "@northbridge.example"


def seed_people(demo: Demo) -> None:
    for name, short_name in GROUPS:
        demo[f"group:{name}"] = _group(demo, name, short_name)
    for name, ward, party, group, role in COUNCILLORS:
        councillor = _councillor(demo, name, ward, party)
        if group is not None:
            _join(demo, councillor, demo[f"group:{group}"], role)
        demo[f"councillor:{name}"] = councillor
        demo[f"person:{name}"] = councillor.person
    _link_councillor_login(demo)
    for name in VERIFYING_OFFICERS:
        officer = demo[f"person:{name}"]
        demo[f"user:{name}"] = _officer_login(officer)
        # No role: being asked to verify is enough to see the task on the home page.
        demo.logins.append(
            (f"Verifying officer, no role ({officer.job_title})", officer.email, False)
        )


def _group(demo: Demo, name: str, short_name: str) -> PoliticalGroup:
    existing = PoliticalGroup.objects.filter(name=name).first()
    if existing is not None:
        return existing
    return members.create_group(actor=clerk(demo), data={"name": name, "short_name": short_name})


def _councillor(demo: Demo, name: str, ward: str, party: str) -> Councillor:
    email = councillor_email(name)
    existing = Councillor.objects.filter(person__email=email).select_related("person").first()
    if existing is not None:
        return existing
    # Elected at the all-out election of May 2015; the end of the term is left unknown, so they
    # count as serving today and the demo's nominations can still be made by hand.
    data = {
        "ward": demo[f"ward:{ward}"],
        "party": party,
        "elected_on": ANNUAL_COUNCIL_2015.replace(day=7),
    }
    return members.create_councillor(actor=clerk(demo), data=data, name=name, email=email)


def _join(demo: Demo, councillor: Councillor, group: PoliticalGroup, role: str) -> None:
    if GroupMembership.objects.filter(councillor=councillor).exists():
        return
    members.join_group(
        actor=clerk(demo),
        councillor=councillor,
        group=group,
        role=role,
        starts_on=ANNUAL_COUNCIL_2015,
    )


def _link_councillor_login(demo: Demo) -> None:
    """The demo councillor login (Cllr Jane Holloway) is the Conservative group's leader, so she
    is asked for the group's nomination to the working group."""
    user = demo[f"user:{Role.COUNCILLOR}"]
    jane = demo["person:Jane Holloway"]
    if user.person_id != jane.pk:
        user.person = jane
        user.save(update_fields=["person"])


def _officer_login(officer: Any) -> User:
    user = User.objects.filter(email=officer.email).first()
    if user is None:
        user = User.objects.create_user(
            email=officer.email, password=DEMO_PASSWORD, full_name=officer.name
        )
    if user.person_id != officer.pk:
        user.person = officer
        user.save(update_fields=["person"])
    return user
