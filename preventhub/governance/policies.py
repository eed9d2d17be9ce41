"""Who may see and change governance records.

The rules, in the order councils apply them:
- Public bodies, their meetings, published agendas, published non-exempt reports and approved
  minutes are open to everyone, signed in or not (access to information, LGA 1972 Part VA).
- Non-public bodies and everything in them need a role (``governance.view``).
- Exempt agenda items and exempt reports (Schedule 12A) need ``governance.view_exempt``.
- Unpublished reports need ``governance.view_drafts``, except that an officer asked to verify one of
  its implications may see that report.
- Draft minutes need ``governance.view_drafts``.
- Changes need ``governance.manage`` (democratic services); reports may also be drafted by holders
  of ``governance.reports`` (the Prevent lead).
- A report's parts (recommendations, implications, appendices) are seen with their report and
  changed while the report may be changed; an implication is verified (``VERIFY``) only by the
  officer asked to verify it, once the report has been sent for verification.
- Questions are seen with their minute and changed only by democratic services while the minutes
  are a draft.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from preventhub.accounts.roles import Cap
from preventhub.core.policies import Action, Grants, Policy, grants_for, register

from .models import (
    AgendaItem,
    Appendix,
    Body,
    Councillor,
    Decision,
    DecisionAction,
    GroupMembership,
    GroupMembershipQuerySet,
    Implication,
    Meeting,
    Membership,
    MembershipQuerySet,
    Minute,
    MinutesStatus,
    Nomination,
    PoliticalGroup,
    Question,
    Recommendation,
    Report,
    ReportStatus,
    Resolution,
    SeatAllocation,
    TermsOfReference,
    TermsStatus,
)

PUBLIC_MINUTES = [MinutesStatus.APPROVED, MinutesStatus.SIGNED]
VERIFY = "verify"  # an implication's action: the officer asked to verify it signs it off


def _body_filter(grants: Grants, prefix: str = "") -> Q:
    """Bodies a user may see: public ones for everyone, the rest for role holders."""
    if grants.has(Cap.GOVERNANCE_VIEW):
        return Q()
    return Q(**{f"{prefix}is_public": True})


def _manage(grants: Grants) -> bool:
    return grants.has_partnership(Cap.GOVERNANCE_MANAGE)


def _read_or_manage[QS: QuerySet[Any]](qs: QS, user: Any, action: Action | str, read: Q) -> QS:
    grants = grants_for(user)
    if action == Action.VIEW:
        return qs.filter(read)
    return qs if _manage(grants) else qs.none()


@register
class BodyPolicy(Policy[Body]):
    model = Body

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Body]:
        return _read_or_manage(Body.objects.all(), user, action, _body_filter(grants_for(user)))


@register
class MeetingPolicy(Policy[Meeting]):
    model = Meeting

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Meeting]:
        return _read_or_manage(
            Meeting.objects.all(), user, action, _body_filter(grants_for(user), "body__")
        )


@register
class AgendaItemPolicy(Policy[AgendaItem]):
    model = AgendaItem
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[AgendaItem]:
        grants = grants_for(user)
        read = _body_filter(grants, "meeting__body__")
        if not grants.has(Cap.GOVERNANCE_VIEW_EXEMPT):
            read &= Q(is_exempt=False)
        if not grants.has(Cap.GOVERNANCE_VIEW_DRAFTS):
            read &= Q(meeting__agenda_published_at__isnull=False)
        return _read_or_manage(AgendaItem.objects.all(), user, action, read)


def _report_read(user: Any, grants: Grants) -> Q:
    read = _body_filter(grants, "body__")
    if not grants.has(Cap.GOVERNANCE_VIEW_EXEMPT):
        read &= Q(is_exempt=False)
    if not grants.has(Cap.GOVERNANCE_VIEW_DRAFTS):
        read &= Q(status=ReportStatus.PUBLISHED)
    # An empty Q() already lets the user read every report, and ``Q() | x`` is just ``x``: OR-ing
    # onto it would narrow a Prevent lead's reports down to the ones they verify.
    if read and getattr(user, "is_authenticated", False) and getattr(user, "person_id", None):
        # An officer asked to verify an implication must be able to read the whole report, draft
        # or exempt, or they cannot sign it off.
        read |= Q(implications__verifier_id=user.person_id)
    return read


@register
class ReportPolicy(Policy[Report]):
    model = Report
    # Exempt and draft content: the audit viewer shows what changed only to those who may see it
    # (so do the other governance records below whose visibility depends on exemption or drafts).
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Report]:
        grants = grants_for(user)
        qs = Report._default_manager.all()
        if action == Action.VIEW:
            return qs.filter(_report_read(user, grants)).distinct()
        if _manage(grants) or grants.has_partnership(Cap.GOVERNANCE_REPORTS):
            # Published reports are part of the record: they are not edited, only superseded.
            return qs.exclude(status=ReportStatus.PUBLISHED) if action == Action.CHANGE else qs
        return qs.none()


def _report_parts(model: Any, user: Any, action: Action | str) -> QuerySet[Any]:
    """A report's parts are seen with the report and changed while the report may be changed."""
    qs = model._default_manager.all()
    if action == Action.VIEW:
        return qs.filter(report__in=ReportPolicy().visible_to(user, Action.VIEW))
    if action in (Action.ADD, Action.CHANGE, Action.DELETE):
        return qs.filter(report__in=ReportPolicy().visible_to(user, Action.CHANGE))
    return qs.none()


