"""Shared state for ``seed_demo``: apps put what they create here for later apps to use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEMO_PASSWORD = "Northbridge-demo-2026"
# Every demo login that needs MFA uses this TOTP secret;
# `manage.py demo_totp` prints the current code.
DEMO_TOTP_SECRET = "NBDEMOPREVENTHUBNBDEMOPREVENTHUB"


@dataclass
class Demo:
    objects: dict[str, Any] = field(default_factory=dict)
    logins: list[tuple[str, str, bool]] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        return self.objects[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.objects[key] = value

    def logins_table(self) -> str:
        lines = [
            "",
            f"Demo logins (password for all: {DEMO_PASSWORD})",
            f"Roles marked MFA ask for a code: add secret {DEMO_TOTP_SECRET} "
            "to an authenticator app,",
            "or run `DEBUG=true .venv/bin/python manage.py demo_totp` for the current code.",
            "",
        ]
        width = max(len(role) for role, _, _ in self.logins) if self.logins else 10
        for role, email, mfa in self.logins:
            lines.append(f"  {role.ljust(width)}  {email}{'  (MFA)' if mfa else ''}")
        return "\n".join(lines) + "\n"
