"""Every change to risk records: verb-named, keyword-only, taking the acting user.

Each service checks the actor may make the change (views have usually checked already; the API
relies on this), saves with ``update_fields`` under the record's version, and writes its audit event
in the same transaction. Slow work (e-mail) is queued after commit.
"""

from .assessments import (
    ASSESSMENT_FIELDS,
    agree_assessment,
    create_assessment,
    update_assessment,
)
from .contributions import (
    add_contribution,
    request_contribution,
    update_contribution,
)
from .matrix import update_rating_matrix
from .risks import RISK_FIELDS, create_risk, update_risk
from .taxonomy import create_concern_type, relabel_concern_type, update_concern_type

__all__ = [
    "ASSESSMENT_FIELDS",
    "RISK_FIELDS",
    "add_contribution",
    "agree_assessment",
    "create_assessment",
    "create_concern_type",
    "create_risk",
    "relabel_concern_type",
    "request_contribution",
    "update_assessment",
    "update_concern_type",
    "update_contribution",
    "update_rating_matrix",
    "update_risk",
]
