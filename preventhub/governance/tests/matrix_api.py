"""Permission-matrix cases for every governance API operation (see preventhub/api/tests/matrix.py
for the API's rules, which these follow).

- Anonymous callers get 401 from every operation: the API is for signed-in callers only, even for
  records the public pages show (preventhub/governance/api/__init__.py says why).
- Lists answer 200 to everyone signed in, with only the rows their policy shows.
- Public records (a public body, a published report, approved minutes…) open for everyone signed
  in; a private body's records for every role; exempt items for those who see exempt business;
  draft reports, draft minutes and draft terms for those who see drafts; seat allocations,
  nominations and decision actions for every role. Anything else is 404.
- Changes are for democratic services: adding to a collection is 403 for others (the collection
  exists), changing a record or adding to one is 404.

Writes run inside a savepoint that is rolled back after each request, so every case may change
the same records.
"""

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from preventhub.core.testing.matrix import EVERY_ROLE, EVERYONE_SIGNED_IN, Case
from preventhub.directory.testing import MunicipalYearFactory, PersonFactory
from preventhub.governance.models import (
    Appendix,
    BodyKind,
    DecisionAction,
    DecisionKind,
    MeetingStatus,
    MembershipRole,
    MinutesStatus,
    Nomination,
    Question,
    ReportStatus,
    SeatAllocation,
    TermsStatus,
)
from preventhub.governance.tests.factories import (
    AgendaItemFactory,
    BodyFactory,
    ClauseFactory,
    CouncillorFactory,
    DecisionFactory,
    GroupMembershipFactory,
    ImplicationFactory,
    MeetingFactory,
    MembershipFactory,
    MinuteFactory,
    PoliticalGroupFactory,
    RecommendationFactory,
    ReportFactory,
    ResolutionFactory,
    TermsOfReferenceFactory,
)

MANAGERS = frozenset({"democratic_services"})
SEE_EXEMPT = frozenset({"democratic_services", "prevent_lead"})
SEE_DRAFTS = frozenset({"democratic_services", "prevent_lead"})
# Reports and drafts of terms of reference: democratic services and the Prevent lead.
DRAFTERS = frozenset({"democratic_services", "prevent_lead"})
# Democratic services, and the group leader asked (the councillor persona, set up by the seats
# matrix's build).
NOMINATORS = frozenset({"democratic_services", "councillor"})


def _at(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 18, 30))


def build(world: Any) -> None:
    """Records of every kind, public and hidden, under ``world.gapi`` (names marked "API matrix"
    so they cannot clash with the other areas' records)."""
    g = SimpleNamespace()
    g.body = BodyFactory.create(name="Working Group (API matrix)")
    g.private_body = BodyFactory.create(name="Channel Panel (API matrix)", is_public=False)
    g.person = PersonFactory.create(name="Ann Member (API matrix)")
    g.membership = MembershipFactory.create(
        body=g.body, person=g.person, role=MembershipRole.MEMBER, starts_on=dt.date(2015, 5, 20)
    )
    g.group = PoliticalGroupFactory.create(name="Labour Group (API matrix)")
    g.councillor = CouncillorFactory.create(person__name="Cllr Gerrard (API matrix)")
    g.group_membership = GroupMembershipFactory.create(
        councillor=CouncillorFactory.create(person__name="Cllr Hague (API matrix)"), group=g.group
    )
    year = MunicipalYearFactory.create()
    g.report = ReportFactory.create(
        body=g.body, title="Prevent (API matrix)", status=ReportStatus.PUBLISHED
    )
    g.draft_report = ReportFactory.create(body=g.body, title="Draft (API matrix)")
    g.meeting = MeetingFactory.create(
        body=g.body,
        municipal_year=year,
        starts_at=_at(2016, 1, 14),
        minutes_status=MinutesStatus.APPROVED,
    )
    g.private_meeting = MeetingFactory.create(body=g.private_body, starts_at=_at(2016, 1, 15))
    g.unpublished = MeetingFactory.create(
        body=g.body, starts_at=_at(2016, 3, 10), agenda_published_at=None
    )
    AgendaItemFactory.create(meeting=g.unpublished, number="1", title="Apologies")
    g.item = AgendaItemFactory.create(meeting=g.meeting, number="5", order=1, report=g.report)
    g.exempt_item = AgendaItemFactory.create(
        meeting=g.meeting, number="9", order=2, is_exempt=True, exempt_paragraph=1
    )
    g.spare_item = AgendaItemFactory.create(meeting=g.meeting, number="10", order=3)
    g.minute = MinuteFactory.create(item=g.item)
    g.resolution = ResolutionFactory.create(minute=g.minute, number="77.1")
    draft_meeting = MeetingFactory.create(body=g.body, minutes_status=MinutesStatus.DRAFT)
    g.draft_minute = MinuteFactory.create(item=AgendaItemFactory.create(meeting=draft_meeting))
    g.decision = DecisionFactory.create(resolution=g.resolution, meeting=g.meeting)
    g.action = DecisionAction.objects.create(decision=g.decision, description="Train members")
    g.terms = TermsOfReferenceFactory.create(body=g.body, number=1, status=TermsStatus.AGREED)
    g.draft_terms = TermsOfReferenceFactory.create(body=g.body, number=2)
    g.allocation = SeatAllocation.objects.create(
        municipal_year=year, title="Seats (API matrix)", inputs={}, result={}
    )
    g.nomination = Nomination.objects.create(body=g.body, allocation=g.allocation, seat_number=1)
    _build_writes(g)
    if getattr(world, "seat_adopted", None) is None:
        from . import matrix_seats  # the allocations and nominations the seat cases change

        matrix_seats.build(world)
    world.gapi = g


