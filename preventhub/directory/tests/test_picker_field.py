"""The picker field (core/pickers.py) choosing a person: by public id, by typed text with one,
many or no matches, a radio chosen after an ambiguous search, and forbidden records as missing."""

from __future__ import annotations

import re

import pytest
from django import forms

from preventhub.core.forms import form_field
from preventhub.core.pickers import LIMIT, PickerField
from preventhub.core.policies import Action
from preventhub.directory import policies
from preventhub.directory.pickers import PEOPLE
from preventhub.directory.testing import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


class OwnerForm(forms.Form):
    owner = PickerField(PEOPLE, label="Owner")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        form_field(self, "owner", PickerField).queryset = policies.people.visible_to(
            user, Action.VIEW
        )


@pytest.fixture
def council():
    return OrganisationFactory.create(name="Northbridge Borough Council")


@pytest.fixture
def jane(council):
    return PersonFactory.create(
        name="Jane Smith", job_title="Chief Accountant", organisation=council
    )


JANE = "Jane Smith, Chief Accountant, Northbridge Borough Council"


def _radios(html: str) -> list[str]:
    return re.findall(r'<input class="govuk-radios__input"[^>]*name="owner-choice"', html)


def test_the_chosen_public_id_with_its_description_chooses_the_person(prevent_lead, jane):
    data = {
        "owner": "Jane Smith, Chief Accountant, Northbridge Borough Council",
        "owner-id": str(jane.public_id),
    }
    form = OwnerForm(data, user=prevent_lead)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == jane


def test_a_public_id_typed_in_the_box_chooses_the_person(prevent_lead, jane):
    form = OwnerForm({"owner": str(jane.public_id)}, user=prevent_lead)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == jane


def test_typed_text_with_one_match_chooses_it(prevent_lead, jane):
    PersonFactory.create(name="Tom Jones", job_title="Monitoring Officer")
    form = OwnerForm({"owner": "  accountant  "}, user=prevent_lead)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == jane


def test_typed_text_with_many_matches_asks_to_choose_one_of_them(prevent_lead, jane, council):
    PersonFactory.create(name="John Smith", job_title="Head of Finance", organisation=council)
    form = OwnerForm({"owner": "smith"}, user=prevent_lead)
    assert not form.is_valid()
    assert form.errors["owner"] == ["Choose one of these people"]
    html = str(form["owner"])
    assert len(_radios(html)) == 2
    assert "Jane Smith, Chief Accountant, Northbridge Borough Council" in html
    assert 'value="smith"' in html  # what was typed stays in the box


def test_the_radio_chosen_after_many_matches_is_taken(prevent_lead, jane):
    form = OwnerForm({"owner": "smith", "owner-choice": str(jane.public_id)}, user=prevent_lead)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == jane


def test_many_matches_show_at_most_the_limit_as_radios(prevent_lead, council):
    for n in range(LIMIT + 5):
        PersonFactory.create(name=f"Alex Taylor {n:02d}", organisation=council)
    form = OwnerForm({"owner": "taylor"}, user=prevent_lead)
    assert not form.is_valid()
    html = str(form["owner"])
    assert len(_radios(html)) == LIMIT
    assert "type more of the name" in html


def test_typed_text_with_no_match_says_so(prevent_lead, jane):
    form = OwnerForm({"owner": "Zebedee"}, user=prevent_lead)
    assert not form.is_valid()
    assert form.errors["owner"] == [
        "No people match ‘Zebedee’. Check the spelling or enter part of the name"
    ]


def test_the_full_description_of_one_of_several_namesakes_chooses_that_one(prevent_lead, jane):
    PersonFactory.create(name="Jane Smith", job_title="Librarian", organisation=None)
    form = OwnerForm(
        {"owner": "Jane Smith, Chief Accountant, Northbridge Borough Council"}, user=prevent_lead
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == jane


def test_a_person_the_user_may_not_see_is_treated_as_missing(outsider, jane):
    by_id = OwnerForm({"owner": str(jane.public_id)}, user=outsider)
    by_choice = OwnerForm({"owner": "x", "owner-choice": str(jane.public_id)}, user=outsider)
    by_name = OwnerForm({"owner": "Jane"}, user=outsider)
    assert not by_id.is_valid() and not by_choice.is_valid() and not by_name.is_valid()
    assert by_id.errors["owner"] == ["The person you chose cannot be found. Search again"]
    assert by_choice.errors["owner"] == ["The person you chose cannot be found. Search again"]
    assert "No people match" in by_name.errors["owner"][0]


def test_a_required_picker_left_empty_is_required(prevent_lead, jane):
    form = OwnerForm({"owner": "", "owner-id": str(jane.public_id)}, user=prevent_lead)
    assert not form.is_valid()
    assert form.errors["owner"][0] == "This field is required."  # the renderer words it for GOV.UK


def test_the_current_choice_shows_the_description_and_keeps_the_public_id(prevent_lead, jane):
    html = str(OwnerForm(initial={"owner": jane}, user=prevent_lead)["owner"])
    assert 'value="Jane Smith, Chief Accountant, Northbridge Borough Council"' in html
    assert f'name="owner-id" value="{jane.public_id}"' in html
    assert 'data-picker-url="/directory/search/people/"' in html
    assert "<option" not in html


def test_a_database_key_as_initial_value_shows_the_person(prevent_lead, jane):
    html = str(OwnerForm(initial={"owner": jane.pk}, user=prevent_lead)["owner"])
    assert 'value="Jane Smith, Chief Accountant, Northbridge Borough Council"' in html


class OwnerAndNoteForm(OwnerForm):
    note = forms.CharField(label="Note")


def test_a_radio_chosen_while_another_question_is_in_error_is_shown_as_chosen(prevent_lead, jane):
    form = OwnerAndNoteForm(
        {"owner": "smith", "owner-choice": str(jane.public_id), "note": ""}, user=prevent_lead
    )
    assert not form.is_valid() and "owner" not in form.errors
    html = str(form["owner"])
    assert f'value="{JANE}"' in html
    assert f'name="owner-id" value="{jane.public_id}"' in html
    assert not _radios(html)


def test_the_forms_own_message_answers_a_record_it_does_not_accept(prevent_lead, jane, council):
    field = PickerField(
        PEOPLE,
        policies.people.visible_to(prevent_lead, Action.VIEW).exclude(pk=jane.pk),
        error_messages={"invalid_choice": "Choose a member of the body"},
    )
    with pytest.raises(forms.ValidationError) as refused:
        field.clean({"text": str(jane.public_id)})
    assert refused.value.messages == ["Choose a member of the body"]
