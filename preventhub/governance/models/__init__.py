"""Governance models: bodies, members, terms of reference, meetings, reports, minutes, decisions."""

from .bodies import Body, BodyKind, LedBy, Membership, MembershipRole, PoliticalBalance
from .decisions import ActionStatus, Decision, DecisionAction, DecisionKind, DecisionStatus
from .meetings import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Declaration,
    ExemptParagraph,
    InterestKind,
    Meeting,
    MeetingStatus,
    MinutesStatus,
)
from .members import Councillor, GroupMembership, GroupRole, PoliticalGroup
from .minutes import Minute, Outcome, Question, Resolution
from .nominations import Nomination, NominationStatus, SeatAdjustment, SeatAllocation
from .reports import (
    Appendix,
    Implication,
    ImplicationKind,
    Recommendation,
    Report,
    ReportPurpose,
    ReportStatus,
)
from .terms import Clause, ClauseSection, TermsOfReference, TermsStatus

__all__ = [
    "ActionStatus",
    "AgendaItem",
    "Appendix",
    "Attendance",
    "AttendanceStatus",
    "Body",
    "BodyKind",
    "Clause",
    "ClauseSection",
    "Councillor",
    "Decision",
    "DecisionAction",
    "DecisionKind",
    "DecisionStatus",
    "Declaration",
    "ExemptParagraph",
    "GroupMembership",
    "GroupRole",
    "Implication",
    "ImplicationKind",
    "InterestKind",
    "LedBy",
    "Meeting",
    "MeetingStatus",
    "Membership",
    "MembershipRole",
    "Minute",
    "MinutesStatus",
    "Nomination",
    "NominationStatus",
    "Outcome",
    "PoliticalBalance",
    "PoliticalGroup",
    "Question",
    "Recommendation",
    "Report",
    "ReportPurpose",
    "ReportStatus",
    "Resolution",
    "SeatAdjustment",
    "SeatAllocation",
    "TermsOfReference",
    "TermsStatus",
]
