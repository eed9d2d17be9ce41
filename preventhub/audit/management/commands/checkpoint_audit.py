from typing import Any

from django.core.management.base import BaseCommand, CommandError

from preventhub.audit.checkpoints import configured_file, write_checkpoint
from preventhub.audit.models import AuditChainHead


class Command(BaseCommand):
    help = (
        "Write a signed checkpoint of the audit chain's head to AUDIT_CHECKPOINT_FILE and the log "
        "(run it from cron between the automatic ones). Refuses a head whose seal does not match."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        head = AuditChainHead.objects.filter(pk=1).first()
        if head is None:
            self.stdout.write("The audit trail is empty: nothing to checkpoint.")
            return
        if not head.is_sealed():
            raise CommandError("The audit chain head's seal does not match: run verify_audit.")
        write_checkpoint(head.last_seq, head.last_hash)
        where = configured_file() or "the log"
        self.stdout.write(
            self.style.SUCCESS(f"Checkpoint of event #{head.last_seq} written to {where}.")
        )
