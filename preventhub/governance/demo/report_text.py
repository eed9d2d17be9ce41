"""The words of the demo's committee report, laid out as the seed report is. Report text is plain
text: a blank line starts a numbered paragraph, "- " starts a bullet, "## " a sub-heading."""

from __future__ import annotations


def text(*blocks: str) -> str:
    """Paragraphs, headings and bullet lists, one block each, as the report form takes them."""
    return "\n\n".join(blocks)


def bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items)


TITLE = "Prevent: the Community Safety Partnership's strategy and a councillors' working group"

SUMMARY = (
    "This report is to make members aware of the Northbridge Community Safety Partnership Prevent "
    "Strategy. As agreed by Full Council, the report also moves towards establishing a "
    "councillors' working group on Prevent."
)

RECOMMENDATIONS = [
    "That the contents of the Northbridge Community Safety Partnership Prevent Strategy are noted.",
    "That a Working group be established in the new municipal year to address the terms of "
    "reference found at Appendix 2 of this report.",
    "That the number of Members of the Working group be agreed, following which Group Leaders "
    "will be requested to make nominations in accordance with political proportionality.",
    "That the scope and terms of reference of the working group be agreed, as outlined in draft "
    "in Appendix 2.",
]

INTRODUCTION = text(
    "The Counter-Terrorism and Security Act became law on 16 February 2015. From 1 July 2015 it "
    'places a duty on all principal councils to have "due regard to the need to prevent people '
    'being drawn into terrorism". This is known as the Prevent duty.',
    "## The Prevent duty guidance",
    "The Prevent duty guidance, published alongside the Act, expects local authorities to:\n"
    + bullets(
        "establish or make use of a local multi-agency group to agree risk and coordinate Prevent "
        "activity",
        "use the counter-terrorism local profile to assess the risk of individuals being drawn "
        "into terrorism",
        "engage with schools, colleges, the university, the prison, probation, health, the police "
        "and others",
        "mainstream the duty so it becomes part of day-to-day work, in particular children's "
        "safeguarding",
        "develop a Prevent action plan where the multi-agency group assesses that there is a risk",
        "make sure frontline staff understand Prevent and are trained to recognise vulnerability",
    ),
    "## Existing local Prevent provision",
    "The Northbridge Community Safety Partnership has led on Prevent since it was first brought "
    "in. Its governance is through the Strategic Partnership Board, chaired by the council's Head "
    "of Resident Services; the Portfolio Holder for Communities is the statutory member, and the "
    "Fire Authority's member also has a place. Within the partnership the Prevent Strategic "
    "Group, also chaired by the Head of Resident Services, meets regularly.",
    "The partnership's strategy, at Appendix 1, sets out Northbridge's multi-agency response to "
    "extremism, building on the current Prevent action plan. Its key deliverables are:\n"
    + bullets(
        "identify the local threat",
        "ensure activities are in place to respond to it",
        "ensure all agencies in Northbridge respond to the duty",
    ),
    "## The role of councillors",
    "Successful prevention works only with the support of councillors' knowledge and "
    "relationships in their wards. Councillors listen to constituents' concerns, can share their "
    "understanding of community tension, and can use their legitimacy to challenge the narratives "
    "of extremists.",
    "Full Council resolved in July 2015 to call for a member-led body to coordinate a "
    "multi-agency approach to extremism and radicalisation, and in November 2015 agreed that a "
    "working group should be established to address the terms of reference at Appendix 2.",
)

ISSUES = text(
    "The Constitution Working Group discussed the options for a member-led body. The Monitoring "
    "Officer advised that a working group would capture the enhanced role of all members and "
    "their local knowledge, and provide a flexible and relatively informal forum for local "
    "intelligence and policy development that fills a gap in existing Prevent provision.",
    "The last duty in the draft terms of reference, to scrutinise spend of the £10k on "
    "implementing the duty, will not apply in the financial year 2016/17, so it will be removed "
    "from the working group's terms of reference.",
)

REASONS = text(
    "The Community Safety Partnership Board has approved and implemented the Prevent strategy; "
    "members should note its content.",
    "Full Council asked for a working group on Prevent; this report sets it up and adopts its "
    "terms of reference.",
)

CONSULTATION = "Full Council, July and November 2015."

CORPORATE = (
    "A councillors' working group would help the council discharge its Prevent duty and bring the "
    "local knowledge of all members to an increasingly important issue."
)

BACKGROUND = bullets(
    "Members' led body on Prevent duties and review of existing Prevent provision, report to Full "
    "Council, 25 November 2015",
    "Northbridge Community Safety Partnership Prevent Strategic Group terms of reference",
)

FINANCIAL = "A councillors' working group on Prevent would be provided within existing budgets."
LEGAL = (
    "The constitution allows working groups to be set up. The Community Safety Partnership's "
    "strategy helps the council discharge its responsibilities under the Counter-Terrorism and "
    "Security Act 2015."
)
EQUALITY = (
    "A councillors' working group could make a significant contribution to understanding local "
    "communities and to social cohesion."
)
CRIME = (
    "The Prevent strategy and a member-led working group will help tackle crime and disorder in "
    "Northbridge."
)

STRATEGY_URL = "https://www.northbridge.example/community-safety/prevent-strategy"
