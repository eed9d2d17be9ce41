"""``manage.py allocate_seats INPUT.json``: print a seat allocation under s.15 LGHA 1989 as JSON.

Every refusal (unreadable file, invalid council, constraints that cannot all be met) is a
CommandError carrying a sentence for the officer, so the command exits non-zero without a
traceback.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from preventhub.governance.seats import (
    AllocationResult,
    SeatAllocationError,
    allocate,
    parse_council,
    what_if,
)


class Command(BaseCommand):
    help = (
        "Allocate seats on bodies to political groups (s.15 Local Government and Housing Act "
        "1989, principles (a)-(d), residue to ungrouped members, local constraints) and print "
        "the allocation, totals and the steps that explain it as JSON."
    )

    # Pure computation on the JSON given: no model, database or setting is involved, so the
    # project's system checks have nothing to say about it and would only slow it down.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("input", help='The council as JSON (a file path, or "-" for stdin).')
        parser.add_argument(
            "--what-if",
            metavar="BODY=SEATS",
            help='Allocate as though one body had another size, e.g. --what-if "Planning=12".',
        )
        parser.add_argument(
            "--detail",
            action="store_true",
            help="Also print structured steps and the exact entitlement tables.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        data = _read(options["input"])
        try:
            council = parse_council(data)
            if options["what_if"]:
                body, seats = _what_if(options["what_if"])
                result: AllocationResult = what_if(council, body, seats)
            else:
                result = allocate(council)
        except SeatAllocationError as error:
            raise CommandError(error.reason) from None
        output = result.as_json(detail=options["detail"])
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))


def _read(source: str) -> object:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot read {source}: {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{source} is not UTF-8 text.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CommandError(
            f"{source} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None


def _what_if(value: str) -> tuple[str, int]:
    body, sep, seats = value.rpartition("=")
    if not sep or not body or not seats.strip().isdigit():
        raise CommandError(f'--what-if needs BODY=SEATS, e.g. "Planning=12" (got {value!r}).')
    return body, int(seats)
