"""Permission-matrix cases for the plan's API (the world is built by ``matrix.build``): lists
answer every signed-in caller (an outsider sees no rows), records need a role, changes follow the
pages' rules; adding without the right is 403, changing a record one may not change is 404, and
progress on an action one may not update is a 400 on its field, like an unknown id."""

from __future__ import annotations

from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case

MANAGER = frozenset({"prevent_lead"})
SCHOOL_UPDATERS = frozenset({"prevent_lead", "partner_lead", "channel_panel_member"})


def _api(url_name: str, **options: Any) -> Case:
    return Case(f"api:{url_name}", anonymous="401", browse=False, **options)


def _id(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _list(url_name: str, query: str = "") -> Case:
    return _api(url_name, allowed=EVERYONE_SIGNED_IN, query=query)


def _read(url_name: str, record: str) -> Case:
    return _api(url_name, allowed=EVERY_ROLE, kwargs=_id(record))


def _write(url_name: str, method: str, data: Any, **options: Any) -> Case:
    options.setdefault("allowed", MANAGER)
    return _api(url_name, method=method, json=True, data=data, **options)


def _add(url_name: str, data: Any) -> Case:
    return _write(url_name, "post", data, ok=(201,), denied=(403,))


def _ref(name: str) -> Any:
    return lambda w: str(getattr(w, name).public_id)


def _version(record: str, **fields: Any) -> Any:
    def data(w: Any) -> dict[str, Any]:
        values = {k: v(w) if callable(v) else v for k, v in fields.items()}
        return {"version": getattr(w, record).version, **values}

    return data


CASES = [
    _list("plan_plan_list"),
    _list("plan_plan_list", "status=draft&search=matrix"),
    _read("plan_plan_detail", "pl_plan"),
    _add(
        "plan_plan_create",
        lambda w: {"title": "Plan 2017/18", "starts_on": "2017-04-01", "ends_on": "2018-03-31"},
    ),
    _write(
        "plan_plan_update", "patch", _version("pl_plan", status="agreed"), kwargs=_id("pl_plan")
    ),
    _list("plan_objective_list"),
    _read("plan_objective_detail", "pl_objective"),
    _add(
        "plan_objective_create",
        lambda w: {"plan": str(w.pl_plan.public_id), "title": "Engage faith groups"},
    ),
    _write(
        "plan_objective_update",
        "patch",
        _version("pl_objective", title="Engage faith groups"),
        kwargs=_id("pl_objective"),
    ),
    _list("plan_action_list"),
    _list("plan_action_list", "rag=amber&overdue=false&status=in_progress"),
    _read("plan_action_detail", "pl_school_action"),
    _add(
        "plan_action_create",
        lambda w: {
            "objective": str(w.pl_objective.public_id),
            "description": "Brief every safeguarding lead",
            "lead_organisation": str(w.college.public_id),
        },
    ),
    _write(
        "plan_action_update",
        "patch",
        _version("pl_college_action", due_on="2017-03-31"),
        kwargs=_id("pl_college_action"),
    ),
    _write(
        "plan_action_override",
        "post",
        _version("pl_school_action", rag="green", reason="Moved by agreement"),
        kwargs=_id("pl_school_action"),
        allowed=SCHOOL_UPDATERS,
    ),
    _write(
        "plan_action_override_remove",
        "post",
        _version("pl_college_action"),
        kwargs=_id("pl_college_action"),
        allowed={"prevent_lead", "other_partner_lead"},
    ),
    _write(
        "plan_action_link_decision",
        "post",
        lambda w: {"decision": str(w.pl_decision.public_id)},
        kwargs=_id("pl_college_action"),
    ),
    _write(
        "plan_action_unlink_decision",
        "delete",
        None,
        kwargs=lambda w: {
            "public_id": w.pl_school_action.public_id,
            "decision_id": w.pl_decision.public_id,
        },
    ),
    _write(
        "plan_action_link_risk",
        "post",
        lambda w: {"risk": str(w.pl_risk.public_id)},
        kwargs=_id("pl_college_action"),
    ),
    _write(
        "plan_action_unlink_risk",
        "delete",
        None,
        kwargs=lambda w: {
            "public_id": w.pl_school_action.public_id,
            "risk_id": w.pl_risk.public_id,
        },
    ),
    _list("plan_update_list"),
    _read("plan_update_detail", "pl_update"),
    _write(
        "plan_update_create",
        "post",
        lambda w: {
            "action": str(w.pl_school_action.public_id),
            "version": w.pl_school_action.version,
            "on": "2016-09-01",
            "narrative": "Half of the briefings held",
            "percent": 50,
        },
        allowed=SCHOOL_UPDATERS,
        ok=(201,),
        denied=(400,),
    ),
    _list("plan_measure_list"),
    _read("plan_measure_detail", "pl_measure"),
    _add(
        "plan_measure_create",
        lambda w: {
            "plan": str(w.pl_plan.public_id),
            "title": "Staff trained",
            "unit": "per cent",
            "target": 85,
            "direction": "higher",
        },
    ),
    _write(
        "plan_measure_update",
        "patch",
        _version("pl_measure", target=90),
        kwargs=_id("pl_measure"),
    ),
    _write(
        "plan_measure_record_actual",
        "post",
        lambda w: {"period_end": "2016-12-31", "value": 70.5},
        kwargs=_id("pl_measure"),
    ),
    _write(
        "plan_measure_link_action",
        "post",
        lambda w: {"action": str(w.pl_college_action.public_id)},
        kwargs=_id("pl_measure"),
    ),
    _write(
        "plan_measure_unlink_action",
        "delete",
        None,
        kwargs=lambda w: {
            "public_id": w.pl_measure.public_id,
            "action_id": w.pl_school_action.public_id,
        },
    ),
    _list("plan_budget_line_list"),
    _read("plan_budget_line_detail", "pl_line"),
    _add(
        "plan_budget_line_create",
        lambda w: {
            "plan": str(w.pl_plan.public_id),
            "source": "Council core budget",
            "amount": 2500,
            "starts_on": "2016-04-01",
            "ends_on": "2017-03-31",
        },
    ),
    _write(
        "plan_budget_line_update",
        "patch",
        _version("pl_line", value_for_money="Scrutinised by the working group"),
        kwargs=_id("pl_line"),
    ),
    _list("plan_spend_list"),
    _read("plan_spend_detail", "pl_spend"),
    _add(
        "plan_spend_create",
        lambda w: {
            "budget_line": str(w.pl_line.public_id),
            "spent_on": "2016-08-01",
            "amount": 300,
            "description": "Venue hire",
        },
    ),
]
