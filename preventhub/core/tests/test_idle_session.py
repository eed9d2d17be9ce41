"""A signed-in session is renewed as it is used, but written at most once a minute rather than on
every request; a session left idle for the timeout ends."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

HOME = reverse("core:home")


def _session_writes(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    return sum(
        1
        for query in queries.captured_queries
        if "django_session" in query["sql"]
        and query["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    )


def test_the_session_is_written_at_most_once_a_minute(client, prevent_lead):
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(prevent_lead)
        assert _session_writes(client) == 1  # the first request marks the session as in use
        assert [_session_writes(client) for _ in range(5)] == [0, 0, 0, 0, 0]
        clock.shift(dt.timedelta(seconds=59))
        assert _session_writes(client) == 0
        clock.shift(dt.timedelta(seconds=2))
        assert _session_writes(client) == 1
        assert _session_writes(client) == 0


def test_a_session_used_within_the_timeout_stays_signed_in_and_an_idle_one_ends(
    client, prevent_lead, settings
):
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    idle = dt.timedelta(minutes=settings.SESSION_IDLE_TIMEOUT_MINUTES)
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(prevent_lead)
        for _ in range(3):  # used every 20 minutes for an hour: renewed each time
            clock.shift(dt.timedelta(minutes=20))
            response = client.get(HOME)
            assert response.wsgi_request.user.is_authenticated
        clock.shift(idle + dt.timedelta(minutes=1))
        assert not client.get(HOME).wsgi_request.user.is_authenticated