@register
class RecommendationPolicy(Policy[Recommendation]):
    model = Recommendation
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Recommendation]:
        return _report_parts(Recommendation, user, action)


@register
class AppendixPolicy(Policy[Appendix]):
    model = Appendix
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Appendix]:
        return _report_parts(Appendix, user, action)


@register
class ImplicationPolicy(Policy[Implication]):
    """Implications follow their report; ``VERIFY`` is for the officer asked, and only once the
    report has been sent for verification (a draft's implications may still change)."""

    model = Implication
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Implication]:
        if action != VERIFY:
            return _report_parts(Implication, user, action)
        qs = Implication._default_manager.all()
        person_id = getattr(user, "person_id", None)
        if not (getattr(user, "is_authenticated", False) and user.is_active and person_id):
            return qs.none()
        return qs.filter(verifier_id=person_id).exclude(report__status=ReportStatus.DRAFT)


@register
class MinutePolicy(Policy[Minute]):
    model = Minute
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Minute]:
        grants = grants_for(user)
        read = _body_filter(grants, "item__meeting__body__")
        if not grants.has(Cap.GOVERNANCE_VIEW_EXEMPT):
            read &= Q(item__is_exempt=False)
        if not grants.has(Cap.GOVERNANCE_VIEW_DRAFTS):
            read &= Q(item__meeting__minutes_status__in=PUBLIC_MINUTES)
        return _read_or_manage(Minute.objects.all(), user, action, read)


@register
class QuestionPolicy(Policy[Question]):
    """Questions are seen with their minute; democratic services change them while the minutes are
    a draft (approved minutes are the record)."""

    model = Question
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Question]:
        qs = Question._default_manager.all()
        if action == Action.VIEW:
            return qs.filter(minute__in=MinutePolicy().visible_to(user, Action.VIEW))
        if _manage(grants_for(user)):
            return qs.filter(minute__item__meeting__minutes_status=MinutesStatus.DRAFT)
        return qs.none()


@register
class ResolutionPolicy(Policy[Resolution]):
    model = Resolution
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Resolution]:
        grants = grants_for(user)
        read = Q(minute__isnull=True) | Q(minute__in=MinutePolicy().visible_to(user, Action.VIEW))
        if not grants.has(Cap.GOVERNANCE_VIEW):
            read &= Q(minute__isnull=False)
        return _read_or_manage(Resolution.objects.all(), user, action, read)


@register
class DecisionPolicy(Policy[Decision]):
    model = Decision
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Decision]:
        grants = grants_for(user)
        # EXISTS on each row, not IN over every visible resolution: the register's newest-first
        # page then walks the date index and stops after a page (with IN, the OR made SQLite
        # gather every decision and sort them all).
        read = Q(resolution__isnull=True) | Q(
            Exists(
                ResolutionPolicy()
                .visible_to(user, Action.VIEW)
                .filter(pk=OuterRef("resolution_id"))
            )
        )
        if not grants.has(Cap.GOVERNANCE_VIEW):
            read &= Q(meeting__body__is_public=True)
        return _read_or_manage(Decision.objects.all(), user, action, read)


@register
class DecisionActionPolicy(Policy[DecisionAction]):
    model = DecisionAction
    audit_values_restricted = True

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[DecisionAction]:
        grants = grants_for(user)
        # EXISTS on each action's decision rather than IN over every visible decision, which
        # SQLite drew up in full even when one decision's actions were asked for.
        read = (
            Q(Exists(DecisionPolicy().visible_to(user).filter(pk=OuterRef("decision_id"))))
            if grants.has(Cap.GOVERNANCE_VIEW)
            else Q(pk__in=[])
        )
        return _read_or_manage(DecisionAction.objects.all(), user, action, read)


