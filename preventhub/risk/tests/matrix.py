"""Permission-matrix cases for the risk module: the register, heat maps, the rating matrix,
assessments, coverage and contributions.

OFFICIAL records are read by every role; OFFICIAL-SENSITIVE ones by the Prevent lead, the Channel
coordinator and partner leads only (a councillor gets 404). Changes are the Prevent lead's; a
partner lead contributes for their own organisation only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from preventhub.core.models import ImportStatus, SpreadsheetImport
from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, PARTNER_LEADS, Case
from preventhub.directory.models import Ward
from preventhub.directory.testing import PersonFactory
from preventhub.risk.models import (
    ConcernType,
    Contribution,
    ContributionStatus,
    Marking,
    Risk,
    RiskAssessment,
)

MANAGERS = frozenset({"prevent_lead"})
SENSITIVE = frozenset({"prevent_lead", "channel_coordinator", *PARTNER_LEADS})
CONTRIBUTORS = frozenset({"prevent_lead", *PARTNER_LEADS})
PDF_BYTES = b"%PDF-1.7\n% matrix contribution\n"


def _assessment(title: str, marking: str) -> RiskAssessment:
    return RiskAssessment.objects.create(
        title=title,
        period_start=dt.date(2025, 4, 1),
        period_end=dt.date(2026, 3, 31),
        ctlp_edition="2025",
        marking=marking,
    )


def _risk(title: str, marking: str, assessment: RiskAssessment) -> Risk:
    return Risk.objects.create(
        title=title,
        marking=marking,
        assessment=assessment,
        borough_wide=True,
        concern_type=ConcernType.objects.current().first(),
        inherent_likelihood=4,
        inherent_impact=4,
        residual_likelihood=3,
        residual_impact=2,
    )


def build(world: Any) -> None:
    world.rk_official = _assessment("Risk assessment (official)", Marking.OFFICIAL)
    world.rk_sensitive = _assessment("Risk assessment (sensitive)", Marking.OFFICIAL_SENSITIVE)
    world.rk_risk = _risk(
        "Online radicalisation of young people", Marking.OFFICIAL, world.rk_official
    )
    world.rk_sensitive_risk = _risk(
        "Named extremist group active", Marking.OFFICIAL_SENSITIVE, world.rk_sensitive
    )
    world.rk_ward = Ward.objects.create(name="Risk Matrix Ward")
    world.rk_person = PersonFactory.create(name="Ash Academy", organisation=world.school)
    contribution = Contribution(
        assessment=world.rk_sensitive,
        organisation=world.school,
        status=ContributionStatus.RECEIVED,
        received_on=dt.date(2025, 5, 1),
        summary="The school's view.",
    )
    contribution.attachment.save("matrix-contribution.pdf", ContentFile(PDF_BYTES), save=False)
    contribution.save()
    world.rk_contribution = contribution
    world.rk_import = _checked_import(world)


REGISTER_CSV = (
    b"Ref,Risk,Likelihood,Impact\r\nR1,Stickers near the college,3,3\r\n"
    b"R2,Online grooming in gaming chats,4,3\r\n"
)


def _checked_import(world: Any) -> SpreadsheetImport:
    """An upload of the Prevent lead's, checked and waiting to be imported."""
    record = SpreadsheetImport(
        kind="risk_register",
        uploaded_by=world.prevent_lead,
        filename="register.csv",
        extension="csv",
        header_row=1,
        headers=["Ref", "Risk", "Likelihood", "Impact"],
        mapping=["reference", "title", "inherent_likelihood", "inherent_impact"],
        status=ImportStatus.CHECKED,
        outcome={"rows": 2, "error_count": 0, "errors": [], "preview": []},
    )
    record.file.save("matrix-register.csv", ContentFile(REGISTER_CSV), save=False)
    record.save()
    return record


def _upload_data(w: Any) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("register.csv", REGISTER_CSV, content_type="text/csv")}


def _mapping_data(w: Any) -> dict[str, Any]:
    return {f"column_{i}": key for i, key in enumerate(w.rk_import.mapping)}


