"""Forms for seat allocations and nominations. They render through the project's GOV.UK form
renderer; records are chosen by public id, never by database key."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from preventhub.core.forms import GovukDateField, GovukForm, PublicChoiceField, form_field
from preventhub.core.pickers import PickerField
from preventhub.governance.models import Body, PoliticalBalance, PoliticalGroup
from preventhub.governance.pickers import COUNCILLORS
from preventhub.governance.seats import UNGROUPED
from preventhub.governance.services.seat_allocations import BodyChoice

NUMBER = {"class": "govuk-input--width-3", "inputmode": "numeric"}


def _whole(label: str, **kwargs: Any) -> forms.IntegerField:
    example = kwargs.pop("example", "5")
    return forms.IntegerField(
        label=label,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages={
            "invalid": f"{label} must be a whole number, like {example}",
            "min_value": f"{label} must be {{limit_value}} or more",
        },
        **kwargs,
    )


# New allocation ---------------------------------------------------------------------------------


class CompositionForm(GovukForm):
    """Step one (a GET form): the municipal year and the date the composition is read on."""

    municipal_year = PublicChoiceField(
        None,
        label="Municipal year",
        empty_label="Choose a municipal year",
        error_messages={
            "required": "Choose the municipal year",
            "invalid_choice": "Choose the municipal year",
        },
    )
    date = GovukDateField(
        label="Composition date",
        required=False,
        help_text="The political groups' sizes are read on this date. Leave blank to use the "
        "first day of the year (the annual meeting). For example, 18 5 2016",
    )

    def __init__(self, *args: Any, years: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "municipal_year", PublicChoiceField).queryset = years

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        year = data.get("municipal_year")
        if year is None:
            return data
        day = data.get("date") or year.starts_on
        if not year.starts_on <= day <= year.ends_on:
            self.add_error(
                "date",
                f"Composition date must be in {year.label}, between "
                f"{year.starts_on:%-d %B %Y} and {year.ends_on:%-d %B %Y}",
            )
        data["day"] = day
        return data


class AllocationForm(GovukForm):
    """Step two: the bodies to balance, their sizes and any local constraints.

    Fields are made per body, named by the body's public id: ``body_<hex>_include``,
    ``_seats`` and, for a body balanced on its own, ``_min_per_group``, ``_groups`` and
    ``_ungrouped_seats``.
    """

    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Seat allocation 2016/17 (annual meeting)",
        error_messages={"required": "Enter a title for the allocation"},
    )

    def __init__(
        self, *args: Any, bodies: list[Body], groups: list[PoliticalGroup], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = bodies
        self.groups = groups
        group_choices = [(str(g.public_id), g.name) for g in groups]
        for body in bodies:
            key = self.key(body)
            self.fields[f"{key}_include"] = forms.BooleanField(
                label=f"Balance {body.name}", required=False, initial=True
            )
            self.fields[f"{key}_seats"] = _whole(
                f"Seats on {body.name}",
                required=False,
                min_value=1,
                initial=body.seats,
                example=str(body.seats or 5),
            )
            if body.political_balance != PoliticalBalance.VOLUNTARY:
                continue
            self.fields[f"{key}_min_per_group"] = _whole(
                "Minimum seats for each chosen group",
                required=False,
                min_value=0,
                example="1",
                help_text="Leave blank for no minimum.",
            )
            self.fields[f"{key}_groups"] = forms.MultipleChoiceField(
                label="Groups the minimum applies to",
                required=False,
                choices=group_choices,
                widget=forms.CheckboxSelectMultiple,
                help_text="For example, the main parties. Leave all unticked for every group.",
            )
            self.fields[f"{key}_ungrouped_seats"] = _whole(
                "Seats for ungrouped (independent) members",
                required=False,
                min_value=0,
                example="1",
                help_text="Leave blank to leave it to the calculation.",
            )

    @staticmethod
    def key(body: Body) -> str:
        return f"body_{body.public_id.hex}"

    def body_rows(self) -> list[dict[str, Any]]:
        """The bound fields of each body, for the template's fieldsets."""
        rows = []
        for body in self.bodies:
            key = self.key(body)
            rows.append(
                {
                    "body": body,
                    "individual": body.political_balance == PoliticalBalance.VOLUNTARY,
                    **{
                        part: self[f"{key}_{part}"] if f"{key}_{part}" in self.fields else None
                        for part in (
                            "include",
                            "seats",
                            "min_per_group",
                            "groups",
                            "ungrouped_seats",
                        )
                    },
                }
            )
        return rows

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = [b for b in self.bodies if data.get(f"{self.key(b)}_include")]
        if not chosen:
            raise ValidationError("Choose at least one body to balance")
        for body in chosen:
            field = f"{self.key(body)}_seats"
            if field not in self.errors and not data.get(field):
                self.add_error(field, f"Enter the number of seats on {body.name}")
        return data

    def choices(self) -> list[BodyChoice]:
        names = {str(g.public_id): g.name for g in self.groups}
        out = []
        for body in self.bodies:
            key = self.key(body)
            if not self.cleaned_data.get(f"{key}_include"):
                continue
            out.append(
                BodyChoice(
                    body=body,
                    seats=self.cleaned_data[f"{key}_seats"],
                    min_per_group=self.cleaned_data.get(f"{key}_min_per_group") or 0,
                    groups=tuple(names[g] for g in self.cleaned_data.get(f"{key}_groups") or ()),
                    ungrouped_seats=self.cleaned_data.get(f"{key}_ungrouped_seats"),
                )
            )
        return out

    def field_for_reason(self, reason: str) -> str | None:
        """The field a calculator refusal is about: the named body's constraints (or its seats)."""
        named = [b for b in self.bodies if b.name in reason]
        if not named:
            return None
        body = max(named, key=lambda b: len(b.name))
        key = self.key(body)
        for part in ("min_per_group", "seats"):
            if f"{key}_{part}" in self.fields:
                return f"{key}_{part}"
        return None


