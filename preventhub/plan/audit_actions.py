"""Audit action codes for the partnership plan (registered when the app is ready)."""

from __future__ import annotations

from preventhub.audit.registry import register

PLAN_CREATED = register("plan.plan_created", "Partnership plan added")
PLAN_UPDATED = register("plan.plan_updated", "Partnership plan changed")
OBJECTIVE_CREATED = register("plan.objective_created", "Plan objective added")
OBJECTIVE_UPDATED = register("plan.objective_updated", "Plan objective changed")
ACTION_CREATED = register("plan.action_created", "Plan action added")
ACTION_UPDATED = register("plan.action_updated", "Plan action changed")
ACTION_RAG_OVERRIDDEN = register("plan.action_rag_overridden", "Plan action's RAG overridden")
ACTION_RAG_RESTORED = register("plan.action_rag_restored", "Plan action's RAG override removed")
ACTION_DECISION_LINKED = register("plan.action_decision_linked", "Plan action linked to a decision")
ACTION_DECISION_UNLINKED = register(
    "plan.action_decision_unlinked", "Plan action unlinked from a decision"
)
PROGRESS_RECORDED = register("plan.progress_recorded", "Progress on a plan action recorded")
EVIDENCE_ADDED = register("plan.evidence_added", "Evidence added to a progress update")
MEASURE_CREATED = register("plan.measure_created", "Outcome measure added")
MEASURE_UPDATED = register("plan.measure_updated", "Outcome measure changed")
ACTUAL_RECORDED = register("plan.actual_recorded", "Outcome measure actual recorded")
BUDGET_LINE_CREATED = register("plan.budget_line_created", "Budget line added")
BUDGET_LINE_UPDATED = register("plan.budget_line_updated", "Budget line changed")
SPEND_RECORDED = register("plan.spend_recorded", "Spend recorded")
ACTION_RISK_LINKED = register("plan.action_risk_linked", "Plan action linked to a risk it reduces")
ACTION_RISK_UNLINKED = register("plan.action_risk_unlinked", "Plan action unlinked from a risk")
MEASURE_ACTION_LINKED = register(
    "plan.measure_action_linked", "Action linked to an outcome measure"
)
MEASURE_ACTION_UNLINKED = register(
    "plan.measure_action_unlinked", "Action unlinked from an outcome measure"
)