def _pid(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _risk_data(w: Any) -> dict[str, Any]:
    return {
        "title": "Extremist stickers near the college",
        "borough_wide": "on",
        "inherent_likelihood": "3",
        "inherent_impact": "3",
        "residual_likelihood": "2",
        "residual_impact": "2",
        "trend": "stable",
        "status": "open",
        "marking": "official",
    }


def _assessment_data(w: Any) -> dict[str, Any]:
    return {
        "title": "Local risk assessment 2026 to 2027",
        "period_start-day": "1",
        "period_start-month": "4",
        "period_start-year": "2026",
        "period_end-day": "31",
        "period_end-month": "3",
        "period_end-year": "2027",
        "marking": "official_sensitive",
    }


def _contribution_data(w: Any) -> dict[str, Any]:
    return {
        "organisation": str(w.school.public_id),
        "received_on-day": "2",
        "received_on-month": "5",
        "received_on-year": "2025",
        "summary": "What we see.",
    }


CASES = [
    Case("risk:risk_list", allowed=EVERY_ROLE),
    Case(
        "risk:risk_list",
        query="status=open&level=high&sort=review&flag=no_action",
        allowed=EVERY_ROLE,
    ),
    Case("risk:risk_list", query="rating=inherent&likelihood=4&impact=4", allowed=EVERY_ROLE),
    Case(
        "risk:risk_list",
        query="level=nonsense",
        allowed=EVERY_ROLE,
        note="a bad filter shows its error",
    ),
    Case("risk:risk_detail", kwargs=_pid("rk_risk"), allowed=EVERY_ROLE),
    Case("risk:risk_detail", kwargs=_pid("rk_sensitive_risk"), allowed=SENSITIVE),
    Case("risk:risk_create", allowed=MANAGERS),
    Case(
        "risk:risk_create",
        method="post",
        data=_risk_data,
        allowed=MANAGERS,
        ok=(302,),
        browse=False,
    ),
    Case("risk:risk_edit", kwargs=_pid("rk_risk"), allowed=MANAGERS),
    Case("risk:risk_edit", kwargs=_pid("rk_sensitive_risk"), allowed=MANAGERS),
    Case("risk:risk_export", kwargs=lambda w: {"fmt": "csv"}, allowed=EVERY_ROLE, browse=False),
    Case(
        "risk:risk_export",
        kwargs=lambda w: {"fmt": "xlsx"},
        query="status=open",
        allowed=EVERY_ROLE,
        browse=False,
    ),
    Case("core:import_upload", kwargs=lambda w: {"kind": "risk_register"}, allowed=MANAGERS),
    Case(
        "core:import_upload",
        kwargs=lambda w: {"kind": "risk_register"},
        method="post",
        data=_upload_data,
        allowed=MANAGERS,
        ok=(302,),
        browse=False,
    ),
    Case(
        "core:import_upload",
        kwargs=lambda w: {"kind": "no_such_list"},
        allowed=set(),
        note="a kind nobody declared is missing for everyone",
    ),
    Case("core:import_columns", kwargs=_pid("rk_import"), allowed=MANAGERS),
    Case(
        "core:import_columns",
        kwargs=_pid("rk_import"),
        method="post",
        data=_mapping_data,
        allowed=MANAGERS,
        ok=(302,),
        browse=False,
    ),
    Case("core:import_check", kwargs=_pid("rk_import"), allowed=MANAGERS),
    Case(
        "core:import_check",
        kwargs=_pid("rk_import"),
        method="post",
        allowed=MANAGERS,
        ok=(302,),
        browse=False,
        note="imports the two risks and goes back to the register",
    ),
    Case("risk:heat_map", allowed=EVERY_ROLE),
    Case("risk:rating_matrix", allowed=MANAGERS),
    Case("risk:search_meetings", allowed=MANAGERS, query="q=council", browse=False),
    Case("risk:search_resolutions", allowed=MANAGERS, query="q=1&format=json", browse=False),
    Case("risk:concern_type_list", allowed=EVERY_ROLE),
    Case("risk:concern_type_create", allowed=MANAGERS),
    Case(
        "risk:concern_type_edit",
        kwargs=lambda w: {"public_id": w.rk_risk.concern_type.public_id},
        allowed=MANAGERS,
    ),
    Case(
        "risk:concern_type_relabel",
        kwargs=lambda w: {"public_id": w.rk_risk.concern_type.public_id},
        allowed=MANAGERS,
    ),
    Case("risk:assessment_list", allowed=EVERY_ROLE),
    Case("risk:assessment_detail", kwargs=_pid("rk_official"), allowed=EVERY_ROLE),
    Case("risk:assessment_detail", kwargs=_pid("rk_sensitive"), allowed=SENSITIVE),
    Case("risk:assessment_coverage", kwargs=_pid("rk_official"), allowed=EVERY_ROLE),
    Case("risk:assessment_coverage", kwargs=_pid("rk_sensitive"), allowed=SENSITIVE),
    Case("risk:assessment_document", kwargs=_pid("rk_official"), allowed=EVERY_ROLE),
    Case("risk:assessment_document", kwargs=_pid("rk_sensitive"), allowed=SENSITIVE),
    Case("risk:assessment_pdf", kwargs=_pid("rk_official"), allowed=EVERY_ROLE, browse=False),
    Case("risk:assessment_pdf", kwargs=_pid("rk_sensitive"), allowed=SENSITIVE, browse=False),
    Case("risk:assessment_docx", kwargs=_pid("rk_official"), allowed=EVERY_ROLE, browse=False),
    Case("risk:assessment_docx", kwargs=_pid("rk_sensitive"), allowed=SENSITIVE, browse=False),
    Case("risk:assessment_create", allowed=MANAGERS),
    Case(
        "risk:assessment_create",
        method="post",
        data=_assessment_data,
        allowed=MANAGERS,
        ok=(302,),
        browse=False,
    ),
    Case("risk:assessment_edit", kwargs=_pid("rk_sensitive"), allowed=MANAGERS),
    Case("risk:assessment_agree", kwargs=_pid("rk_sensitive"), allowed=MANAGERS),
    Case("risk:contribution_add", kwargs=_pid("rk_sensitive"), allowed=CONTRIBUTORS),
    Case(
        "risk:contribution_add",
        kwargs=_pid("rk_sensitive"),
        method="post",
        data=_contribution_data,
        allowed={"prevent_lead", "partner_lead"},
        ok=(302,),
        denied=(404, 200),
        browse=False,
        note="the other partner lead may contribute, but not for the school: the form refuses",
    ),
    Case("risk:contribution_request", kwargs=_pid("rk_sensitive"), allowed=MANAGERS),
    Case("risk:my_contributions", allowed=EVERYONE_SIGNED_IN),
    Case(
        "risk:contribution_respond",
        kwargs=_pid("rk_contribution"),
        allowed={"prevent_lead", "partner_lead"},
    ),
    Case(
        "risk:contribution_file",
        kwargs=_pid("rk_contribution"),
        allowed=SENSITIVE,
        browse=False,
    ),
]


def _api_cases() -> list[Case]:
    from .matrix_api import API_CASES  # after this module's names, which it reads

    return API_CASES


CASES += _api_cases()
