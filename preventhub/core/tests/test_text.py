"""The one text format: text pasted from published council reports and minutes (Word and PDF
copies, hard-wrapped, carrying their own paragraph numbers and bullets) comes out as clean
paragraphs and bullet points."""

from __future__ import annotations

from preventhub.core.text import Block, blocks, normalise, points, strip_number

# Section 2 of a committee report as copied out of the published PDF: the council's own paragraph
# numbers, a tab after them, lines broken where the PDF broke them and Word's bullets.
PASTED_FROM_PDF = """2.1\tThe Counter-Terrorism and Security Act 2015 places a duty on specified
authorities, including the council, to have due regard to the need to prevent
people from being drawn into terrorism. This is known as the Prevent duty.
2.2\tThe Prevent duty guidance, published alongside the Act, expects local
authorities to:
\u2022\testablish or make use of an existing local multi-agency group to agree risk
and co-ordinate Prevent activity;
\u2022\tuse the counter-terrorism local profile to assess the risk of individuals
being drawn into terrorism.

2.3 The Community Safety Partnership has led on Prevent since it was first
brought in. Around
2.1 million pounds of Home Office funding has been spent nationally on the
programme."""


def test_a_section_pasted_from_a_pdf_gives_clean_numbered_paragraphs():
    assert blocks(normalise(PASTED_FROM_PDF, section=2), 2) == [
        Block(
            "paragraph",
            "The Counter-Terrorism and Security Act 2015 places a duty on specified authorities, "
            "including the council, to have due regard to the need to prevent people from being "
            "drawn into terrorism. This is known as the Prevent duty.",
            number="2.1",
        ),
        Block(
            "paragraph",
            "The Prevent duty guidance, published alongside the Act, expects local authorities to:",
            number="2.2",
        ),
        Block(
            "bullets",
            items=(
                "establish or make use of an existing local multi-agency group to agree risk and "
                "co-ordinate Prevent activity;",
                "use the counter-terrorism local profile to assess the risk of individuals being "
                "drawn into terrorism.",
            ),
        ),
        Block(
            "paragraph",
            "The Community Safety Partnership has led on Prevent since it was first brought in. "
            "Around 2.1 million pounds of Home Office funding has been spent nationally on the "
            "programme.",
            number="2.3",
        ),
    ]


def test_normalising_twice_changes_nothing():
    once = normalise(PASTED_FROM_PDF, section=2)
    assert normalise(once, section=2) == once


def test_numbers_of_another_section_are_kept_as_the_author_wrote_them():
    assert normalise("3.1 See paragraph 3.1 of the 2019 report.", section=2) == (
        "3.1 See paragraph 3.1 of the 2019 report."
    )


def test_text_already_stored_with_its_numbers_reads_without_them():
    assert [b.number + " " + b.text for b in blocks("2.1 The Act.\n\n2.2 The guidance.", 2)] == [
        "2.1 The Act.",
        "2.2 The guidance.",
    ]


def test_short_lines_written_on_purpose_are_kept():
    text = "Second paragraph,\nwith a line break."
    assert normalise(text) == text


def test_a_line_ending_in_a_colon_introduces_what_follows():
    assert normalise(
        "The priorities for the coming year included the following workstreams:\n"
        "(a) a Prevent board under the new council"
    ) == (
        "The priorities for the coming year included the following workstreams:\n"
        "(a) a Prevent board under the new council"
    )


# Minutes' points as they appear in published minutes: a middle dot or a dash with a run of
# spaces (Word's list indent), a wrapped point, Word's Symbol-font bullet and an "o" sub-point.
MINUTES_POINTS = (
    "\u00b7                Whilst there was no statutory requirement to monitor voluntary youth\n"
    """provision, the Council would investigate if there were any safeguarding issues.

-        The objectives of the Prevent strategy were outlined, including the local
reporting and accountability processes.
\uf0b7  Training was crucial as it allowed the team to address concerns.
o   Community roundtables on the broader remit of community safeguarding."""
)


def test_minutes_points_pasted_from_published_minutes_are_one_point_each():
    assert points(normalise(MINUTES_POINTS)) == [
        "Whilst there was no statutory requirement to monitor voluntary youth provision, the "
        "Council would investigate if there were any safeguarding issues.",
        "The objectives of the Prevent strategy were outlined, including the local reporting and "
        "accountability processes.",
        "Training was crucial as it allowed the team to address concerns.",
        "Community roundtables on the broader remit of community safeguarding.",
    ]


def test_a_resolution_loses_the_number_its_author_typed():
    assert strip_number("1. That the contents of the strategy are noted.", "1") == (
        "That the contents of the strategy are noted."
    )
    assert strip_number("77.1 That the report be noted.", "77.1") == "That the report be noted."
    assert strip_number("That 1 member be appointed.", "1") == "That 1 member be appointed."
