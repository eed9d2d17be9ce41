"""What councils type, read as our values: dates every way they are written (never guessed
month-first), status words, RAG colours, ratings in words, per cents, and the formula guard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import models

from preventhub.core.spreadsheets import parsers as p

MARCH_31 = dt.date(2025, 3, 31)


@pytest.mark.parametrize(
    "typed",
    [
        "31/03/2025",
        "31/3/25",
        "31.03.2025",
        "31.3.25",
        "31-03-2025",
        "2025-03-31",
        "31 March 2025",
        "31 Mar 2025",
        "31st March 2025",
        "31st Mar, 2025",
        " 31 march 2025 ",
        "2025-03-31 00:00:00",
        "45747",
        45747,
        45747.0,
        dt.datetime(2025, 3, 31, 0, 0),
        MARCH_31,
    ],
)
def test_dates_as_councils_type_them(typed):
    assert p.parse_date(typed) == MARCH_31


@pytest.mark.parametrize("typed", ["03/31/2025", "31/13/2025", "next March", "12", 12, "Q4"])
def test_dates_that_cannot_be_read_say_how_to_type_them(typed):
    with pytest.raises(p.CellError, match="Enter a date such as 31/03/2025"):
        p.parse_date(typed)


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETE = "complete", "Complete"


def test_status_words_and_synonyms():
    parse = p.choice(Status, {"complete": ("Completed", "Done"), "in_progress": ("ongoing",)})
    assert parse("In Progress") == "in_progress"
    assert parse("in-progress") == "in_progress"
    assert parse("ONGOING") == "in_progress"
    assert parse("Done") == "complete"
    assert parse("not_started") == "not_started"
    with pytest.raises(p.CellError, match="Enter one of: not started, in progress, complete"):
        parse("Maybe")


@pytest.mark.parametrize(
    ("typed", "colour"),
    [
        ("Red", "red"),
        ("R", "red"),
        ("amber", "amber"),
        ("A", "amber"),
        ("G", "green"),
        ("Green ", "green"),
        ("Amber/Green", "amber"),
        ("Red / Amber", "red"),
        ("AG", "amber"),
        ("Blue", "green"),
    ],
)
def test_rag_colours_and_two_colour_ratings_take_the_worse(typed, colour):
    assert p.parse_rag(typed) == colour


def test_a_rag_that_is_not_a_colour_is_refused():
    with pytest.raises(p.CellError, match="Enter red, amber or green"):
        p.parse_rag("Purple")


def test_ratings_as_numbers_or_the_scale_s_words():
    parse = p.whole_number(1, 5, {"almost certain": 5, "rare": 1})
    assert [parse(v) for v in (3, 3.0, "3", "3 - Possible", "High (4)", "Almost certain")] == [
        3,
        3,
        3,
        3,
        4,
        5,
    ]
    for bad in ("7", 0, 2.5, "three or four", True):
        with pytest.raises(p.CellError, match="from 1 to 5"):
            parse(bad)


def test_per_cents_from_numbers_text_and_percentage_cells():
    assert [p.parse_percent(v) for v in (75, "75%", 0.75, "100")] == [75, 75, 75, 100]
    with pytest.raises(p.CellError):
        p.parse_percent("most of it")


def test_formula_guard_round_trips():
    for text in ('=HYPERLINK("x")', "+44 1234", "-1 day", "@risk", "plain"):
        assert p.parse_text(p.guard(text)) == text
    assert p.guard("=SUM(A1)") == "'=SUM(A1)"
    assert p.parse_text("'ordinary apostrophe") == "'ordinary apostrophe"
