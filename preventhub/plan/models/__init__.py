"""The partnership plan: plans, objectives, actions and progress, outcome measures and funding."""

from preventhub.plan.outcomes import Direction, MeasureTrend, Trend
from preventhub.plan.rag import ActionStatus, PlanActionStatus, Rag

from .actions import Action, Evidence, ProgressUpdate
from .funding import BudgetLine, SpendItem
from .measures import Actual, Measure
from .plans import Deliverable, Objective, Plan, PlanStatus, ToolkitArea

__all__ = [
    "ActionStatus",
    "Trend",
    "Action",
    "PlanActionStatus",
    "Actual",
    "BudgetLine",
    "Deliverable",
    "Direction",
    "Evidence",
    "Measure",
    "Objective",
    "Plan",
    "PlanStatus",
    "ProgressUpdate",
    "Rag",
    "SpendItem",
    "ToolkitArea",
    "MeasureTrend",
]
