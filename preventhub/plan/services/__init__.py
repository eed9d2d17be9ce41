"""Every change to the partnership plan: verb-named, keyword-only, taking the acting user, each
checking the actor may make it and saving through ``core.services`` (validated, versioned and
audited in one transaction)."""

from .actions import (
    add_evidence,
    create_action,
    link_decision,
    link_risk,
    override_rag,
    record_progress,
    remove_rag_override,
    unlink_decision,
    unlink_risk,
    update_action,
)
from .funding import create_budget_line, record_spend, update_budget_line
from .measures import create_measure, link_action, record_actual, unlink_action, update_measure
from .plans import add_objective, create_plan, update_objective, update_plan

__all__ = [
    "add_evidence",
    "add_objective",
    "create_action",
    "create_budget_line",
    "create_measure",
    "create_plan",
    "link_action",
    "link_decision",
    "link_risk",
    "override_rag",
    "record_actual",
    "record_progress",
    "record_spend",
    "remove_rag_override",
    "unlink_action",
    "unlink_decision",
    "unlink_risk",
    "update_action",
    "update_budget_line",
    "update_measure",
    "update_objective",
    "update_plan",
]
