"""Risk registers shaped like the ones councils keep in Excel, generated with openpyxl: a merged
title row and a handling note above the headings, a blank row, headings with trailing spaces and
their own names (Risk / Threat, Ideology, Ward, Likelihood, Current Likelihood, Review by,
Direction of Travel...), a score column worked out in the sheet, and dates typed every way
(date cells, 31/03/2026, 31.3.26, 1st April 2026, an Excel serial number).

Used by the import tests and by bench/test_bench_imports.py."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook

HEADINGS = [
    "Risk Ref",
    "Risk / Threat ",
    "Description",
    "Ideology",
    "Ward",
    "Sectors",
    "Likelihood",
    "Impact",
    "Risk Score",
    "Current Likelihood",
    "Current Impact",
    "Risk Owner",
    "Review by",
    "Direction of Travel",
    "Status ",
]
HEADER_ROW = 4
IDEOLOGIES = ["Islamist", "Extreme right-wing", "extreme right wing ", "No ideology identified"]
WARDS = ["Harbour", "Castle; Harbour", "Borough-wide", "", "Castle"]
DATES: list[object] = [
    dt.datetime(2026, 3, 31),
    "31/03/2026",
    "31.3.26",
    "1st April 2026",
    46112,  # 1 April 2026 as an Excel serial number
    "2026-04-30",
]
TRENDS = ["Up", "Same", "Down", "Stable", "↑"]
STATUSES = ["Open", "Open", "Tolerated", "Active", "Closed"]


def row(n: int, owner: str = "Olu Owner") -> list[object]:
    likelihood, impact = n % 5 + 1, (n * 3) % 5 + 1
    return [
        f"PR{n:04d}",
        f"Risk {n}: extremist material shared among young people in the area ",
        "Reported by schools and the police; recruiting through gaming chats.",
        IDEOLOGIES[n % len(IDEOLOGIES)],
        WARDS[n % len(WARDS)],
        "Schools; Police" if n % 2 else "Further education",
        likelihood,
        ["Minor", 3, "3 - Moderate", "Major", 5][impact - 1],
        likelihood * impact,
        max(1, likelihood - 1),
        impact,
        owner if n % 3 else "",
        DATES[n % len(DATES)],
        TRENDS[n % len(TRENDS)],
        STATUSES[n % len(STATUSES)],
    ]


def register_xlsx(rows: int, *, bad: dict[int, tuple[int, object]] | None = None) -> bytes:
    """A register of ``rows`` risks; ``bad`` puts ``value`` in column ``index`` of risk ``n``.
    Risk ``n`` (from 1) is on sheet row ``HEADER_ROW + n``, except that a blank row follows the
    fifth risk, so risk 6 onwards is one row further down (see :func:`sheet_row`)."""
    target = io.BytesIO()
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Risk register"
    sheet.append(["Northbridge Community Safety Partnership: Prevent risk register 2025/26"])
    sheet.merge_cells("A1:O1")
    sheet.append(["OFFICIAL-SENSITIVE when complete"])
    sheet.merge_cells("A2:O2")
    sheet.append([])
    sheet.append(HEADINGS)
    for n in range(1, rows + 1):
        cells = row(n)
        if bad and n in bad:
            index, value = bad[n]
            cells[index] = value
        sheet.append(cells)
        if n == 5:
            sheet.append([None])
    workbook.save(target)
    return target.getvalue()


def sheet_row(n: int) -> int:
    return HEADER_ROW + n + (1 if n > 5 else 0)


def register_csv(rows: int, encoding: str = "utf-8-sig") -> bytes:
    import csv

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["Prevent risk register"])
    writer.writerow([])
    writer.writerow([h for h in HEADINGS])
    for n in range(1, rows + 1):
        cells = row(n)
        cells[12] = "31/03/2026" if n % 2 else "30 April 2026"
        cells[13] = "Up" if cells[13] == "↑" else cells[13]
        cells[2] = "Reported by schools – and the police"
        writer.writerow(cells)
    return text.getvalue().encode(encoding)
