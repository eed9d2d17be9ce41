"""The rating matrix's bands, changed by the Prevent lead."""

from __future__ import annotations

from typing import Any

from preventhub.core.policies import Action
from preventhub.core.services import update_record

from .. import audit_actions as codes
from .. import policies
from ..models import RatingMatrix
from .common import by, only, require

MATRIX_FIELDS = ("name", "medium_from", "high_from", "very_high_from")


def update_rating_matrix(
    *, actor: Any, matrix: RatingMatrix, data: dict[str, Any], expected_version: int | None
) -> RatingMatrix:
    require(policies.rating_matrices.can(actor, Action.CHANGE, matrix))
    by(matrix, actor)
    return update_record(
        actor=actor,
        instance=matrix,
        data=only(data, MATRIX_FIELDS),
        expected_version=expected_version,
        action=codes.MATRIX_UPDATED,
    )
