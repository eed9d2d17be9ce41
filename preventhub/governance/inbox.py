"""Governance's tasks in the inbox (``core.inbox``): the implications an officer has been asked to
verify, and the seats a group leader has been asked to nominate for.

Both are found through the person linked to the signed-in user, so an officer who holds no role
but has been asked to verify sees the task. Titles and due dates are SQL expressions, so the home
page reads every task in the same two queries whatever their number.
"""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Case,
    CharField,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Lower, NullIf, TruncDate
from django.urls import reverse

from preventhub.core.inbox import register_task_source
from preventhub.core.policies import Action

from . import policies
from .models import (
    AgendaItem,
    Implication,
    ImplicationKind,
    Nomination,
    NominationStatus,
    ReportStatus,
)

IMPLICATIONS_SOURCE = "governance.implications_to_verify"
NOMINATIONS_SOURCE = "governance.nominations_requested"

# A report's implications wait for their officers while it is under verification.
AWAITING_VERIFICATION = (ReportStatus.IMPLICATIONS_REQUESTED, ReportStatus.VERIFIED)
# A seat waits for its group leader until someone is nominated (again, after a withdrawal).
AWAITING_NOMINATION = (NominationStatus.REQUESTED, NominationStatus.WITHDRAWN)


def implications_to_verify(user: Any) -> QuerySet[Implication]:
    """Unverified implications of reports under verification whose named officer is ``user``
    (the implication policy's ``verify`` rows)."""
    return policies.implications.visible_to(user, policies.VERIFY).filter(
        verified_on__isnull=True, report__status__in=AWAITING_VERIFICATION
    )


def nominations_requested(user: Any) -> QuerySet[Nomination]:
    """Seats asked of ``user`` as a group leader that nobody has been nominated for."""
    person_id = getattr(user, "person_id", None)
    if not person_id:
        return Nomination.objects.none()
    return policies.nominations.visible_to(user, Action.CHANGE).filter(
        requested_from__person_id=person_id, status__in=AWAITING_NOMINATION
    )


def _implication_label() -> Any:
    """``Implication.label`` in SQL: the heading, else the kind's label."""
    kinds = [When(kind=value, then=Value(label)) for value, label in ImplicationKind.choices]
    return Coalesce(
        NullIf(F("heading"), Value("")),
        Case(*kinds, default=Value(""), output_field=CharField()),
    )


def _first_meeting_of_report() -> Any:
    """The date of the first meeting whose agenda carries the report, if any."""
    items = AgendaItem.objects.filter(report_id=OuterRef("report_id")).order_by(
        "meeting__starts_at"
    )
    return Subquery(items.values(day=TruncDate("meeting__starts_at"))[:1])


def register_sources() -> None:
    register_task_source(
        IMPLICATIONS_SOURCE,
        implications_to_verify,
        label="Implications to verify",
        title=Concat(
            Value("Verify the "),
            Lower(_implication_label()),
            Value(" implications of "),
            F("report__title"),
            output_field=CharField(),
        ),
        due_on=_first_meeting_of_report(),
        link=lambda public_id: reverse("governance:implication_verify", args=[public_id]),
        list_url_name="governance:reports_to_verify",
        order=30,
    )
    register_task_source(
        NOMINATIONS_SOURCE,
        nominations_requested,
        label="Nominations requested from you",
        title=Concat(
            Value("Nominate a councillor for seat "),
            Cast("seat_number", CharField()),
            Value(" on "),
            F("body__name"),
            output_field=CharField(),
        ),
        due_on=F("allocation__municipal_year__starts_on"),
        link=lambda public_id: reverse("governance:nomination_nominate", args=[public_id]),
        list_url_name="governance:my_nominations",
        order=31,
    )
