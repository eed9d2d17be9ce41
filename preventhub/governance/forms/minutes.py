"""Forms for minutes: an item's minute, questions and answers, resolutions (with a recorded vote),
approval at a later meeting and the chair's signature.

They render through the project's GOV.UK form renderer (``{{ form }}``); records are chosen by
public id. The services check everything again, so these forms only shape the input and word the
errors the GOV.UK way.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from preventhub.core.forms import GovukDateField, GovukForm, PublicChoiceField, public_choice
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import PEOPLE
from preventhub.governance.models import Outcome

TEXTAREA = {"rows": 6}
# When someone chosen in a picker is not one of the people a minute may name.
AT_THE_MEETING = "Choose a member of the body or someone at the meeting"


class MinuteForm(GovukForm):
    presented_by = forms.Field(required=False)  # replaced in __init__
    points = forms.CharField(
        label="Points made",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text="One point per paragraph: leave a blank line between points.",
    )
    discussion = forms.CharField(
        label="Discussion",
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=(
            "For example, the committee suggested at least one member from each main "
            "political group."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self, *args: Any, people: Any, minute: Any = None, item: Any = None, **kwargs: Any
    ) -> None:
        if not args or args[0] is None:
            if minute is not None:
                kwargs["initial"] = {
                    "presented_by": minute.presented_by,
                    "points": minute.points,
                    "discussion": minute.discussion,
                    "version": minute.version,
                }
            elif item is not None:
                kwargs["initial"] = {"presented_by": item.presenting_officer}
        super().__init__(*args, **kwargs)
        self.fields["presented_by"] = PickerField(
            PEOPLE,
            people,
            label="Who presented the item",
            required=False,
            error_messages={"invalid_choice": AT_THE_MEETING},
        )
        self.order_fields(["presented_by", "points", "discussion"])


class QuestionForm(GovukForm):
    asked_by = forms.Field()  # replaced in __init__
    question = forms.CharField(
        label="Question",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, Are there any Channel cases open at present?",
        error_messages={"required": "Enter the question"},
    )
    answered_by = forms.Field(required=False)  # replaced in __init__
    answer = forms.CharField(
        label="Answer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The answer as given at the meeting.",
    )

    def __init__(self, *args: Any, people: Any, question: Any = None, **kwargs: Any) -> None:
        if question is not None and (not args or args[0] is None):
            kwargs["initial"] = {
                "asked_by": question.asked_by,
                "question": question.question,
                "answered_by": question.answered_by,
                "answer": question.answer,
            }
        super().__init__(*args, **kwargs)
        self.fields["asked_by"] = PickerField(
            PEOPLE,
            people,
            label="Asked by",
            required=True,
            help_text="Usually a councillor: the body's members and people at the meeting.",
            error_messages={
                "required": "Choose who asked the question",
                "invalid_choice": AT_THE_MEETING,
            },
        )
        self.fields["answered_by"] = PickerField(
            PEOPLE,
            people,
            label="Answered by",
            required=False,
            error_messages={"invalid_choice": AT_THE_MEETING},
        )
        self.order_fields(["asked_by", "question", "answered_by", "answer"])


class QuestionOrderForm(GovukForm):
    """A position box per question: the questions are put in the order of the numbers typed."""

    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for position, question in enumerate(questions, start=1):
            self.fields[f"position-{question.public_id}"] = forms.IntegerField(
                label=(
                    f"Position of question {position}: {question.asked_by.name} asked "
                    f"{question.question[:60]}"
                ),
                initial=position,
                min_value=1,
                max_value=999,
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": f"Enter a position for question {position}",
                    "invalid": (
                        f"The position of question {position} must be a whole number, like 2"
                    ),
                    "min_value": f"The position of question {position} must be 1 or more",
                    "max_value": f"The position of question {position} must be 999 or less",
                },
            )

    def positions(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"position-{q.public_id}"] for q in self.questions}


class PeopleField(forms.ModelMultipleChoiceField):
    def __init__(self, queryset: Any, **kwargs: Any) -> None:
        super().__init__(
            queryset,
            required=False,
            to_field_name="public_id",
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class ResolutionForm(GovukForm):
    number = forms.CharField(
        label="Number",
        max_length=12,
        help_text="For example, 1 or 77.1",
        error_messages={
            "required": "Enter the resolution's number, like 1 or 77.1",
            "max_length": "The number must be 12 characters or fewer",
        },
    )
    text = forms.CharField(
        label="Resolution",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The words after RESOLVED, for example: That a working group be established.",
        error_messages={"required": "Enter the words of the resolution"},
    )
    recommendation = forms.Field(required=False)  # replaced in __init__
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the resolution was carried",
            "invalid_choice": "Select whether the resolution was carried",
        },
    )
    follows = forms.Field(required=False)  # replaced in __init__
    vote_for = forms.Field(required=False)  # replaced in __init__ (the three vote fields)
    vote_against = forms.Field(required=False)
    vote_abstained = forms.Field(required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"number": {"classes": "govuk-input--width-5"}}

    def __init__(
        self,
        *args: Any,
        recommendations: Any,
        motions: Any,
        present: Any,
        resolution: Any = None,
        votes: dict[str, list[Any]] | None = None,
        follows: Any = None,
        **kwargs: Any,
    ) -> None:
        if resolution is not None and (not args or args[0] is None):
            votes = votes or {}
            kwargs["initial"] = {
                "number": resolution.number,
                "text": resolution.text,
                "recommendation": resolution.recommendation,
                "outcome": resolution.outcome,
                "follows": follows,
                "version": resolution.version,
                "vote_for": votes.get("for", []),
                "vote_against": votes.get("against", []),
                "vote_abstained": votes.get("abstained", []),
            }
        kwargs.setdefault("initial", {}).setdefault("outcome", Outcome.CARRIED)
        super().__init__(*args, **kwargs)
        self.has_recommendations = recommendations is not None
        if recommendations is None:
            del self.fields["recommendation"]
        else:
            self.fields["recommendation"] = public_choice(
                recommendations,
                label="Recommendation it adopts",
                empty="None of the report's recommendations",
                help_text="A recommendation of the report considered under this item.",
                error_messages={"invalid_choice": "Choose a recommendation of this item's report"},
                describe=lambda r: f"{r.number}. {r.text[:90]}",
            )
        self.fields["follows"] = public_choice(
            motions,
            label="Full Council motion it follows",
            empty="No motion",
            help_text="The motion that asked for this: the register links the two.",
            error_messages={"invalid_choice": "Choose a Full Council motion from the list"},
            describe=lambda d: f"{d.decided_on:%-d %B %Y}: {d.title[:80]}",
        )
        # Without attendance there is nobody to record votes for: the vote fields are left out.
        self.has_vote = present is not None
        for key, label in (
            ("for", "Voted for"),
            ("against", "Voted against"),
            ("abstained", "Abstained"),
        ):
            if present is None:
                del self.fields[f"vote_{key}"]
                continue
            self.fields[f"vote_{key}"] = PeopleField(
                present,
                label=label,
                error_messages={
                    "invalid_choice": "Choose people recorded as present",
                    "invalid_pk_value": "Choose people recorded as present",
                },
            )
        self.govuk_options = {
            "outcome": {"classes": "govuk-radios--small"},
            **{
                f"vote_{k}": {"classes": "govuk-checkboxes--small"}
                for k in ("for", "against", "abstained")
            },
        }
        self.order_fields(
            [
                "number",
                "text",
                "recommendation",
                "outcome",
                "follows",
                "vote_for",
                "vote_against",
                "vote_abstained",
            ]
        )

    def data_for_service(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "number": data["number"],
            "text": data["text"],
            "recommendation": data.get("recommendation"),
            "outcome": data["outcome"],
            "follows": data.get("follows"),
            "votes": {
                key: list(data.get(f"vote_{key}") or []) for key in ("for", "against", "abstained")
            },
        }


class MeetingChoiceField(PublicChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        local = timezone.localtime(obj.starts_at)
        return f"{local:%-d %B %Y}, {local:%-I:%M%p}".replace("AM", "am").replace("PM", "pm")


class ApproveForm(GovukForm):
    approved_at = forms.Field()  # replaced in __init__
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_at"] = MeetingChoiceField(
            meetings,
            label="Meeting that approved the minutes",
            empty_label="Choose a meeting",
            help_text="A later meeting of the same body that agreed them as a correct record.",
            error_messages={
                "required": "Choose the meeting that approved the minutes",
                "invalid_choice": "Choose a later meeting of the same body",
            },
        )


class SignForm(GovukForm):
    signed_by = forms.Field()  # replaced in __init__
    signed_on = GovukDateField(label="Date signed", help_text="For example, 14 7 2016")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, chairs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signed_by"] = PickerField(
            PEOPLE,
            chairs,
            label="Chair who signed",
            required=True,
            help_text="The chair of the body on the day the minutes were signed.",
            error_messages={
                "required": "Choose the chair who signed the minutes",
                "invalid_choice": "Choose the chair of the body",
            },
        )
        self.order_fields(["signed_by", "signed_on"])
