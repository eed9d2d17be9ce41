"""Permission-matrix cases for every risk API operation.

Anonymous callers get 401. Lists answer 200 to everyone signed in, with only the rows their policy
shows. OFFICIAL records open for every role; OFFICIAL-SENSITIVE ones for the Prevent lead, the
Channel coordinator and partner leads (a councillor gets 404). Adding to a collection is 403 for
anyone but the Prevent lead; changing a record is 404 for them. A partner lead adds contributions
for their own organisation (another's is refused on the organisation: 400 for the other lead).
"""

from __future__ import annotations

from typing import Any

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case

from .matrix import MANAGERS, SENSITIVE


def _id(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _read(url_name: str, allowed: frozenset[str], **options: Any) -> Case:
    return Case(f"api:{url_name}", allowed=allowed, anonymous="401", browse=False, **options)


def _list(url_name: str, query: str = "") -> Case:
    return _read(url_name, EVERYONE_SIGNED_IN, query=query)


def _write(url_name: str, method: str, data: Any, **options: Any) -> Case:
    options.setdefault("allowed", MANAGERS)
    return Case(
        f"api:{url_name}", method=method, json=True, data=data, anonymous="401", browse=False,
        **options,
    )  # fmt: skip


def _version(name: str, **fields: Any) -> Any:
    return lambda w: {"version": getattr(w, name).version, **fields}


def _risk_body(w: Any) -> dict[str, Any]:
    return {
        "title": "Extremist graffiti near the station",
        "wards": [str(w.rk_ward.public_id)],
        "inherent_likelihood": 3,
        "inherent_impact": 4,
        "residual_likelihood": 2,
        "residual_impact": 3,
    }


def _contribution_body(w: Any) -> dict[str, Any]:
    return {
        "organisation": str(w.school.public_id),
        "received_on": "2025-05-02",
        "summary": "What the school sees.",
    }


API_CASES = [
    _list("risk_concern_type_list"),
    _list("risk_concern_type_list", "valid_on=2025-01-01"),
    _read(
        "risk_concern_type_detail",
        EVERY_ROLE,
        kwargs=lambda w: {"public_id": w.rk_risk.concern_type.public_id},
    ),  # fmt: skip
    _list("risk_assessment_list"),
    _list("risk_assessment_list", "status=draft&marking=official"),
    _read("risk_assessment_detail", EVERY_ROLE, kwargs=_id("rk_official")),
    _read("risk_assessment_detail", SENSITIVE, kwargs=_id("rk_sensitive")),
    _read("risk_assessment_coverage", SENSITIVE, kwargs=_id("rk_sensitive")),
    _write(
        "risk_assessment_create",
        "post",
        lambda w: {
            "title": "API assessment",
            "period_start": "2026-04-01",
            "period_end": "2027-03-31",
        },
        ok=(201,),
        denied=(403,),
    ),  # fmt: skip
    _write(
        "risk_assessment_update",
        "patch",
        _version("rk_sensitive", title="Renamed"),
        kwargs=_id("rk_sensitive"),
    ),  # fmt: skip
    _write(
        "risk_assessment_agree",
        "post",
        _version("rk_official", agreed_on="2025-07-01"),
        kwargs=_id("rk_official"),
    ),  # fmt: skip
    _list("risk_contribution_list"),
    _list("risk_contribution_list", "status=received"),
    _read("risk_contribution_detail", SENSITIVE, kwargs=_id("rk_contribution")),
    _write(
        "risk_contribution_create",
        "post",
        _contribution_body,
        kwargs=_id("rk_sensitive"),
        allowed={"prevent_lead", "partner_lead"},
        ok=(201,),
        denied=(404, 403),
        note="the college's lead may contribute, but not for the school (403)",
    ),  # fmt: skip
    _write(
        "risk_contribution_request",
        "post",
        lambda w: {"organisation": str(w.school.public_id), "person": str(w.rk_person.public_id)},
        kwargs=_id("rk_sensitive"),
        ok=(201,),
        denied=(403,),
    ),  # fmt: skip
    _write(
        "risk_contribution_update",
        "patch",
        _version("rk_contribution", received_on="2025-05-03", summary="Corrected."),
        kwargs=_id("rk_contribution"),
        allowed={"prevent_lead", "partner_lead"},
    ),  # fmt: skip
    _list("risk_list"),
    _list("risk_list", "status=open&level=high&rating=inherent&sort=review&flag=no_action"),
    _read("risk_detail", EVERY_ROLE, kwargs=_id("rk_risk")),
    _read("risk_detail", SENSITIVE, kwargs=_id("rk_sensitive_risk")),
    _write("risk_create", "post", _risk_body, ok=(201,), denied=(403,)),
    _write(
        "risk_update",
        "patch",
        _version("rk_risk", trend="rising"),
        kwargs=_id("rk_risk"),
    ),  # fmt: skip
]
