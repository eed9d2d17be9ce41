"""The partnership plan as a document: a web page, a tagged PDF and a Word file, laid out as a
committee report appendix (front sheet, the RAG summary chart with its table, each objective's
actions with lead, owner, dates, status and RAG in words, the outcome measures with their trend,
and the funding summary).

Everything comes through the reader's policies. Linked risks are not listed: a risk's title may be
OFFICIAL-SENSITIVE, and the plan is read by everyone with a role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from preventhub.core.documents import DOCUMENT_CSS, WordBuilder, html_to_pdf
from preventhub.core.policies import Action as Act
from preventhub.core.policies import RestrictedPrefetch
from preventhub.governance import policies as governance_policies

from . import charts, outcomes, policies
from .models import Action, Actual, Objective, Plan
from .queries import rag_counts, spend_totals, with_spend

PDF_TEMPLATE = "plan/documents/plan_pdf.html"


@dataclass(frozen=True)
class ActionRow:
    action: Action
    rag: str  # the RAG in words with its reason: "Red: overdue"

    @property
    def cells(self) -> list[str]:
        a = self.action
        return [
            a.description,
            a.lead_organisation.name,
            a.owner.name if a.owner else "No owner",
            _date(a.starts_on),
            _date(a.due_on),
            a.get_status_display(),
            self.rag,
        ]


@dataclass(frozen=True)
class ObjectiveSection:
    objective: Objective
    actions: list[ActionRow] = field(default_factory=list)


@dataclass(frozen=True)
class MeasureRow:
    title: str
    unit: str
    baseline: str
    target: str
    latest: str
    trend: str
    rag: str
    # The trend chart (``charts.trend_line``; None without actuals) and its numbers for the table.
    chart: dict[str, Any] | None = None
    actuals: list[tuple[dt.date, str]] = field(default_factory=list)
    key: str = ""

    @property
    def cells(self) -> list[str]:
        return [
            self.title,
            self.unit,
            self.baseline,
            self.target,
            self.latest,
            self.trend,
            self.rag,
        ]


@dataclass(frozen=True)
class PlanDocument:
    plan: Plan
    agreed_by: str
    chart: dict[str, Any]
    objectives: list[ObjectiveSection]
    measures: list[MeasureRow]
    budget_lines: list[Any]
    totals: dict[str, Decimal]
    produced_on: dt.date
    council_name: str

    @property
    def title(self) -> str:
        return self.plan.title

    @property
    def action_count(self) -> int:
        return sum(len(section.actions) for section in self.objectives)

    @property
    def front_sheet(self) -> list[tuple[str, str]]:
        plan = self.plan
        rows = [
            ("Period", f"{plan.starts_on:%-d %B %Y} to {plan.ends_on:%-d %B %Y}"),
            ("Status", plan.get_status_display()),
        ]
        if self.agreed_by:
            rows.append(("Agreed by", self.agreed_by))
        rows += [
            ("Objectives", str(len(self.objectives))),
            ("Actions", str(self.action_count)),
            ("Produced on", f"{self.produced_on:%-d %B %Y}"),
        ]
        return rows


def _date(value: dt.date | None) -> str:
    return f"{value:%-d %b %Y}" if value else "None"


def _money(value: Decimal) -> str:
    return f"£{value:,.2f}"


def _rag_words(action: Action, today: dt.date) -> str:
    rating = action.rating(today)
    if rating.overridden:
        return f"{rating.label} (set by hand: {rating.reason})"
    return f"{rating.label}: {rating.reason.lower()}"


def _number(value: Decimal | None) -> str:
    return "None" if value is None else f"{value.normalize():f}"


def build(user: Any, plan: Plan) -> PlanDocument:
    """The document as ``user`` may read it. Queries: objectives, actions with their lead and
    owner, the RAG counts, measures with their actuals, budget lines with spend, the two totals,
    and the agreeing decision's visibility."""
    today = timezone.localdate()
    actions = policies.actions.visible_to(user).filter(objective__plan=plan)
    by_objective: dict[int, list[ActionRow]] = {}
    for action in actions.select_related("lead_organisation", "owner").order_by("due_on", "id"):
        by_objective.setdefault(action.objective_id, []).append(
            ActionRow(action, _rag_words(action, today))
        )
    sections = [
        ObjectiveSection(objective, by_objective.get(objective.pk, []))
        for objective in policies.objectives.visible_to(user).filter(plan=plan)
    ]
    measures = (
        policies.measures.visible_to(user)
        .filter(plan=plan)
        .prefetch_related(
            RestrictedPrefetch(
                "actuals",
                user,
                queryset=Actual.objects.order_by("period_end"),
                to_attr="ordered_actuals",
            )
        )
        .order_by("title", "id")
    )
    measure_rows = []
    for index, measure in enumerate(measures, start=1):
        values = [actual.value for actual in measure.ordered_actuals]
        latest = measure.ordered_actuals[-1] if values else None
        rag = outcomes.measure_rag(
            latest=values[-1] if values else None,
            baseline=measure.baseline,
            target=measure.target,
            direction=measure.direction,
        )
        measure_rows.append(
            MeasureRow(
                title=measure.title,
                unit=measure.unit,
                baseline=_number(measure.baseline),
                target=_number(measure.target),
                latest=f"{_number(latest.value)} ({latest.period_end:%b %Y})" if latest else "None",
                trend=outcomes.trend(values, measure.direction).label,
                rag=rag.label,
                chart=charts.trend_line(
                    [(a.period_end, a.value) for a in measure.ordered_actuals],
                    target=measure.target,
                    baseline=measure.baseline,
                    unit=measure.unit,
                ),
                actuals=[(a.period_end, _number(a.value)) for a in measure.ordered_actuals],
                key=f"measure-{index}",
            )
        )
    lines = policies.budget_lines.visible_to(user).filter(plan=plan)
    decision = plan.agreed_by
    agreed_by = ""
    if decision is not None and governance_policies.decisions.can(user, Act.VIEW, decision):
        agreed_by = str(decision)
    return PlanDocument(
        plan=plan,
        agreed_by=agreed_by,
        chart=charts.rag_bars(rag_counts(actions, today)),
        objectives=sections,
        measures=measure_rows,
        budget_lines=list(with_spend(lines).order_by("starts_on", "id")),
        totals=spend_totals(lines),
        produced_on=today,
        council_name=getattr(settings, "COUNCIL_NAME", ""),
    )


