"""What the audit trail records about the request an event happens in: its id and the client's
address, held in a context variable so that services need no request object.

``core.middleware.RequestIdMiddleware`` sets it for every request; outside a request (commands,
tasks) it is None and events carry no request id or address."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestMeta:
    request_id: str
    ip_address: str | None


current_request: ContextVar[RequestMeta | None] = ContextVar("current_request", default=None)
