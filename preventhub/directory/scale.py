"""Benchmark data for the directory (``manage.py seed_scale``): partner organisations, people and
wards in the proportions of a real partnership, the same every time for the same ``rng``.

Rows are bulk-inserted without record history (django-simple-history is bypassed), so their
history lists are empty; names never clash with rows already in the database.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from preventhub.core.scale import BATCH, PublicIds, insert_all, unique

from .models import MunicipalYear, Organisation, Person, Sector, Ward


@dataclass(frozen=True)
class Size:
    organisations: int
    people: int
    wards: int


SIZES = {
    "district": Size(organisations=120, people=1_500, wards=20),
    "metropolitan": Size(organisations=600, people=8_000, wards=40),
    "national": Size(organisations=5_000, people=60_000, wards=9_000),
}

PLACES = [
    "Ashbury",
    "Aldgate",
    "Barnfield",
    "Bramley",
    "Brookside",
    "Carlton",
    "Castleford",
    "Chapel",
    "Dale",
    "Denholme",
    "Eastwood",
    "Elmfield",
    "Fairhaven",
    "Fenwick",
    "Glenfield",
    "Greystone",
    "Hallam",
    "Harwood",
    "Highfield",
    "Holmewood",
    "Kingsley",
    "Lakeside",
    "Langley",
    "Marston",
    "Meadowbank",
    "Millbrook",
    "Moorside",
    "Netherton",
    "Northfield",
    "Oakwood",
    "Orchard",
    "Parkside",
    "Queensbury",
    "Ravenscroft",
    "Redhill",
    "Riverside",
    "Rosehill",
    "Saltwell",
    "Sandford",
    "Southmoor",
    "Stanfield",
    "Stoneleigh",
    "Thornbury",
    "Underhill",
    "Upton",
    "Wakefield",
    "Westbrook",
    "Whitley",
    "Willowbank",
    "Woodhouse",
]

# Sector, weight in a typical partnership, and how its organisations are named.
SECTOR_KINDS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    (
        Sector.SCHOOL,
        45,
        ("Primary School", "Academy", "High School", "Infant School", "Junior School"),
    ),
    (Sector.EARLY_YEARS, 10, ("Nursery", "Children's Centre", "Pre-School")),
    (Sector.PRIMARY_CARE, 10, ("Medical Practice", "Health Centre", "Surgery")),
    (Sector.VOLUNTARY_AND_COMMUNITY, 12, ("Community Trust", "Youth Project", "Interfaith Forum")),
    (Sector.FURTHER_EDUCATION, 3, ("College", "Sixth Form College")),
    (Sector.HIGHER_EDUCATION, 1, ("University",)),
    (Sector.NHS_TRUST, 3, ("NHS Foundation Trust", "Community Health Trust")),
    (Sector.LOCAL_AUTHORITY, 3, ("Borough Council", "Town Council")),
    (Sector.POLICE, 2, ("Police Neighbourhood Team",)),
    (Sector.FIRE_AND_RESCUE, 2, ("Fire Station",)),
    (Sector.PROBATION, 2, ("Probation Delivery Unit",)),
    (Sector.YOUTH_JUSTICE, 2, ("Youth Justice Service",)),
    (Sector.PRISON, 1, ("Prison",)),
    (Sector.INTEGRATED_CARE_BOARD, 1, ("Integrated Care Board",)),
    (Sector.OTHER, 3, ("Housing Association", "Leisure Trust")),
)
NOT_SPECIFIED = {Sector.VOLUNTARY_AND_COMMUNITY, Sector.FIRE_AND_RESCUE, Sector.OTHER}

FIRST_NAMES = [
    "Aisha",
    "Amir",
    "Anna",
    "Ben",
    "Chloe",
    "Daniel",
    "Deepa",
    "Ella",
    "Emma",
    "Fatima",
    "Grace",
    "Hannah",
    "Harry",
    "Imran",
    "Isla",
    "Jack",
    "James",
    "Jo",
    "Karen",
    "Liam",
    "Lucy",
    "Mark",
    "Mohammed",
    "Nadia",
    "Noah",
    "Olivia",
    "Owen",
    "Priya",
    "Rachel",
    "Ruth",
    "Sam",
    "Sofia",
    "Tom",
    "Usman",
    "Zara",
]
LAST_NAMES = [
    "Adeyemi",
    "Ahmed",
    "Ashworth",
    "Begum",
    "Bennett",
    "Brown",
    "Campbell",
    "Clarke",
    "Davies",
    "Evans",
    "Green",
    "Hall",
    "Hughes",
    "Hussain",
    "Jones",
    "Karim",
    "Khan",
    "Lowe",
    "Marsh",
    "Murphy",
    "Okafor",
    "Patel",
    "Price",
    "Roberts",
    "Rossi",
    "Shah",
    "Smith",
    "Taylor",
    "Thompson",
    "Walker",
    "Whitfield",
    "Williams",
    "Wilson",
    "Wood",
    "Wright",
]
JOB_TITLES = (
    "Designated Safeguarding Lead",
    "Deputy Safeguarding Lead",
    "Safeguarding Manager",
    "Prevent Lead",
    "Head Teacher",
    "Practice Manager",
    "Named Professional for Safeguarding",
    "Community Engagement Officer",
    "Service Manager",
    "Youth Worker",
    "Information Governance Lead",
    "",
)
WARD_SUFFIXES = ("", " North", " South", " East", " West", " Central", " Park", " Village")


def seed(size: str, rng: random.Random) -> dict[str, int]:
    """Bulk-create a ``district``, ``metropolitan`` or ``national`` directory; return the counts."""
    wanted = SIZES[size]
    organisations = Organisation.objects.bulk_create(
        _organisations(wanted.organisations, rng), batch_size=BATCH
    )
    people = insert_all(Person, _people(wanted.people, organisations, rng))
    wards = Ward.objects.bulk_create(_wards(wanted.wards, rng), batch_size=BATCH)
    years = MunicipalYear.objects.bulk_create(_municipal_years(rng), batch_size=BATCH)
    return {
        "organisations": len(organisations),
        "people": people,
        "wards": len(wards),
        "municipal years": len(years),
    }


def _organisations(count: int, rng: random.Random) -> list[Organisation]:
    weights = [weight for _, weight, _ in SECTOR_KINDS]
    picks = rng.choices(SECTOR_KINDS, weights=weights, k=count)
    raw = [f"{rng.choice(PLACES)} {rng.choice(kinds)}" for _, _, kinds in picks]
    taken = set(Organisation.objects.values_list("name", flat=True))
    public_id = PublicIds(rng, len(taken))
    return [
        Organisation(
            public_id=public_id(),
            name=name,
            sector=sector,
            is_specified_authority=sector not in NOT_SPECIFIED,
            website=f"https://www.{_slug(name)}.example",
        )
        for (sector, _, _), name in zip(picks, unique(raw, taken), strict=True)
    ]


def _people(count: int, organisations: list[Organisation], rng: random.Random) -> Iterator[Person]:
    # Larger bodies (councils, trusts, colleges) have more people in the directory than a nursery.
    small = {Sector.SCHOOL, Sector.EARLY_YEARS, Sector.PRIMARY_CARE}
    weights = [1 if o.sector in small else 4 for o in organisations]
    places: list[Organisation | None] = [None] * count
    if organisations:
        places = list(rng.choices(organisations, weights=weights, k=count))
    public_id = PublicIds(rng, Person.objects.count())
    for n, organisation in enumerate(places):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        domain = f"{_slug(organisation.name)}.example" if organisation else "example.org"
        yield Person(
            public_id=public_id(),
            name=f"{first} {last}",
            job_title=rng.choice(JOB_TITLES),
            organisation=organisation,
            email=f"{first.lower()}.{last.lower()}{n}@{domain}",
            phone=f"01632 {rng.randrange(960000, 961000)}",
        )


def _wards(count: int, rng: random.Random) -> list[Ward]:
    raw = [f"{rng.choice(PLACES)}{rng.choice(WARD_SUFFIXES)}" for _ in range(count)]
    taken = set(Ward.objects.values_list("name", flat=True))
    public_id = PublicIds(rng, len(taken))
    first_code = rng.randrange(100_000, 800_000)
    return [
        Ward(public_id=public_id(), name=name, code=f"E05{first_code + n:06d}")
        for n, name in enumerate(unique(raw, taken))
    ]


def _municipal_years(rng: random.Random) -> list[MunicipalYear]:
    """The ten council years to 2025/26, apart from any already recorded."""
    taken = set(MunicipalYear.objects.values_list("label", flat=True))
    public_ids = PublicIds(rng, len(taken))
    years = []
    for start in range(2016, 2026):
        label = f"{start}/{(start + 1) % 100:02d}"
        public_id = public_ids()  # drawn for every year, so later draws do not depend on `taken`
        if label in taken:
            continue
        # The annual meeting falls in the second half of May.
        years.append(
            MunicipalYear(
                public_id=public_id,
                label=label,
                starts_on=dt.date(start, 5, 15 + start % 7),
                ends_on=dt.date(start + 1, 5, 14 + (start + 1) % 7),
            )
        )
    return years


def _slug(name: str) -> str:
    return "".join(c for c in name.lower().replace(" ", "-") if c.isalnum() or c == "-")