def render_pdf(document: PlanDocument) -> bytes:
    return html_to_pdf(
        render_to_string(
            PDF_TEMPLATE,
            {"document_css": f"static:{DOCUMENT_CSS}", "doc": document, "title": document.title},
        )
    )


ACTION_HEADER = ["Action", "Lead organisation", "Owner", "Start", "Due", "Status", "RAG"]
MEASURE_HEADER = ["Measure", "Unit", "Baseline", "Target", "Latest", "Trend", "RAG"]


def render_docx(document: PlanDocument) -> bytes:
    builder = WordBuilder(document.title)
    builder.heading(document.title, level=1)
    builder.table(["", ""], [list(row) for row in document.front_sheet])
    builder.heading("Actions by RAG rating", level=2)
    builder.paragraph(document.chart["description"])
    builder.table(
        ["Rating", "Actions"],
        [[bar.label, str(bar.value)] for bar in document.chart["bars"]]
        + [["Total", str(document.chart["total"])]],
    )
    builder.heading("Objectives and actions", level=2)
    for section in document.objectives:
        builder.heading(section.objective.title, level=3)
        if section.objective.description:
            builder.paragraph(section.objective.description)
        if section.actions:
            builder.table(ACTION_HEADER, [row.cells for row in section.actions])
        else:
            builder.paragraph("No actions yet.")
    builder.heading("Outcome measures", level=2)
    if document.measures:
        builder.table(MEASURE_HEADER, [row.cells for row in document.measures])
    else:
        builder.paragraph("No measures yet.")
    for row in document.measures:
        if row.actuals:
            builder.heading(f"Trend: {row.title}", level=3)
            builder.paragraph(row.chart["description"] if row.chart else "")
            builder.table(
                ["Period ending", "Actual"], [[f"{w:%-d %B %Y}", v] for w, v in row.actuals]
            )
    builder.heading("Funding", level=2)
    if document.budget_lines:
        builder.table(
            ["Source", "Period", "Budget", "Spent", "Remaining", "Value for money"],
            [
                [
                    line.source,
                    f"{line.starts_on:%-d %b %Y} to {line.ends_on:%-d %b %Y}",
                    _money(line.amount),
                    _money(line.spent),
                    _money(line.remaining),
                    line.value_for_money,
                ]
                for line in document.budget_lines
            ],
        )
    totals = document.totals
    builder.paragraph(
        f"Budget {_money(totals['budget'])}, spent {_money(totals['spent'])}, "
        f"remaining {_money(totals['remaining'])}."
    )
    return builder.to_bytes()
