"""The golden thread through a decision, navigable both ways:

    Full Council motion → report → recommendation → resolution → the body it concerns → terms of
    reference agreed by the resolution → bodies established by it → seats and nominations →
    members → meetings

and, after it, the follow-up actions and later decisions that follow it. Every link is to a record
the user may see (each step starts from its policy); pages other areas own are linked only once
they exist (``optional_url``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

from preventhub.governance import policies
from preventhub.governance.models import Body, Decision, Report, Resolution
from preventhub.governance.services.decisions import is_overdue

from .common import optional_url

MEETINGS_SHOWN = 5
MOTION_DEPTH = 5


@dataclass
class BodyThread:
    body: Body
    url: str
    established: bool
    terms: list[dict[str, Any]] = field(default_factory=list)
    members: list[Any] = field(default_factory=list)
    nominations: list[Any] = field(default_factory=list)
    allocations: list[dict[str, Any]] = field(default_factory=list)
    nominations_url: str = ""
    meetings: list[Any] = field(default_factory=list)
    meetings_url: str = ""


@dataclass
class Thread:
    decision: Decision | None
    resolution: Resolution | None
    motions: list[Decision] = field(default_factory=list)
    report: Report | None = None
    report_url: str = ""
    bodies: list[BodyThread] = field(default_factory=list)
    actions: list[Any] = field(default_factory=list)
    followed_by: list[Decision] = field(default_factory=list)
    resolution_url: str = ""
    decision_url: str = ""

    @property
    def has_past(self) -> bool:
        return bool(self.motions or self.report)

    @property
    def has_future(self) -> bool:
        return bool(self.bodies or self.actions or self.followed_by)


def _motions(user: Any, decision: Decision | None) -> list[Decision]:
    """The earlier decisions this one follows (oldest first), as far as the user may see them."""
    chain: list[Decision] = []
    current = decision.follows if decision is not None else None
    seen: set[int] = {decision.pk} if decision is not None else set()
    while current is not None and current.pk not in seen and len(chain) < MOTION_DEPTH:
        seen.add(current.pk)
        chain.append(current)
        current = current.follows
    visible = (
        set(
            policies.decisions.visible_to(user)
            .filter(pk__in=[d.pk for d in chain])
            .values_list("pk", flat=True)
        )
        if chain
        else set()
    )
    shown = [d for d in chain if d.pk in visible]
    return list(reversed(shown))


def _report(user: Any, resolution: Resolution | None) -> Report | None:
    recommendation = resolution.recommendation if resolution is not None else None
    if recommendation is None:
        return None
    report = recommendation.report
    return report if policies.reports.visible_to(user).filter(pk=report.pk).exists() else None


def _bodies(user: Any, resolution: Resolution) -> list[BodyThread]:
    """The bodies the resolution concerns: those it established and those whose terms it agreed."""
    threads: dict[int, BodyThread] = {}
    for body in policies.bodies.visible_to(user).filter(established_by=resolution).order_by("name"):
        threads[body.pk] = BodyThread(
            body=body,
            url=reverse("governance:body_detail", args=[body.public_id]),
            established=True,
        )
    for terms in (
        policies.terms.visible_to(user)
        .filter(agreed_by=resolution)
        .select_related("body")
        .order_by("body__name", "number")
    ):
        body = terms.body
        if body.pk not in threads:
            if not policies.bodies.visible_to(user).filter(pk=body.pk).exists():
                continue
            threads[body.pk] = BodyThread(
                body=body,
                url=reverse("governance:body_detail", args=[body.public_id]),
                established=False,
            )
        threads[body.pk].terms.append(
            {"terms": terms, "url": optional_url("governance:terms_detail", terms.public_id)}
        )
    for thread in threads.values():
        _fill_body(user, thread)
    return list(threads.values())


def _fill_body(user: Any, thread: BodyThread) -> None:
    """Seats and nominations, current members and meetings of one body (a resolution concerns one
    or two bodies, so a few queries each)."""
    body = thread.body
    thread.members = list(
        policies.memberships.visible_to(user)
        .filter(body=body)
        .current()
        .select_related("person", "representing_group", "representing_organisation")
        .order_by("role", "person__name")
    )
    thread.nominations = list(
        policies.nominations.visible_to(user)
        .filter(body=body)
        .select_related("group", "nominee__person", "allocation")
        .order_by("seat_number")
    )
    allocations = {n.allocation.pk: n.allocation for n in thread.nominations if n.allocation_id}
    thread.allocations = [
        {"allocation": a, "url": optional_url("governance:seat_allocation_detail", a.public_id)}
        for a in allocations.values()
    ]
    if policies.can_view_governance(user):
        thread.nominations_url = optional_url("governance:body_nominations", body.public_id)
    meetings = policies.meetings.visible_to(user).filter(body=body).order_by("starts_at")
    thread.meetings = list(meetings[:MEETINGS_SHOWN])
    thread.meetings_url = reverse("governance:body_meetings", args=[body.public_id])


def build_thread(
    user: Any, *, decision: Decision | None = None, resolution: Resolution | None = None
) -> Thread:
    """The thread through ``decision`` or ``resolution`` (each already checked visible)."""
    if decision is not None and resolution is None and decision.resolution_id:
        resolution = decision.resolution
    if resolution is not None and decision is None:
        decision = (
            policies.decisions.visible_to(user)
            .filter(resolution=resolution)
            .select_related("follows", "follows__follows")
            .first()
        )
    thread = Thread(decision=decision, resolution=resolution)
    thread.motions = _motions(user, decision)
    thread.report = _report(user, resolution)
    if thread.report is not None:
        thread.report_url = optional_url("governance:report_detail", thread.report.public_id)
    if resolution is not None:
        thread.bodies = _bodies(user, resolution)
        thread.resolution_url = reverse("governance:resolution_detail", args=[resolution.public_id])
    if decision is not None:
        thread.decision_url = reverse("governance:decision_detail", args=[decision.public_id])
        thread.actions = list(
            policies.decision_actions.visible_to(user)
            .filter(decision=decision)
            .select_related("owner")
            .order_by("due_on", "id")
        )
        for action in thread.actions:
            action.overdue = is_overdue(action)
        thread.followed_by = list(
            policies.decisions.visible_to(user)
            .filter(follows=decision)
            .select_related("meeting__body")
            .order_by("decided_on", "id")
        )
    return thread