def _build_writes(g: SimpleNamespace) -> None:
    """Records for the change operations: drafts to edit, parts to remove, meetings in each
    state."""
    g.chair = PersonFactory.create(name="Cllr Chair (API matrix)")
    MembershipFactory.create(
        body=g.body, person=g.chair, role=MembershipRole.CHAIR, starts_on=dt.date(2015, 5, 20)
    )
    g.draft_clause = ClauseFactory.create(
        terms=g.draft_terms, number="1", text="Purpose (API matrix)"
    )
    g.terms_body = BodyFactory.create(name="Body without terms (API matrix)")
    g.recommendation = RecommendationFactory.create(report=g.draft_report, number=1)
    g.implication = ImplicationFactory.create(
        report=g.draft_report, kind="legal", verifier=g.person
    )
    g.appendix = Appendix.objects.create(
        report=g.draft_report, letter="1", title="Strategy", url="https://example.org/a.pdf"
    )
    g.requested_report = ReportFactory.create(
        body=g.body, status=ReportStatus.IMPLICATIONS_REQUESTED
    )
    g.requested_implication = ImplicationFactory.create(
        report=g.requested_report, verifier=g.person
    )
    g.verified_report = ReportFactory.create(body=g.body, status=ReportStatus.VERIFIED)
    g.held_meeting = MeetingFactory.create(
        body=g.body, starts_at=_at(2016, 2, 1), status=MeetingStatus.HELD
    )
    g.draft_meeting = MeetingFactory.create(
        body=g.body,
        starts_at=_at(2016, 2, 2),
        status=MeetingStatus.HELD,
        minutes_status=MinutesStatus.DRAFT,
    )
    g.draft_item_minute = MinuteFactory.create(
        item=AgendaItemFactory.create(
            meeting=g.draft_meeting, number="3", title="Prevent (API matrix)"
        )
    )
    g.question = Question.objects.create(
        minute=g.draft_item_minute, asked_by=g.person, question="How many cases?"
    )
    g.draft_resolution = ResolutionFactory.create(minute=g.draft_item_minute, number="4")
    council = BodyFactory.create(name="Full Council (API matrix)", kind=BodyKind.FULL_COUNCIL)
    g.council_meeting = MeetingFactory.create(body=council, starts_at=_at(2015, 11, 25))
    g.motion = DecisionFactory.create(
        kind=DecisionKind.MOTION, meeting=g.council_meeting, proposer=g.person, title="Motion"
    )


def _id(name: str) -> Any:
    return lambda w: {"public_id": getattr(w.gapi, name).public_id}


