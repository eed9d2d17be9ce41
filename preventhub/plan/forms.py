"""The plan's forms. Records are chosen by public id or through pickers; the services check
everything again."""

from __future__ import annotations

from typing import Any

from django import forms

from preventhub.core.forms import (
    GovukDateField,
    GovukForm,
    GovukModelForm,
    public_choice,
)
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import ORGANISATIONS, PEOPLE

from .models import (
    Action,
    BudgetLine,
    Direction,
    Measure,
    Objective,
    Plan,
    PlanActionStatus,
    PlanStatus,
    Rag,
)
from .pickers import ACTIONS, DECISIONS, RISKS

STATUS_RADIOS = {"classes": "govuk-radios--small"}


def _clean_period(form: forms.BaseForm, start: str, end: str, message: str) -> None:
    data = form.cleaned_data
    if data.get(start) and data.get(end) and data[end] <= data[start]:
        form.add_error(end, message)


class PlanForm(GovukModelForm):
    starts_on = GovukDateField(label="Period start", help_text="For example, 1 4 2016")
    ends_on = GovukDateField(label="Period end", help_text="For example, 31 3 2017")
    agreed_by = PickerField(
        DECISIONS,
        label="Agreed by decision",
        required=False,
        help_text="The resolution or decision that agreed the plan, if it has been agreed.",
    )

    govuk_messages = {
        "title": {"required": "Enter the plan's title"},
        "starts_on": {"required": "Enter the date the plan's period starts"},
        "ends_on": {"required": "Enter the date the plan's period ends"},
        "status": {"required": "Select the plan's status"},
    }

    class Meta:
        model = Plan
        fields = ["title", "starts_on", "ends_on", "status", "agreed_by"]
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreed_by"].queryset = decisions  # type: ignore[attr-defined]
        self.fields["status"].initial = PlanStatus.DRAFT

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _clean_period(self, "starts_on", "ends_on", "The period must end after it starts")
        return data


