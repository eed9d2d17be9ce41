"""The local risk assessment as a document: a web page, a tagged PDF and a Word file, laid out as a
committee report appendix (front sheet, summary, contributions and coverage, heat maps with their
tables, the register of the assessment's risks).

Everything in it comes through the reader's policies, and the document carries the highest
handling marking of what it holds: an OFFICIAL assessment listing an OFFICIAL-SENSITIVE risk is an
OFFICIAL-SENSITIVE document. The PDF prints the marking at the head and foot of every page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from preventhub.core.documents import DOCUMENT_CSS, WordBuilder, html_to_pdf

from . import heatmap, policies
from .coverage import SectorCoverage, coverage
from .heatmap import HeatMap
from .models import Contribution, ContributionStatus, Marking, RatingMatrix, Risk, RiskAssessment

PDF_TEMPLATE = "risk/documents/assessment_pdf.html"


@dataclass(frozen=True)
class RiskRow:
    risk: Risk
    inherent: str  # "3 × 4 = 12 (high)"
    residual: str
    location: str


@dataclass(frozen=True)
class AssessmentDocument:
    assessment: RiskAssessment
    marking: str  # the stored value of the highest marking
    contributions: list[Contribution]
    sectors: list[SectorCoverage]
    maps: list[HeatMap]
    risks: list[RiskRow]
    produced_on: dt.date
    council_name: str

    @property
    def title(self) -> str:
        return self.assessment.title

    @property
    def marking_label(self) -> str:
        return str(Marking(self.marking).label)

    @property
    def is_sensitive(self) -> bool:
        return self.marking == Marking.OFFICIAL_SENSITIVE

    @property
    def front_sheet(self) -> list[tuple[str, str]]:
        a = self.assessment
        profile = f"Edition {a.ctlp_edition}" if a.ctlp_edition else "Edition not recorded"
        if a.ctlp_received_on:
            profile += f", received {a.ctlp_received_on:%-d %B %Y}"
        status = a.get_status_display()
        if a.agreed_on:
            status += f" on {a.agreed_on:%-d %B %Y}"
        rows = [
            ("Handling marking", self.marking_label),
            ("Period", f"{a.period_start:%-d %B %Y} to {a.period_end:%-d %B %Y}"),
            ("Counter-Terrorism Local Profile", profile),
            ("Status", status),
        ]
        if a.agreed_at_meeting is not None:
            meeting = a.agreed_at_meeting
            rows.append(("Agreed at", f"{meeting.body.name}, {meeting.starts_at:%-d %B %Y}"))
        if a.agreed_by is not None:
            rows.append(("Agreeing resolution", f"Resolution {a.agreed_by.number}"))
        rows.append(("Risks identified", str(len(self.risks))))
        rows.append(("Produced on", f"{self.produced_on:%-d %B %Y}"))
        return rows


def _rating(likelihood: int, impact: int, matrix: RatingMatrix) -> str:
    score = likelihood * impact
    return f"{likelihood} × {impact} = {score} ({matrix.level_for(score).label.lower()})"


def build(user: Any, assessment: RiskAssessment) -> AssessmentDocument:
    """The document as ``user`` may read it. Queries: the contributions, one GROUP BY for the
    coverage, the active matrix, one GROUP BY per heat map, the risks with their wards."""
    contributions = policies.contributions.visible_to(user).filter(assessment=assessment)
    received = list(
        contributions.filter(status=ContributionStatus.RECEIVED)
        .select_related("organisation")
        .order_by("organisation__name", "id")
    )
    risks = policies.risks.visible_to(user).filter(assessment=assessment)
    matrix = RatingMatrix.active()
    rows = [
        RiskRow(
            risk=risk,
            inherent=_rating(risk.inherent_likelihood, risk.inherent_impact, matrix),
            residual=_rating(risk.residual_likelihood, risk.residual_impact, matrix),
            location="Borough-wide"
            if risk.borough_wide
            else (", ".join(w.name for w in risk.wards.all()) or "Not recorded"),
        )
        for risk in risks.select_related("concern_type", "owner")
        .prefetch_related("wards")
        .order_by("-residual_score", "title", "id")
    ]
    sensitive = assessment.is_sensitive or any(
        row.risk.marking == Marking.OFFICIAL_SENSITIVE for row in rows
    )
    return AssessmentDocument(
        assessment=assessment,
        marking=Marking.OFFICIAL_SENSITIVE if sensitive else Marking.OFFICIAL,
        contributions=received,
        sectors=coverage(contributions),
        maps=[heatmap.build(risks, kind, matrix) for kind in ("inherent", "residual")],
        risks=rows,
        produced_on=timezone.localdate(),
        council_name=getattr(settings, "COUNCIL_NAME", ""),
    )


def render_pdf(document: AssessmentDocument) -> bytes:
    return html_to_pdf(
        render_to_string(
            PDF_TEMPLATE,
            {"document_css": f"static:{DOCUMENT_CSS}", "doc": document, "title": document.title},
        )
    )


def render_docx(document: AssessmentDocument) -> bytes:
    """Word: the marking as the first and last line and in every page's header and footer."""
    builder = WordBuilder(document.title)
    word = builder.document
    for section in word.sections:
        for part in (section.header, section.footer):
            paragraph = part.paragraphs[0]
            paragraph.text = document.marking_label
            paragraph.runs[0].bold = True
    builder.paragraph(document.marking_label, bold=True)
    builder.heading(document.title, level=1)
    builder.table(["", ""], [list(row) for row in document.front_sheet])
    if document.assessment.summary:
        builder.heading("Summary", level=2).paragraph(document.assessment.summary)
    builder.heading("Partner contributions", level=2)
    if document.contributions:
        builder.table(
            ["Organisation", "Received", "Summary"],
            [
                [
                    c.organisation.name,
                    f"{c.received_on:%-d %B %Y}" if c.received_on else "",
                    c.summary,
                ]
                for c in document.contributions
            ],
        )
    else:
        builder.paragraph("No contributions have been received.")
    builder.heading("Which sectors contributed", level=2)
    builder.table(
        ["Sector", "Contributed", "Requested"],
        [[s.label, str(s.received), str(s.requested)] for s in document.sectors],
    )
    for heat_map in document.maps:
        builder.heading(heat_map.title, level=2)
        builder.paragraph(
            f"Open risks by likelihood (rows) and impact (columns): {heat_map.total}."
        )
        builder.table(
            ["Likelihood", *[f"Impact {n}" for n in range(1, 6)]],
            [
                [f"Likelihood {row[0].likelihood}", *[str(cell.count) for cell in row]]
                for row in heat_map.rows
            ],
        )
    builder.heading("Risks", level=2)
    if document.risks:
        builder.table(RISK_HEADER, [_risk_cells(row) for row in document.risks])
    else:
        builder.paragraph("No risks are recorded for this assessment.")
    builder.paragraph(document.marking_label, bold=True)
    return builder.to_bytes()


RISK_HEADER = [
    "Reference", "Risk", "Type of concern", "Location", "Inherent", "Residual", "Owner",
    "Review date", "Trend", "Status",
]  # fmt: skip


def _risk_cells(row: RiskRow) -> list[str]:
    risk = row.risk
    return [
        risk.reference,
        risk.title,
        risk.concern_type.label if risk.concern_type else "",
        row.location,
        row.inherent,
        row.residual,
        risk.owner.name if risk.owner else "",
        f"{risk.review_on:%-d %B %Y}" if risk.review_on else "",
        risk.get_trend_display(),
        risk.get_status_display(),
    ]