def _read(url_name: str, allowed: frozenset[str], **options: Any) -> Case:
    return Case(f"api:{url_name}", allowed=allowed, anonymous="401", browse=False, **options)


def _list(url_name: str, query: str = "") -> Case:
    return _read(url_name, EVERYONE_SIGNED_IN, query=query)


def _write(url_name: str, method: str, data: Any, **options: Any) -> Case:
    options.setdefault("allowed", MANAGERS)
    return Case(
        f"api:{url_name}",
        method=method,
        json=True,
        data=data,
        anonymous="401",
        browse=False,
        **options,
    )


def _version(name: str, **fields: Any) -> Any:
    """A change's body: the record's current version and ``fields`` (values may read the world)."""

    def data(w: Any) -> dict[str, Any]:
        values = {k: v(w) if callable(v) else v for k, v in fields.items()}
        return {"version": getattr(w.gapi, name).version, **values}

    return data


def _seat(name: str) -> Any:
    return lambda w: {"public_id": getattr(w, name).public_id}


def _ref(name: str) -> Any:
    return lambda w: str(getattr(w.gapi, name).public_id)


def _add(url_name: str, data: Any, **options: Any) -> Case:
    """Adding to a collection: 201 for democratic services, 403 for others."""
    return _write(url_name, "post", data, ok=(201,), denied=(403,), **options)


