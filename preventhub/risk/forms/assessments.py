"""Forms for assessments and contributions. Records are chosen by public id; services check
everything again."""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import GovukDateField, GovukForm, VersionedForm
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import ORGANISATIONS, PEOPLE

from ..models import Marking
from ..pickers import MEETINGS, RESOLUTIONS

MARKING_HINT = (
    "OFFICIAL-SENSITIVE records are not shown to councillors or to anyone without a Prevent role."
)


class AssessmentForm(VersionedForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Local risk assessment 2025 to 2026.",
        error_messages={"required": "Enter the title of the assessment"},
    )
    period_start = GovukDateField(label="Period start", help_text="For example, 1 4 2025")
    period_end = GovukDateField(label="Period end", help_text="For example, 31 3 2026")
    ctlp_edition = forms.CharField(
        label="Counter-Terrorism Local Profile edition",
        max_length=60,
        required=False,
        help_text="The edition of the local profile the assessment draws on, for example 2025.",
    )
    ctlp_received_on = GovukDateField(label="Date the local profile was received", required=False)
    marking = forms.ChoiceField(
        label="Handling marking",
        choices=Marking.choices,
        widget=forms.RadioSelect,
        help_text=MARKING_HINT,
        error_messages={"required": "Choose the handling marking"},
    )
    summary = forms.CharField(
        label="Summary", widget=forms.Textarea(attrs={"rows": 6}), required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end <= start:
            self.add_error("period_end", "The period end must be after the period start")
        return data

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}


class AgreeForm(VersionedForm):
    meeting = forms.Field(required=False)  # replaced in __init__
    resolution = forms.Field(required=False)  # replaced in __init__
    agreed_on = GovukDateField(
        label="Date agreed",
        required=False,
        help_text="Leave empty to use the date of the meeting.",
    )

    def __init__(self, *args: Any, meetings: Any, resolutions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"] = PickerField(
            MEETINGS,
            meetings,
            required=False,
            label="Meeting that agreed it",
            help_text="Type the name of the body, for example Prevent working group.",
            error_messages={"invalid_choice": "Choose a meeting you can see"},
        )
        self.fields["resolution"] = PickerField(
            RESOLUTIONS,
            resolutions,
            required=False,
            label="Resolution that agreed it",
            help_text="Type its number or words from it.",
            error_messages={"invalid_choice": "Choose a resolution you can see"},
        )
        self.order_fields(["meeting", "resolution", "agreed_on"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("meeting") and not data.get("resolution") and not data.get("agreed_on"):
            self.add_error("agreed_on", "Enter the date the assessment was agreed")
        return data


class ContributionForm(GovukForm):
    organisation = forms.Field()  # replaced in __init__
    received_on = GovukDateField(label="Date of the contribution")
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="What the organisation sees of the local threat and vulnerabilities.",
    )
    attachment = forms.FileField(
        label="Attach a file",
        required=False,
        help_text="A PDF, Word document, Excel spreadsheet, PNG or JPG, smaller than 20MB.",
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = PickerField(
            ORGANISATIONS,
            organisations,
            label="Organisation",
            error_messages={
                "required": "Choose the organisation the contribution is from",
                "invalid_choice": "Choose an organisation you may contribute for",
            },
        )
        self.order_fields(["organisation", "received_on", "summary", "attachment"])


class RespondForm(VersionedForm):
    received_on = GovukDateField(label="Date of the contribution")
    summary = forms.CharField(
        label="Summary",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="What your organisation sees of the local threat and vulnerabilities.",
    )
    attachment = forms.FileField(
        label="Attach a file",
        required=False,
        help_text="A PDF, Word document, Excel spreadsheet, PNG or JPG, smaller than 20MB.",
    )


class RequestForm(GovukForm):
    organisation = forms.Field()  # replaced in __init__
    person = forms.Field()  # replaced in __init__
    due_on = GovukDateField(label="Due by", required=False)

    def __init__(self, *args: Any, organisations: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = PickerField(
            ORGANISATIONS,
            organisations,
            label="Organisation",
            error_messages={"required": "Choose the organisation to ask"},
        )
        self.fields["person"] = PickerField(
            PEOPLE,
            people,
            label="Person to ask",
            help_text="They will see the request in their tasks and be sent an e-mail with a link.",
            error_messages={"required": "Choose the person to ask"},
        )
        self.order_fields(["organisation", "person", "due_on"])
