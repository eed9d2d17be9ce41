"""Forms for bodies and memberships, declared on the core GOV.UK form foundation.

Choices are keyed by public id, never by database key (core.forms.PublicChoiceField).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from preventhub.core.forms import (
    GovukDateField,
    GovukForm,
    PublicChoiceField,
    VersionedModelForm,
    form_field,
)
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import ORGANISATIONS, PEOPLE
from preventhub.governance.models import (
    Body,
    BodyKind,
    LedBy,
    Membership,
    MembershipRole,
    PoliticalBalance,
)
from preventhub.governance.pickers import RESOLUTIONS, body_picker

# Bodies -----------------------------------------------------------------------------------------


class BodyForm(VersionedModelForm):
    starts_on = GovukDateField(
        label="Start date", required=False, help_text="For example, 18 5 2016"
    )
    ends_on = GovukDateField(
        label="End date", required=False, help_text="Leave blank if the body has no end date."
    )

    class Meta:
        model = Body
        fields = [
            "name",
            "kind",
            "led_by",
            "purpose",
            "parent",
            "quorum",
            "meeting_frequency",
            "political_balance",
            "seats",
            "established_by",
            "starts_on",
            "starts_note",
            "ends_on",
            "is_public",
        ]
        labels = {
            "name": "Name",
            "kind": "Kind of body",
            "led_by": "Led by",
            "purpose": "Purpose",
            "parent": "Reports to",
            "quorum": "Quorum",
            "meeting_frequency": "How often it meets",
            "political_balance": "Political balance",
            "seats": "Seats for councillors",
            "established_by": "Established by resolution",
            "starts_note": "When it starts, in words",
            "is_public": "Show this body on the public pages",
        }
        help_texts = {
            "purpose": "One or two sentences, as in its terms of reference.",
            "parent": "The body it reports to. Leave blank if it reports to no other body.",
            "quorum": "The number of members who must be present for the meeting to go ahead.",
            "meeting_frequency": "For example, quarterly.",
            "seats": "Leave blank if councillors do not sit on it.",
            "established_by": "The resolution that set it up, if it is recorded here.",
            "starts_note": "For example, the new municipal year.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "led_by": forms.RadioSelect,
            "political_balance": forms.RadioSelect,
            "quorum": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "seats": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {
                "required": "Enter the body's name",
                "unique": "There is already a body with this name",
            },
            "kind": {"required": "Select the kind of body"},
            "political_balance": {"required": "Select whether the body is politically balanced"},
            "quorum": {"invalid": "The quorum must be a whole number, like 3"},
            "seats": {"invalid": "The number of seats must be a whole number, like 5"},
        }

    def __init__(self, *args: Any, parents: Any, resolutions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parent = body_picker(parents, label="Reports to", help_text=self.fields["parent"].help_text)
        if self.instance.pk:
            parent.queryset = parents.exclude(pk=self.instance.pk)
        self.fields["parent"] = parent
        self.fields["established_by"] = PickerField(
            RESOLUTIONS,
            queryset=resolutions,
            required=False,
            label="Established by resolution",
            help_text=self.fields["established_by"].help_text,
        )
        form_field(self, "led_by", forms.ChoiceField).choices = [("", "Not stated"), *LedBy.choices]
        form_field(self, "kind", forms.ChoiceField).choices = BodyKind.choices
        form_field(self, "political_balance", forms.ChoiceField).choices = PoliticalBalance.choices


class MembershipForm(GovukForm):
    person = PickerField(
        PEOPLE,
        label="Person",
        help_text="Someone in the directory. Add them to the directory first if they are not.",
        error_messages={"required": "Choose the person", "invalid_choice": "Choose the person"},
    )
    role = forms.ChoiceField(
        label="Role",
        choices=MembershipRole.choices,
        initial=MembershipRole.MEMBER,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the role"},
    )
    representing_group = PublicChoiceField(
        None,
        required=False,
        label="Representing a political group",
        help_text="For councillors appointed to a group's seat.",
    )
    representing_organisation = PickerField(
        ORGANISATIONS, required=False, label="Representing a partner organisation"
    )
    starts_on = GovukDateField(label="Start date", help_text="For example, 18 5 2016")
    ends_on = GovukDateField(
        label="End date",
        required=False,
        help_text="Leave blank if the appointment has no end date.",
    )

    def __init__(
        self, *args: Any, people: Any, groups: Any, organisations: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "person", PickerField).queryset = people
        form_field(self, "representing_group", PublicChoiceField).queryset = groups
        form_field(self, "representing_organisation", PickerField).queryset = organisations

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        if data.get("representing_group") and data.get("representing_organisation"):
            self.add_error(
                "representing_organisation",
                "Choose a political group or a partner organisation, not both",
            )
        return data


class EndMembershipForm(GovukForm):
    ends_on = GovukDateField(label="Last day of the membership", help_text="For example, 17 5 2017")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_ends_on(self) -> dt.date:
        ends = self.cleaned_data["ends_on"]
        if ends < self.membership.starts_on:
            raise ValidationError(
                "The last day must be on or after the start date, "
                f"{self.membership.starts_on:%-d %B %Y}"
            )
        return ends


class BodyFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Name or purpose contains")
    kind = forms.ChoiceField(
        required=False, label="Kind of body", choices=[("", "Any kind"), *BodyKind.choices]
    )
