"""Forms for the risk register: a risk, the register's filters and the rating matrix."""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import GovukDateField, GovukForm, PublicChoiceField, VersionedForm
from preventhub.core.pickers import PickerField
from preventhub.directory.models import Sector
from preventhub.directory.pickers import PEOPLE, WARDS

from ..models import Level, Marking, RiskStatus, Trend

RATINGS = [(str(n), str(n)) for n in range(1, 6)]
WARD_SLOTS = ("ward_1", "ward_2", "ward_3", "ward_4")
WARD_LABELS = ("Ward", "Second ward", "Third ward", "Fourth ward")


def _rating(label: str, what: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATINGS,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": f"Choose the {what} from 1 to 5"},
    )


class RiskForm(VersionedForm):
    reference = forms.CharField(label="Reference", max_length=20, required=False)
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the title of the risk"}
    )
    description = forms.CharField(
        label="Description", widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    assessment = forms.Field(required=False)  # replaced in __init__
    concern_type = forms.Field(required=False)  # replaced in __init__
    theme = forms.CharField(label="Theme", max_length=120, required=False)
    borough_wide = forms.BooleanField(label="Borough-wide", required=False)
    sectors = forms.MultipleChoiceField(
        label="Sectors affected",
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    inherent_likelihood = _rating("Inherent likelihood", "inherent likelihood")
    inherent_impact = _rating("Inherent impact", "inherent impact")
    residual_likelihood = _rating("Residual likelihood", "residual likelihood")
    residual_impact = _rating("Residual impact", "residual impact")
    owner = forms.Field(required=False)  # replaced in __init__
    review_on = GovukDateField(label="Review date", required=False)
    trend = forms.ChoiceField(label="Trend", choices=Trend.choices, initial=Trend.STABLE)
    status = forms.ChoiceField(label="Status", choices=RiskStatus.choices, initial="open")
    marking = forms.ChoiceField(
        label="Handling marking",
        choices=Marking.choices,
        widget=forms.RadioSelect,
        initial=Marking.OFFICIAL,
        error_messages={"required": "Choose the handling marking"},
    )

    def __init__(
        self, *args: Any, assessments: Any, concern_types: Any, people: Any, wards: Any, **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["assessment"] = PublicChoiceField(
            assessments,
            required=False,
            label="Identified in",
            empty_label="Not from an assessment",
            error_messages={"invalid_choice": "Choose an assessment from the list"},
        )
        self.fields["concern_type"] = PublicChoiceField(
            concern_types,
            required=False,
            label="Type of concern",
            empty_label="Not specific to one type",
            error_messages={"invalid_choice": "Choose a type of concern from the list"},
        )
        self.fields["owner"] = PickerField(
            PEOPLE, people, label="Owner", required=False,
            error_messages={"invalid_choice": "Choose the owner"},
        )  # fmt: skip
        more = "For more than four wards, choose borough-wide."
        for name, label in zip(WARD_SLOTS, WARD_LABELS, strict=True):
            self.fields[name] = PickerField(
                WARDS, wards, label=label, required=False,
                help_text=more if name == "ward_1" else "",
            )  # fmt: skip
        self.order_fields(
            ["reference", "title", "description", "assessment", "concern_type", "theme",
             "borough_wide", *WARD_SLOTS, "sectors"]
        )  # fmt: skip

    def values(self) -> dict[str, Any]:
        skip = {"version", *WARD_SLOTS}
        return {k: v for k, v in self.cleaned_data.items() if k not in skip}

    def wards(self) -> list[Any]:
        chosen = [self.cleaned_data.get(name) for name in WARD_SLOTS]
        unique: dict[int, Any] = {}
        for ward in chosen:
            if ward is not None:
                unique.setdefault(ward.pk, ward)
        return list(unique.values())


SORTS = {
    "score": ("-residual_score", "title", "id"),
    "inherent": ("-inherent_score", "title", "id"),
    "review": ("review_on", "id"),
    "title": ("title", "id"),
}
SORT_CHOICES = [
    ("score", "Residual score, highest first"),
    ("inherent", "Inherent score, highest first"),
    ("review", "Review date, soonest first"),
    ("title", "Title, A to Z"),
]
FLAG_CHOICES = [
    ("", "Any"),
    ("no_action", "No mitigating action"),
    ("past_review", "Past review date"),
]
RATING_KINDS = [("residual", "Residual"), ("inherent", "Inherent")]


class RegisterFilterForm(GovukForm):
    concern_type = forms.Field(required=False)  # replaced in __init__
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any status"), *RiskStatus.choices], required=False
    )
    level = forms.ChoiceField(
        label="Level", choices=[("", "Any level"), *Level.choices], required=False
    )
    rating = forms.ChoiceField(
        label="Level and cell of", choices=RATING_KINDS, required=False, initial="residual"
    )
    likelihood = forms.TypedChoiceField(
        label="Likelihood", choices=[("", "Any"), *RATINGS], coerce=int, required=False,
        empty_value=None,
    )  # fmt: skip
    impact = forms.TypedChoiceField(
        label="Impact", choices=[("", "Any"), *RATINGS], coerce=int, required=False,
        empty_value=None,
    )  # fmt: skip
    owner = forms.Field(required=False)  # replaced in __init__
    ward = forms.Field(required=False)  # replaced in __init__
    flag = forms.ChoiceField(label="Flag", choices=FLAG_CHOICES, required=False)
    sort = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)

    govuk_label_classes = "govuk-label--s"
    govuk_legend_classes = "govuk-fieldset__legend--s"

    def __init__(self, *args: Any, concern_types: Any, people: Any, wards: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["concern_type"] = PublicChoiceField(
            concern_types, required=False, label="Type of concern", empty_label="Any type"
        )
        self.fields["owner"] = PickerField(PEOPLE, people, label="Owner", required=False)
        self.fields["ward"] = PickerField(WARDS, wards, label="Ward", required=False)
        self.order_fields(
            ["concern_type", "status", "level", "rating", "likelihood", "impact", "owner",
             "ward", "flag", "sort"]
        )  # fmt: skip


class MatrixForm(VersionedForm):
    name = forms.CharField(label="Name", max_length=120)
    medium_from = forms.IntegerField(
        label="Medium from score", min_value=2, max_value=25,
        help_text="Scores below this are low.",
    )  # fmt: skip
    high_from = forms.IntegerField(label="High from score", min_value=2, max_value=25)
    very_high_from = forms.IntegerField(label="Very high from score", min_value=2, max_value=25)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        medium, high, very = (data.get(k) for k in ("medium_from", "high_from", "very_high_from"))
        if medium and high and high <= medium:
            self.add_error("high_from", "High must start at a higher score than medium")
        if high and very and very <= high:
            self.add_error("very_high_from", "Very high must start at a higher score than high")
        return data

    def values(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "version"}
