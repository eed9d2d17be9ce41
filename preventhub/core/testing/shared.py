"""Rows built once and shared by many tests, like ``TestCase.setUpTestData`` but for pytest.

A module- or session-scoped fixture opens a transaction, builds its rows once, and yields them; each
test that uses it also takes pytest-django's ``db``, which runs the test in a savepoint inside that
transaction and rolls it back, so no test sees another's changes. When the fixture goes out of scope
its transaction is rolled back too, so nothing leaks into later modules. Under pytest-xdist every
worker has its own test database and builds its own copy.

    @pytest.fixture(scope="module")
    def shared_world(django_db_setup, django_db_blocker):
        yield from rows_shared_by_tests(django_db_blocker, build_the_world)

    @pytest.fixture
    def world(shared_world, db):
        return shared_world

Every test in the fixture's scope sees the rows, so scope it to the tests that share them (a
module, or a class of tests). Do not share rows this way with tests that need ``transactional_db``
or ``live_server`` (they commit, and would commit the shared rows too), and do not change the
shared Python objects in a test: reload them from the database instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from django.db import DEFAULT_DB_ALIAS, transaction


def rows_shared_by_tests[T](
    django_db_blocker: Any, build: Callable[[], T], using: str = DEFAULT_DB_ALIAS
) -> Iterator[T]:
    """Build ``build()``'s rows in a transaction held open while the caller's fixture is alive,
    yield its result, then roll the transaction back."""
    outer = transaction.atomic(using=using)
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            built = build()
        except BaseException as exc:
            outer.__exit__(type(exc), exc, exc.__traceback__)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True, using=using)
            outer.__exit__(None, None, None)
