"""Forms for meetings, agenda items, attendance and declarations of interest.

They render through the project's GOV.UK form renderer (``{{ form }}``); records are chosen by
public id, never by database key. Messages follow the GOV.UK error message patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from preventhub.core.forms import GovukDateField, GovukForm, public_choice
from preventhub.core.pickers import PickerField
from preventhub.directory.models import Person
from preventhub.directory.pickers import PEOPLE
from preventhub.governance.models import (
    AttendanceStatus,
    ExemptParagraph,
    InterestKind,
    MeetingStatus,
)
from preventhub.governance.pickers import body_picker

_TIME = re.compile(r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm)?$")


def parse_time(text: str) -> dt.time | None:
    """A time as people type it: 18:30, 18.30, 6:30pm, 6.30 pm, 6pm, 12 noon as 12pm."""
    match = _TIME.match(text.strip().lower().replace("noon", "pm").replace(" ", ""))
    if not match:
        return None
    hour, minute, half = int(match["hour"]), int(match["minute"] or 0), match["half"]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match["minute"] is None:
        return None  # "6" alone could be morning or evening
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


# Meetings ---------------------------------------------------------------------------------------


class MeetingForm(GovukForm):
    """Schedule or change a meeting. The body is chosen only when scheduling."""

    body = forms.Field(required=False)  # replaced in __init__ when scheduling
    date = GovukDateField(label="Date", help_text="For example, 15 6 2016")
    time = forms.CharField(
        label="Start time",
        max_length=20,
        help_text="For example, 6:30pm or 18:30",
        error_messages={"required": "Enter the start time"},
    )
    venue = forms.CharField(
        label="Venue",
        max_length=200,
        required=False,
        help_text="For example, Committee Room 1, Civic Offices",
    )
    municipal_year = forms.Field(required=False)  # replaced in __init__
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"time": {"classes": "govuk-input--width-5"}}

    def __init__(
        self, *args: Any, bodies: Any = None, years: Any, meeting: Any = None, **kwargs: Any
    ) -> None:
        if meeting is not None and (not args or args[0] is None) and kwargs.get("data") is None:
            local = timezone.localtime(meeting.starts_at)
            kwargs["initial"] = {
                "date": local.date(),
                "time": f"{local:%H:%M}",
                "venue": meeting.venue,
                "municipal_year": meeting.municipal_year,
                "version": meeting.version,
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        if bodies is None:
            del self.fields["body"]
        else:
            self.fields["body"] = body_picker(
                bodies,
                label="Body",
                required=True,
                error_messages={
                    "required": "Choose the body that is meeting",
                    "invalid_choice": "Choose the body that is meeting",
                },
            )
        self.fields["municipal_year"] = public_choice(
            years,
            label="Municipal year",
            empty="The year the date falls in",
            help_text="Leave as it is to use the municipal year the date falls in.",
        )
        self.order_fields(["body", "date", "time", "venue", "municipal_year"])

    def clean_time(self) -> dt.time:
        value = parse_time(self.cleaned_data["time"])
        if value is None:
            raise ValidationError("Enter a real time, like 6:30pm or 18:30")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["starts_at"] = timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))
        return data


class CancelForm(GovukForm):
    reason = forms.CharField(
        label="Why is the meeting cancelled?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="This is kept in the record of changes.",
        error_messages={"required": "Enter why the meeting is cancelled"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


STATUS_FILTER = [("", "Any status"), *MeetingStatus.choices]


class MeetingFilterForm(GovukForm):
    body = forms.Field(required=False)
    status = forms.ChoiceField(label="Status", choices=STATUS_FILTER, required=False)
    year = forms.Field(required=False)
    date_from = GovukDateField(label="From", required=False, help_text="For example, 1 6 2016")
    date_to = GovukDateField(label="To", required=False, help_text="For example, 31 5 2017")

    govuk_label_classes = "govuk-label--s"
    govuk_legend_classes = "govuk-fieldset__legend--s"

    def __init__(self, *args: Any, bodies: Any = None, years: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if bodies is None:
            del self.fields["body"]
        else:
            self.fields["body"] = body_picker(
                bodies,
                label="Body",
                error_messages={"invalid_choice": "Choose a body from the list"},
            )
        self.fields["year"] = public_choice(
            years,
            label="Municipal year",
            empty="Any year",
            error_messages={"invalid_choice": "Choose a municipal year from the list"},
        )
        self.fields["status"].error_messages["invalid_choice"] = "Choose a status from the list"
        self.order_fields(["body", "status", "year", "date_from", "date_to"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data


# Agenda items -----------------------------------------------------------------------------------

PARAGRAPHS = [
    ("", "Not exempt"),
    *((str(value), label) for value, label in ExemptParagraph.choices),
]


class AgendaItemForm(GovukForm):
    number = forms.CharField(
        label="Item number",
        max_length=12,
        help_text="As the council numbers it, for example 5 or 5(a).",
        error_messages={
            "required": "Enter the item number, like 5 or 5(a)",
            "max_length": "The item number must be 12 characters or fewer",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={
            "required": "Enter the item's title",
            "max_length": "The title must be 300 characters or fewer",
        },
    )
    presenting_officer = forms.Field(required=False)  # replaced in __init__
    report = forms.Field(required=False)  # replaced in __init__
    is_exempt = forms.BooleanField(
        label="This item is exempt: the public will be excluded for it", required=False
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        choices=PARAGRAPHS,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=(
            "The paragraph of Schedule 12A to the Local Government Act 1972 that makes the item "
            "exempt."
        ),
        error_messages={"invalid_choice": "Select a paragraph of Schedule 12A"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"number": {"classes": "govuk-input--width-5"}}

    def __init__(
        self, *args: Any, people: Any, reports: Any, item: Any = None, **kwargs: Any
    ) -> None:
        if item is not None and (not args or args[0] is None) and kwargs.get("data") is None:
            kwargs["initial"] = {
                "number": item.number,
                "title": item.title,
                "presenting_officer": item.presenting_officer,
                "report": item.report,
                "is_exempt": item.is_exempt,
                "exempt_paragraph": item.exempt_paragraph,
                "version": item.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["presenting_officer"] = PickerField(
            PEOPLE,
            people,
            label="Presenting officer",
            required=False,
            help_text="Someone in the directory.",
            error_messages={"invalid_choice": "Choose the presenting officer"},
        )
        self.fields["report"] = public_choice(
            reports,
            label="Report",
            empty="No report",
            help_text="A report written for this body.",
            error_messages={"invalid_choice": "Choose a report written for this body"},
            # Democratic services see drafts too: the status says which are ready for the agenda.
            describe=lambda r: f"{r.title} ({r.get_status_display().lower()})",
        )
        self.order_fields(
            ["number", "title", "presenting_officer", "report", "is_exempt", "exempt_paragraph"]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        exempt, paragraph = data.get("is_exempt"), data.get("exempt_paragraph")
        if "exempt_paragraph" in self.errors:
            return data
        if exempt and paragraph is None:
            self.add_error(
                "exempt_paragraph", "Select the Schedule 12A paragraph that makes this item exempt"
            )
        elif not exempt and paragraph is not None:
            self.add_error(
                "is_exempt", "Select that the item is exempt, or set the paragraph to 'Not exempt'"
            )
        report = data.get("report")
        if (
            report is not None
            and report.is_exempt
            and not exempt
            and "is_exempt" not in self.errors
        ):
            self.add_error("is_exempt", "The report is exempt, so the item must be exempt too")
        return data


class ReorderForm(GovukForm):
    """A position box per item: the agenda is put in the order of the numbers typed."""

    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for position, item in enumerate(items, start=1):
            self.fields[f"position-{item.public_id}"] = forms.IntegerField(
                label=f"Position of item {item.number}: {item.title}",
                initial=position,
                min_value=1,
                max_value=999,
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": f"Enter a position for item {item.number}",
                    "invalid": f"The position of item {item.number} must be a whole number, like 3",
                    "min_value": f"The position of item {item.number} must be 1 or more",
                    "max_value": f"The position of item {item.number} must be 999 or less",
                },
            )

    def positions(self) -> dict[int, int]:
        return {item.pk: self.cleaned_data[f"position-{item.public_id}"] for item in self.items}


# Attendance -------------------------------------------------------------------------------------


class ObjectChoiceField(forms.ChoiceField):
    """A choice among records fetched once, keyed by public id: a page with a select in every row
    of a formset runs one query for the records, not one per row."""

    def __init__(self, objects: Any, *, empty: str | None = None, **kwargs: Any) -> None:
        self.objects = {str(o.public_id): o for o in objects}
        options = [(key, str(o)) for key, o in self.objects.items()]
        super().__init__(
            choices=[("", empty), *options] if empty is not None else options, **kwargs
        )

    def prepare_value(self, value: Any) -> Any:
        return str(value.public_id) if hasattr(value, "public_id") else value

    def clean(self, value: Any) -> Any:
        key = super().clean(self.prepare_value(value))
        return self.objects.get(key) if key else None


ATTENDANCE_CHOICES = [("", "Not recorded"), *AttendanceStatus.choices]


class AttendanceRowForm(GovukForm):
    """One person's attendance. A member's row names them; an extra row chooses someone."""

    person = forms.Field(required=False)  # replaced in __init__
    status = forms.ChoiceField(
        choices=ATTENDANCE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how they attended"},
    )
    substitute_for = forms.Field(required=False)  # replaced in __init__

    govuk_legend_classes = "govuk-fieldset__legend--s"
    govuk_label_classes = "govuk-label--s"
    govuk_mark_optional = False

    def __init__(
        self,
        *args: Any,
        people: Any,
        members: Any,
        heading: str = "",
        name: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.heading = heading
        self.person_name = name
        if heading:
            self.fields["person"] = ObjectChoiceField(
                people, widget=forms.HiddenInput, required=False
            )
            self.fields["status"].label = heading
        else:
            self.fields["person"] = PickerField(
                PEOPLE,
                people,
                label="Someone else",
                required=False,
                help_text="Type part of their name or job title.",
                error_messages={"invalid_choice": "Choose someone not already listed above"},
            )
            self.fields["status"].label = "How they attended"
        # A picker, not a select: a select of every member in every row was members squared
        # options (3,600 for a council of 60).
        self.fields["substitute_for"] = PickerField(
            PEOPLE,
            Person._default_manager.filter(pk__in=[member.pk for member in members]),
            label="Substituting for",
            required=False,
            help_text="Only for someone present as a substitute: type part of the member's name.",
            error_messages={"invalid_choice": "Choose a member of the body"},
        )
        self.govuk_options = {"status": {"classes": "govuk-radios--small govuk-radios--inline"}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        person, status, sub = data.get("person"), data.get("status"), data.get("substitute_for")
        if not self.heading and status and person is None and "person" not in self.errors:
            self.add_error("person", "Choose the person whose attendance you are recording")
        if not status and not self.heading and person is not None:
            self.add_error("status", f"Select how {person.name} attended")
        name = self.person_name or (person.name if person else "they")
        if status == AttendanceStatus.SUBSTITUTE and sub is None:
            self.add_error("substitute_for", f"Select who {name} substituted for")
        elif sub is not None and status != AttendanceStatus.SUBSTITUTE:
            self.add_error(
                "substitute_for", "Leave this as 'Nobody' unless they were present as a substitute"
            )
        elif sub is not None and person is not None and sub.pk == person.pk:
            self.add_error("substitute_for", f"{name} cannot substitute for themselves")
        return data


class BaseAttendanceFormSet(forms.BaseFormSet):
    """Rows with their own options (``row_kwargs``, one per row: named people first); any further
    row (the extra blank ones, or more than the page sent) gets ``extra_kwargs``."""

    members_count = 0  # how many rows are the body's members (the page sets it)

    def __init__(
        self,
        *args: Any,
        row_kwargs: list[dict[str, Any]],
        extra_kwargs: dict[str, Any],
        blank_rows: int = 0,
        **kwargs: Any,
    ) -> None:
        self.row_kwargs = row_kwargs
        self.extra_kwargs = extra_kwargs
        super().__init__(*args, **kwargs)
        self.extra = blank_rows  # a bound formset's size comes from its management form instead

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        if index is not None and index < min(len(self.row_kwargs), self.initial_form_count()):
            kwargs.update(self.row_kwargs[index])
        else:
            kwargs.update(self.extra_kwargs)
        return kwargs

    def clean(self) -> None:
        seen: set[int] = set()
        for form in self.forms:
            person = form.cleaned_data.get("person") if hasattr(form, "cleaned_data") else None
            if person is None or not form.cleaned_data.get("status"):
                continue
            if person.pk in seen:
                form.add_error(
                    "person", f"{person.name} is already listed: record their attendance once"
                )
            seen.add(person.pk)


# formset_factory returns a subclass of ``formset``; the stubs type it as the plain BaseFormSet.
AttendanceFormSet = cast(
    type[BaseAttendanceFormSet],
    forms.formset_factory(
        AttendanceRowForm,
        formset=BaseAttendanceFormSet,
        extra=0,
        max_num=1000,
        absolute_max=1000,
        validate_max=True,
    ),
)


# Declarations of interest -----------------------------------------------------------------------

YES_NO = [("yes", "Yes"), ("no", "No")]


class DeclarationForm(GovukForm):
    person = forms.Field()  # replaced in __init__
    item = forms.Field(required=False)  # replaced in __init__
    kind = forms.ChoiceField(
        label="Kind of interest",
        choices=InterestKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the kind of interest",
            "invalid_choice": "Select the kind of interest",
        },
    )
    nature = forms.CharField(
        label="Nature of the interest",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, My spouse is a governor of Northbridge Academy.",
        error_messages={"required": "Describe the interest"},
    )
    withdrew = forms.ChoiceField(
        label="Did they leave the meeting for the item?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes if they left the meeting for the item",
            "invalid_choice": "Select yes or no",
        },
    )

    def __init__(self, *args: Any, people: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"] = PickerField(
            PEOPLE,
            people,
            label="Who declared the interest",
            required=True,
            help_text="Members of the body and people recorded as attending.",
            error_messages={
                "required": "Choose who declared the interest",
                "invalid_choice": "Choose who declared the interest",
            },
        )
        self.fields["item"] = public_choice(
            items,
            label="Agenda item",
            empty="Not about one item",
            error_messages={"invalid_choice": "Choose an item on this agenda"},
            describe=lambda item: f"{item.number}. {item.title}",
        )
        self.govuk_options = {"withdrew": {"classes": "govuk-radios--inline"}}
        self.order_fields(["person", "item", "kind", "nature", "withdrew"])
