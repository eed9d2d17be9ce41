"""Forms for terms of reference: drafting, clauses, their order, agreeing and comparing versions.

They render through the GOV.UK form renderer (``{{ form }}``); records are chosen by public id.
"""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import GovukDateField, GovukForm, VersionedForm, form_field
from preventhub.core.pickers import PickerField
from preventhub.governance.models import Clause, ClauseSection, Resolution, TermsOfReference
from preventhub.governance.pickers import RESOLUTIONS

SUMMARY_HINT = "For example, removes the clause on scrutinising spend of the £10k."
REASON_HINT = "For example, that funding does not apply in the financial year 2016/17."


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DraftTermsForm(GovukForm):
    """Starting a version. Amending an agreed version must say what changes and why; the first
    version has nothing to amend, so the form has no questions."""

    amendment_summary = forms.CharField(
        label="What changes in this version",
        help_text=SUMMARY_HINT,
        widget=_textarea(),
        error_messages={"required": "Enter what changes in this version"},
    )
    amendment_reason = forms.CharField(
        label="Why it changes",
        help_text=REASON_HINT,
        widget=_textarea(),
        error_messages={"required": "Enter why it changes"},
    )

    def __init__(self, *args: Any, amending: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not amending:
            self.fields.clear()


class TermsForm(VersionedForm):
    """A draft's amendment summary and reason."""

    amendment_summary = forms.CharField(
        label="What changes in this version",
        help_text=SUMMARY_HINT,
        widget=_textarea(),
        error_messages={"required": "Enter what changes in this version"},
    )
    amendment_reason = forms.CharField(
        label="Why it changes",
        help_text=REASON_HINT,
        widget=_textarea(),
        error_messages={"required": "Enter why it changes"},
    )

    def __init__(self, *args: Any, terms: TermsOfReference, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if terms.number == 1:  # nothing amended yet: a note, if anything
            for field in self.fields.values():
                field.required = False


class ClauseForm(VersionedForm):
    number = forms.CharField(
        label="Clause number",
        max_length=10,
        help_text="As printed, for example 3 or 3.2.",
        error_messages={
            "required": "Enter the clause number",
            "max_length": "The clause number must be 10 characters or fewer",
        },
    )
    section = forms.ChoiceField(
        label="Section",
        choices=ClauseSection.choices,
        initial=ClauseSection.DUTIES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the section",
            "invalid_choice": "Select the section",
        },
    )
    text = forms.CharField(
        label="Text of the clause",
        widget=_textarea(6),
        error_messages={"required": "Enter the text of the clause"},
    )
    govuk_options = {
        "number": {"classes": "govuk-input--width-5"},
        "section": {"classes": "govuk-radios--small"},
    }


class RemoveClauseForm(VersionedForm):
    """Only the version the user saw: removing a clause someone has just reworded is refused."""


class ReorderForm(VersionedForm):
    """A position box per clause; clauses are put in the order of the numbers typed, within
    their sections."""

    renumber = forms.BooleanField(
        label="Number the clauses 1, 2, 3 and so on in the new order",
        required=False,
        help_text="Leave unticked to keep each clause's number.",
    )
    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, clauses: list[Clause], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clauses = clauses
        renumber = self.fields.pop("renumber")
        for position, clause in enumerate(clauses, start=1):
            n = clause.number
            self.fields[f"position-{clause.public_id}"] = forms.IntegerField(
                label=f"Position of clause {n}: {_excerpt(clause.text)}",
                initial=position,
                min_value=1,
                max_value=99999,
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": f"Enter a position for clause {n}",
                    "invalid": f"The position of clause {n} must be a whole number, like 3",
                    "min_value": f"The position of clause {n} must be 1 or more",
                    "max_value": f"The position of clause {n} must be 99999 or less",
                },
            )
        self.fields["renumber"] = renumber

    def positions(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"position-{c.public_id}"] for c in self.clauses}


def _excerpt(text: str, length: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else f"{text[: length - 1].rstrip()}…"


def resolution_label(resolution: Resolution) -> str:
    """For example "Resolution 4 of Cabinet, 6 April 2016: That the …" (the meeting, when the
    resolution is minuted)."""
    meeting = resolution.minuted_meeting
    where = f" of {meeting.body.name}, {meeting.starts_at:%-d %B %Y}" if meeting else ""
    return f"Resolution {resolution.number}{where}: {_excerpt(resolution.text, 90)}"


class AgreeForm(VersionedForm):
    resolution = PickerField(
        RESOLUTIONS,
        label="Resolution that agreed it",
        help_text="The resolution recorded in the minutes of the meeting that agreed these terms.",
        error_messages={
            "required": "Select the resolution that agreed these terms of reference",
            "invalid_choice": "Select the resolution that agreed these terms of reference",
        },
    )
    agreed_on = GovukDateField(
        label="Date agreed",
        help_text="Usually the date of that meeting. For example, 6 4 2016",
    )

    def __init__(self, *args: Any, resolutions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        form_field(self, "resolution", PickerField).queryset = resolutions


class CompareForm(GovukForm):
    """Two versions of the same body's terms, by public id."""

    a = forms.ChoiceField(
        label="Compare version",
        error_messages={
            "required": "Select the first version to compare",
            "invalid_choice": "Select the first version to compare from the list",
        },
    )
    b = forms.ChoiceField(
        label="With version",
        error_messages={
            "required": "Select the second version to compare",
            "invalid_choice": "Select the second version to compare from the list",
        },
    )
    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, versions: list[TermsOfReference], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.versions = {str(v.public_id): v for v in versions}
        choices = [
            (key, f"Version {v.number} ({v.get_status_display().lower()})")
            for key, v in self.versions.items()
        ]
        for name in ("a", "b"):
            form_field(self, name, forms.ChoiceField).choices = [("", ""), *choices]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            self.add_error("b", "Select a different version to compare with")
        return data

    def pair(self) -> tuple[TermsOfReference, TermsOfReference]:
        """The two versions, earlier first."""
        a, b = self.versions[self.cleaned_data["a"]], self.versions[self.cleaned_data["b"]]
        return (a, b) if a.number <= b.number else (b, a)
