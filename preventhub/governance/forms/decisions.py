"""Forms for the decisions register: filters, Full Council motions, status changes and follow-up
actions. Records are chosen by public id; the services check everything again."""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import GovukDateField, GovukForm
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import PEOPLE
from preventhub.governance.models import ActionStatus, DecisionKind, DecisionStatus
from preventhub.governance.pickers import DECISIONS, body_picker

from .minutes import MeetingChoiceField

STATUS_FILTER = [("", "Any status"), *DecisionStatus.choices]
KIND_FILTER = [("", "Resolutions and motions"), *DecisionKind.choices]
OVERDUE_FILTER = [("", "Any"), ("yes", "Only decisions with overdue actions")]


class DecisionFilterForm(GovukForm):
    body = forms.Field(required=False)  # replaced in __init__
    status = forms.ChoiceField(
        label="Status",
        choices=STATUS_FILTER,
        required=False,
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    kind = forms.ChoiceField(
        label="Kind",
        choices=KIND_FILTER,
        required=False,
        error_messages={"invalid_choice": "Choose resolutions or motions"},
    )
    date_from = GovukDateField(
        label="Decided from", required=False, help_text="For example, 1 6 2016"
    )
    date_to = GovukDateField(label="Decided to", required=False, help_text="For example, 31 5 2017")
    overdue = forms.ChoiceField(
        label="Follow-up actions",
        choices=OVERDUE_FILTER,
        required=False,
        error_messages={"invalid_choice": "Choose from the list"},
    )

    govuk_label_classes = "govuk-label--s"
    govuk_legend_classes = "govuk-fieldset__legend--s"

    def __init__(self, *args: Any, bodies: Any, show_overdue: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_picker(
            bodies,
            label="Decided by",
            error_messages={"invalid_choice": "Choose a body from the list"},
        )
        if not show_overdue:
            del self.fields["overdue"]
        self.order_fields(["body", "status", "kind", "date_from", "date_to", "overdue"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data


class MotionForm(GovukForm):
    meeting = forms.Field()  # replaced in __init__
    text = forms.CharField(
        label="Motion",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The motion as agreed, for example: That a members' working group on "
        "Prevent be established.",
        error_messages={"required": "Enter the text of the motion"},
    )
    title = forms.CharField(
        label="Short title",
        max_length=300,
        required=False,
        help_text="For the decisions register. Leave empty to use the start of the motion.",
        error_messages={"max_length": "The title must be 300 characters or fewer"},
    )
    proposer = forms.Field()  # replaced in __init__
    seconder = forms.Field(required=False)  # replaced in __init__
    follows = forms.Field(required=False)  # replaced in __init__
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        meetings: Any,
        people: Any,
        decisions: Any,
        decision: Any = None,
        **kwargs: Any,
    ) -> None:
        if decision is not None and (not args or args[0] is None):
            kwargs["initial"] = {
                "meeting": decision.meeting,
                "text": decision.text,
                "title": decision.title,
                "proposer": decision.proposer,
                "seconder": decision.seconder,
                "follows": decision.follows,
                "version": decision.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = MeetingChoiceField(
            meetings,
            label="Full Council meeting",
            empty_label="Choose a meeting",
            help_text="The meeting of the Full Council that agreed the motion.",
            error_messages={
                "required": "Choose the Full Council meeting that agreed the motion",
                "invalid_choice": "Choose a meeting of the Full Council",
            },
        )
        self.fields["proposer"] = PickerField(
            PEOPLE,
            people,
            label="Proposed by",
            error_messages={
                "required": "Choose the councillor who proposed the motion",
                "invalid_choice": "Choose the proposer",
            },
        )
        self.fields["seconder"] = PickerField(
            PEOPLE,
            people,
            label="Seconded by",
            required=False,
            error_messages={"invalid_choice": "Choose the seconder"},
        )
        self.fields["follows"] = PickerField(
            DECISIONS,
            queryset=decisions,
            label="Earlier decision it follows",
            required=False,
            error_messages={"invalid_choice": "Choose a decision from the list"},
        )
        self.order_fields(["meeting", "text", "title", "proposer", "seconder", "follows"])


class StatusForm(GovukForm):
    status = forms.ChoiceField(
        label="Status",
        choices=DecisionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the decision's status",
            "invalid_choice": "Select the decision's status",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"status": {"fieldset": {"legend": {"isPageHeading": False}}}}


class ActionForm(GovukForm):
    description = forms.CharField(
        label="What needs to be done",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, Ask the group leaders for nominations.",
        error_messages={"required": "Enter what needs to be done"},
    )
    owner = forms.Field(required=False)  # replaced in __init__
    due_on = GovukDateField(label="Due date", required=False, help_text="For example, 30 6 2016")
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the action's status",
            "invalid_choice": "Select the action's status",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"status": {"classes": "govuk-radios--small"}}

    def __init__(self, *args: Any, people: Any, action: Any = None, **kwargs: Any) -> None:
        if action is not None and (not args or args[0] is None):
            kwargs["initial"] = {
                "description": action.description,
                "owner": action.owner,
                "due_on": action.due_on,
                "status": action.status,
                "version": action.version,
            }
        kwargs.setdefault("initial", {}).setdefault("status", ActionStatus.NOT_STARTED)
        super().__init__(*args, **kwargs)
        self.fields["owner"] = PickerField(
            PEOPLE,
            people,
            label="Owner",
            required=False,
            help_text="Who is responsible for the action.",
            error_messages={"invalid_choice": "Choose the owner"},
        )
        self.order_fields(["description", "owner", "due_on", "status"])
