from typing import Any

from django.core.management.base import BaseCommand, CommandError

from preventhub.audit.models import AuditEvent
from preventhub.audit.services import verify_chain


class Command(BaseCommand):
    help = "Check the audit trail's hash chain; exit non-zero naming the first altered, inserted or deleted event."

    def handle(self, *args: Any, **options: Any) -> None:
        problem = verify_chain()
        if problem is not None:
            raise CommandError(f"Audit trail broken at event #{problem.seq}: {problem.message}")
        count = AuditEvent.objects.count()
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {count} events verified."))