class ObjectiveForm(GovukModelForm):
    govuk_messages = {"title": {"required": "Enter the objective"}}

    class Meta:
        model = Objective
        fields = ["title", "description", "deliverable", "toolkit_area"]
        labels = {"title": "Objective"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ActionForm(GovukModelForm):
    lead_organisation = PickerField(
        ORGANISATIONS, label="Lead organisation", help_text="The partner that leads the action."
    )
    owner = PickerField(
        PEOPLE, label="Owner", required=False, help_text="The person responsible for it."
    )
    starts_on = GovukDateField(label="Start date", required=False)
    due_on = GovukDateField(label="Due date", required=False, help_text="For example, 31 3 2017")

    govuk_messages = {
        "description": {"required": "Enter what the action is"},
        "lead_organisation": {"required": "Choose the lead organisation"},
        "status": {"required": "Select the action's status"},
        "objective": {"required": "Choose the objective"},
    }
    govuk_options = {"status": STATUS_RADIOS}

    class Meta:
        model = Action
        fields = [
            "objective",
            "description",
            "lead_organisation",
            "owner",
            "starts_on",
            "due_on",
            "status",
        ]
        labels = {"description": "What will be done"}
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "status": forms.RadioSelect}

    def __init__(
        self, *args: Any, objectives: Any, organisations: Any, people: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"] = public_choice(
            objectives, label="Objective", empty="Choose an objective", required=True
        )
        self.fields["lead_organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]
        self.fields["status"].initial = PlanActionStatus.NOT_STARTED

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, due = data.get("starts_on"), data.get("due_on")
        if start and due and due < start:
            self.add_error("due_on", "The due date must be the same as or after the start date")
        return data


SORTS = {
    "due": ("Due date, soonest first", ("due_on", "id")),
    "due_desc": ("Due date, latest first", ("-due_on", "-id")),
    "status": ("Status", ("status", "due_on", "id")),
}
RAG_FILTER = [("", "Any rating"), *Rag.choices]
STATUS_FILTER = [("", "Any status"), *PlanActionStatus.choices]


class ActionFilterForm(GovukForm):
    status = forms.ChoiceField(label="Status", choices=STATUS_FILTER, required=False)
    rag = forms.ChoiceField(label="RAG rating", choices=RAG_FILTER, required=False)
    lead_organisation = PickerField(ORGANISATIONS, label="Lead organisation", required=False)
    owner = PickerField(PEOPLE, label="Owner", required=False)
    overdue = forms.BooleanField(label="Only overdue actions", required=False)
    sort = forms.ChoiceField(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        required=False,
    )

    govuk_label_classes = "govuk-label--s"
    govuk_legend_classes = "govuk-fieldset__legend--s"
    govuk_messages = {
        "status": {"invalid_choice": "Choose a status from the list"},
        "rag": {"invalid_choice": "Choose a RAG rating from the list"},
        "sort": {"invalid_choice": "Choose an order from the list"},
    }

    def __init__(self, *args: Any, organisations: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


class RagOverrideForm(GovukForm):
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=[(r.value, r.label) for r in (Rag.RED, Rag.AMBER, Rag.GREEN)],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why the rating is different from the one worked out from the dates",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )

    govuk_messages = {
        "rag": {
            "required": "Select red, amber or green",
            "invalid_choice": "Select red, amber or green",
        },
        "reason": {"required": "Enter the reason for overriding the RAG rating"},
    }
    govuk_options = {"rag": STATUS_RADIOS}


class ProgressForm(GovukForm):
    on = GovukDateField(label="Date of the update", help_text="For example, 30 9 2016")
    narrative = forms.CharField(
        label="Progress", widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000
    )
    percent = forms.IntegerField(
        label="Per cent complete",
        min_value=0,
        max_value=100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    status = forms.ChoiceField(
        label="Status", choices=PlanActionStatus.choices, widget=forms.RadioSelect
    )
    evidence = forms.FileField(
        label="Evidence",
        required=False,
        help_text="Optional. A PDF, Word document, Excel spreadsheet, PNG or JPG, up to 20MB.",
    )
    evidence_title = forms.CharField(label="Title of the evidence", required=False, max_length=200)

    govuk_messages = {
        "on": {"required": "Enter the date of the update"},
        "narrative": {"required": "Describe the progress made"},
        "percent": {
            "required": "Enter the per cent complete",
            "min_value": "The per cent complete must be between 0 and 100",
            "max_value": "The per cent complete must be between 0 and 100",
        },
        "status": {"required": "Select the action's status"},
    }
    govuk_options = {"status": STATUS_RADIOS}


class DecisionLinkForm(GovukForm):
    decision = PickerField(DECISIONS, label="Decision or resolution")

    govuk_messages = {"decision": {"required": "Choose the decision that asked for this action"}}

    def __init__(self, *args: Any, decisions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions  # type: ignore[attr-defined]


class MeasureForm(GovukModelForm):
    govuk_messages = {
        "title": {"required": "Enter the measure"},
        "unit": {"required": "Enter the unit, for example per cent"},
        "target": {"required": "Enter the target"},
        "direction": {"required": "Select whether higher or lower is better"},
    }

    class Meta:
        model = Measure
        fields = ["title", "objective", "unit", "baseline", "target", "direction"]
        widgets = {"direction": forms.RadioSelect}

    def __init__(self, *args: Any, objectives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objective"] = public_choice(
            objectives, label="Objective", empty="No objective"
        )
        self.fields["direction"].initial = Direction.HIGHER
        self.order_fields(self._meta.fields or [])


class ActualForm(GovukForm):
    period_end = GovukDateField(label="Period ending", help_text="For example, 30 6 2016")
    value = forms.DecimalField(label="Value", max_digits=14, decimal_places=2)
    note = forms.CharField(label="Note", required=False, max_length=300)

    govuk_messages = {
        "period_end": {"required": "Enter the date the period ends"},
        "value": {"required": "Enter the value"},
    }


class BudgetLineForm(GovukModelForm):
    starts_on = GovukDateField(label="Period start")
    ends_on = GovukDateField(label="Period end")

    govuk_messages = {
        "source": {"required": "Enter the source of the funding"},
        "amount": {"required": "Enter the amount"},
        "starts_on": {"required": "Enter the date the period starts"},
        "ends_on": {"required": "Enter the date the period ends"},
    }

    class Meta:
        model = BudgetLine
        fields = ["source", "amount", "starts_on", "ends_on", "value_for_money"]
        labels = {"amount": "Amount in pounds"}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _clean_period(self, "starts_on", "ends_on", "The period must end after it starts")
        amount = data.get("amount")
        if amount is not None and amount < 0:
            self.add_error("amount", "The amount cannot be negative")
        return data


class SpendForm(GovukForm):
    spent_on = GovukDateField(label="Date")
    amount = forms.DecimalField(label="Amount in pounds", max_digits=12, decimal_places=2)
    description = forms.CharField(label="What it was spent on", max_length=300)
    action = PickerField(ACTIONS, label="Action", required=False)

    govuk_messages = {
        "spent_on": {"required": "Enter the date of the spend"},
        "amount": {"required": "Enter the amount"},
        "description": {"required": "Enter what it was spent on"},
    }

    def __init__(self, *args: Any, actions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions  # type: ignore[attr-defined]


class RiskLinkForm(GovukForm):
    risk = PickerField(RISKS, label="Risk")

    govuk_messages = {"risk": {"required": "Choose the risk this action reduces"}}

    def __init__(self, *args: Any, risks: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = risks  # type: ignore[attr-defined]


class ActionLinkForm(GovukForm):
    action = PickerField(ACTIONS, label="Action")

    govuk_messages = {"action": {"required": "Choose the action that contributes to the measure"}}

    def __init__(self, *args: Any, actions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions  # type: ignore[attr-defined]