# What if, adjustments, adoption ----------------------------------------------------------------


class WhatIfForm(GovukForm):
    """The "what if the body had N seats" GET form (one per body on the allocation page)."""

    body = forms.CharField(widget=forms.HiddenInput)
    seats = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": "Enter the number of seats",
            "invalid": "The number of seats must be a whole number, like 12",
            "min_value": "The number of seats must be 1 or more",
        },
    )

    def __init__(self, *args: Any, bodies: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.body_names = bodies

    def clean_body(self) -> str:
        name = self.cleaned_data["body"]
        if name not in self.body_names:
            raise ValidationError("Choose a body in this allocation")
        return name


class AdjustmentForm(GovukForm):
    body = forms.ChoiceField(
        label="Body", error_messages={"required": "Choose the body the seat is on"}
    )
    from_party = forms.ChoiceField(
        label="Move a seat from", error_messages={"required": "Choose the group giving up the seat"}
    )
    to_party = forms.ChoiceField(
        label="To", error_messages={"required": "Choose the group taking the seat"}
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, a swap agreed between the group leaders on 12 May 2016.",
        error_messages={"required": "Enter the reason for moving the seat"},
    )

    def __init__(self, *args: Any, bodies: list[str], parties: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "body", forms.ChoiceField).choices = [
            ("", "Choose a body"),
            *((b, b) for b in bodies),
        ]
        party_choices = [
            ("", "Choose a group"),
            *((p, "Ungrouped members" if p == UNGROUPED else p) for p in parties),
        ]
        form_field(self, "from_party", forms.ChoiceField).choices = party_choices
        form_field(self, "to_party", forms.ChoiceField).choices = party_choices

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("from_party") and data.get("from_party") == data.get("to_party"):
            self.add_error("to_party", "Choose a different group to take the seat")
        return data


# Nominations -----------------------------------------------------------------------------------


class NominateForm(GovukForm):
    nominee = PickerField(
        COUNCILLORS,
        label="Councillor",
        help_text="Type part of their name or ward.",
        error_messages={
            "required": "Choose the councillor you nominate",
            "invalid_choice": "Choose a councillor who may take this seat",
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, nominees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "nominee", PickerField).queryset = nominees


class ConfirmNominationForm(GovukForm):
    starts_on = GovukDateField(label="Start date", help_text="For example, 18 5 2016")
    term_ends_on = GovukDateField(
        label="Date the term ends",
        required=False,
        help_text="Usually the end of the municipal year. Leave blank if it has no end date.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("term_ends_on")
        if isinstance(starts, dt.date) and isinstance(ends, dt.date) and ends < starts:
            self.add_error("term_ends_on", "Date the term ends must be on or after the start date")
        return data


class WithdrawForm(GovukForm):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, the councillor has stood down from the working group.",
        error_messages={"required": "Enter the reason for withdrawing"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
