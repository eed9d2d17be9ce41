"""Audit action codes for accounts that the shared registry does not already hold (registered when
the app is ready). Sign-in, role and token codes live in preventhub/audit/registry.py."""

from __future__ import annotations

from preventhub.audit.registry import register

PASSWORD_LINK_SENT = register("accounts.password_link_sent", "Set-password link sent")
LOGIN_BLOCKED = register("auth.login_blocked", "Sign-in refused: too many failed attempts")
