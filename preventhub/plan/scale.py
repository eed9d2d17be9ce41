"""Benchmark data for the partnership plan (``manage.py seed_scale``): per partnership, plans for
successive years, each with the starting objectives, actions led by partner organisations and
owned by people from the directory's scale data, progress updates, outcome measures with monthly
actuals, and a budget line with spend. The same every time for the same ``rng``.

Sizes, as partnerships are: ``district`` is one (3 plans, about 450 actions and 1,400 updates);
``metropolitan`` four; ``national`` thirty (90 plans, about 13,500 actions and 40,000 updates).
Rows are built one plan at a time and inserted in batches (``preventhub.core.scale``), so memory
stays flat; they bypass record history, as the other modules' scale data does.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from preventhub.core.scale import PublicIds, insert_all
from preventhub.directory.models import Organisation, Person

from .models import (
    Action,
    Actual,
    BudgetLine,
    Direction,
    Measure,
    Objective,
    Plan,
    PlanActionStatus,
    PlanStatus,
    ProgressUpdate,
    SpendItem,
)
from .objectives import STARTING_OBJECTIVES


@dataclass(frozen=True)
class Size:
    partnerships: int
    plans: int  # per partnership: one a year, the latest open
    actions: int  # per plan
    updates: int  # per action, at most


SIZES = {
    "district": Size(partnerships=1, plans=3, actions=150, updates=6),
    "metropolitan": Size(partnerships=4, plans=3, actions=150, updates=6),
    "national": Size(partnerships=30, plans=3, actions=150, updates=6),
}
VERBS = ("Brief", "Train", "Review", "Map", "Publish", "Agree", "Audit", "Run", "Hold", "Test")
THINGS = (
    "designated safeguarding leads on the referral pathway",
    "frontline staff in Prevent awareness",
    "the venue hire and external speaker policy",
    "out-of-school settings in two wards",
    "an information sharing agreement",
    "community conversations with faith groups",
    "the Channel panel's case records",
    "IT filtering on public computers",
)
STATUSES = list(PlanActionStatus.values)
STATUS_WEIGHTS = [3, 5, 4, 1, 1]
LATEST_YEAR = 2026


def seed(size: str, rng: random.Random) -> dict[str, int]:
    wanted = SIZES[size]
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[:20_000])
    counts = {"plans": 0, "actions": 0, "updates": 0, "actuals": 0, "spend items": 0}
    ids = PublicIds(rng, Plan.objects.count())
    for partnership in range(wanted.partnerships):
        for offset in range(wanted.plans):
            year = LATEST_YEAR - offset
            plan = Plan.objects.create(
                public_id=ids(),
                title=f"Prevent partnership plan {year}/{(year + 1) % 100:02d} ({partnership + 1})",
                starts_on=dt.date(year, 4, 1),
                ends_on=dt.date(year + 1, 3, 31),
                status=PlanStatus.AGREED if offset == 0 else PlanStatus.CLOSED,
            )
            counts["plans"] += 1
            _seed_plan(plan, wanted, rng, ids, organisations, people, counts)
    return counts


def _seed_plan(
    plan: Plan,
    wanted: Size,
    rng: random.Random,
    ids: PublicIds,
    organisations: list[int],
    people: list[int],
    counts: dict[str, int],
) -> None:
    objectives = Objective.objects.bulk_create(
        Objective(public_id=ids(), plan=plan, title=t, deliverable=d, toolkit_area=a, position=i)
        for i, (t, d, a) in enumerate(STARTING_OBJECTIVES, start=1)
    )
    counts["actions"] += insert_all(
        Action, _actions(plan, objectives, wanted, rng, ids, organisations, people)
    )
    actions = list(
        Action.objects.filter(objective__plan=plan).values_list("pk", "starts_on", "progress")
    )
    counts["updates"] += insert_all(ProgressUpdate, _updates(actions, wanted, rng, ids))
    counts["actuals"] += _measures(plan, objectives, rng, ids)
    line = BudgetLine.objects.create(
        public_id=ids(),
        plan=plan,
        source="Home Office Prevent funding",
        amount=Decimal(rng.choice([10_000, 25_000, 60_000])),
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
    )
    counts["spend items"] += insert_all(SpendItem, _spend(line, actions, rng, ids))


def _actions(
    plan: Plan,
    objectives: list[Objective],
    wanted: Size,
    rng: random.Random,
    ids: PublicIds,
    organisations: list[int],
    people: list[int],
) -> Iterator[Action]:
    for _ in range(wanted.actions):
        start = plan.starts_on + dt.timedelta(days=rng.randrange(0, 200))
        due = start + dt.timedelta(days=rng.randrange(30, 160))
        status = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]
        progress = 100 if status == PlanActionStatus.COMPLETE else rng.randrange(0, 95, 5)
        yield Action(
            public_id=ids(),
            objective=rng.choice(objectives),
            description=f"{rng.choice(VERBS)} {rng.choice(THINGS)}",
            lead_organisation_id=rng.choice(organisations),
            owner_id=rng.choice(people) if people and rng.random() < 0.8 else None,
            starts_on=start,
            due_on=due if rng.random() < 0.95 else None,
            status=status,
            progress=0 if status == PlanActionStatus.NOT_STARTED else progress,
        )


def _updates(
    actions: list[tuple[int, dt.date | None, int]],
    wanted: Size,
    rng: random.Random,
    ids: PublicIds,
) -> Iterator[ProgressUpdate]:
    for pk, start, progress in actions:
        for n in range(rng.randrange(0, wanted.updates + 1)):
            yield ProgressUpdate(
                public_id=ids(),
                action_id=pk,
                on=(start or dt.date(LATEST_YEAR, 4, 1)) + dt.timedelta(days=30 * (n + 1)),
                narrative="Progress reported to the partnership group.",
                percent=min(progress, 10 * (n + 1)),
            )


def _measures(plan: Plan, objectives: list[Objective], rng: random.Random, ids: PublicIds) -> int:
    made = 0
    for n in range(4):
        baseline = Decimal(rng.randrange(20, 60))
        measure = Measure.objects.create(
            public_id=ids(),
            plan=plan,
            objective=objectives[n],
            title=f"Outcome measure {n + 1}",
            unit="per cent",
            baseline=baseline,
            target=baseline + 25,
            direction=Direction.HIGHER,
        )
        made += insert_all(
            Actual,
            (
                Actual(
                    public_id=ids(),
                    measure=measure,
                    period_end=dt.date(plan.starts_on.year + (m + 4) // 12, (m + 4) % 12 + 1, 1)
                    - dt.timedelta(days=1),
                    value=baseline + rng.randrange(-3, 3 + 2 * m),
                )
                for m in range(12)
            ),
        )
    return made


def _spend(
    line: BudgetLine,
    actions: list[tuple[int, dt.date | None, int]],
    rng: random.Random,
    ids: PublicIds,
) -> Iterator[SpendItem]:
    for pk, start, _ in rng.sample(actions, min(10, len(actions))):
        yield SpendItem(
            public_id=ids(),
            budget_line=line,
            action_id=pk,
            spent_on=start or line.starts_on,
            amount=Decimal(rng.randrange(100, 900)),
            description="Training, venue or printing costs",
        )
