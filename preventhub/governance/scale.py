"""Benchmark data for governance (``manage.py seed_scale``): councils, each with its full council,
committees, boards and panels; councillors in political groups; agreed terms of reference; three
municipal years of meetings with agendas, reports, attendance, minutes, resolutions and the
decisions register; and the next meeting of every body. The same every time for the same ``rng``.

Sizes, as councils are: ``district`` is one council (12 bodies, about 150 meetings, 450 reports,
1,000 minutes, 650 decisions); ``metropolitan`` four; ``national`` thirty (450 bodies, 5,800
meetings, 16,000 reports, 37,000 minutes, 23,000 decisions).

The directory's scale data must be there first (``seed_scale`` runs the apps in order): officers
come from its people, councillors' wards from its wards, meetings' years from its municipal years.
Rows are built one council at a time from generators and inserted in batches
(``preventhub.core.scale``), so memory stays flat at any size. They bypass record history
(django-simple-history), as the directory's scale data does.

A later module copies this shape: a ``Size`` per size, ``seed`` returning counts, a context
(``_Council``) holding only the current unit of work, one small function per kind of row.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from preventhub.core.scale import PublicIds, insert, insert_all, unique
from preventhub.directory.models import MunicipalYear, Person, Ward
from preventhub.directory.scale import FIRST_NAMES, LAST_NAMES, PLACES

from .models import (
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Clause,
    ClauseSection,
    Councillor,
    Decision,
    DecisionAction,
    DecisionKind,
    DecisionStatus,
    Declaration,
    GroupMembership,
    GroupRole,
    Implication,
    ImplicationKind,
    InterestKind,
    LedBy,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipRole,
    Minute,
    MinutesStatus,
    PoliticalBalance,
    PoliticalGroup,
    Recommendation,
    Report,
    ReportPurpose,
    ReportStatus,
    Resolution,
    TermsOfReference,
    TermsStatus,
)


@dataclass(frozen=True)
class Size:
    councils: int
    bodies: int  # per council, the full council included (at most len(BODIES))
    councillors: int  # per council
    years: int  # municipal years of meetings held, the latest seeded ones
    meetings: int  # per body per year


SIZES = {
    "district": Size(councils=1, bodies=12, councillors=40, years=3, meetings=4),
    "metropolitan": Size(councils=4, bodies=15, councillors=60, years=3, meetings=4),
    "national": Size(councils=30, bodies=15, councillors=50, years=3, meetings=4),
}


@dataclass(frozen=True)
class BodyShape:
    name: str
    kind: str
    led_by: str
    balance: str = PoliticalBalance.NONE
    seats: int | None = None
    is_public: bool = True


BODIES = (
    BodyShape("Council", BodyKind.FULL_COUNCIL, LedBy.MEMBERS),
    BodyShape("Cabinet", BodyKind.COMMITTEE, LedBy.MEMBERS, seats=8),
    BodyShape(
        "Audit and Governance Committee",
        BodyKind.COMMITTEE,
        LedBy.MEMBERS,
        PoliticalBalance.STATUTORY,
        9,
    ),
    BodyShape(
        "Overview and Scrutiny Committee",
        BodyKind.COMMITTEE,
        LedBy.MEMBERS,
        PoliticalBalance.STATUTORY,
        11,
    ),
    BodyShape(
        "Planning Committee", BodyKind.COMMITTEE, LedBy.MEMBERS, PoliticalBalance.STATUTORY, 11
    ),
    BodyShape(
        "Licensing Committee", BodyKind.COMMITTEE, LedBy.MEMBERS, PoliticalBalance.STATUTORY, 10
    ),
    BodyShape(
        "Standards Committee", BodyKind.COMMITTEE, LedBy.MEMBERS, PoliticalBalance.STATUTORY, 7
    ),
    BodyShape("Community Safety Partnership", BodyKind.STRATEGIC_GROUP, LedBy.OFFICERS),
    BodyShape("Prevent Partnership Board", BodyKind.BOARD, LedBy.OFFICERS),
    BodyShape("Health and Wellbeing Board", BodyKind.BOARD, LedBy.MEMBERS, seats=6),
    BodyShape("Channel Panel", BodyKind.PANEL, LedBy.OFFICERS, is_public=False),
    BodyShape(
        "Prevent Working Group",
        BodyKind.WORKING_GROUP,
        LedBy.MEMBERS,
        PoliticalBalance.VOLUNTARY,
        6,
    ),
    BodyShape("Corporate Parenting Panel", BodyKind.PANEL, LedBy.MEMBERS, seats=7),
    BodyShape("Safeguarding Adults Board", BodyKind.BOARD, LedBy.OFFICERS),
    BodyShape("Budget Task and Finish Group", BodyKind.TASK_AND_FINISH, LedBy.MEMBERS, seats=5),
)
OFFICERS_PER_BODY = 6

# Party, weight in a typical council.
PARTIES = (("Labour", 40), ("Conservative", 30), ("Liberal Democrat", 15), ("Green", 8))
INDEPENDENT_WEIGHT = 7

REPORT_TOPICS = (
    "Prevent duty annual assurance statement",
    "Community safety plan refresh",
    "Channel panel performance",
    "Counter-terrorism local profile",
    "Safeguarding training for elected members",
    "Budget monitoring, quarter {q}",
    "Hate crime reduction strategy",
    "Risk register review, quarter {q}",
    "Internal audit progress, quarter {q}",
    "Annual governance statement",
    "Corporate peer challenge action plan",
    "Treasury management mid-year review",
    "Youth services commissioning",
    "Licensing policy consultation",
    "Member development programme",
)
REPORT_OF = (
    "Head of Community Safety",
    "Director of Resources",
    "Monitoring Officer",
    "Head of Democratic Services",
    "Chief Finance Officer",
    "Director of Children's Services",
)
CLAUSES = (
    (
        ClauseSection.PURPOSE,
        "To oversee the council's work in this area and to hold it to account.",
    ),
    (ClauseSection.MEMBERSHIP, "Membership is set by the council at its annual meeting."),
    (ClauseSection.DUTIES, "To receive reports, make recommendations and monitor actions."),
    (ClauseSection.FREQUENCY, "The body will meet at least four times a year."),
    (ClauseSection.QUORUM, "The quorum is one quarter of the membership, and at least three."),
    (ClauseSection.REPORTING, "The body reports to the council once a year."),
)
IMPLICATIONS = (
    (ImplicationKind.FINANCIAL, "There are no direct financial implications.", "Finance Manager"),
    (ImplicationKind.LEGAL, "The council has a duty under s.26 CTSA 2015.", "Solicitor"),
    (ImplicationKind.EQUALITY, "An equality impact assessment is not needed.", "Equality Officer"),
)
STANDING_ITEMS = ("Apologies for absence", "Declarations of interest")
PREVIOUS_MINUTES = "Minutes of the previous meeting"


def seed(size: str, rng: random.Random) -> dict[str, int]:
    """Bulk-create governance for ``district``, ``metropolitan`` or ``national``; return counts."""
    wanted = SIZES[size]
    shared = _Shared.load(rng)
    counts: Counter[str] = Counter()
    places = list(unique(_council_places(wanted.councils, rng), shared.taken_places))
    for place in places:
        council = _Council(place=place, shared=shared, wanted=wanted, rng=rng)
        council.build(counts)
    return {"councils": len(places), **counts}


def _council_places(count: int, rng: random.Random) -> list[str]:
    picks = rng.sample(PLACES, k=min(count, len(PLACES)))
    return picks + [rng.choice(PLACES) for _ in range(count - len(picks))]


@dataclass
class _Shared:
    """What every council draws on: ids of the directory's rows, the years, public ids."""

    rng: random.Random
    public_id: PublicIds
    officers: list[int]
    wards: list[int]
    years: list[MunicipalYear]
    taken_places: set[str]
    now: dt.datetime

    @classmethod
    def load(cls, rng: random.Random) -> _Shared:
        years = list(MunicipalYear.objects.order_by("-starts_on")[:3])
        if not years:
            raise RuntimeError("Seed the directory first: governance needs its municipal years.")
        taken = {
            name.removesuffix(" Council")
            for name in Body.objects.filter(kind=BodyKind.FULL_COUNCIL).values_list(
                "name", flat=True
            )
        }
        return cls(
            rng=rng,
            public_id=PublicIds(rng, Body.objects.count()),
            officers=list(
                Person.objects.exclude(organisation=None)
                .order_by("id")
                .values_list("id", flat=True)
            ),
            wards=list(Ward.objects.order_by("id").values_list("id", flat=True)),
            years=sorted(years, key=lambda y: y.starts_on),
            taken_places=taken,
            now=timezone.now(),
        )

    def officer(self) -> int | None:
        return self.rng.choice(self.officers) if self.officers else None


