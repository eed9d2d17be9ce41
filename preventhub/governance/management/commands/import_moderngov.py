"""``manage.py import_moderngov``: import councillors, committees and meetings from ModernGov's web
service, from saved responses or straight from the council's ``mgWebService.asmx`` URLs.

    manage.py import_moderngov --councillors councillors.xml --committees committees.xml \\
        --meetings "https://democracy.example/mgWebService.asmx/GetMeetings?lCommitteeId=212" \\
        --meeting meeting-4501.xml --meeting meeting-4502.xml

Everything given is read and checked first, then imported in one transaction: if anything is
wrong nothing is saved, and the command exits non-zero naming the file and element at fault.
Importing the same data again updates what changed and never duplicates (records match on their
ModernGov ids). The import is audited.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from preventhub.governance.moderngov import (
    FETCH_TIMEOUT_SECONDS,
    ModernGovError,
    import_documents,
    parse_document,
    read_source,
)

OPTIONS = {
    "councillors": ("councillorsbyward", "a GetCouncillorsByWard response"),
    "committees": ("committees", "a GetCommittees response"),
    "meetings": ("meetings", "a GetMeetings response"),
    "meeting": ("meeting", "a GetMeeting response (repeat for several meetings)"),
}


class Command(BaseCommand):
    help = "Import councillors, committees and meetings from ModernGov XML (files or URLs)."

    def add_arguments(self, parser: CommandParser) -> None:
        for name, (_, what) in OPTIONS.items():
            parser.add_argument(
                f"--{name}", action="append", default=[], metavar="FILE|URL", help=what
            )
        parser.add_argument(
            "--groups-from-parties",
            action="store_true",
            help="Put councillors with no political group into a group named after their party.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=FETCH_TIMEOUT_SECONDS,
            help="Seconds to wait for each URL (default %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sources = [
            (kind, source) for name, (kind, _) in OPTIONS.items() for source in options[name]
        ]
        if not sources:
            raise CommandError(
                "Give at least one of --councillors, --committees, --meetings or --meeting."
            )
        try:
            documents = [
                parse_document(
                    read_source(source, timeout=options["timeout"]), source, expected=kind
                )
                for kind, source in sources
            ]
            result = import_documents(
                actor=None,
                documents=documents,
                actor_label="import_moderngov command",
                groups_from_parties=options["groups_from_parties"],
            )
        except ModernGovError as exc:
            raise CommandError(f"Nothing was imported. {exc}") from None
        for line in result.lines():
            self.stdout.write(line)
        for notice in result.notices:
            self.stderr.write(f"check: {notice}")
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