@register
class TermsPolicy(Policy[TermsOfReference]):
    model = TermsOfReference
    audit_values_restricted = True

    def visible_to(
        self, user: Any, action: Action | str = Action.VIEW
    ) -> QuerySet[TermsOfReference]:
        grants = grants_for(user)
        read = _body_filter(grants, "body__")
        if not grants.has(Cap.GOVERNANCE_VIEW_DRAFTS):
            read &= ~Q(status=TermsStatus.DRAFT)
        qs = TermsOfReference._default_manager.all()
        if action == Action.VIEW:
            return qs.filter(read)
        # Drafts may be written by democratic services or by the Prevent lead with a report; only
        # democratic services agree them (the agree view checks can_manage_governance). Agreed and
        # superseded versions are the record: never changed, only superseded by a new version.
        if _manage(grants) or grants.has_partnership(Cap.GOVERNANCE_REPORTS):
            return qs.filter(status=TermsStatus.DRAFT) if action == Action.CHANGE else qs
        return qs.none()


def _members_read(grants: Grants) -> Q:
    return Q()  # councillors, groups and memberships of bodies are public information


@register
class CouncillorPolicy(Policy[Councillor]):
    model = Councillor

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Councillor]:
        return _read_or_manage(
            Councillor.objects.all(), user, action, _members_read(grants_for(user))
        )


@register
class PoliticalGroupPolicy(Policy[PoliticalGroup]):
    model = PoliticalGroup

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[PoliticalGroup]:
        return _read_or_manage(
            PoliticalGroup.objects.all(), user, action, _members_read(grants_for(user))
        )


@register
class GroupMembershipPolicy(Policy[GroupMembership]):
    model = GroupMembership

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> GroupMembershipQuerySet:
        return _read_or_manage(
            GroupMembership.objects.all(), user, action, _members_read(grants_for(user))
        )


@register
class MembershipPolicy(Policy[Membership]):
    model = Membership

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> MembershipQuerySet:
        return _read_or_manage(
            Membership.objects.all(), user, action, _body_filter(grants_for(user), "body__")
        )


@register
class SeatAllocationPolicy(Policy[SeatAllocation]):
    model = SeatAllocation

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[SeatAllocation]:
        grants = grants_for(user)
        read = Q() if grants.has(Cap.GOVERNANCE_VIEW) else Q(pk__in=[])
        return _read_or_manage(SeatAllocation.objects.all(), user, action, read)


@register
class NominationPolicy(Policy[Nomination]):
    """Role holders see nominations; a group leader may also change (nominate for) their group's
    seats."""

    model = Nomination

    def visible_to(self, user: Any, action: Action | str = Action.VIEW) -> QuerySet[Nomination]:
        grants = grants_for(user)
        qs = Nomination._default_manager.all()
        if action == Action.VIEW:
            return qs if grants.has(Cap.GOVERNANCE_VIEW) else qs.none()
        if _manage(grants):
            return qs
        if (
            action == Action.CHANGE
            and grants.has(Cap.GOVERNANCE_NOMINATE)
            and getattr(user, "person_id", None)
        ):
            return qs.filter(requested_from__person_id=user.person_id)
        return qs.none()


bodies = BodyPolicy()
meetings = MeetingPolicy()
agenda_items = AgendaItemPolicy()
reports = ReportPolicy()
recommendations = RecommendationPolicy()
implications = ImplicationPolicy()
appendices = AppendixPolicy()
questions = QuestionPolicy()
minutes = MinutePolicy()
resolutions = ResolutionPolicy()
decisions = DecisionPolicy()
decision_actions = DecisionActionPolicy()
terms = TermsPolicy()
councillors = CouncillorPolicy()
political_groups = PoliticalGroupPolicy()
group_memberships = GroupMembershipPolicy()
memberships = MembershipPolicy()
seat_allocations = SeatAllocationPolicy()
nominations = NominationPolicy()


def can_manage_governance(user: Any) -> bool:
    return _manage(grants_for(user))


def can_draft_reports(user: Any) -> bool:
    grants = grants_for(user)
    return _manage(grants) or grants.has_partnership(Cap.GOVERNANCE_REPORTS)


def can_view_governance(user: Any) -> bool:
    return grants_for(user).has(Cap.GOVERNANCE_VIEW)


def can_nominate(user: Any) -> bool:
    """Group leaders' capability: "Nominations requested from you" is for them."""
    return grants_for(user).has(Cap.GOVERNANCE_NOMINATE)
