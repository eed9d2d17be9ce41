"""Audit action codes for the risk module (registered when the app is ready)."""

from __future__ import annotations

from preventhub.audit.registry import register

ASSESSMENT_CREATED = register("risk.assessment_created", "Risk assessment added")
ASSESSMENT_UPDATED = register("risk.assessment_updated", "Risk assessment changed")
ASSESSMENT_AGREED = register("risk.assessment_agreed", "Risk assessment agreed")
CONTRIBUTION_REQUESTED = register("risk.contribution_requested", "Contribution requested")
CONTRIBUTION_ADDED = register("risk.contribution_added", "Partner contribution added")
CONTRIBUTION_UPDATED = register("risk.contribution_updated", "Partner contribution changed")
RISK_CREATED = register("risk.risk_created", "Risk added to the register")
RISK_UPDATED = register("risk.risk_updated", "Risk changed")
MATRIX_UPDATED = register("risk.matrix_updated", "Rating matrix changed")
ASSESSMENT_DOCUMENT_READ = register(
    "risk.assessment_document_read", "Risk assessment document read or downloaded"
)
CONCERN_TYPE_CREATED = register("risk.concern_type_created", "Type of concern added")
CONCERN_TYPE_UPDATED = register("risk.concern_type_updated", "Type of concern changed")
CONCERN_TYPE_RELABELLED = register(
    "risk.concern_type_relabelled", "Type of concern relabelled (new version)"
)
