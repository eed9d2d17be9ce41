"""The committee report: drafted by the Prevent lead, its implications verified by the chief
finance officer, the monitoring officer and the equality and diversity manager. It is published on
the committee's agenda in ``committee.py``."""

from __future__ import annotations

import datetime as dt

from preventhub.core.seeding import Demo
from preventhub.governance.models import (
    Implication,
    ImplicationKind,
    Report,
    ReportPurpose,
    ReportStatus,
    TermsOfReference,
)
from preventhub.governance.services import reports as services

from . import report_text as text
from .bodies import COMMITTEE
from .common import person, prevent_lead

# (kind, heading, words, verifying officer or None when not required, the day they verified)
IMPLICATIONS = [
    (ImplicationKind.FINANCIAL, "", text.FINANCIAL, "Tom Ashworth", dt.date(2016, 2, 24)),
    (ImplicationKind.LEGAL, "", text.LEGAL, "Ruth Adeyemi", dt.date(2016, 2, 25)),
    (ImplicationKind.EQUALITY, "", text.EQUALITY, "Imran Hussain", dt.date(2016, 2, 26)),
    (ImplicationKind.OTHER, "Crime and disorder", text.CRIME, None, None),
]


def seed_report(demo: Demo, terms_v1: TermsOfReference) -> Report:
    report = Report.objects.filter(title=text.TITLE, body=demo[f"body:{COMMITTEE}"]).first()
    if report is None:
        report = _draft(demo, terms_v1)
    if report.status == ReportStatus.DRAFT:
        services.request_implications(
            actor=prevent_lead(demo), report=report, expected_version=None
        )
    for implication in report.implications.filter(verified_on__isnull=True, is_required=True):
        _verify(demo, implication)
    demo["report"] = report
    return report


def _draft(demo: Demo, terms_v1: TermsOfReference) -> Report:
    actor = prevent_lead(demo)
    report = services.create_report(
        actor=actor,
        data={
            "title": text.TITLE,
            "body": demo[f"body:{COMMITTEE}"],
            "report_of": "Head of Resident Services",
            "author": person(demo, "Priya Shah"),
            "purpose": ReportPurpose.DECISION,
            "wards_affected": "All wards",
            "executive_summary": text.SUMMARY,
            "introduction": text.INTRODUCTION,
            "issues_and_options": text.ISSUES,
            "reasons": text.REASONS,
            "consultation": text.CONSULTATION,
            "corporate_policies": text.CORPORATE,
            "background_papers": text.BACKGROUND,
        },
    )
    for words in text.RECOMMENDATIONS:
        services.add_recommendation(actor=actor, report=report, text=words, expected_version=None)
    for kind, heading, words, officer, _ in IMPLICATIONS:
        services.add_implication(
            actor=actor,
            report=report,
            expected_version=None,
            data={
                "kind": kind,
                "heading": heading,
                "text": words,
                "is_required": officer is not None,
                "verifier": person(demo, officer) if officer else None,
            },
        )
    services.add_appendix(
        actor=actor,
        report=report,
        letter="1",
        expected_version=None,
        title="Northbridge Community Safety Partnership Prevent Strategy",
        url=text.STRATEGY_URL,
    )
    services.add_appendix(
        actor=actor,
        report=report,
        letter="2",
        expected_version=None,
        terms=terms_v1,
        title="Terms of reference for the councillors' working group on Prevent",
    )
    return report


def _verify(demo: Demo, implication: Implication) -> None:
    officer, day = next((o, d) for k, _, _, o, d in IMPLICATIONS if k == implication.kind)
    services.verify_implication(
        actor=demo[f"user:{officer}"],
        implication=implication,
        text=implication.text,
        expected_version=None,
        today=day,
    )
