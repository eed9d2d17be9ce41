"""Comparing two versions of terms of reference: the clause matching, the word-level differences
and the accessible side-by-side page, with GOV.UK errors for bad choices."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from preventhub.governance.models import ClauseSection, TermsStatus
from preventhub.governance.services.terms_compare import Change, Row, compare, word_diff
from preventhub.governance.tests.factories import (
    BodyFactory,
    ClauseFactory,
    TermsOfReferenceFactory,
)

SPEND = "To scrutinise spend of the £10k on implementing the duty ensuring value for money."


def _copy(clause, terms, **changes):
    fields = {
        "number": clause.number,
        "section": clause.section,
        "text": clause.text,
        "order": clause.order,
        "lineage": clause.lineage,
        **changes,
    }
    return ClauseFactory.create(terms=terms, **fields)


@pytest.fixture
def versions(db):
    """v1 of the seed's working group and v2: the spending clause removed, the frequency
    reworded, the quorum moved and renumbered, and a reporting clause added."""
    body = BodyFactory.create(name="Members' Working Group on Prevent")
    v1 = TermsOfReferenceFactory.create(body=body, number=1, status=TermsStatus.SUPERSEDED)
    v2 = TermsOfReferenceFactory.create(
        body=body,
        number=2,
        status=TermsStatus.AGREED,
        amendment_summary="Removes the £10k clause.",
        amendment_reason="It does not apply in 2016/17.",
    )
    purpose = ClauseFactory.create(
        terms=v1, number="1", section=ClauseSection.PURPOSE, order=1, text="To lead on Prevent."
    )
    spend = ClauseFactory.create(
        terms=v1, number="2", section=ClauseSection.DUTIES, order=2, text=SPEND
    )
    meets = ClauseFactory.create(
        terms=v1,
        number="3",
        section=ClauseSection.FREQUENCY,
        order=3,
        text="The group will meet quarterly.",
    )
    quorum = ClauseFactory.create(
        terms=v1, number="4", section=ClauseSection.OTHER, order=4, text="Three Members."
    )
    _copy(purpose, v2)
    _copy(meets, v2, text="The group will meet every two months.")
    _copy(quorum, v2, number="5", section=ClauseSection.QUORUM)
    ClauseFactory.create(
        terms=v2,
        number="4",
        section=ClauseSection.REPORTING,
        order=9,
        text="To report to Cabinet once a year.",
    )
    return {"body": body, "v1": v1, "v2": v2, "spend": spend}


def _url(a, b) -> str:
    return f"{reverse('governance:terms_compare')}?a={a.public_id}&b={b.public_id}"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_words_removed_and_added_are_found():
    pieces = word_diff("The group will meet quarterly.", "The group will meet every two months.")
    assert [(p.kind, p.text) for p in pieces] == [
        ("equal", "The group will meet "),
        ("delete", "quarterly."),
        ("insert", "every two months."),
    ]


@given(st.text(max_size=60), st.text(max_size=60))
def test_a_word_diff_gives_back_both_texts(before, after):
    pieces = word_diff(before, after)
    assert "".join(p.text for p in pieces if p.kind != "insert") == before
    assert "".join(p.text for p in pieces if p.kind != "delete") == after


def _number(row: Row) -> str:
    """The clause's number in the later version, or in the earlier one for a removed clause."""
    clause = row.after or row.before
    assert clause is not None, "a row compares at least one clause"
    return clause.number


@pytest.mark.django_db
def test_clauses_are_matched_by_lineage_whatever_their_number_or_section(versions):
    v1 = list(versions["v1"].clauses.order_by("order"))
    v2 = list(versions["v2"].clauses.order_by("order"))
    rows = compare(v1, v2).rows
    summary = [(r.change, _number(r)) for r in rows]
    assert summary == [
        (Change.UNCHANGED, "1"),
        (Change.REMOVED, "2"),
        (Change.CHANGED, "3"),
        (Change.CHANGED, "5"),
        (Change.ADDED, "4"),
    ]
    assert rows[2].notes == ["Wording changed"]
    assert rows[2].removed_words == "quarterly." and rows[2].added_words == "every two months."
    assert rows[3].notes == ["Renumbered from 4 to 5", "Moved from Other to Quorum"]


