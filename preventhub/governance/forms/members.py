"""Forms for councillors, political groups, group changes, the composition date and the ModernGov
upload."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from preventhub.core.forms import (
    GovukDateField,
    GovukForm,
    PublicChoiceField,
    VersionedModelForm,
    form_field,
)
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import PEOPLE, WARDS
from preventhub.governance.models import Councillor, GroupRole, PoliticalGroup


class CouncillorForm(VersionedModelForm):
    name = forms.CharField(
        label="Full name",
        max_length=200,
        required=False,
        help_text="As it appears on the council's website, without 'Councillor'.",
    )
    elected_on = GovukDateField(
        label="Date elected", required=False, help_text="For example, 7 5 2015"
    )
    term_ends_on = GovukDateField(
        label="Date the term ends", required=False, help_text="For example, 2 5 2019"
    )

    class Meta:
        model = Councillor
        fields = ["ward", "party", "elected_on", "term_ends_on"]
        labels = {"ward": "Ward", "party": "Party"}
        help_texts = {
            "party": "The party they were elected for. Their group is recorded separately."
        }

    field_order = ["person", "name", "email", "ward", "party", "elected_on", "term_ends_on"]

    def __init__(self, *args: Any, wards: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ward"] = PickerField(
            WARDS,
            wards,
            required=False,
            label="Ward",
            help_text="Type part of the ward's name or its ONS code.",
            error_messages={"invalid_choice": "Choose a ward in the directory"},
        )
        if self.instance.pk:
            self.fields["name"].required = True
            self.fields["name"].error_messages["required"] = "Enter the councillor's full name"
            if not self.is_bound:
                self.initial["name"] = self.instance.person.name
        else:
            self.fields["person"] = PickerField(
                PEOPLE,
                people,
                required=False,
                label="Someone already in the directory",
                help_text="Leave blank and enter their name below to add them to the directory.",
                error_messages={"invalid_choice": "Choose someone who is not yet a councillor"},
            )
            self.fields["email"] = forms.EmailField(
                label="Email address",
                required=False,
                error_messages={
                    "invalid": "Enter an email address in the correct format, like name@example.com"
                },
            )
            self.order_fields(self.field_order)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.instance.pk and not data.get("person") and not (data.get("name") or "").strip():
            self.add_error(
                "name",
                "Enter the councillor's full name, or choose someone already in the directory",
            )
        starts, ends = data.get("elected_on"), data.get("term_ends_on")
        if starts and ends and ends < starts:
            self.add_error("term_ends_on", "The date the term ends must be after the date elected")
        return data


class GroupForm(VersionedModelForm):
    class Meta:
        model = PoliticalGroup
        fields = ["name", "short_name", "moderngov_title"]
        labels = {
            "name": "Name",
            "short_name": "Short name",
            "moderngov_title": "Title in ModernGov",
        }
        help_texts = {
            "short_name": "For example, Lab or Con. Used in tables.",
            "moderngov_title": "Only if ModernGov calls it something else (to match imports).",
        }
        error_messages = {
            "name": {
                "required": "Enter the group's name",
                "unique": "There is already a political group with this name",
            }
        }


CHANGE_CHOICES = [
    ("join", "Joined a political group"),
    ("role", "Changed role in their group"),
    ("leave", "Left their group (now ungrouped)"),
]


class GroupChangeForm(GovukForm):
    change = forms.ChoiceField(
        label="What changed",
        choices=CHANGE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what changed"},
    )
    group = PublicChoiceField(
        None, required=False, label="Group joined", help_text="Only if they joined a group."
    )
    role = forms.ChoiceField(
        label="Role in the group",
        choices=GroupRole.choices,
        initial=GroupRole.MEMBER,
        widget=forms.RadioSelect,
        required=False,
        help_text="If they joined a group or their role changed.",
    )
    on = GovukDateField(
        label="Date of the change",
        help_text="For a new group or role, the first day; for leaving, the last day in the group. "
        "For example, 20 5 2016",
    )

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "group", PublicChoiceField).queryset = groups

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        change = data.get("change")
        if change == "join" and not data.get("group"):
            self.add_error("group", "Choose the group they joined")
        if change in ("join", "role") and not data.get("role"):
            self.add_error("role", "Select their role in the group")
        return data


class CompositionForm(GovukForm):
    date = GovukDateField(label="Date", help_text="For example, 18 5 2016")

    def cleaned_day(self) -> dt.date:
        return self.cleaned_data["date"]


class GroupMembersOnForm(GovukForm):
    date = GovukDateField(label="Members on", required=False, help_text="For example, 18 5 2016")


class CouncillorFilterForm(GovukForm):
    q = forms.CharField(required=False, label="Name contains")
    ward = PickerField(WARDS, required=False, label="Ward")
    party = forms.CharField(required=False)
    group = forms.CharField(required=False)

    def __init__(self, *args: Any, wards: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "ward", PickerField).queryset = wards


class ModernGovUploadForm(GovukForm):
    file = forms.FileField(
        label="Upload a ModernGov XML file",
        help_text=(
            "A saved GetCouncillorsByWard, GetCommittees, GetMeetings or GetMeeting response."
        ),
        error_messages={
            "required": "Choose a ModernGov XML file",
            "empty": "The selected file is empty",
        },
    )

    groups_from_parties = forms.BooleanField(
        required=False,
        label="Form political groups from parties",
        help_text=(
            "Most ModernGov sites name each councillor's party but not their political group. "
            "Tick this to put councillors with no group into a group named after their party "
            "(independents stay ungrouped). The import lists the groups it formed for you to check."
        ),
    )

    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10MB")
        return upload
