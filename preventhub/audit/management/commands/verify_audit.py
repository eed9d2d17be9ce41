from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from preventhub.audit.checkpoints import CheckpointFileError, configured_file, read_checkpoints
from preventhub.audit.models import AuditEvent
from preventhub.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain and its sealed head, and compare it with the signed "
        "checkpoints in FILE (default: AUDIT_CHECKPOINT_FILE when it exists); exit non-zero naming "
        "the first altered, inserted or deleted event."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--checkpoint",
            metavar="FILE",
            type=Path,
            help="JSON-lines file of signed checkpoints written by the audit service",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path | None = options.get("checkpoint")
        if path is None:
            default = configured_file()
            path = default if default is not None and default.exists() else None
        elif not path.is_file():
            raise CommandError(f"Checkpoint file {path} does not exist.")
        try:
            checkpoints = read_checkpoints(path) if path is not None else []
        except CheckpointFileError as error:
            raise CommandError(f"Checkpoint file {path} cannot be trusted: {error}") from None
        problem = verify_chain(checkpoints=checkpoints)
        if problem is not None:
            raise CommandError(f"Audit trail broken at event #{problem.seq}: {problem.message}")
        count = AuditEvent.objects.count()
        compared = f" against {len(checkpoints)} checkpoints in {path}" if path else ""
        self.stdout.write(
            self.style.SUCCESS(f"Audit trail intact: {count} events verified{compared}.")
        )
