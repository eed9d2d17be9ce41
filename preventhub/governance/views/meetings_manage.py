"""Changing meetings (democratic services): schedule, change, cancel, mark held, publish the
agenda; agenda items; attendance; declarations of interest.

Every page needs ``governance.manage`` (404 otherwise, after sign-in). Views parse the form, call
one service and render; the service's validation errors come back onto the form as GOV.UK errors.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from preventhub.core.forms import VersionedForm, error_list
from preventhub.core.pages import form_page, run_service
from preventhub.core.policies import Action
from preventhub.directory import policies as directory_policies
from preventhub.directory.models import Person
from preventhub.governance import policies
from preventhub.governance.forms.meetings import (
    AgendaItemForm,
    AttendanceFormSet,
    CancelForm,
    DeclarationForm,
    MeetingForm,
    ReorderForm,
)
from preventhub.governance.models import AgendaItem, Attendance, Meeting, Membership
from preventhub.governance.services import meetings as services

from .common import manage_required, to

TEMPLATES = "governance/meetings"
EXTRA_ATTENDANCE_ROWS = 3


def _meeting(request: HttpRequest, public_id: Any) -> Meeting:
    queryset = policies.meetings.visible_to(request.user, Action.CHANGE).select_related("body")
    return policies.meetings.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


def _years(request: HttpRequest) -> Any:
    return directory_policies.municipal_years.visible_to(request.user).order_by("-starts_on")


# Meetings ---------------------------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    bodies = policies.bodies.visible_to(request.user, Action.CHANGE).order_by("name")
    initial = {}
    if (chosen := request.GET.get("body", "")) and _is_uuid(chosen):
        initial["body"] = bodies.filter(public_id=chosen).first()

    def create(form: MeetingForm) -> Meeting:
        data = form.cleaned_data
        return services.create_meeting(
            actor=request.user,
            body=data["body"],
            starts_at=data["starts_at"],
            venue=data["venue"],
            municipal_year=data.get("municipal_year"),
        )

    return form_page(
        request,
        MeetingForm,
        template=f"{TEMPLATES}/form.html",
        form_kwargs={"bodies": bodies, "years": _years(request)},
        initial=initial,
        save=create,
        success=lambda meeting: to("meeting_detail", meeting),
        message=lambda meeting: f"The meeting of {meeting.body.name} has been scheduled.",
        context={"meeting": None},
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


@manage_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)

    def update(form: MeetingForm) -> Meeting:
        data = form.cleaned_data
        return services.update_meeting(
            actor=request.user,
            meeting=meeting,
            data={name: data[name] for name in ("starts_at", "venue", "municipal_year")},
            expected_version=data.get("version"),
        )

    return form_page(
        request,
        MeetingForm,
        template=f"{TEMPLATES}/form.html",
        record=meeting,
        form_kwargs={"years": _years(request), "meeting": meeting},
        save=update,
        success=to("meeting_detail", meeting),
        message="The meeting has been changed.",
        context={"meeting": meeting},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)
    return form_page(
        request,
        CancelForm,
        template=f"{TEMPLATES}/cancel.html",
        record=meeting,
        save=lambda form: services.cancel_meeting(
            actor=request.user,
            meeting=meeting,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("meeting_detail", meeting),
        message="The meeting has been cancelled.",
        context={"meeting": meeting},
    )


def _confirm(
    request: HttpRequest, public_id: Any, template: str, call: Any, message: str
) -> HttpResponse:
    meeting = _meeting(request, public_id)
    return form_page(
        request,
        VersionedForm,
        template=f"{TEMPLATES}/{template}",
        record=meeting,
        save=lambda form: call(
            actor=request.user,
            meeting=meeting,
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("meeting_detail", meeting),
        message=message,
        context={"meeting": meeting},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def meeting_held(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _confirm(
        request,
        public_id,
        "held.html",
        services.mark_meeting_held,
        "The meeting has been marked as held.",
    )


@manage_required
@require_http_methods(["GET", "POST"])
def agenda_publish(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _confirm(
        request,
        public_id,
        "publish.html",
        services.publish_agenda,
        "The agenda has been published.",
    )


# Agenda items -----------------------------------------------------------------------------------


def _item_form_kwargs(
    request: HttpRequest, meeting: Meeting, item: AgendaItem | None = None
) -> dict[str, Any]:
    return {
        "people": directory_policies.people.visible_to(request.user).order_by("name"),
        "reports": policies.reports.visible_to(request.user)
        .filter(body_id=meeting.body_id)
        .order_by("title"),
        "item": item,
    }


def _item_data(form: AgendaItemForm) -> dict[str, Any]:
    return {name: form.cleaned_data.get(name) for name in services.ITEM_FIELDS}


@manage_required
@require_http_methods(["GET", "POST"])
def agenda_item_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)
    return form_page(
        request,
        AgendaItemForm,
        template=f"{TEMPLATES}/item_form.html",
        form_kwargs=_item_form_kwargs(request, meeting),
        save=lambda form: services.add_agenda_item(
            actor=request.user, meeting=meeting, data=_item_data(form)
        ),
        success=to("meeting_detail", meeting, "agenda"),
        message="The item has been added to the agenda.",
        context={"meeting": meeting, "item": None},
    )


def _item(request: HttpRequest, public_id: Any) -> AgendaItem:
    queryset = policies.agenda_items.visible_to(request.user, Action.CHANGE).select_related(
        "meeting", "meeting__body"
    )
    return policies.agenda_items.get_or_404(
        request, Action.CHANGE, queryset=queryset, public_id=public_id
    )


@manage_required
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _item(request, public_id)
    return form_page(
        request,
        AgendaItemForm,
        template=f"{TEMPLATES}/item_form.html",
        record=item,
        form_kwargs=_item_form_kwargs(request, item.meeting, item),
        save=lambda form: services.update_agenda_item(
            actor=request.user,
            item=item,
            data=_item_data(form),
            expected_version=form.cleaned_data.get("version"),
        ),
        success=to("meeting_detail", item.meeting, "agenda"),
        message="The agenda item has been changed.",
        context={"meeting": item.meeting, "item": item},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def agenda_item_remove(request: HttpRequest, public_id: Any) -> HttpResponse:
    item = _item(request, public_id)
    meeting = item.meeting
    return form_page(
        request,
        VersionedForm,
        template=f"{TEMPLATES}/item_remove.html",
        save=lambda form: services.remove_agenda_item(actor=request.user, item=item),
        success=to("meeting_detail", meeting, "agenda"),
        message="The item has been removed from the agenda.",
        context={"meeting": meeting, "item": item},
    )


@manage_required
@require_http_methods(["GET", "POST"])
def agenda_reorder(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("order", "id"))
    return form_page(
        request,
        ReorderForm,
        template=f"{TEMPLATES}/reorder.html",
        form_kwargs={"items": items},
        save=lambda form: services.reorder_agenda(
            actor=request.user, meeting=meeting, positions=form.positions()
        ),
        success=to("meeting_detail", meeting, "agenda"),
        message="The agenda has been reordered.",
        context={"meeting": meeting, "items": items},
    )


# Attendance -------------------------------------------------------------------------------------


def _attendance_formset(request: HttpRequest, meeting: Meeting) -> Any:
    """A row per member of the body on the day, then everyone else already recorded, then blank
    rows to add others (save to get more). Three queries whatever the number of rows."""
    members = services.expected_members(meeting)
    existing = {
        a.person_id: a
        for a in Attendance.objects.filter(meeting=meeting)
        .select_related("person", "substitute_for")
        .order_by("person__name")
    }
    voting = [m.person for m in members if m.role in services.VOTING_ROLES]
    rows: list[dict[str, Any]] = []
    initial: list[dict[str, Any]] = []
    listed: set[int] = set()
    named: list[Person] = []  # the rows' own people; anyone else is found with a picker

    def fixed(person: Person, heading: str) -> None:
        listed.add(person.pk)
        named.append(person)
        rows.append({"people": named, "members": voting, "heading": heading, "name": person.name})
        record = existing.get(person.pk)
        initial.append(
            {
                "person": person,
                "status": record.status if record else "",
                "substitute_for": record.substitute_for if record else None,
            }
        )

    for membership in members:
        fixed(
            membership.person, f"{membership.person.name}, {membership.get_role_display().lower()}"
        )
    for record in existing.values():
        if record.person_id not in listed:
            fixed(
                record.person,
                record.person.name
                + (f", {record.person.job_title}" if record.person.job_title else ""),
            )
    others = directory_policies.people.visible_to(request.user).exclude(pk__in=listed)
    extra = {"people": others, "members": voting, "heading": ""}
    if request.method == "POST":
        formset = AttendanceFormSet(
            request.POST, row_kwargs=rows, extra_kwargs=extra, prefix="attendance"
        )
    else:
        formset = AttendanceFormSet(
            initial=initial,
            row_kwargs=rows,
            extra_kwargs=extra,
            prefix="attendance",
            blank_rows=EXTRA_ATTENDANCE_ROWS,
        )
    formset.members_count = len(members)
    return formset


def _formset_errors(formset: Any) -> list[dict[str, Any]]:
    errors = [{"text": str(e), "href": ""} for e in formset.non_form_errors()]
    for form in formset.forms:
        errors.extend(error_list(form))
    return errors


@manage_required
@require_http_methods(["GET", "POST"])
def meeting_attendance(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)
    formset = _attendance_formset(request, meeting)
    version_form = VersionedForm(
        request.POST if request.method == "POST" else None, initial={"version": meeting.version}
    )
    if request.method == "POST" and formset.is_valid() and version_form.is_valid():
        rows = [
            services.AttendanceRow(
                person=f.cleaned_data["person"],
                status=f.cleaned_data.get("status") or "",
                substitute_for=f.cleaned_data.get("substitute_for"),
            )
            for f in formset.forms
            if f.cleaned_data.get("person") is not None
        ]
        if run_service(
            version_form,
            lambda: services.record_attendance(
                actor=request.user,
                meeting=meeting,
                rows=rows,
                expected_version=version_form.cleaned_data.get("version"),
            ),
            record=meeting,
        ):
            messages.success(request, "The attendance has been recorded.")
            return redirect(to("meeting_detail", meeting, "attendance"))
    errors = (
        (_formset_errors(formset) + error_list(version_form)) if request.method == "POST" else []
    )
    return render(
        request,
        f"{TEMPLATES}/attendance_form.html",
        {
            "meeting": meeting,
            "formset": formset,
            "version_form": version_form,
            "errors": errors,
            "members_count": formset.members_count,
            "named_count": len(formset.row_kwargs),
        },
    )


# Declarations of interest -----------------------------------------------------------------------


@manage_required
@require_http_methods(["GET", "POST"])
def declaration_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    meeting = _meeting(request, public_id)
    day = services.local_date(meeting)
    members = Membership.objects.filter(body_id=meeting.body_id).current(day).values("person_id")
    people = (
        Person.objects.filter(Q(pk__in=members) | Q(attendance__meeting=meeting))
        .distinct()
        .order_by("name")
    )
    items = AgendaItem.objects.filter(meeting=meeting).order_by("order", "id")

    def declare(form: DeclarationForm) -> Any:
        data = form.cleaned_data
        return services.add_declaration(
            actor=request.user,
            meeting=meeting,
            person=data["person"],
            item=data.get("item"),
            kind=data["kind"],
            nature=data["nature"],
            withdrew=data["withdrew"] == "yes",
        )

    return form_page(
        request,
        DeclarationForm,
        template=f"{TEMPLATES}/declaration_form.html",
        form_kwargs={"people": people, "items": items},
        save=declare,
        success=to("meeting_detail", meeting, "declarations"),
        message="The declaration of interest has been recorded.",
        context={"meeting": meeting},
    )
