"""The minutes as a Word document: the same content and order as the page and the PDF (header,
attendance, declarations, numbered items with questions and answers, RESOLVED)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from preventhub.core.documents import WordBuilder
from preventhub.core.text import blocks, numbered_first, strip_number


def _header(meeting: Any) -> str:
    local = timezone.localtime(meeting.starts_at)
    when = f"{local:%A %-d %B %Y}, {local:%-I:%M%p}".replace("AM", "am").replace("PM", "pm")
    return f"{when}. {meeting.venue}" if meeting.venue else when


def word_document(context: dict[str, Any]) -> bytes:
    meeting = context["meeting"]
    word = WordBuilder(context["title"])
    word.heading(f"Minutes of the {meeting.body.name}", level=1)
    word.paragraph(_header(meeting))
    word.paragraph(context["status_line"], bold=context["is_draft"])
    for group in context["attendance"]:
        word.heading(group["heading"], level=2)
        word.bullets([_attendee(person) for person in group["people"]])
    word.heading("Declarations of interest", level=2)
    if context["declarations"]:
        word.bullets([_declaration(d) for d in context["declarations"]])
    else:
        word.paragraph("There were no declarations of interest.")
    for row in context["rows"]:
        _item(word, row)
    return word.to_bytes()


def _attendee(person: dict[str, Any]) -> str:
    text = person["name"]
    if person["mark"]:
        text += f" ({person['mark']})"
    if person["substitute_for"]:
        text += f", substituting for {person['substitute_for']}"
    return text


def _declaration(declaration: Any) -> str:
    about = f"item {declaration.item.number}" if declaration.item else "no particular item"
    withdrew = " They left the meeting for the item." if declaration.withdrew else ""
    return (
        f"{declaration.person.name}, on {about}: {declaration.get_kind_display()}. "
        f"{declaration.nature}{withdrew}"
    )


def _item(word: WordBuilder, row: Any) -> None:
    item = row.item
    word.heading(f"{item.number}. {item.title}", level=2)
    if item.is_exempt:
        word.paragraph(
            f"Exempt item: not for publication (paragraph {item.exempt_paragraph} of Schedule 12A "
            f"to the Local Government Act 1972).",
            bold=True,
        )
    if row.minute is None:
        word.paragraph("This item has not been minuted yet.")
        return
    if row.presented_by is not None:
        person = row.presented_by
        who = f"{person.name}, {person.job_title}," if person.job_title else person.name
        word.paragraph(
            f"{who} presented the item"
            + (", highlighting the following points:" if row.points else ".")
        )
    if row.points:
        word.bullets(row.points)
    if row.questions:
        word.heading("Questions", level=3)
        for question in row.questions:
            word.paragraph(f"{question.asked_by.name} asked: {question.question}")
            if question.answer:
                by = question.answered_by.name if question.answered_by else "The answer given"
                word.paragraph(
                    f"{by} answered: {question.answer}"
                    if question.answered_by
                    else f"{by}: {question.answer}"
                )
    if row.minute.discussion:
        word.heading("Discussion", level=3)
        word.blocks(blocks(row.minute.discussion), level=4)
    if row.resolutions:
        word.paragraph("RESOLVED:", bold=True)
        for minuted in row.resolutions:
            resolution = minuted.resolution
            word.blocks(
                numbered_first(
                    blocks(strip_number(resolution.text, resolution.number)),
                    f"{resolution.number}.",
                )
            )
            outcome = resolution.get_outcome_display()
            adopts = (
                f" Adopts recommendation {resolution.recommendation.number} of the report "
                f"“{resolution.recommendation.report.title}”."
                if resolution.recommendation_id and minuted.report_visible
                else ""
            )
            word.paragraph(f"{outcome}.{adopts}")
            for label, names in minuted.vote_rows:
                word.paragraph(f"{label}: {', '.join(names)} ({len(names)})")
