"""Forms for committee reports: the report itself, recommendations, implications, verification,
appendices and publishing.

They render through the project's GOV.UK form renderer; records are chosen by public id, never by
database key. Messages follow the GOV.UK error message patterns. The services check everything
again: a form is the friendly first line, not the rule.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from preventhub.core.forms import GovukForm, PublicChoiceField, public_choice
from preventhub.core.pickers import PickerField
from preventhub.directory.pickers import PEOPLE
from preventhub.governance.appendix_sources import Attachable
from preventhub.governance.models import (
    ExemptParagraph,
    ImplicationKind,
    ReportPurpose,
    ReportStatus,
)
from preventhub.governance.pickers import body_picker
from preventhub.governance.services.reports_files import MAX_APPENDIX_LABEL, check_appendix_file

TEXT_HELP = (
    'Leave a blank line between paragraphs: each paragraph is numbered. Start a line with "- " '
    'for a bullet point, and with "## " for a sub-heading.'
)


def _text(
    label: str,
    *,
    rows: int = 8,
    required: bool = False,
    help_text: Any = TEXT_HELP,
    message: str = "",
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": message} if message else {},
    )


# The list -----------------------------------------------------------------------------------------


STATUS_FILTER = [("", "Any status"), *ReportStatus.choices]


class ReportFilterForm(GovukForm):
    q = forms.CharField(
        label="Title contains",
        required=False,
        max_length=100,
        error_messages={"max_length": "Search words must be 100 characters or fewer"},
    )
    body = forms.Field(required=False)  # replaced in __init__
    status = forms.ChoiceField(
        label="Status",
        choices=STATUS_FILTER,
        required=False,
        error_messages={"invalid_choice": "Choose a status from the list"},
    )

    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_picker(
            bodies,
            label="Body",
            error_messages={"invalid_choice": "Choose a body from the list"},
        )
        self.order_fields(["q", "body", "status"])


# The report ---------------------------------------------------------------------------------------


class ReportForm(GovukForm):
    """The front sheet and every section of the report."""

    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={
            "required": "Enter the report's title",
            "max_length": "The title must be 300 characters or fewer",
        },
    )
    body = forms.Field(required=False)  # replaced in __init__
    report_of = forms.CharField(
        label="Report of",
        max_length=200,
        required=False,
        help_text="The director or portfolio holder, for example Head of Resident Services.",
        error_messages={"max_length": "'Report of' must be 200 characters or fewer"},
    )
    author = forms.Field(required=False)  # replaced in __init__
    purpose = forms.ChoiceField(
        label="Purpose",
        choices=ReportPurpose.choices,
        widget=forms.RadioSelect,
        initial=ReportPurpose.DECISION,
        error_messages={
            "required": "Select the purpose of the report",
            "invalid_choice": "Select the purpose of the report",
        },
    )
    wards_affected = forms.CharField(
        label="Wards affected",
        max_length=200,
        required=False,
        initial="All wards",
        error_messages={"max_length": "Wards affected must be 200 characters or fewer"},
    )
    is_key_decision = forms.BooleanField(label="This is a key decision", required=False)
    is_exempt = forms.BooleanField(
        label="This report is not for publication: it contains exempt information", required=False
    )
    exempt_paragraph = forms.TypedChoiceField(
        label="Schedule 12A paragraph",
        coerce=int,
        empty_value=None,
        required=False,
        choices=[("", "Not exempt"), *ExemptParagraph.choices],
        help_text="The paragraph of Schedule 12A to the Local Government Act 1972 that makes the "
        "report exempt.",
        error_messages={"invalid_choice": "Select a paragraph of Schedule 12A"},
    )
    executive_summary = _text(
        "Executive summary", rows=5, help_text="A short paragraph: what the report is for."
    )
    introduction = _text("Introduction and background", rows=12)
    issues_and_options = _text("Issues, options and analysis of options")
    reasons = _text("Reasons for recommendation")
    consultation = _text("Consultation (including overview and scrutiny, if applicable)", rows=4)
    corporate_policies = _text(
        "Impact on corporate policies, priorities, performance and community impact", rows=4
    )
    background_papers = _text(
        "Background papers used in preparing the report",
        rows=5,
        help_text='One per line, starting with "- ". Include a web address where there is one.',
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    FIELDS = [
        "title",
        "body",
        "report_of",
        "author",
        "purpose",
        "wards_affected",
        "is_key_decision",
        "is_exempt",
        "exempt_paragraph",
        "executive_summary",
        "introduction",
        "issues_and_options",
        "reasons",
        "consultation",
        "corporate_policies",
        "background_papers",
    ]
    FRONT_SHEET = FIELDS[:9]
    SECTIONS = FIELDS[9:]

    govuk_options = {
        "title": {"label": {"classes": "govuk-label--m"}},
        "wards_affected": {"classes": "govuk-!-width-two-thirds"},
    }

    def __init__(
        self, *args: Any, bodies: Any, people: Any, report: Any = None, **kwargs: Any
    ) -> None:
        if report is not None and (not args or args[0] is None) and kwargs.get("data") is None:
            kwargs["initial"] = {
                **{name: getattr(report, name) for name in self.FIELDS},
                "version": report.version,
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        self.fields["body"] = body_picker(
            bodies,
            label="Committee or body",
            required=True,
            help_text="The body the report goes to.",
            error_messages={
                "required": "Choose the body the report goes to",
                "invalid_choice": "Choose the body the report goes to",
            },
        )
        self.fields["author"] = PickerField(
            PEOPLE,
            people,
            label="Author",
            required=False,
            help_text="The lead officer and author contact, from the directory.",
            error_messages={"invalid_choice": "Choose the author"},
        )
        self.order_fields(self.FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            data.get("is_exempt")
            and not data.get("exempt_paragraph")
            and "exempt_paragraph" not in self.errors
        ):
            self.add_error(
                "exempt_paragraph",
                "Select the paragraph of Schedule 12A that makes the report exempt",
            )
        return data

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.FIELDS}

    def front_sheet(self) -> list[forms.BoundField]:
        return [self[name] for name in self.FRONT_SHEET]

    def sections(self) -> list[forms.BoundField]:
        return [self[name] for name in self.SECTIONS]


# Recommendations ----------------------------------------------------------------------------------


class RecommendationForm(GovukForm):
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Precise and actionable, for example: That the terms of reference at "
        "Appendix 2 be agreed.",
        error_messages={"required": "Enter the recommendation"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    govuk_options = {"text": {"label": {"isPageHeading": False}}}


class RecommendationOrderForm(GovukForm):
    """A position box per recommendation: they are renumbered in the order of the numbers typed."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    govuk_label_classes = "govuk-label--s"

    def __init__(self, *args: Any, recommendations: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.recommendations = recommendations
        for rec in recommendations:
            short = rec.text if len(rec.text) <= 80 else f"{rec.text[:77]}…"
            self.fields[f"position-{rec.public_id}"] = forms.IntegerField(
                label=f"Position of recommendation 1.{rec.number}: {short}",
                initial=rec.number,
                min_value=1,
                max_value=999,
                widget=forms.TextInput(
                    attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
                ),
                error_messages={
                    "required": f"Enter a position for recommendation 1.{rec.number}",
                    "invalid": f"The position of recommendation 1.{rec.number} must be a whole "
                    "number, like 3",
                    "min_value": f"The position of recommendation 1.{rec.number} must be 1 or more",
                    "max_value": f"The position of recommendation 1.{rec.number} must be 999 or "
                    "less",
                },
            )

    def positions(self) -> dict[int, int]:
        return {
            rec.pk: self.cleaned_data[f"position-{rec.public_id}"] for rec in self.recommendations
        }


# Implications -------------------------------------------------------------------------------------


class ImplicationForm(GovukForm):
    kind = forms.ChoiceField(
        label="Kind of implication",
        choices=ImplicationKind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the kind of implication",
            "invalid_choice": "Select the kind of implication",
        },
    )
    heading = forms.CharField(
        label="Heading",
        max_length=120,
        required=False,
        help_text="For other implications: for example Crime and disorder, Staffing, Health.",
        error_messages={"max_length": "The heading must be 120 characters or fewer"},
    )
    text = _text(
        "Implications",
        rows=6,
        help_text="The verifying officer may correct this when they verify it.",
    )
    is_required = forms.BooleanField(
        label="Must be verified before the report is published", required=False, initial=True
    )
    verifier = forms.Field(required=False)  # replaced in __init__
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    FIELDS = ["kind", "heading", "text", "is_required", "verifier"]

    def __init__(self, *args: Any, people: Any, implication: Any = None, **kwargs: Any) -> None:
        if implication is not None and (not args or args[0] is None) and kwargs.get("data") is None:
            kwargs["initial"] = {
                **{name: getattr(implication, name) for name in self.FIELDS},
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        self.fields["verifier"] = PickerField(
            PEOPLE,
            people,
            label="Verifying officer",
            required=False,
            help_text="For example the chief accountant for financial implications, the monitoring "
            "officer "
            "for legal ones. They are asked by e-mail when the implications are sent for "
            "verification.",
            error_messages={"invalid_choice": "Choose the verifying officer"},
        )
        self.order_fields(self.FIELDS)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            data.get("kind") == ImplicationKind.OTHER
            and not (data.get("heading") or "").strip()
            and "heading" not in self.errors
        ):
            self.add_error(
                "heading",
                "Enter a heading for the other implications, for example Crime and disorder",
            )
        if (
            data.get("is_required")
            and data.get("verifier") is None
            and "verifier" not in self.errors
        ):
            self.add_error("verifier", "Choose the officer who verifies these implications")
        return data

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.FIELDS}