CASES = [
    # Bodies and memberships
    _list("governance_body_list"),
    _list("governance_body_list", "search=matrix&kind=committee&is_public=true"),
    _read("governance_body_detail", EVERYONE_SIGNED_IN, kwargs=_id("body")),
    _read("governance_body_detail", EVERY_ROLE, kwargs=_id("private_body")),
    _add("governance_body_create", lambda w: {"name": "New panel (API matrix)", "kind": "panel"}),
    _write(
        "governance_body_update",
        "patch",
        lambda w: {"version": 1, "purpose": "To oversee Prevent."},
        kwargs=_id("body"),
    ),
    _list("governance_membership_list"),
    _read("governance_membership_detail", EVERYONE_SIGNED_IN, kwargs=_id("membership")),
    _write(
        "governance_membership_create",
        "post",
        lambda w: {
            "person": str(w.gapi.person.public_id),
            "role": "vice_chair",
            "starts_on": "2016-05-18",
        },
        kwargs=_id("body"),
        ok=(201,),
    ),
    _write(
        "governance_membership_end",
        "post",
        lambda w: {"version": 1, "ends_on": "2017-05-17"},
        kwargs=_id("membership"),
    ),
    # Councillors and political groups
    _list("governance_councillor_list"),
    _read("governance_councillor_detail", EVERYONE_SIGNED_IN, kwargs=_id("councillor")),
    _add("governance_councillor_create", lambda w: {"name": "Cllr New (API matrix)"}),
    _write(
        "governance_councillor_update",
        "patch",
        lambda w: {"version": 1, "party": "Green"},
        kwargs=_id("councillor"),
    ),
    _write(
        "governance_councillor_group_change",
        "post",
        lambda w: {
            "change": "join",
            "group": str(w.gapi.group.public_id),
            "role": "member",
            "on": "2016-05-18",
        },
        kwargs=_id("councillor"),
        ok=(201,),
    ),
    _list("governance_group_list"),
    _read("governance_group_detail", EVERYONE_SIGNED_IN, kwargs=_id("group")),
    _add("governance_group_create", lambda w: {"name": "Green Group (API matrix)"}),
    _write(
        "governance_group_update",
        "patch",
        lambda w: {"version": 1, "short_name": "Lab"},
        kwargs=_id("group"),
    ),
    _list("governance_group_membership_list"),
    _read("governance_group_membership_detail", EVERYONE_SIGNED_IN, kwargs=_id("group_membership")),
    # Terms of reference, seats and nominations
    _list("governance_terms_list"),
    _read("governance_terms_detail", EVERYONE_SIGNED_IN, kwargs=_id("terms")),
    _read("governance_terms_detail", SEE_DRAFTS, kwargs=_id("draft_terms")),
    _list("governance_seat_allocation_list"),
    _read("governance_seat_allocation_detail", EVERY_ROLE, kwargs=_id("allocation")),
    _list("governance_nomination_list"),
    _read("governance_nomination_detail", EVERY_ROLE, kwargs=_id("nomination")),
    # Meetings and agendas
    _list("governance_meeting_list"),
    _list("governance_meeting_list", "status=scheduled&date_from=2016-01-01&date_to=2016-12-31"),
    _read("governance_meeting_detail", EVERYONE_SIGNED_IN, kwargs=_id("meeting")),
    _read("governance_meeting_detail", EVERY_ROLE, kwargs=_id("private_meeting")),
    _add(
        "governance_meeting_create",
        lambda w: {"body": str(w.gapi.body.public_id), "starts_at": "2016-06-15T18:30:00"},
    ),
    _write(
        "governance_meeting_update",
        "patch",
        lambda w: {"version": 1, "venue": "Council Chamber"},
        kwargs=_id("meeting"),
    ),
    _write(
        "governance_meeting_cancel",
        "post",
        lambda w: {"version": 1, "reason": "Not quorate"},
        kwargs=_id("meeting"),
    ),
    _write("governance_meeting_held", "post", lambda w: {"version": 1}, kwargs=_id("meeting")),
    _write(
        "governance_agenda_publish", "post", lambda w: {"version": 1}, kwargs=_id("unpublished")
    ),
    _list("governance_agenda_item_list"),
    _read("governance_agenda_item_detail", EVERYONE_SIGNED_IN, kwargs=_id("item")),
    _read("governance_agenda_item_detail", SEE_EXEMPT, kwargs=_id("exempt_item")),
    _write(
        "governance_agenda_item_create",
        "post",
        lambda w: {"number": "11", "title": "Any other business"},
        kwargs=_id("meeting"),
        ok=(201,),
    ),
    _write(
        "governance_agenda_item_update",
        "patch",
        lambda w: {"version": 1, "title": "Prevent strategy"},
        kwargs=_id("item"),
    ),
    _write(
        "governance_agenda_item_delete", "delete", lambda w: {}, kwargs=_id("spare_item"), ok=(204,)
    ),
    _write(
        "governance_agenda_reorder",
        "post",
        lambda w: {
            "items": [
                str(w.gapi.spare_item.public_id),
                str(w.gapi.item.public_id),
                str(w.gapi.exempt_item.public_id),
            ]
        },
        kwargs=_id("meeting"),
    ),
    _read("governance_attendance_list", EVERYONE_SIGNED_IN, kwargs=_id("meeting")),
    _write(
        "governance_attendance_record",
        "put",
        lambda w: {
            "version": 1,
            "rows": [{"person": str(w.gapi.person.public_id), "status": "present"}],
        },
        kwargs=_id("meeting"),
    ),
    _read("governance_declaration_list", EVERYONE_SIGNED_IN, kwargs=_id("meeting")),
    _write(
        "governance_declaration_create",
        "post",
        lambda w: {"person": str(w.gapi.person.public_id), "kind": "dpi", "nature": "Governor"},
        kwargs=_id("meeting"),
        ok=(201,),
    ),
    # Reports, minutes, resolutions, decisions
    _list("governance_report_list"),
    _list("governance_report_list", "status=published&search=matrix"),
    _read("governance_report_detail", EVERYONE_SIGNED_IN, kwargs=_id("report")),
    _read("governance_report_detail", SEE_DRAFTS, kwargs=_id("draft_report")),
    _list("governance_minute_list"),
    _read("governance_minute_detail", EVERYONE_SIGNED_IN, kwargs=_id("minute")),
    _read("governance_minute_detail", SEE_DRAFTS, kwargs=_id("draft_minute")),
    _list("governance_resolution_list"),
    _read("governance_resolution_detail", EVERYONE_SIGNED_IN, kwargs=_id("resolution")),
    _list("governance_decision_list"),
    _list("governance_decision_list", "status=open&decided_from=2016-01-01"),
    _read("governance_decision_detail", EVERYONE_SIGNED_IN, kwargs=_id("decision")),
    _list("governance_decision_action_list"),
    _read("governance_decision_action_detail", EVERY_ROLE, kwargs=_id("action")),
]


# Changes to terms of reference, seats, reports, minutes and decisions ----------------------------