@dataclass
class _Council:
    """One council's rows, built in order; only this council's rows are held in memory."""

    place: str
    shared: _Shared
    wanted: Size
    rng: random.Random
    bodies: list[Body] = field(default_factory=list)
    councillors: list[int] = field(default_factory=list)  # person ids
    members: dict[int, list[int]] = field(default_factory=dict)  # body id -> person ids
    chairs: dict[int, int] = field(default_factory=dict)  # body id -> person id

    def build(self, counts: Counter[str]) -> None:
        counts["bodies"] += self._bodies()
        counts["councillors"] += self._councillors(counts)
        counts["memberships"] += self._memberships()
        counts["terms of reference"] += self._terms(counts)
        meetings = self._meetings()
        counts["meetings"] += len(meetings)
        _Agendas(self, meetings).build(counts)

    # Bodies, councillors, groups, memberships, terms.

    def _bodies(self) -> int:
        ids = self.shared.public_id
        council, *others = BODIES[: self.wanted.bodies]
        full = Body.objects.bulk_create([self._body(council, None, ids())])[0]
        self.bodies = [full, *insert(Body, (self._body(s, full, ids()) for s in others))]
        return len(self.bodies)

    def _body(self, shape: BodyShape, parent: Body | None, public_id: uuid.UUID) -> Body:
        return Body(
            public_id=public_id,
            name=f"{self.place} {shape.name}",
            kind=shape.kind,
            led_by=shape.led_by,
            purpose=f"The {shape.name.lower()} of {self.place}.",
            parent=parent,
            quorum=3,
            meeting_frequency="Quarterly",
            political_balance=shape.balance,
            seats=shape.seats or (self.wanted.councillors if parent is None else None),
            is_public=shape.is_public,
            starts_on=self.shared.years[0].starts_on,
        )

    def _councillors(self, counts: Counter[str]) -> int:
        rng, ids, shared = self.rng, self.shared.public_id, self.shared
        people = list(insert(Person, (self._person(n) for n in range(self.wanted.councillors))))
        self.councillors = [p.pk for p in people]
        names = [name for name, _ in PARTIES] + [""]
        weights = [weight for _, weight in PARTIES] + [INDEPENDENT_WEIGHT]
        parties = rng.choices(names, weights=weights, k=len(people))
        elected = shared.years[0].starts_on - dt.timedelta(days=14)
        councillors = list(
            insert(
                Councillor,
                (
                    Councillor(
                        public_id=ids(),
                        person_id=person.pk,
                        ward_id=rng.choice(shared.wards) if shared.wards else None,
                        party=party or "Independent",
                        elected_on=elected,
                        term_ends_on=elected + dt.timedelta(days=4 * 365),
                    )
                    for person, party in zip(people, parties, strict=True)
                ),
            )
        )
        counts["political groups"] += self._groups(councillors, parties, elected, counts)
        return len(councillors)

    def _person(self, n: int) -> Person:
        first, last = self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES)
        domain = f"{self.place.lower()}.gov.example"
        return Person(
            public_id=self.shared.public_id(),
            name=f"Cllr {first} {last}",
            job_title="Councillor",
            email=f"cllr.{first.lower()}.{last.lower()}{n}@{domain}",
        )

    def _groups(
        self,
        councillors: list[Councillor],
        parties: list[str],
        elected: dt.date,
        counts: Counter[str],
    ) -> int:
        ids = self.shared.public_id
        groups = {
            party: PoliticalGroup(
                public_id=ids(), name=f"{self.place} {party} Group", short_name=party[:3].upper()
            )
            for party in dict.fromkeys(parties)
            if party
        }
        PoliticalGroup.objects.bulk_create(groups.values())
        leaders: set[str] = set()

        def membership(councillor: Councillor, party: str) -> GroupMembership:
            role = GroupRole.MEMBER if party in leaders else GroupRole.LEADER
            leaders.add(party)
            return GroupMembership(
                public_id=ids(),
                councillor_id=councillor.pk,
                group=groups[party],
                role=role,
                starts_on=elected,
            )

        counts["group memberships"] += insert_all(
            GroupMembership,
            (membership(c, p) for c, p in zip(councillors, parties, strict=True) if p),
        )
        return len(groups)

    def _memberships(self) -> int:
        rows: list[Membership] = []
        for body in self.bodies:
            if body.led_by == LedBy.MEMBERS or not self.shared.officers:
                seats = min(body.seats or len(self.councillors), len(self.councillors))
                people = self.rng.sample(self.councillors, k=seats)
            else:
                picks = self.rng.choices(self.shared.officers, k=OFFICERS_PER_BODY)
                people = list(dict.fromkeys(picks))
            self.members[body.pk] = people
            self.chairs[body.pk] = people[0]
            rows.extend(self._body_memberships(body, people))
        return insert_all(Membership, rows)

    def _body_memberships(self, body: Body, people: list[int]) -> Iterator[Membership]:
        roles = [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR]
        for n, person in enumerate(people):
            yield Membership(
                public_id=self.shared.public_id(),
                person_id=person,
                body=body,
                role=roles[n] if n < len(roles) else MembershipRole.MEMBER,
                starts_on=self.shared.years[0].starts_on,
            )

    def _terms(self, counts: Counter[str]) -> int:
        ids, agreed_on = self.shared.public_id, self.shared.years[0].starts_on
        terms = list(
            insert(
                TermsOfReference,
                (
                    TermsOfReference(
                        public_id=ids(),
                        body=body,
                        number=1,
                        status=TermsStatus.AGREED,
                        agreed_on=agreed_on,
                    )
                    for body in self.bodies
                ),
            )
        )
        counts["clauses"] += insert_all(
            Clause,
            (
                Clause(
                    public_id=ids(),
                    terms=version,
                    number=str(n),
                    section=section,
                    text=text,
                    order=n,
                )
                for version in terms
                for n, (section, text) in enumerate(CLAUSES, start=1)
            ),
        )
        return len(terms)

    # Meetings.

    def _meetings(self) -> list[Meeting]:
        return list(insert(Meeting, self._meeting_rows()))

    def _meeting_rows(self) -> Iterator[Meeting]:
        shared, per_year = self.shared, self.wanted.meetings
        held_years = shared.years[-self.wanted.years :]
        for n, body in enumerate(self.bodies):
            hour = 18 if body.led_by == LedBy.MEMBERS else 10
            dates = [
                year.starts_on + dt.timedelta(days=14 + k * (350 // per_year))
                for year in held_years
                for k in range(per_year)
            ]
            for k, day in enumerate(dates):
                starts_at = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
                last = k == len(dates) - 1
                yield self._meeting(
                    body, held_years[k // per_year], starts_at, held=True, last=last
                )
            upcoming = shared.now + dt.timedelta(days=7 + (n * 5) % 56)
            yield self._meeting(body, held_years[-1], upcoming, held=False, last=n % 2 == 1)

    def _meeting(
        self, body: Body, year: MunicipalYear, starts_at: dt.datetime, *, held: bool, last: bool
    ) -> Meeting:
        minutes = MinutesStatus.NONE
        if held:
            minutes = MinutesStatus.DRAFT if last else MinutesStatus.SIGNED
        signed = minutes == MinutesStatus.SIGNED
        published = None if (not held and last) else starts_at - dt.timedelta(days=7)
        return Meeting(
            public_id=self.shared.public_id(),
            body=body,
            municipal_year=year,
            starts_at=starts_at,
            venue=f"{self.place} Town Hall",
            status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
            agenda_published_at=published,
            minutes_status=minutes,
            minutes_signed_by_id=self.chairs[body.pk] if signed else None,
            minutes_signed_on=starts_at.date() + dt.timedelta(days=30) if signed else None,
        )


class _Agendas:
    """One council's agendas: reports, items, attendance and, for held meetings, the minutes,
    resolutions and decisions."""

    def __init__(self, council: _Council, meetings: list[Meeting]) -> None:
        self.council, self.meetings = council, meetings
        self.rng, self.ids = council.rng, council.shared.public_id

    def build(self, counts: Counter[str]) -> None:
        reports = self._reports(counts)
        items = list(insert(AgendaItem, self._items(reports)))
        counts["agenda items"] += len(items)
        counts["attendance"] += insert_all(Attendance, self._attendance())
        counts["declarations"] += insert_all(Declaration, self._declarations(items))
        minuted = [item for item in items if item.meeting.minutes_status != MinutesStatus.NONE]
        minutes = list(insert(Minute, self._minutes(minuted)))
        counts["minutes"] += len(minutes)
        resolutions = list(insert(Resolution, self._resolutions(minutes)))
        counts["resolutions"] += len(resolutions)
        decisions = list(insert(Decision, self._decisions(resolutions)))
        decisions += insert(Decision, self._motions())
        counts["decisions"] += len(decisions)
        counts["decision actions"] += insert_all(DecisionAction, self._actions(decisions))

    def _reports(self, counts: Counter[str]) -> dict[int, list[Report]]:
        """Two to four reports for each meeting, keyed by meeting id."""
        planned = [
            (meeting.pk, self._report(meeting))
            for meeting in self.meetings
            for _ in range(2 + self.rng.randrange(3))
        ]
        reports = list(insert(Report, (report for _, report in planned)))
        counts["reports"] += len(reports)
        counts["recommendations"] += insert_all(Recommendation, self._recommendations(reports))
        counts["implications"] += insert_all(Implication, self._implications(reports))
        by_meeting: dict[int, list[Report]] = {}
        for meeting_id, report in planned:
            by_meeting.setdefault(meeting_id, []).append(report)
        return by_meeting

    def _report(self, meeting: Meeting) -> Report:
        rng, quarter = self.rng, 1 + (meeting.starts_at.month - 4) % 12 // 3
        published = meeting.agenda_published_at is not None
        exempt = rng.randrange(25) == 0
        return Report(
            public_id=self.ids(),
            title=rng.choice(REPORT_TOPICS).format(q=quarter),
            body_id=meeting.body_id,
            report_of=rng.choice(REPORT_OF),
            author_id=self.council.shared.officer(),
            status=ReportStatus.PUBLISHED if published else ReportStatus.IMPLICATIONS_REQUESTED,
            purpose=rng.choice(ReportPurpose.values),
            is_key_decision=rng.randrange(10) == 0,
            is_exempt=exempt,
            exempt_paragraph=1 if exempt else None,
            executive_summary="This report asks the committee to note progress and agree the "
            "next steps.\n\nIt follows the report to the previous meeting.",
            introduction="The council has a duty to have due regard to the need to prevent "
            "people from being drawn into terrorism.",
            reasons="To keep the council's arrangements up to date.",
            published_at=meeting.agenda_published_at if published else None,
        )

    def _recommendations(self, reports: list[Report]) -> Iterator[Recommendation]:
        texts = ("That the report be noted.", "That the next steps in section 4 be agreed.")
        for report in reports:
            for number, text in enumerate(texts, start=1):
                yield Recommendation(public_id=self.ids(), report=report, number=number, text=text)

    def _implications(self, reports: list[Report]) -> Iterator[Implication]:
        for report in reports:
            verified = report.status == ReportStatus.PUBLISHED
            for kind, text, title in IMPLICATIONS:
                yield Implication(
                    public_id=self.ids(),
                    report=report,
                    kind=kind,
                    text=text,
                    verifier_id=self.council.shared.officer(),
                    verified_by_name=f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
                    if verified
                    else "",
                    verified_by_title=title if verified else "",
                    verified_on=report.published_at.date() if report.published_at else None,
                )

    def _items(self, reports: dict[int, list[Report]]) -> Iterator[AgendaItem]:
        for meeting in self.meetings:
            titles: list[tuple[str, Report | None]] = [(t, None) for t in STANDING_ITEMS]
            titles.append((PREVIOUS_MINUTES, None))
            titles += [(r.title, r) for r in reports.get(meeting.pk, [])]
            for order, (title, report) in enumerate(titles, start=1):
                exempt = report is not None and report.is_exempt
                yield AgendaItem(
                    public_id=self.ids(),
                    meeting=meeting,
                    number=str(order),
                    order=order,
                    title=title,
                    presenting_officer_id=report.author_id if report else None,
                    report=report,
                    is_exempt=exempt,
                    exempt_paragraph=1 if exempt else None,
                )

    def _attendance(self) -> Iterator[Attendance]:
        for meeting in self.meetings:
            if meeting.status != MeetingStatus.HELD:
                continue
            for person in self.council.members[meeting.body_id]:
                apologies = self.rng.randrange(8) == 0
                yield Attendance(
                    meeting=meeting,
                    person_id=person,
                    status=AttendanceStatus.APOLOGIES if apologies else AttendanceStatus.PRESENT,
                )

    def _declarations(self, items: list[AgendaItem]) -> Iterator[Declaration]:
        for item in items:
            if item.report_id is None or self.rng.randrange(15):
                continue
            meeting = item.meeting
            if meeting.status != MeetingStatus.HELD:
                continue
            yield Declaration(
                meeting=meeting,
                item=item,
                person_id=self.council.chairs[meeting.body_id],
                nature="A family member works for a partner organisation named in the report.",
                kind=InterestKind.NON_REGISTRABLE,
            )

    def _minutes(self, items: list[AgendaItem]) -> Iterator[Minute]:
        for item in items:
            yield Minute(
                public_id=self.ids(),
                item=item,
                presented_by_id=item.presenting_officer_id,
                points="The officer presented the report.\n\nMembers asked about the timetable."
                if item.report_id
                else "",
            )

    def _resolutions(self, minutes: list[Minute]) -> Iterator[Resolution]:
        for minute in minutes:
            item = minute.item
            if item.title in STANDING_ITEMS:
                continue
            text = (
                "That the minutes of the previous meeting be approved as a correct record."
                if item.report_id is None
                else "That the report be noted and the next steps be agreed."
            )
            yield Resolution(
                public_id=self.ids(),
                minute=minute,
                number=f"{item.meeting_id}.{item.order}",
                text=text,
            )

    def _decisions(self, resolutions: list[Resolution]) -> Iterator[Decision]:
        for resolution in resolutions:
            assert resolution.minute is not None
            item = resolution.minute.item
            yield Decision(
                public_id=self.ids(),
                kind=DecisionKind.RESOLUTION,
                resolution=resolution,
                meeting_id=item.meeting_id,
                title=item.title,
                text=resolution.text,
                decided_on=item.meeting.starts_at.date(),
                status=self.rng.choice((DecisionStatus.OPEN, DecisionStatus.IMPLEMENTED)),
            )

    def _motions(self) -> Iterator[Decision]:
        """One Full Council motion at each held meeting of the council."""
        council = self.council
        full = council.bodies[0]
        for meeting in self.meetings:
            if meeting.body_id != full.pk or meeting.status != MeetingStatus.HELD:
                continue
            proposer, seconder = self.rng.sample(council.councillors, k=2)
            yield Decision(
                public_id=self.ids(),
                kind=DecisionKind.MOTION,
                meeting=meeting,
                title="Motion on community cohesion",
                text="That this council reaffirms its commitment to community cohesion.",
                decided_on=meeting.starts_at.date(),
                proposer_id=proposer,
                seconder_id=seconder,
            )

    def _actions(self, decisions: list[Decision]) -> Iterator[DecisionAction]:
        for decision in decisions:
            if self.rng.randrange(4):
                continue
            yield DecisionAction(
                public_id=self.ids(),
                decision=decision,
                description="Report back to the next meeting on progress.",
                owner_id=self.council.shared.officer(),
                due_on=decision.decided_on + dt.timedelta(days=90),
                status=self.rng.choice(ActionStatus.values),
            )
