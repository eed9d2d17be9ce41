"""Benchmarks run against a database filled by `seed_scale` (district size unless BENCH_SIZE is set),
created once per session."""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        call_command("seed_scale", size=os.environ.get("BENCH_SIZE", "district"))


@pytest.fixture
def signed_in(client, db):
    from preventhub.accounts.models import User

    def as_user(email: str):
        client.force_login(User.objects.get(email=email))
        return client

    return as_user
