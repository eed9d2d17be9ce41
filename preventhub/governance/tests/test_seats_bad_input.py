"""Input the calculator cannot work on is refused with a clear sentence: by the parser, by
call_command (CommandError) and by manage.py (non-zero exit, no traceback)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from preventhub.governance.seats import InvalidCouncil, allocate_json

FIXTURES = Path(__file__).parent / "fixtures" / "seats"

VALID: dict[str, Any] = {  # parsed JSON: a value's type depends on its key
    "groups": {"A": 20, "B": 15},
    "ungrouped": 2,
    "bodies": [
        {"name": "Planning", "seats": 9, "balance": "aggregate"},
        {"name": "Working Group", "seats": 5, "balance": "individual"},
    ],
    "constraints": {"Working Group": {"min_per_group": 1, "ungrouped_seats": 1}},
}


def changed(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """VALID with one value replaced (or removed, for ``...``)."""
    data = copy.deepcopy(VALID)
    target: Any = data  # a dict or a list, whichever the path reaches
    for key in path[:-1]:
        target = target[key]
    if value is ...:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


BAD = [
    pytest.param([1, 2], "The input must be a JSON object", id="not an object"),
    pytest.param(changed(("groups",), ...), 'The input is missing "groups".', id="missing groups"),
    pytest.param(
        changed(("ungrouped",), ...), 'The input is missing "ungrouped".', id="missing ungrouped"
    ),
    pytest.param(changed(("bodies",), ...), 'The input is missing "bodies".', id="missing bodies"),
    pytest.param(
        dict(VALID, constraint={}), 'The input has unknown "constraint".', id="misspelt key"
    ),
    pytest.param(changed(("groups",), {}), "at least one group", id="no groups"),
    pytest.param(
        changed(("ungrouped",), -1), "ungrouped cannot be negative (-1).", id="negative ungrouped"
    ),
    pytest.param(
        changed(("groups", "B"), -3),
        'Group "B"\'s members cannot be negative (-3).',
        id="negative members",
    ),
    pytest.param(
        changed(("groups", "B"), 1),
        'Group "B" has 1 member(s); a political group needs at least two',
        id="a group of one",
    ),
    pytest.param(
        changed(("groups", "Ungrouped"), 3),
        'put non-aligned members in "ungrouped"',
        id="a group called ungrouped",
    ),
    pytest.param(
        changed(("groups", "A"), "20"), "must be a whole number, not '20'", id="members as text"
    ),
    pytest.param(changed(("bodies",), []), "at least one body", id="no bodies"),
    pytest.param(
        changed(("bodies", 0, "seats"), 0),
        '"Planning"\'s seats must be at least 1 (0 given).',
        id="zero seats",
    ),
    pytest.param(
        changed(("bodies", 0, "seats"), -4),
        '"Planning"\'s seats cannot be negative (-4).',
        id="negative seats",
    ),
    pytest.param(
        changed(("bodies", 0, "seats"), 7.5), "must be a whole number, not 7.5", id="half a seat"
    ),
    pytest.param(
        changed(("bodies", 0, "seats"), True), "must be a whole number, not True", id="bool seats"
    ),
    pytest.param(
        changed(("bodies", 0, "seats"), 38),
        '"Planning" has 38 seats but the council has only 37 members.',
        id="more seats than members",
    ),
    pytest.param(
        changed(("bodies", 0, "balance"), "statutory"),
        'must be "aggregate" or "individual"',
        id="unknown balance",
    ),
    pytest.param(changed(("bodies", 0, "name"), ""), "must be a non-empty name", id="no name"),
    pytest.param(changed(("bodies", 0), {"name": "P"}), 'Body 1 is missing "balance" and "seats"'),
    pytest.param(
        changed(("bodies", 1, "name"), "Planning"), 'Body "Planning" is listed twice.', id="twice"
    ),
    pytest.param(
        changed(("constraints",), {"Working Party": {"min_per_group": 1}}),
        "Unknown body 'Working Party' in constraints.",
        id="unknown body in constraints",
    ),
    pytest.param(
        changed(("constraints",), {"Planning": {"min_per_group": 1}}),
        'Constraints can only be set on an individually balanced body; "Planning" is balanced '
        "in the aggregate",
        id="constraints on an aggregate body",
    ),
    pytest.param(
        changed(("constraints", "Working Group", "groups"), ["A", "Z"]),
        "\"Working Group\"'s constraints name an unknown group 'Z'.",
        id="unknown group in constraints",
    ),
    pytest.param(
        changed(("constraints", "Working Group", "min_per_group"), -1),
        '"Working Group"\'s min_per_group cannot be negative (-1).',
        id="negative minimum",
    ),
    pytest.param(
        changed(("constraints", "Working Group", "max_per_group"), 3),
        'The constraint entry for "Working Group" has unknown "max_per_group".',
        id="unknown constraint",
    ),
    pytest.param(
        dict(VALID, adjustments=[{"body": "Audit", "from": "A", "to": "B", "reason": "agreed"}]),
        "Unknown body 'Audit' in adjustment 1.",
        id="adjustment on an unknown body",
    ),
]


@pytest.mark.parametrize(("data", "reason"), BAD)
def test_invalid_input_is_refused_with_a_clear_reason(data, reason):
    with pytest.raises(InvalidCouncil) as refusal:
        allocate_json(data)

    assert reason in refusal.value.reason


@pytest.mark.parametrize(("data", "reason"), BAD)
def test_the_command_turns_invalid_input_into_a_command_error(data, reason, tmp_path):
    path = tmp_path / "council.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(path))

    assert reason in str(refusal.value)


def test_the_valid_base_case_is_accepted():
    # Guards the table above: each bad case differs from this one in a single place.
    assert allocate_json(VALID).allocation["Working Group"]["ungrouped"] == 1


def test_a_file_that_is_not_json_is_refused_with_where_it_went_wrong(tmp_path):
    path = tmp_path / "council.json"
    path.write_text('{"groups": {"A": 20,}', encoding="utf-8")

    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(path))

    assert str(refusal.value).startswith(f"{path} is not valid JSON: ")
    assert "line 1, column" in str(refusal.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(tmp_path / "nowhere.json"))

    assert str(refusal.value).startswith(f"Cannot read {tmp_path / 'nowhere.json'}")


def test_a_what_if_without_a_size_is_refused():
    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(FIXTURES / "worked_example.json"), what_if="Planning")

    assert "--what-if needs BODY=SEATS" in str(refusal.value)


def test_a_what_if_for_an_unknown_body_is_refused():
    with pytest.raises(CommandError) as refusal:
        call_command("allocate_seats", str(FIXTURES / "worked_example.json"), what_if="Scrutiny=9")

    assert str(refusal.value) == "There is no body called 'Scrutiny'."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "is not valid JSON"),
        (json.dumps(changed(("bodies", 0, "seats"), 0)), "seats must be at least 1 (0 given)"),
        (
            (FIXTURES / "unknown_body_in_constraints.json").read_text(),
            "Unknown body 'Members Panel' in constraints.",
        ),
    ],
)
def test_manage_py_exits_non_zero_on_bad_input_without_a_traceback(content, reason, tmp_path):
    path = tmp_path / "council.json"
    path.write_text(content, encoding="utf-8")

    completed = subprocess.run(
        [sys.executable, "manage.py", "allocate_seats", str(path)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DEBUG": "true"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )

    assert completed.returncode != 0
    assert reason in completed.stderr
    assert "Traceback" not in completed.stderr
