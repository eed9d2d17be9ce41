"""Load the demo partnership: a fictional borough, its partners and one login per role.

Deterministic and idempotent: running it twice leaves the same data. Each app contributes its part
in ``preventhub/<app>/demo.py`` (a ``seed(demo)`` function); apps run in INSTALLED_APPS order.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from preventhub.core.seeding import Demo


class Command(BaseCommand):
    help = "Load the fictional Northbridge partnership with one demo login per role."

    def handle(self, *args: Any, **options: Any) -> None:
        demo = Demo()
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("preventhub."):
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(demo)
        self.stdout.write(demo.logins_table())
