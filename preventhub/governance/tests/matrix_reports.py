"""Permission-matrix cases for committee reports, their parts, the verification workflow, the
PDF and Word versions and appendix files.

The channel coordinator stands in for a verifying officer (their account is linked to the
directory person asked to verify): the report policy lets a verifier see the report they are asked
about, so they appear among the allowed personas for those drafts.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import PersonFactory
from preventhub.governance.models import Appendix, ImplicationKind, ReportStatus
from preventhub.governance.tests.case_options import Audience, Browsing
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    ImplicationFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
)

DRAFTERS = frozenset({"prevent_lead", "democratic_services"})  # can_draft_reports
MANAGERS = frozenset({"democratic_services"})
VERIFIER = "channel_coordinator"
DRAFT_READERS = DRAFTERS | {VERIFIER}  # governance.view_drafts, and the report's verifying officer
EXEMPT_READERS = frozenset({"prevent_lead", "democratic_services"})  # governance.view_exempt
PDF_BYTES = b"%PDF-1.7\n% matrix appendix\n"


def _verifier(world: Any) -> Any:
    user = getattr(world, VERIFIER)
    if user.person_id is None:
        user.person = PersonFactory.create(
            name="Rhea Verity (reports matrix)", job_title="Chief Accountant"
        )
        user.save(update_fields=["person"])
    return user.person


def _file_appendix(report: Any, letter: str) -> Appendix:
    appendix = Appendix(report=report, letter=letter, title="Prevent strategy (matrix)")
    appendix.file.save("matrix-appendix.pdf", ContentFile(PDF_BYTES), save=False)
    appendix.save()
    return appendix


def build(world: Any) -> None:
    verifier = _verifier(world)
    body = BodyFactory.create(name="Overview and Scrutiny (reports matrix)")
    draft = ReportFactory.create(body=body, title="Draft report (matrix)")
    world.rpt_draft = draft
    world.rpt_recommendation = RecommendationFactory.create(report=draft, number=1)
    world.rpt_implication = ImplicationFactory.create(
        report=draft, kind=ImplicationKind.FINANCIAL, verifier=verifier
    )
    world.rpt_draft_file = _file_appendix(draft, "1")
    world.rpt_appendix = Appendix.objects.create(
        report=draft, letter="2", title="Web page", url="https://example.gov.uk/strategy"
    )

    requested = ReportFactory.create(
        body=body,
        title="Report being verified (matrix)",
        status=ReportStatus.IMPLICATIONS_REQUESTED,
    )
    world.rpt_pending = ImplicationFactory.create(
        report=requested, kind=ImplicationKind.LEGAL, verifier=verifier
    )

    world.rpt_verified = ReportFactory.create(
        body=body, title="Verified report (matrix)", status=ReportStatus.VERIFIED
    )
    meeting = MeetingFactory.create(body=body, municipal_year=None)
    AgendaItemFactory.create(meeting=meeting, number="5", title="Verified report item (matrix)")

    world.rpt_published = ReportFactory.create(
        body=body, title="Published report (matrix)", status=ReportStatus.PUBLISHED
    )
    world.rpt_published_file = _file_appendix(world.rpt_published, "1")
    world.rpt_exempt = ReportFactory.create(
        body=body,
        title="Exempt report (matrix)",
        status=ReportStatus.PUBLISHED,
        is_exempt=True,
        exempt_paragraph=7,
    )
    private = BodyFactory.create(name="Channel panel (reports matrix)", is_public=False)
    world.rpt_private = ReportFactory.create(
        body=private, title="Private body report (matrix)", status=ReportStatus.PUBLISHED
    )


def _id(name: str) -> Any:
    return lambda world: {"public_id": getattr(world, name).public_id}


PUBLIC: Audience = {"allowed": EVERYONE_SIGNED_IN, "anonymous": "public"}
ROLES: Audience = {"allowed": EVERY_ROLE, "anonymous": "404"}
DRAFTS: Audience = {"allowed": DRAFT_READERS, "anonymous": "404"}
EXEMPT: Audience = {"allowed": EXEMPT_READERS, "anonymous": "404"}
FILES: Browsing = {"browse": False}

CASES = [
    Case("governance:report_list", **PUBLIC),
    Case("governance:report_create", allowed=DRAFTERS),
    Case(
        "governance:reports_to_verify",
        allowed=EVERY_ROLE,
        note="only the officer's own implications",
    ),
    # A published report of a public body is public, in every format.
    Case("governance:report_detail", kwargs=_id("rpt_published"), **PUBLIC),
    Case("governance:report_pdf", kwargs=_id("rpt_published"), **PUBLIC, **FILES),
    Case("governance:report_docx", kwargs=_id("rpt_published"), **PUBLIC, **FILES),
    Case("governance:appendix_download", kwargs=_id("rpt_published_file"), **PUBLIC, **FILES),
    # A draft: only those who see drafts, and its verifying officer.
    Case("governance:report_detail", kwargs=_id("rpt_draft"), **DRAFTS),
    Case("governance:report_pdf", kwargs=_id("rpt_draft"), **DRAFTS, **FILES),
    Case("governance:report_docx", kwargs=_id("rpt_draft"), **DRAFTS, **FILES),
    Case("governance:appendix_download", kwargs=_id("rpt_draft_file"), **DRAFTS, **FILES),
    # Exempt: only those who may see exempt information.
    Case("governance:report_detail", kwargs=_id("rpt_exempt"), **EXEMPT),
    Case("governance:report_pdf", kwargs=_id("rpt_exempt"), **EXEMPT, **FILES),
    Case("governance:report_docx", kwargs=_id("rpt_exempt"), **EXEMPT, **FILES),
    # A body that is not public: role holders only.
    Case("governance:report_detail", kwargs=_id("rpt_private"), **ROLES),
    # Drafting.
    Case("governance:report_edit", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case(
        "governance:report_edit",
        kwargs=_id("rpt_published"),
        allowed=frozenset(),
        note="published reports are never changed",
    ),
    Case("governance:report_request_implications", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:report_publish", kwargs=_id("rpt_verified"), allowed=MANAGERS),
    Case("governance:recommendation_add", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:recommendations_reorder", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:recommendation_edit", kwargs=_id("rpt_recommendation"), allowed=DRAFTERS),
    Case("governance:recommendation_remove", kwargs=_id("rpt_recommendation"), allowed=DRAFTERS),
    Case("governance:implication_add", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:implication_edit", kwargs=_id("rpt_implication"), allowed=DRAFTERS),
    Case("governance:implication_remove", kwargs=_id("rpt_implication"), allowed=DRAFTERS),
    Case("governance:appendix_add", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:appendix_attach", kwargs=_id("rpt_draft"), allowed=DRAFTERS),
    Case("governance:appendix_remove", kwargs=_id("rpt_appendix"), allowed=DRAFTERS),
    # Verifying: only the officer asked.
    Case("governance:implication_verify", kwargs=_id("rpt_pending"), allowed={VERIFIER}),
    Case(
        "governance:implication_verify",
        kwargs=_id("rpt_pending"),
        method="post",
        allowed={VERIFIER},
        data=lambda world: {"text": "Verified text", "confirm": "true"},
        ok=(302,),
        note="a POST by anyone but the verifier is 404",
    ),
]
