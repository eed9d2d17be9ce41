"""The working group's terms of reference: version 1, drafted by the Constitution Working Group
and the Monitoring Officer and agreed by Full Council in November 2015 (Appendix 2 of the report),
and version 2 without the £10k spending clause, which paragraph 3.2 of the report removes because
the funding does not apply in 2016/17."""

from __future__ import annotations

import datetime as dt

from preventhub.core.seeding import Demo
from preventhub.governance.models import Body, Clause, ClauseSection, Resolution, TermsOfReference
from preventhub.governance.services import terms as services

from .common import clerk

SPEND_CLAUSE = "3.5"
CLAUSES = [
    (
        "1",
        ClauseSection.PURPOSE,
        "To provide a member-led, flexible and relatively informal forum in which councillors "
        "lead on the council's duty to have due regard to the need to prevent people being drawn "
        "into terrorism.",
    ),
    (
        "2",
        ClauseSection.MEMBERSHIP,
        "Councillors nominated by the group leaders in accordance with political proportionality. "
        "The number of members is agreed by the Stronger Communities Overview and Scrutiny "
        "Committee.",
    ),
    (
        "3.1",
        ClauseSection.DUTIES,
        "To bring councillors' knowledge of their communities and wards to the partnership's "
        "understanding of the risk of people being drawn into terrorism in Northbridge.",
    ),
    (
        "3.2",
        ClauseSection.DUTIES,
        "To be a focus for local intelligence about sources of community tension, shared with the "
        "Prevent Strategic Group.",
    ),
    (
        "3.3",
        ClauseSection.DUTIES,
        "To contribute to policy development on Prevent, including the Community Safety "
        "Partnership's Prevent strategy and action plan.",
    ),
    (
        "3.4",
        ClauseSection.DUTIES,
        "To support councillors in challenging the narratives of radicalisers and extremists and "
        "in putting forward positive alternatives with their communities.",
    ),
    (
        SPEND_CLAUSE,
        ClauseSection.DUTIES,
        "To scrutinise spend of the £10k on implementing the duty, ensuring value for money "
        "(providing this funding is agreed).",
    ),
    (
        "4",
        ClauseSection.SCOPE,
        "The working group advises. Decisions stay with the Strategic Partnership Board, the "
        "executive and the council's committees.",
    ),
    (
        "5",
        ClauseSection.REPORTING,
        "The working group reports to the Stronger Communities Overview and Scrutiny Committee at "
        "least once a year.",
    ),
    ("6", ClauseSection.FREQUENCY, "Quarterly, and otherwise when the chair decides."),
    ("7", ClauseSection.QUORUM, "Three members."),
]
V2_SUMMARY = (
    f"Clause {SPEND_CLAUSE}, scrutinising spend of the £10k on implementing the duty, is removed."
)
V2_REASON = (
    "The £10k is not available in the financial year 2016/17, so the clause does not apply "
    "(paragraph 3.2 of the report to the Stronger Communities Overview and Scrutiny Committee)."
)


def seed_terms_v1(
    demo: Demo, body: Body, resolution: Resolution, agreed_on: dt.date
) -> TermsOfReference:
    existing = TermsOfReference.objects.filter(body=body, number=1).first()
    if existing is not None:
        return existing
    terms = services.draft_terms(actor=clerk(demo), body=body)
    for number, section, text in CLAUSES:
        services.add_clause(
            actor=clerk(demo), terms=terms, number=number, section=section, text=text
        )
    return services.agree_terms_of_reference(
        actor=clerk(demo),
        terms=terms,
        resolution=resolution,
        agreed_on=agreed_on,
        expected_version=None,
    )


def seed_terms_v2(
    demo: Demo, body: Body, resolution: Resolution, agreed_on: dt.date
) -> TermsOfReference:
    existing = TermsOfReference.objects.filter(body=body, number=2).first()
    if existing is not None:
        return existing
    terms = services.draft_terms(
        actor=clerk(demo), body=body, amendment_summary=V2_SUMMARY, amendment_reason=V2_REASON
    )
    spend = Clause.objects.get(terms=terms, number=SPEND_CLAUSE)
    services.remove_clause(actor=clerk(demo), clause=spend, expected_version=None)
    terms.refresh_from_db()
    return services.agree_terms_of_reference(
        actor=clerk(demo),
        terms=terms,
        resolution=resolution,
        agreed_on=agreed_on,
        expected_version=None,
    )
