"""The plan demo: Northbridge's Prevent partnership plan for 2026/27, with 32 actions across the
council, police, schools, the college, the NHS, probation, prison, youth justice and the voluntary
sector, their progress, links to the risks they reduce and the Full Council resolution that asked
for the partnership's work, outcome measures with a year of monthly actuals, and the £10,000 of
Home Office Prevent funding the working group was once asked to scrutinise.

Runs after the governance and risk demos. Every step goes through the plan's services as the
Prevent lead; each first looks for what it would make, so running the demo twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from preventhub.accounts.roles import Role
from preventhub.core.seeding import Demo

from . import services
from .demo_data import ACTIONS, MEASURES, RISK_LINKS, SPEND
from .models import Action, BudgetLine, Measure, Objective, Plan, PlanStatus

TITLE = "Northbridge Prevent partnership plan 2026/27"
START, END = dt.date(2026, 4, 1), dt.date(2027, 3, 31)


def seed(demo: Demo) -> None:
    lead = demo[f"user:{Role.PREVENT_LEAD}"]
    plan = Plan.objects.filter(title=TITLE).first() or _plan(demo, lead)
    demo["plan:current"] = plan
    objectives = {o.position: o for o in Objective.objects.filter(plan=plan)}
    actions = {a.description: a for a in Action.objects.filter(objective__plan=plan)}
    for row in ACTIONS:
        if row[1] not in actions:
            actions[row[1]] = _action(demo, lead, objectives, *row)
    _measures(lead, plan, objectives)
    _funding(lead, plan, actions)


def _plan(demo: Demo, lead: Any) -> Plan:
    # The demo's governance story ends in 2016, so no decision in it can have agreed a 2026/27
    # plan: "Agreed by" stays unrecorded rather than pointing at the 2015 resolution that set the
    # work going (the actions that resolution asked for are linked to it instead).
    return services.create_plan(
        actor=lead,
        title=TITLE,
        starts_on=START,
        ends_on=END,
        status=PlanStatus.AGREED,
        agreed_by=None,
    )


def _action(
    demo: Demo,
    lead: Any,
    objectives: dict[int, Objective],
    position: int,
    description: str,
    organisation: str,
    owner: str | None,
    starts_on: dt.date,
    due_on: dt.date,
    status: str,
    percent: int,
) -> Action:
    action = services.create_action(
        actor=lead,
        objective=objectives[position],
        description=description,
        lead_organisation=demo[f"org:{organisation}"],
        owner=demo.objects.get(f"person:{owner}") if owner else None,
        starts_on=starts_on,
        due_on=due_on,
    )
    if percent or status != "not_started":
        services.record_progress(
            actor=lead,
            action=action,
            on=min(due_on, dt.date(2026, 11, 30)),
            narrative=_narrative(status, percent),
            percent=percent,
            status=status,
            expected_version=action.version,
        )
    _links(demo, lead, action)
    return action


def _narrative(status: str, percent: int) -> str:
    if status == "complete":
        return "Done, and reported to the partnership group."
    if status == "on_hold":
        return "Paused while the service's structure is reviewed."
    if status == "cancelled":
        return "Stopped: the partners' own bulletins now carry the news."
    return f"About {percent}% done; on course to finish by the due date."


def _links(demo: Demo, lead: Any, action: Action) -> None:
    from preventhub.risk.models import Risk

    resolution = demo.objects.get("resolution:full council")
    if resolution is not None and action.objective.position == 2:
        services.link_decision(actor=lead, action=action, decision=resolution.decision)
    for title in RISK_LINKS.get(action.description, []):
        risk = Risk.objects.filter(title=title).first()
        if risk is not None:
            services.link_risk(actor=lead, action=action, risk=risk)


def _measures(lead: Any, plan: Plan, objectives: dict[int, Objective]) -> None:
    for title, unit, baseline, target, direction, position, values in MEASURES:
        if Measure.objects.filter(plan=plan, title=title).exists():
            continue
        measure = services.create_measure(
            actor=lead,
            plan=plan,
            title=title,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            direction=direction,
            objective=objectives[position],
        )
        for month, value in enumerate(values):
            year, index = 2025 + (11 + month) // 12, (11 + month) % 12 + 1
            period_end = dt.date(year + index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)
            services.record_actual(
                actor=lead, measure=measure, period_end=period_end, value=Decimal(value)
            )


def _funding(lead: Any, plan: Plan, actions: dict[str, Action]) -> None:
    if BudgetLine.objects.filter(plan=plan).exists():
        return
    line = services.create_budget_line(
        actor=lead,
        plan=plan,
        source="Home Office Prevent funding",
        amount=Decimal("10000"),
        starts_on=START,
        ends_on=END,
        value_for_money=(
            "The members' working group scrutinises this spend each quarter to make sure the "
            "£10k implementing the duty gives value for money."
        ),
    )
    for spent_on, amount, description, action in SPEND:
        services.record_spend(
            actor=lead,
            line=line,
            spent_on=spent_on,
            amount=Decimal(amount),
            description=description,
            action=actions.get(action),
        )