class VerifyForm(GovukForm):
    text = _text(
        "Implications",
        rows=8,
        required=True,
        message="Enter the implications",
        help_text="Correct the wording if you need to. What you confirm is printed in the report.",
    )
    confirm = forms.BooleanField(
        label="I have read the report and verify these implications",
        error_messages={
            "required": "Confirm that you have read the report and verify these implications"
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


# Appendices ---------------------------------------------------------------------------------------


class AppendixSource:
    FILE = "file"
    TERMS = "terms"
    URL = "url"
    CHOICES = [
        (FILE, "Upload a file"),
        (TERMS, "A version of a body's terms of reference"),
        (URL, "A web address"),
    ]


def _terms_label(terms: Any) -> str:
    return f"{terms.body.name}: version {terms.number} ({terms.get_status_display().lower()})"


class AppendixForm(GovukForm):
    letter = forms.CharField(
        label="Appendix number",
        max_length=4,
        help_text="For example 1, 2 or A.",
        error_messages={
            "required": "Enter the appendix number, like 1 or A",
            "max_length": "The appendix number must be 4 characters or fewer",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter the appendix title",
            "max_length": "The title must be 200 characters or fewer",
        },
    )
    source = forms.ChoiceField(
        label="What is the appendix?",
        choices=AppendixSource.CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select what the appendix is",
            "invalid_choice": "Select what the appendix is",
        },
    )
    file = forms.FileField(
        label="File to upload (for an uploaded file)",
        required=False,
        help_text=f"A PDF, Word document (.docx), Excel spreadsheet (.xlsx), PNG or JPG, "
        f"smaller than {MAX_APPENDIX_LABEL}.",
        error_messages={
            "empty": "The selected file is empty",
            "invalid": "The selected file could not be read: choose it again",
        },
    )
    terms = forms.Field(required=False)  # replaced in __init__
    url = forms.URLField(
        label="Web address (for a web address)",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="For example https://democracy.example.gov.uk/documents/s6159.pdf",
        error_messages={
            "invalid": "Enter a web address in the correct format, like "
            "https://www.example.gov.uk/strategy.pdf",
            "max_length": "The web address must be 200 characters or fewer",
        },
    )

    govuk_options = {"letter": {"classes": "govuk-input--width-4"}}
    # Which of file, terms and web address is needed depends on the answer to "What is the
    # appendix?", so none of them is marked optional: their labels say when each is needed.
    govuk_mark_optional = False

    def __init__(self, *args: Any, terms: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["terms"] = public_choice(
            terms,
            label="Version of terms of reference (for terms of reference)",
            empty="Choose a version",
            error_messages={
                "invalid_choice": "Choose a version of terms of reference from the list"
            },
            describe=_terms_label,
        )
        self.order_fields(["letter", "title", "source", "file", "terms", "url"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        source = data.get("source")
        needed = {
            AppendixSource.FILE: ("file", "Choose a file to upload"),
            AppendixSource.TERMS: ("terms", "Choose a version of terms of reference"),
            AppendixSource.URL: ("url", "Enter the web address"),
        }.get(source or "")
        if needed and not data.get(needed[0]) and needed[0] not in self.errors:
            self.add_error(needed[0], needed[1])
        elif source == AppendixSource.FILE and data.get("file"):
            try:
                check_appendix_file(data["file"])
            except ValidationError as exc:
                self.add_error("file", exc)
        # Only the chosen source is kept: a file chosen and then abandoned is not uploaded.
        for name in ("file", "terms", "url"):
            if needed is None or name != needed[0]:
                data[name] = None if name != "url" else ""
        return data


class AttachDocumentForm(GovukForm):
    """Attach a document another module keeps (``appendix_sources``), as it stands now."""

    letter = AppendixForm.base_fields["letter"]
    title = forms.CharField(
        label="Title",
        max_length=200,
        required=False,
        help_text="Leave empty to use the document's own title.",
        error_messages={"max_length": "The title must be 200 characters or fewer"},
    )
    document = forms.ChoiceField(
        label="Which document?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a document from the list",
            "invalid_choice": "Choose a document from the list",
        },
    )

    govuk_options = {"letter": {"classes": "govuk-input--width-4"}}

    def __init__(self, *args: Any, documents: list[Attachable], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.documents = {f"{doc.kind}:{doc.public_id}": doc for doc in documents}
        field = self.fields["document"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (key, " – ".join(part for part in (doc.title, doc.detail, doc.marking) if part))
            for key, doc in self.documents.items()
        ]

    def chosen(self) -> Attachable:
        return self.documents[self.cleaned_data["document"]]


# Publishing ---------------------------------------------------------------------------------------


class AgendaItemChoiceField(PublicChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        when = timezone.localtime(obj.meeting.starts_at)
        return f"{when:%-d %B %Y}: item {obj.number}, {obj.title}"


class PublishForm(GovukForm):
    agenda_item = forms.Field(required=False)  # replaced in __init__
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"] = AgendaItemChoiceField(
            items,
            required=True,
            label="Agenda item",
            empty_label="Choose an agenda item",
            help_text="An item on the agenda of a meeting of this report's body.",
            error_messages={
                "required": "Choose the agenda item the report goes to",
                "invalid_choice": "Choose an agenda item from the list",
            },
        )
