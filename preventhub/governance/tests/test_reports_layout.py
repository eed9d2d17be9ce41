"""The report layout: paragraph numbering, lists and sub-headings, classification and the
"Verified by" line."""

from __future__ import annotations

import datetime as dt

from preventhub.governance.models import Implication, ImplicationKind, Report
from preventhub.governance.services.reports_layout import (
    Block,
    classification,
    implication_heading,
    ordered_implications,
    parse_text,
    verified_line,
)


def test_paragraphs_are_numbered_within_their_section():
    text = "First paragraph.\n\nSecond paragraph,\nwith a line break.\r\n\r\nThird."
    assert parse_text(text, 2) == [
        Block("paragraph", "First paragraph.", number="2.1"),
        Block("paragraph", "Second paragraph,\nwith a line break.", number="2.2"),
        Block("paragraph", "Third.", number="2.3"),
    ]


def test_bullets_and_sub_headings_are_not_numbered():
    text = (
        "## The Prevent Duty Guidance\n\nLocal authorities will:\n- Establish a group\n• Use the "
        "local profile\n\n"
        "The key deliverables are:\n\n* Identify local threat\n* Respond to it"
    )
    assert parse_text(text, 2) == [
        Block("heading", "The Prevent Duty Guidance"),
        Block("paragraph", "Local authorities will:", number="2.1"),
        Block("bullets", items=("Establish a group", "Use the local profile")),
        Block("paragraph", "The key deliverables are:", number="2.2"),
        Block("bullets", items=("Identify local threat", "Respond to it")),
    ]


def test_text_outside_numbered_sections_is_not_numbered():
    assert parse_text("Summary.", None) == [Block("paragraph", "Summary.")]
    assert parse_text("   \n\n  ", 3) == []


def test_the_classification_names_the_schedule_12a_paragraph():
    assert classification(Report(is_exempt=False)) == "For general release"
    assert classification(Report(is_exempt=True, exempt_paragraph=7)) == (
        "Not for publication — exempt under paragraph 7 of Schedule 12A to the Local Government "
        "Act 1972 "
        "(prevention, investigation or prosecution of crime)"
    )


def test_the_verified_by_line_gives_name_title_and_date():
    implication = Implication(
        kind=ImplicationKind.LEGAL,
        verified_by_name="Dev Lawrence",
        verified_by_title="Monitoring Officer",
        verified_on=dt.date(2016, 3, 1),
    )
    assert (
        verified_line(implication) == "Verified by: Dev Lawrence, Monitoring Officer, 1 March 2016"
    )
    assert verified_line(Implication(kind=ImplicationKind.LEGAL)) == ""


def test_implications_come_in_the_seed_reports_order_whatever_order_they_were_added():
    other = Implication(pk=1, kind=ImplicationKind.OTHER, heading="Crime and disorder")
    legal = Implication(pk=2, kind=ImplicationKind.LEGAL)
    financial = Implication(pk=3, kind=ImplicationKind.FINANCIAL)
    equality = Implication(pk=4, kind=ImplicationKind.EQUALITY)
    ordered = ordered_implications([other, legal, financial, equality])
    assert [implication_heading(i) for i in ordered] == [
        "Financial",
        "Legal",
        "Diversity and equality",
        "Other implications: Crime and disorder",
    ]
