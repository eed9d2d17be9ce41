"""Queue this week's digest e-mails (run weekly by cron; the worker sends them)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from preventhub.accounts.digest import send_digests_task


class Command(BaseCommand):
    help = "Queue the weekly digest e-mails; `manage.py db_worker` sends them."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_digests_task.enqueue()
        self.stdout.write(f"Queued the weekly digests (task {result.id}).")