CASES += [
    # Terms of reference
    _write(
        "governance_terms_create",
        "post",
        lambda w: {},
        kwargs=_id("terms_body"),
        allowed=DRAFTERS,
        ok=(201,),
    ),
    _write(
        "governance_terms_update",
        "patch",
        _version("draft_terms", amendment_summary="Clause 4 removed", amendment_reason="Spent"),
        kwargs=_id("draft_terms"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_clause_create",
        "post",
        lambda w: {"number": "9", "section": "quorum", "text": "Three members."},
        kwargs=_id("draft_terms"),
        allowed=DRAFTERS,
        ok=(201,),
    ),
    _write(
        "governance_clause_update",
        "patch",
        _version("draft_clause", text="To oversee the Prevent duty."),
        kwargs=_id("draft_clause"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_clause_delete",
        "delete",
        lambda w: {},
        kwargs=_id("draft_clause"),
        query="version=1",
        allowed=DRAFTERS,
        ok=(204,),
    ),
    _write(
        "governance_clause_reorder",
        "post",
        _version("draft_terms", clauses=lambda w: [str(w.gapi.draft_clause.public_id)]),
        kwargs=_id("draft_terms"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_terms_agree",
        "post",
        _version("draft_terms", resolution=_ref("resolution"), agreed_on="2016-04-06"),
        kwargs=_id("draft_terms"),
        note="democratic services only: the Prevent lead drafts but does not agree",
    ),
    # Seat allocations and nominations (the seats matrix's records)
    _write("governance_seat_allocation_adopt", "post", lambda w: {}, kwargs=_seat("seat_draft")),
    _write(
        "governance_seat_allocation_adjust",
        "post",
        lambda w: {
            "body_name": "Matrix Seats Committee",
            "from_group": "Matrix Seats Group",
            "to_group": "Matrix Other Group",
            "reason": "Swap agreed by the group leaders",
        },
        kwargs=_seat("seat_draft"),
        ok=(201,),
    ),
    _write(
        "governance_seat_allocation_what_if",
        "post",
        lambda w: {"body_name": "Matrix Seats Committee", "seats": 4},
        kwargs=_seat("seat_draft"),
        ok=(201,),
    ),
    _write(
        "governance_nominations_request",
        "post",
        lambda w: {"body": str(w.seat_panel.public_id)},
        kwargs=_seat("seat_adopted"),
        ok=(201,),
    ),
    _write(
        "governance_nomination_nominate",
        "post",
        lambda w: {"version": w.seat_requested.version, "nominee": str(w.seat_member.public_id)},
        kwargs=_seat("seat_requested"),
        allowed=NOMINATORS,
    ),
    _write(
        "governance_nomination_confirm",
        "post",
        lambda w: {
            "version": w.seat_nominated.version,
            "starts_on": "2030-05-20",
            "term_ends_on": "2031-05-14",
        },
        kwargs=_seat("seat_nominated"),
    ),
    _write(
        "governance_nomination_withdraw",
        "post",
        lambda w: {"version": w.seat_requested.version, "reason": "Group cannot fill it"},
        kwargs=_seat("seat_requested"),
        allowed=NOMINATORS,
    ),
    # Reports
    Case(
        "api:governance_report_create",
        method="post",
        json=True,
        data=lambda w: {"title": "New report (API matrix)", "body": str(w.gapi.body.public_id)},
        allowed=DRAFTERS,
        ok=(201,),
        denied=(403,),
        anonymous="401",
        browse=False,
    ),
    _write(
        "governance_report_update",
        "patch",
        _version("draft_report", consultation="The partnership was consulted."),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_recommendation_create",
        "post",
        _version("draft_report", text="That the report be noted."),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
        ok=(201,),
    ),
    _write(
        "governance_recommendation_update",
        "patch",
        _version("draft_report", text="That the strategy be noted."),
        kwargs=_id("recommendation"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_recommendation_delete",
        "delete",
        lambda w: {},
        kwargs=_id("recommendation"),
        query="version=1",
        allowed=DRAFTERS,
    ),
    _write(
        "governance_recommendation_reorder",
        "post",
        _version("draft_report", recommendations=lambda w: [_ref("recommendation")(w)]),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_implication_create",
        "post",
        _version("draft_report", kind="financial", is_required=False),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
        ok=(201,),
    ),
    _write(
        "governance_implication_update",
        "patch",
        _version("draft_report", text="The council has the power to act."),
        kwargs=_id("implication"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_implication_delete",
        "delete",
        lambda w: {},
        kwargs=_id("implication"),
        query="version=1",
        allowed=DRAFTERS,
    ),
    _write(
        "governance_appendix_create",
        "post",
        _version("draft_report", letter="2", title="Plan", url="https://example.org/p.pdf"),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
        ok=(201,),
    ),
    _write(
        "governance_appendix_delete",
        "delete",
        lambda w: {},
        kwargs=_id("appendix"),
        query="version=1",
        allowed=DRAFTERS,
    ),
    _write(
        "governance_report_request_implications",
        "post",
        _version("draft_report"),
        kwargs=_id("draft_report"),
        allowed=DRAFTERS,
    ),
    _write(
        "governance_implication_verify",
        "post",
        _version("requested_report", text="No direct implications."),
        kwargs=_id("requested_implication"),
        allowed=frozenset(),
        note="only the officer asked verifies; no persona is that officer (test_api_reports.py "
        "covers the officer)",
    ),
    _write(
        "governance_report_publish",
        "post",
        _version("verified_report", agenda_item=_ref("spare_item")),
        kwargs=_id("verified_report"),
        note="democratic services only: the Prevent lead drafts but does not publish",
    ),
    # Minutes
    _write(
        "governance_minutes_start", "post", _version("held_meeting"), kwargs=_id("held_meeting")
    ),
    _write(
        "governance_minute_update",
        "patch",
        _version("draft_item_minute", points="The officer presented the strategy."),
        kwargs=_id("draft_item_minute"),
    ),
    _write(
        "governance_question_create",
        "post",
        lambda w: {"asked_by": _ref("person")(w), "question": "Will members be trained?"},
        kwargs=_id("draft_item_minute"),
        ok=(201,),
    ),
    _write(
        "governance_question_update",
        "patch",
        lambda w: {"answered_by": _ref("chair")(w), "answer": "Fewer than five."},
        kwargs=_id("question"),
    ),
    _write("governance_question_delete", "delete", lambda w: {}, kwargs=_id("question"), ok=(204,)),
    _write(
        "governance_resolution_create",
        "post",
        lambda w: {"number": "5", "text": "That the strategy be noted."},
        kwargs=_id("draft_item_minute"),
        ok=(201,),
    ),
    _write(
        "governance_resolution_update",
        "patch",
        _version("draft_resolution", text="That the report be noted."),
        kwargs=_id("draft_resolution"),
    ),
    _write(
        "governance_resolution_delete",
        "delete",
        lambda w: {},
        kwargs=_id("draft_resolution"),
        ok=(204,),
    ),
    _write(
        "governance_minutes_approve",
        "post",
        _version("draft_meeting", approved_at=_ref("unpublished")),
        kwargs=_id("draft_meeting"),
    ),
    _write(
        "governance_minutes_sign",
        "post",
        _version("meeting", signed_by=_ref("chair"), signed_on="2016-03-10"),
        kwargs=_id("meeting"),
        note="the chair, or democratic services on their behalf; no persona chairs this body",
    ),
    # Decisions
    _add(
        "governance_motion_create",
        lambda w: {
            "meeting": _ref("council_meeting")(w),
            "text": "That this Council asks for a report on the Prevent duty.",
            "proposer": _ref("person")(w),
        },
    ),
    _write(
        "governance_motion_update",
        "patch",
        _version("motion", title="Prevent report requested"),
        kwargs=_id("motion"),
    ),
    _write(
        "governance_decision_status",
        "post",
        _version("decision", status="implemented"),
        kwargs=_id("decision"),
    ),
    _write(
        "governance_decision_action_create",
        "post",
        lambda w: {"description": "Book member training"},
        kwargs=_id("decision"),
        ok=(201,),
    ),
    _write(
        "governance_decision_action_update",
        "patch",
        _version("action", status="done"),
        kwargs=_id("action"),
    ),
]
