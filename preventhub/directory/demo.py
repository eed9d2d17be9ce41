"""Demo directory: the fictional borough of Northbridge and its partners."""

from __future__ import annotations

import datetime as dt

from preventhub.core.seeding import Demo

from .models import MunicipalYear, Organisation, Person, Sector, Ward

ORGANISATIONS = [
    ("Northbridge Borough Council", Sector.LOCAL_AUTHORITY, True),
    ("Northshire Police", Sector.POLICE, True),
    ("Northshire Fire and Rescue Service", Sector.FIRE_AND_RESCUE, False),
    ("Northbridge Health NHS Foundation Trust", Sector.NHS_TRUST, True),
    ("Northshire Integrated Care Board", Sector.INTEGRATED_CARE_BOARD, True),
    ("St Aidan's Primary School", Sector.SCHOOL, True),
    ("Northbridge Academy", Sector.SCHOOL, True),
    ("Northbridge College", Sector.FURTHER_EDUCATION, True),
    ("University of Northbridge", Sector.HIGHER_EDUCATION, True),
    ("Northshire Probation Delivery Unit", Sector.PROBATION, True),
    ("HMP Northbridge", Sector.PRISON, True),
    ("Northbridge Youth Justice Service", Sector.YOUTH_JUSTICE, True),
    ("Northbridge Interfaith Forum", Sector.VOLUNTARY_AND_COMMUNITY, False),
    ("Riverside Community Trust", Sector.VOLUNTARY_AND_COMMUNITY, False),
]

WARDS = [
    ("Abbey", "E05099001"),
    ("Brookside", "E05099002"),
    ("Castle", "E05099003"),
    ("Dockside", "E05099004"),
    ("Eastfield", "E05099005"),
    ("Millgate", "E05099006"),
    ("Northgate", "E05099007"),
    ("Riverside", "E05099008"),
    ("St Aidan's", "E05099009"),
    ("Westmoor", "E05099010"),
]

PEOPLE = [
    (
        "Helen Marsh",
        "Head of Resident Services",
        "Northbridge Borough Council",
        "helen.marsh@northbridge.example",
    ),
    (
        "Priya Shah",
        "Prevent Coordinator",
        "Northbridge Borough Council",
        "priya.shah@northbridge.example",
    ),
    (
        "Daniel Okafor",
        "Channel Panel Chair",
        "Northbridge Borough Council",
        "daniel.okafor@northbridge.example",
    ),
    (
        "Grace Whitfield",
        "Democratic Services Officer",
        "Northbridge Borough Council",
        "grace.whitfield@northbridge.example",
    ),
    (
        "Tom Ashworth",
        "Chief Finance Officer",
        "Northbridge Borough Council",
        "tom.ashworth@northbridge.example",
    ),
    (
        "Ruth Adeyemi",
        "Monitoring Officer",
        "Northbridge Borough Council",
        "ruth.adeyemi@northbridge.example",
    ),
    (
        "Imran Hussain",
        "Equality and Diversity Manager",
        "Northbridge Borough Council",
        "imran.hussain@northbridge.example",
    ),
    (
        "DS Karen Lowe",
        "Prevent Engagement Officer",
        "Northshire Police",
        "karen.lowe@northshire-police.example",
    ),
    (
        "Mark Bennett",
        "Designated Safeguarding Lead",
        "Northbridge Academy",
        "m.bennett@northbridge-academy.example",
    ),
    (
        "Aisha Karim",
        "Safeguarding Manager",
        "Northbridge College",
        "a.karim@northbridge-college.example",
    ),
    (
        "Dr Owen Price",
        "Named Professional for Safeguarding",
        "Northbridge Health NHS Foundation Trust",
        "owen.price@nbhealth.example",
    ),
    (
        "Sofia Rossi",
        "Information Governance Lead",
        "Northbridge Borough Council",
        "sofia.rossi@northbridge.example",
    ),
]


def seed(demo: Demo) -> None:
    for name, sector, specified in ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            name=name, defaults={"sector": sector, "is_specified_authority": specified}
        )
        demo[f"org:{name}"] = org
    for name, code in WARDS:
        demo[f"ward:{name}"], _ = Ward.objects.update_or_create(name=name, defaults={"code": code})
    for start in range(2016, 2027):
        label = f"{start}/{(start + 1) % 100:02d}"
        demo[f"year:{label}"], _ = MunicipalYear.objects.update_or_create(
            label=label,
            defaults={"starts_on": dt.date(start, 5, 18), "ends_on": dt.date(start + 1, 5, 17)},
        )
    for name, title, org_name, email in PEOPLE:
        person, _ = Person.objects.update_or_create(
            email=email,
            defaults={"name": name, "job_title": title, "organisation": demo[f"org:{org_name}"]},
        )
        demo[f"person:{name}"] = person
