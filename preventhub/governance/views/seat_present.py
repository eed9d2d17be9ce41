"""Turn a stored seat-allocation result (services.seat_allocations.result_json) into what the
templates show: the allocation table, totals, exact entitlements and the numbered steps.

Everything comes from the stored JSON, so showing an allocation never re-runs the calculator and
costs no queries; the ordered ``parties`` and ``bodies`` lists give the column and row order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from preventhub.governance.seats import UNGROUPED

BALANCE_LABELS = {
    "aggregate": "Statutory: balanced with the other statutory bodies",
    "individual": "Voluntary: balanced on its own",
}
BREAK_LABELS = {
    "a": "principle (a)",
    "b": "principle (b)",
    "c": "principle (c)",
    "d": "principle (d)",
    "local": "a local constraint",
}


def party_label(party: str) -> str:
    return "Ungrouped members" if party == UNGROUPED else party


def present(result: dict[str, Any] | None) -> dict[str, Any]:
    result = result or {}
    parties = list(result.get("parties", []))
    allocation = result.get("allocation", {})
    records = (result.get("records") or {}).get("bodies", {})
    rows = [
        {
            "name": body["name"],
            "seats": body["seats"],
            "balance": body["balance"],
            "balance_label": BALANCE_LABELS.get(body["balance"], body["balance"]),
            "public_id": records.get(body["name"], ""),
            "cells": [allocation.get(body["name"], {}).get(p, 0) for p in parties],
        }
        for body in result.get("bodies", [])
    ]
    totals = result.get("totals", {})
    return {
        "parties": parties,
        "headers": [party_label(p) for p in parties],
        "rows": rows,
        "total_seats": sum(row["seats"] for row in rows),
        "totals": [totals.get(p, 0) for p in parties],
        "council": result.get("council", {}),
        "composition_on": _date(result.get("composition_on")),
        "tables": [_table(t) for t in result.get("entitlements", [])],
        "steps": [_step(s) for s in result.get("step_details", [])],
        "violations": list(result.get("violations", [])),
    }


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _table(table: dict[str, Any]) -> dict[str, Any]:
    aggregate = table["scope"] == "aggregate"
    caption = (
        f"Aggregate entitlement across the statutory bodies ({table['seats']} seats)"
        if aggregate
        else f"{table['scope']} ({table['seats']} seats)"
    )
    return {
        "caption": caption,
        "aggregate": aggregate,
        "rows": [{**row, "label": party_label(row["party"])} for row in table["rows"]],
    }


def _step(step: dict[str, Any]) -> dict[str, Any]:
    return {
        **step,
        "breaks_text": [BREAK_LABELS.get(p, p) for p in step.get("breaks", [])],
        "manual": step.get("principle") == "manual",
    }


def compare(saved: dict[str, Any], what_if: dict[str, Any]) -> list[dict[str, Any]]:
    """Each body's seats in the what-if beside the saved seats, party by party."""
    before = {
        row["name"]: dict(zip(saved["parties"], row["cells"], strict=True)) for row in saved["rows"]
    }
    before_size = {row["name"]: row["seats"] for row in saved["rows"]}
    out = []
    for row in what_if["rows"]:
        old = before.get(row["name"], {})
        cells = []
        for party, seats in zip(what_if["parties"], row["cells"], strict=True):
            was = old.get(party)
            cells.append({"seats": seats, "was": was, "changed": was is not None and was != seats})
        out.append(
            {
                "name": row["name"],
                "seats": row["seats"],
                "was_seats": before_size.get(row["name"]),
                "cells": cells,
                "changed": any(c["changed"] for c in cells)
                or row["seats"] != before_size.get(row["name"]),
            }
        )
    return out
