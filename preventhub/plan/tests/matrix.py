"""Permission-matrix cases for the partnership plan: every role reads it; the Prevent lead
changes it; progress on an action is also for its lead organisation's partner lead and its owner
(here the Channel panel member, linked to the owner's directory entry)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import PersonFactory
from preventhub.governance.tests.factories import DecisionFactory
from preventhub.plan.models import Evidence, PlanActionStatus
from preventhub.plan.tests.factories import (
    ActionFactory,
    ActualFactory,
    BudgetLineFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanFactory,
    ProgressUpdateFactory,
    SpendItemFactory,
)
from preventhub.plan.tests.matrix_api import CASES as API_CASES
from preventhub.risk.tests.factories import RiskFactory

MANAGER = frozenset({"prevent_lead"})
OWNER = "channel_panel_member"
SCHOOL_UPDATERS = frozenset({"prevent_lead", "partner_lead", OWNER})
COLLEGE_UPDATERS = frozenset({"prevent_lead", "other_partner_lead"})
PDF = b"%PDF-1.7\n% plan evidence\n"


def build(world: Any) -> None:
    owner = getattr(world, OWNER)
    owner.person = PersonFactory.create(name="Olu Owner (plan matrix)", organisation=world.school)
    owner.save(update_fields=["person"])
    plan = world.pl_plan = PlanFactory.create(title="Prevent partnership plan (matrix)")
    objective = world.pl_objective = ObjectiveFactory.create(plan=plan)
    world.pl_school_action = ActionFactory.create(
        objective=objective,
        lead_organisation=world.school,
        owner=owner.person,
        due_on=dt.date.today() + dt.timedelta(days=3),
        starts_on=None,
        status=PlanActionStatus.IN_PROGRESS,
    )
    world.pl_college_action = ActionFactory.create(
        objective=objective, lead_organisation=world.college, owner=None
    )
    world.pl_decision = DecisionFactory.create(title="Adopt the partnership plan (matrix)")
    world.pl_school_action.decisions.add(world.pl_decision)
    update = world.pl_update = ProgressUpdateFactory.create(action=world.pl_school_action)
    evidence = Evidence(update=update, title="Training register")
    evidence.file.save("register.pdf", ContentFile(PDF), save=False)
    evidence.save()
    world.pl_evidence = evidence
    world.pl_risk = RiskFactory.create(title="Online radicalisation (plan matrix)")
    world.pl_school_action.risks.add(world.pl_risk)
    world.pl_measure = MeasureFactory.create(plan=plan, objective=objective)
    world.pl_measure.actions.add(world.pl_school_action)
    ActualFactory.create(measure=world.pl_measure)
    world.pl_line = BudgetLineFactory.create(plan=plan)
    world.pl_spend = SpendItemFactory.create(
        budget_line=world.pl_line, action=world.pl_school_action
    )


def _pid(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def _plan_data(w: Any) -> dict[str, Any]:
    return {
        "title": "Prevent partnership plan 2017/18",
        **_date("starts_on", dt.date(2017, 4, 1)),
        **_date("ends_on", dt.date(2018, 3, 31)),
        "status": "draft",
        "agreed_by": "",
        "version": w.pl_plan.version,
    }


def _action_data(w: Any) -> dict[str, Any]:
    return {
        "objective": str(w.pl_objective.public_id),
        "description": "Brief every designated safeguarding lead",
        "lead_organisation": str(w.school.public_id),
        "lead_organisation-id": str(w.school.public_id),
        "owner": "",
        **_date("due_on", dt.date(2017, 3, 31)),
        "status": "not_started",
    }


def _progress_data(w: Any) -> dict[str, Any]:
    return {
        **_date("on", dt.date(2016, 9, 1)),
        "narrative": "Half of the briefings held",
        "percent": "50",
        "status": "in_progress",
        "version": w.pl_school_action.version,
    }


def _rag_data(w: Any) -> dict[str, Any]:
    return {"rag": "green", "reason": "Date moved by agreement", "version": 1}


PAGE: dict[str, Any] = {"allowed": EVERY_ROLE}
POST: dict[str, Any] = {"method": "post", "ok": (302,)}

PAGE_CASES = [
    Case("plan:plan_list", **PAGE),
    Case("plan:plan_detail", kwargs=_pid("pl_plan"), **PAGE),
    Case("plan:plan_document", kwargs=_pid("pl_plan"), **PAGE),
    Case("plan:plan_pdf", kwargs=_pid("pl_plan"), **{**PAGE, "browse": False}),
    Case("plan:plan_docx", kwargs=_pid("pl_plan"), **{**PAGE, "browse": False}),
    Case("plan:plan_create", allowed=MANAGER),
    Case(
        "plan:plan_create",
        data=lambda w: {k: v for k, v in _plan_data(w).items() if k != "version"},
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:plan_edit", kwargs=_pid("pl_plan"), allowed=MANAGER),
    Case("plan:plan_edit", kwargs=_pid("pl_plan"), data=_plan_data, allowed=MANAGER, **POST),
    Case("plan:objective_add", kwargs=_pid("pl_plan"), allowed=MANAGER),
    Case(
        "plan:objective_add",
        kwargs=_pid("pl_plan"),
        data=lambda w: {"title": "Engage faith groups", "description": ""},
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:objective_edit", kwargs=_pid("pl_objective"), allowed=MANAGER),
    Case(
        "plan:objective_edit",
        kwargs=_pid("pl_objective"),
        data=lambda w: {"title": "Engage faith groups", "version": w.pl_objective.version},
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:action_list", **PAGE),
    Case(
        "plan:action_list",
        query="status=in_progress&rag=amber&overdue=on&sort=due_desc",
        **PAGE,
        note="filtered and sorted",
    ),
    Case("plan:action_list", query="plan=not-an-id", **PAGE, note="an unknown plan lists none"),
    Case("plan:action_export", kwargs=lambda w: {"fmt": "csv"}, browse=False, **PAGE),
    Case(
        "plan:action_export",
        kwargs=lambda w: {"fmt": "xlsx"},
        data=lambda w: {"plan": str(w.pl_plan.public_id), "status": "in_progress"},
        browse=False,
        **PAGE,
    ),
    Case(
        "core:import_upload",
        kwargs=lambda w: {"kind": "plan_actions"},
        data=lambda w: {"plan": str(w.pl_plan.public_id)},
        allowed=MANAGER,
        note="an import of actions goes into the plan it was started from",
    ),
    Case(
        "core:import_upload",
        kwargs=lambda w: {"kind": "plan_actions"},
        allowed=set(),
        note="without a plan there is nothing to import into",
    ),
    Case("plan:my_actions", allowed=EVERYONE_SIGNED_IN, note="empty without a directory link"),
    Case("plan:actions_due", allowed=MANAGER),
    Case("plan:action_detail", kwargs=_pid("pl_school_action"), allowed=EVERY_ROLE),
    Case("plan:action_create", kwargs=_pid("pl_objective"), allowed=MANAGER),
    Case(
        "plan:action_create",
        kwargs=_pid("pl_objective"),
        data=_action_data,
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:action_edit", kwargs=_pid("pl_school_action"), allowed=MANAGER),
    Case(
        "plan:action_edit",
        kwargs=_pid("pl_school_action"),
        data=lambda w: {**_action_data(w), "version": w.pl_school_action.version},
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:action_progress", kwargs=_pid("pl_school_action"), allowed=SCHOOL_UPDATERS),
    Case(
        "plan:action_progress",
        kwargs=_pid("pl_school_action"),
        data=_progress_data,
        allowed=SCHOOL_UPDATERS,
        **POST,
    ),
    Case("plan:action_progress", kwargs=_pid("pl_college_action"), allowed=COLLEGE_UPDATERS),
    Case("plan:action_rag", kwargs=_pid("pl_school_action"), allowed=SCHOOL_UPDATERS),
    Case(
        "plan:action_rag",
        kwargs=_pid("pl_school_action"),
        data=_rag_data,
        allowed=SCHOOL_UPDATERS,
        **POST,
    ),
    Case(
        "plan:action_rag_remove",
        kwargs=_pid("pl_college_action"),
        allowed=COLLEGE_UPDATERS,
        **POST,
    ),
    Case(
        "plan:action_decision_link",
        kwargs=_pid("pl_college_action"),
        allowed=MANAGER,
    ),
    Case(
        "plan:action_decision_link",
        kwargs=_pid("pl_college_action"),
        data=lambda w: {"decision": str(w.pl_decision.public_id)},
        allowed=MANAGER,
        **POST,
    ),
    Case(
        "plan:action_decision_unlink",
        kwargs=lambda w: {
            "public_id": w.pl_school_action.public_id,
            "decision_id": w.pl_decision.public_id,
        },
        allowed=MANAGER,
        **POST,
    ),
    Case(
        "plan:evidence_download",
        kwargs=_pid("pl_evidence"),
        allowed=EVERY_ROLE | {OWNER},
        browse=False,
    ),
    Case("plan:measure_list", kwargs=_pid("pl_plan"), **PAGE),
    Case("plan:measure_detail", kwargs=_pid("pl_measure"), **PAGE),
    Case("plan:measure_create", kwargs=_pid("pl_plan"), allowed=MANAGER),
    Case(
        "plan:measure_create",
        kwargs=_pid("pl_plan"),
        data=lambda w: {
            "title": "Staff trained",
            "objective": "",
            "unit": "per cent",
            "baseline": "40",
            "target": "85",
            "direction": "higher",
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:measure_edit", kwargs=_pid("pl_measure"), allowed=MANAGER),
    Case(
        "plan:measure_edit",
        kwargs=_pid("pl_measure"),
        data=lambda w: {
            "title": "Staff trained",
            "objective": "",
            "unit": "per cent",
            "baseline": "40",
            "target": "90",
            "direction": "higher",
            "version": w.pl_measure.version,
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:actual_add", kwargs=_pid("pl_measure"), allowed=MANAGER),
    Case(
        "plan:actual_add",
        kwargs=_pid("pl_measure"),
        data=lambda w: {**_date("period_end", dt.date(2016, 9, 30)), "value": "61", "note": ""},
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:budget", kwargs=_pid("pl_plan"), **PAGE),
    Case("plan:budget_line_create", kwargs=_pid("pl_plan"), allowed=MANAGER),
    Case(
        "plan:budget_line_create",
        kwargs=_pid("pl_plan"),
        data=lambda w: {
            "source": "Council core budget",
            "amount": str(Decimal("2500")),
            **_date("starts_on", dt.date(2016, 4, 1)),
            **_date("ends_on", dt.date(2017, 3, 31)),
            "value_for_money": "",
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:budget_line_edit", kwargs=_pid("pl_line"), allowed=MANAGER),
    Case(
        "plan:budget_line_edit",
        kwargs=_pid("pl_line"),
        data=lambda w: {
            "source": "Home Office Prevent funding",
            "amount": "10000",
            **_date("starts_on", dt.date(2016, 4, 1)),
            **_date("ends_on", dt.date(2017, 3, 31)),
            "value_for_money": "Scrutinised by the working group",
            "version": w.pl_line.version,
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:spend_add", kwargs=_pid("pl_line"), allowed=MANAGER),
    Case(
        "plan:spend_add",
        kwargs=_pid("pl_line"),
        data=lambda w: {
            **_date("spent_on", dt.date(2016, 8, 1)),
            "amount": "300",
            "description": "Venue hire for a briefing",
            "action": "",
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:search_decisions", query="q=plan", allowed=EVERY_ROLE | {"outsider"}, browse=False),
    Case("plan:search_actions", query="q=brief", allowed=EVERY_ROLE, browse=False),
    Case(
        "plan:search_risks",
        query="q=online",
        allowed=EVERYONE_SIGNED_IN,
        browse=False,
        note="an outsider's search finds no risks (the risk policy shows them none)",
    ),
    Case("plan:action_risk_link", kwargs=_pid("pl_college_action"), allowed=MANAGER),
    Case(
        "plan:action_risk_link",
        kwargs=_pid("pl_college_action"),
        data=lambda w: {"risk": str(w.pl_risk.public_id)},
        allowed=MANAGER,
        **POST,
    ),
    Case(
        "plan:action_risk_unlink",
        kwargs=lambda w: {
            "public_id": w.pl_school_action.public_id,
            "risk_id": w.pl_risk.public_id,
        },
        allowed=MANAGER,
        **POST,
    ),
    Case("plan:measure_action_link", kwargs=_pid("pl_measure"), allowed=MANAGER),
    Case(
        "plan:measure_action_link",
        kwargs=_pid("pl_measure"),
        data=lambda w: {"action": str(w.pl_college_action.public_id)},
        allowed=MANAGER,
        **POST,
    ),
    Case(
        "plan:measure_action_unlink",
        kwargs=lambda w: {
            "public_id": w.pl_measure.public_id,
            "action_id": w.pl_school_action.public_id,
        },
        allowed=MANAGER,
        **POST,
    ),
]

CASES = [*PAGE_CASES, *API_CASES]