@pytest.mark.django_db
def test_the_comparison_page_is_an_accessible_side_by_side_table(client, versions):
    response = client.get(_url(versions["v1"], versions["v2"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and "side by side</caption>" in html
    assert html.count('scope="col"') == 4 and html.count('scope="row"') == 5
    assert "<del>" in html and "<ins>" in html
    text = _text(html)
    assert "1 clause added, 1 removed, 2 changed and 1 unchanged" in text
    assert "[removed: quarterly. ]" in text and "[added: every two months. ]" in text
    assert "Words removed: “quarterly.”" in text and "Words added: “every two months.”" in text
    assert "Removed" in text and SPEND in text and "Not in version 2" in text
    assert "Why it changed" in text and "It does not apply in 2016/17." in text


@pytest.mark.django_db
def test_versions_given_later_first_are_shown_earlier_first(client, versions):
    response = client.get(_url(versions["v2"], versions["v1"]))
    assert (response.context["earlier"], response.context["later"]) == (
        versions["v1"],
        versions["v2"],
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            lambda v: f"a={v['v1'].public_id}&b={v['v1'].public_id}",
            ["Select a different version to compare with"],
        ),
        (lambda v: f"a={v['v1'].public_id}", ["Select the second version to compare"]),
        (
            lambda v: f"a={v['v1'].public_id}&b=not-a-version",
            ["Select the second version to compare from the list"],
        ),
        (
            lambda v: (
                f"a={v['v1'].public_id}&b={TermsOfReferenceFactory.create(body=BodyFactory.create()).public_id}"
            ),
            ["Select the second version to compare from the list"],
        ),
    ],
)
def test_bad_choices_show_gov_uk_errors(client, versions, query, expected):
    response = client.get(f"{reverse('governance:terms_compare')}?{query(versions)}")
    assert response.status_code == 200
    assert [e["text"] for e in response.context["errors"]] == expected
    assert "govuk-error-summary" in response.content.decode()
    assert "comparison" not in response.context


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "a=nonsense&b=", "a=8a1e2b62-0000-4000-8000-000000000000"])
def test_a_comparison_naming_no_version_is_not_found(client, query):
    assert client.get(f"{reverse('governance:terms_compare')}?{query}").status_code == 404


@pytest.mark.django_db
def test_a_draft_cannot_be_compared_by_people_who_may_not_see_drafts(client, versions, personas):
    draft = TermsOfReferenceFactory.create(body=versions["body"], number=3)
    response = client.get(_url(versions["v2"], draft))
    assert "comparison" not in response.context
    assert (
        response.context["errors"][0]["text"]
        == "Select the second version to compare from the list"
    )
    client.force_login(personas["prevent_lead"])
    assert client.get(_url(versions["v2"], draft)).context["comparison"] is not None


@pytest.mark.django_db
def test_versions_typed_in_separately_are_matched_by_text_then_by_number():
    """No shared lineage (v2 typed in, not copied): clause 2 removed, 3 renumbered to 2, and 4
    renumbered to 3 and reworded."""
    body = BodyFactory.create()
    v1 = TermsOfReferenceFactory.create(body=body, number=1, status=TermsStatus.SUPERSEDED)
    v2 = TermsOfReferenceFactory.create(body=body, number=2, status=TermsStatus.AGREED)
    texts = ["To lead on Prevent.", SPEND, "To report yearly.", "Meets quarterly."]
    before = [
        ClauseFactory.create(
            terms=v1, number=str(i + 1), section=ClauseSection.DUTIES, text=t, order=i
        )
        for i, t in enumerate(texts)
    ]
    after = [
        ClauseFactory.create(
            terms=v2, number=str(i + 1), section=ClauseSection.DUTIES, text=t, order=i
        )
        for i, t in enumerate(["To lead on Prevent.", "To report yearly.", "Meets monthly."])
    ]
    rows = compare(before, after).rows
    assert [(r.change, r.before and r.before.number, r.after and r.after.number) for r in rows] == [
        (Change.UNCHANGED, "1", "1"),
        (Change.REMOVED, "2", None),
        (Change.CHANGED, "3", "2"),
        (Change.CHANGED, "4", "3"),
    ]
    assert rows[2].notes == ["Renumbered from 3 to 2"]
    assert rows[3].notes == ["Renumbered from 4 to 3", "Wording changed"]
    assert (rows[3].removed_words, rows[3].added_words) == ("quarterly.", "monthly.")


@pytest.mark.django_db
def test_a_clause_rewritten_beyond_recognition_is_one_removed_and_one_added():
    v1 = TermsOfReferenceFactory.create(number=1, status=TermsStatus.SUPERSEDED)
    v2 = TermsOfReferenceFactory.create(body=v1.body, number=2)
    old = [ClauseFactory.create(terms=v1, number="1", text="The group will meet quarterly.")]
    new = [
        ClauseFactory.create(
            terms=v2, number="1", text="Members are appointed by Council annually."
        )
    ]
    assert [r.change for r in compare(old, new).rows] == [Change.REMOVED, Change.ADDED]
