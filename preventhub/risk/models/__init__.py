"""Risk module models: the concern taxonomy, the rating matrix, assessments and the register."""

from .assessments import AssessmentStatus, Contribution, ContributionStatus, RiskAssessment
from .marking import Marking
from .matrix import MAX_SCORE, SCALE, Level, RatingMatrix
from .risks import Risk, RiskStatus, Trend
from .taxonomy import ConcernType, ConcernTypeQuerySet

__all__ = [
    "MAX_SCORE",
    "SCALE",
    "AssessmentStatus",
    "ConcernType",
    "ConcernTypeQuerySet",
    "Contribution",
    "ContributionStatus",
    "Level",
    "Marking",
    "RatingMatrix",
    "Risk",
    "RiskAssessment",
    "RiskStatus",
    "Trend",
]
