from typing import Any

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from preventhub.core.seeding import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current MFA code for the demo logins (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEV_MODE:
            raise CommandError("demo_totp only runs in development (DEBUG set).")
        counter = next(iter(yield_hotp_counters_from_time()))
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
