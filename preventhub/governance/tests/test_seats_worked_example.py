"""The domain reference's worked example (§4.4) reproduced exactly: through the Python API, through
call_command with a JSON file, and through ``manage.py allocate_seats`` in a shell."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from preventhub.governance.seats import UNGROUPED, Principle, allocate_json

FIXTURE = Path(__file__).parent / "fixtures" / "seats" / "worked_example.json"

# The reference's "Final allocation" table.
FINAL_ALLOCATION = {
    "Planning": {"A": 7, "B": 4, "C": 1, "ungrouped": 1},
    "Licensing": {"A": 6, "B": 4, "C": 1, "ungrouped": 0},
    "Audit & Governance": {"A": 4, "B": 2, "C": 1, "ungrouped": 0},
    "Appeals": {"A": 3, "B": 1, "C": 1, "ungrouped": 0},
}
FINAL_TOTALS = {"A": 20, "B": 11, "C": 4, "ungrouped": 1}

# The decisions the reference walks through, in its words and figures.
KEY_STEPS = [
    # Step 1: aggregate entitlement, principle (c).
    "Principle (c): A's exact entitlement across the aggregate bodies is 36 × 27 ÷ 51 = 19.06 "
    "seats, rounded to 19",
    "Principle (c): B's exact entitlement across the aggregate bodies is 36 × 15 ÷ 51 = 10.59 "
    "seats, rounded to 11",
    "Principle (c): C's exact entitlement across the aggregate bodies is 36 × 6 ÷ 51 = 4.24 "
    "seats, rounded to 4",
    # Step 2: the majority rule overrides (c); ungrouped members receive the residue.
    "Principle (b): A is a majority of the council (27 of 51) and needs a majority on every body: "
    "7 of 13 on Planning, 6 of 11 on Licensing, 4 of 7 on Audit & Governance and 3 of 5 on "
    "Appeals, 20 seats in all, so its entitlement rises from 19 to 20",
    "Residue: ungrouped members receive the 1 seat left after the groups: 36 − 20 − 11 − 4 = 1 "
    "(their exact share is 2.12)",
    # Step 3: per-committee shares by largest remainder, principle (d).
    "Principle (d): Planning (13 seats): exact shares A 6.88, B 3.82, C 1.53, ungrouped 0.76; "
    "by largest remainder A 7, B 4, C 1, ungrouped 1",
    "Principle (d): Licensing (11 seats): exact shares A 5.82, B 3.24, C 1.29, ungrouped 0.65; "
    "by largest remainder A 6, B 3, C 1, ungrouped 1",
    "Principle (d): Audit & Governance (7 seats): exact shares A 3.71, B 2.06, C 0.82, "
    "ungrouped 0.41; by largest remainder A 4, B 2, C 1, ungrouped 0",
    "Principle (d): Appeals (5 seats): exact shares A 2.65, B 1.47, C 0.59, ungrouped 0.29; "
    "by largest remainder A 3, B 1, C 1, ungrouped 0",
    # Step 4: reconcile to the aggregate, moving the ungrouped seat with the smallest remainder.
    "Principle (c): B holds 10 seats across the aggregate bodies against an entitlement of 11, "
    "and ungrouped members hold 2 against 1; ungrouped members' seat on Licensing resting on the "
    "smallest remainder (0.65) moves to B",
    # The reference's checks.
    "Principle (a): holds: no body has all its seats held by one group",
    "Principle (b): holds: A has a majority on every body",
    "Principle (c): holds: the aggregate bodies total A 20, B 11, C 4, ungrouped 1, as entitled",
]


def _in_order(needles: list[str], haystack: list[str]) -> bool:
    positions = [haystack.index(n) for n in needles]
    return positions == sorted(positions)


def test_the_calculator_reproduces_the_worked_example_allocation_and_totals():
    result = allocate_json(json.loads(FIXTURE.read_text()))

    assert result.allocation == FINAL_ALLOCATION
    assert result.totals == FINAL_TOTALS
    assert result.targets == FINAL_TOTALS


def test_the_worked_example_steps_name_each_principle_in_the_references_order():
    steps = [step.text for step in allocate_json(json.loads(FIXTURE.read_text())).steps]

    for step in KEY_STEPS:
        assert step in steps
    assert _in_order(KEY_STEPS, steps)


def test_the_worked_example_steps_carry_structured_data_for_the_ui():
    result = allocate_json(json.loads(FIXTURE.read_text()))
    move = next(s for s in result.steps if "moves to B" in s.detail)

    assert (move.principle, move.body, move.group, move.breaks) == (
        Principle.C,
        "Licensing",
        "B",
        (),
    )
    assert move.as_dict()["text"] == move.text


def test_the_worked_example_entitlement_tables_show_exact_shares():
    result = allocate_json(json.loads(FIXTURE.read_text()))
    tables = {table.scope: table for table in result.tables}

    aggregate = {row.party: row for row in tables["aggregate"].rows}
    assert [aggregate[p].as_dict()["exact"] for p in ("A", "B", "C", UNGROUPED)] == [
        "19.06",
        "10.59",
        "4.24",
        "2.12",
    ]
    assert aggregate["A"].as_dict()["exact_fraction"] == "324/17"  # 36 × 27 ÷ 51
    assert [aggregate[p].entitled for p in ("A", "B", "C", UNGROUPED)] == [20, 11, 4, 1]
    licensing = {row.party: row.as_dict()["exact"] for row in tables["Licensing"].rows}
    assert licensing == {"A": "5.82", "B": "3.24", "C": "1.29", "ungrouped": "0.65"}


def test_call_command_with_the_json_file_prints_the_worked_example():
    out = StringIO()

    call_command("allocate_seats", str(FIXTURE), stdout=out)

    printed = json.loads(out.getvalue())
    assert set(printed) == {"allocation", "totals", "steps"}
    assert printed["allocation"] == FINAL_ALLOCATION
    assert printed["totals"] == FINAL_TOTALS
    assert _in_order(KEY_STEPS, printed["steps"])


def test_call_command_with_detail_adds_structured_steps_and_tables():
    out = StringIO()

    call_command("allocate_seats", str(FIXTURE), "--detail", stdout=out)

    printed = json.loads(out.getvalue())
    assert printed["aggregate_entitlement"] == FINAL_TOTALS
    assert printed["step_details"][0]["principle"] == "c"
    assert printed["entitlements"][0]["scope"] == "aggregate"


def test_manage_py_allocate_seats_in_a_shell_prints_the_worked_example():
    env = {**os.environ, "DEBUG": "true"}

    completed = subprocess.run(
        [sys.executable, "manage.py", "allocate_seats", str(FIXTURE)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    printed = json.loads(completed.stdout)
    assert printed["allocation"] == FINAL_ALLOCATION
    assert printed["totals"] == FINAL_TOTALS
    assert _in_order(KEY_STEPS, printed["steps"])
