"""Forms for managing users, their roles and personal API tokens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Model

from preventhub.core.forms import GovukForm
from preventhub.core.pickers import PickerField, source_for

from .models import RoleAssignment, User
from .roles import ORGANISATION_SCOPED_ROLES, Role

_ANY = ""


def related_model(model: type[Model], field: str) -> type[Model]:
    """The model a relation of ours points to: an account's directory person, a role's organisation.

    Those models belong to the directory, a layer above accounts, so this module never imports
    them: it follows the relation, and core's registries give the related model's picker source
    (``source_for``) and policy (``policy_for``)."""
    related = model._meta.get_field(field).related_model
    assert isinstance(related, type)
    return related


class UserSearchForm(GovukForm):
    """The filters of the user list: a GET form, so invalid values are ignored, not shown."""

    q = forms.CharField(label="Name or email address", required=False, max_length=200)
    role = forms.ChoiceField(
        label="Role", required=False, choices=[(_ANY, "Any role"), *Role.choices]
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[(_ANY, "Any status"), ("active", "Active"), ("inactive", "Deactivated")],
    )


class UserCreateForm(GovukForm):
    full_name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(
        label="Email address",
        help_text="We will email a link to this address so they can choose a password.",
    )

    def __init__(self, *args: Any, people: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Declared here, not on the class: the directory registers its picker sources when the
        # apps are ready, after this module may have been imported.
        self.fields["person"] = PickerField(
            source_for(related_model(User, "person")),
            queryset=people,
            label="Directory person",
            help_text="Link the account to the person's entry in the partnership directory: "
            "type part of their name. Leave blank if they are not in the directory.",
            required=False,
            error_messages={"invalid_choice": "Choose someone not yet linked to an account"},
        )
        self.fields["full_name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("There is already an account with this email address.")
        return email

    def clean_person(self) -> Model | None:
        person = self.cleaned_data.get("person")
        if person is not None and User.objects.filter(person=person).exists():
            raise forms.ValidationError("This person is already linked to another account.")
        return person


class RoleAssignForm(GovukForm):
    role = forms.ChoiceField(label="Role", choices=[(_ANY, "Choose a role"), *Role.choices])

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"] = PickerField(
            source_for(related_model(RoleAssignment, "organisation")),
            queryset=organisations,
            label="Organisation",
            help_text="Leave blank for the whole partnership unless the role is for one "
            "organisation. A partner lead must have an organisation.",
            required=False,
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("role") in ORGANISATION_SCOPED_ROLES and not cleaned.get("organisation"):
            self.add_error("organisation", "Choose the organisation this partner lead acts for.")
        return cleaned


class TokenCreateForm(GovukForm):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text="What the token is for, such as ‘Quarterly figures script’.",
    )
    days = forms.IntegerField(
        label="Expires after (days)",
        min_value=1,
        max_value=365,
        initial=90,
        help_text="A whole number from 1 to 365.",
        error_messages={
            "required": "Enter how many days the token should last",
            "invalid": "Enter the number of days as a whole number, like 90",
            "min_value": "The token must last at least 1 day",
            "max_value": "A token can last at most 365 days",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["days"].widget.attrs.update(
            {"inputmode": "numeric", "class": "govuk-input--width-3"}
        )
        self.fields["name"].error_messages["required"] = "Enter a name for the token"
