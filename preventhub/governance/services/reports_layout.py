"""A committee report laid out as councils lay them out: the front sheet, then numbered sections
with numbered paragraphs (2.1, 2.2…), numbered recommendations (1.1, 1.2…) and implications each
with the officer who verified them.

The web page, the PDF and the Word document are all rendered from one ``ReportLayout``, so the three
never disagree about numbering or wording. The section order and headings follow the seed report
(an English council's template): an unnumbered executive summary, then 1 Recommendations to
9 Appendices.

Report text is in the one text format of ``core/text.py`` (blank-line paragraphs, "- " bullets,
"## " sub-headings), the same as the minutes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format

from preventhub.core.text import Block, blocks
from preventhub.governance.models import (
    Appendix,
    ExemptParagraph,
    Implication,
    ImplicationKind,
    Recommendation,
    Report,
    ReportStatus,
)

GENERAL_RELEASE = "For general release"
KIND_ORDER: dict[str, int] = {
    kind: index
    for index, kind in enumerate(
        [
            ImplicationKind.FINANCIAL,
            ImplicationKind.LEGAL,
            ImplicationKind.EQUALITY,
            ImplicationKind.OTHER,
        ]
    )
}

# (section number, heading, report field). Numbers as in the seed report.
TEXT_SECTIONS: list[tuple[int, str, str]] = [
    (2, "Introduction and background", "introduction"),
    (3, "Issues, options and analysis of options", "issues_and_options"),
    (4, "Reasons for recommendation", "reasons"),
    (5, "Consultation (including overview and scrutiny, if applicable)", "consultation"),
    (
        6,
        "Impact on corporate policies, priorities, performance and community impact",
        "corporate_policies",
    ),
]
RECOMMENDATIONS_NUMBER = 1
IMPLICATIONS_NUMBER = 7
BACKGROUND_NUMBER = 8
APPENDICES_NUMBER = 9


def parse_text(text: str, section: int | None = None) -> list[Block]:
    """Report text in blocks (``core.text``); paragraphs numbered ``section.n`` in a numbered
    section."""
    return blocks(text, section)


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class NumberedImplication:
    number: str
    implication: Implication
    heading: str
    verified_line: str
    awaiting: str
    blocks: list[Block]


@dataclass(frozen=True)
class NumberedRecommendation:
    number: str
    recommendation: Recommendation


@dataclass(frozen=True)
class Section:
    number: int | None
    title: str
    blocks: list[Block] = field(default_factory=list)
    empty_text: str = ""

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number is not None else self.title


@dataclass(frozen=True)
class ReportLayout:
    report: Report
    title: str
    classification: str
    front_sheet: list[Row]
    summary: Section
    recommendations: list[NumberedRecommendation]
    text_sections: list[Section]
    implications: list[NumberedImplication]
    background: Section
    appendices: list[Appendix]
    empty_text: str

    recommendations_heading = f"{RECOMMENDATIONS_NUMBER}. Recommendation(s)"
    implications_heading = f"{IMPLICATIONS_NUMBER}. Implications"
    appendices_heading = f"{APPENDICES_NUMBER}. Appendices to the report"


def classification(report: Report) -> str:
    if not report.is_exempt:
        return GENERAL_RELEASE
    paragraph = report.exempt_paragraph
    reason = ""
    if paragraph in ExemptParagraph.values:
        reason = f" ({ExemptParagraph(paragraph).label.split('. ', 1)[1].lower()})"
    return (
        f"Not for publication — exempt under paragraph {paragraph} of Schedule 12A to the Local "
        f"Government Act 1972{reason}"
    )


def verified_line(implication: Implication) -> str:
    """ "Verified by: <name>, <title>, <date>" from the snapshot taken when it was verified."""
    verified_on = implication.verified_on
    if verified_on is None:  # not verified (``is_verified``)
        return ""
    parts = [
        implication.verified_by_name,
        implication.verified_by_title,
        date_format(verified_on, "j F Y"),
    ]
    return "Verified by: " + ", ".join(p for p in parts if p)


def implication_heading(implication: Implication) -> str:
    if implication.kind == ImplicationKind.OTHER:
        return (
            f"Other implications: {implication.heading}"
            if implication.heading
            else "Other implications"
        )
    return implication.heading or implication.get_kind_display()


def ordered_implications(implications: Iterable[Implication]) -> list[Implication]:
    return sorted(implications, key=lambda i: (KIND_ORDER.get(i.kind, 99), i.pk or 0))


def _awaiting(implication: Implication) -> str:
    """Who is still to verify it; nothing for an implication that needs no verification and has
    nobody asked (the seed report's "other implications" carry no sign-off line)."""
    if implication.is_verified:
        return ""
    who = implication.verifier
    if who is None:
        return "No verifying officer has been chosen." if implication.is_required else ""
    title = f", {who.job_title}" if who.job_title else ""
    return f"To be verified by {who.name}{title}."


def meeting_date(report: Report, agenda_items: Sequence[Any]) -> str:
    meetings = [item.meeting for item in agenda_items]
    if not meetings:
        return "Not yet on an agenda"
    return ", ".join(date_format(timezone.localtime(m.starts_at), "j F Y") for m in meetings)


def build_layout(
    report: Report,
    *,
    recommendations: Sequence[Recommendation],
    implications: Sequence[Implication],
    appendices: Sequence[Appendix],
    agenda_items: Sequence[Any],
) -> ReportLayout:
    """The whole report, numbered. ``report`` needs its body and author loaded; the parts are
    passed in so the caller decides the queries."""
    empty = "None." if report.status == ReportStatus.PUBLISHED else "Not written yet."
    author = report.author
    author_text = ""
    if author is not None:
        author_text = ", ".join(p for p in (author.name, author.job_title) if p)
        if author.email:
            author_text += f" ({author.email})"
    front_sheet = [
        Row("Committee", report.body.name),
        Row("Meeting date", meeting_date(report, agenda_items)),
        Row("Title", report.title),
        Row("Report of", report.report_of or "Not given"),
        Row("Author", author_text or "Not given"),
        Row("Classification", classification(report)),
        Row("Purpose", report.get_purpose_display()),
        Row("Wards affected", report.wards_affected or "None"),
        Row("Key decision", "Yes" if report.is_key_decision else "No"),
    ]
    numbered = [
        NumberedImplication(
            number=f"{IMPLICATIONS_NUMBER}.{index}",
            implication=implication,
            heading=implication_heading(implication),
            verified_line=verified_line(implication),
            awaiting=_awaiting(implication),
            blocks=parse_text(implication.text),
        )
        for index, implication in enumerate(ordered_implications(implications), start=1)
    ]
    return ReportLayout(
        report=report,
        title=report.title,
        classification=classification(report),
        front_sheet=front_sheet,
        summary=Section(None, "Executive summary", parse_text(report.executive_summary), empty),
        recommendations=[
            NumberedRecommendation(f"{RECOMMENDATIONS_NUMBER}.{r.number}", r)
            for r in sorted(recommendations, key=lambda r: r.number)
        ],
        text_sections=[
            Section(number, title, parse_text(getattr(report, name), number), empty)
            for number, title, name in TEXT_SECTIONS
        ],
        implications=numbered,
        background=Section(
            BACKGROUND_NUMBER,
            "Background papers used in preparing the report",
            parse_text(report.background_papers),
            "None.",
        ),
        appendices=sorted(appendices, key=_appendix_key),
        empty_text=empty,
    )


def _appendix_key(appendix: Appendix) -> tuple[int, int, str]:
    letter = appendix.letter.strip()
    return (0, int(letter), "") if letter.isdigit() else (1, 0, letter.upper())
