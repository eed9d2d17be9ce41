"""Prepare the load test's PostgreSQL database and write the plan the locust users follow.

Run by bench/locust/run.py with the server's environment (DATABASE_URL, SECRET_KEY...). The
database holds the permission matrix's world and ``seed_scale --size national``; it is rebuilt only
when the migrations, scale modules or matrix modules have changed since it was built (a stamp is
kept beside the plan). Each run signs the personas in afresh and writes, per persona, its session
cookie and the pages the benchmark measures as that persona.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import time
from pathlib import Path
from typing import Any

import django


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, required=True, help="Stamp, world and plan files.")
    parser.add_argument("--size", default="national")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "preventhub.settings")
    django.setup()
    from bench.scale_db import fingerprint

    stamp_file = args.folder / f"{args.size}.stamp"
    world_file = args.folder / f"{args.size}.world.pickle"
    stamp = f"{os.environ['DATABASE_URL']} {fingerprint()}"
    if not (stamp_file.exists() and stamp_file.read_text() == stamp and world_file.exists()):
        stamp_file.unlink(missing_ok=True)
        world_file.write_bytes(pickle.dumps(_build(args.size)))
        stamp_file.write_text(stamp)
    world = pickle.loads(world_file.read_bytes())
    plan = _plan(world)
    (args.folder / "plan.json").write_text(json.dumps(plan, indent=1))
    print(f"Plan: {sum(len(p['pages']) for p in plan)} pages for {len(plan)} personas.")


def _build(size: str) -> Any:
    from django.core.management import call_command
    from django.db import connection

    from preventhub.core.testing.matrix import build_matrix_world

    started = time.perf_counter()
    _recreate_database(connection.settings_dict["NAME"])
    connection.close()
    call_command("migrate", verbosity=0, interactive=False)
    world = build_matrix_world()
    call_command("seed_scale", size=size)
    print(f"Built the {size} database in {time.perf_counter() - started:.0f}s.", flush=True)
    return world


def _recreate_database(name: str) -> None:
    """Drop and create ``name`` through the server's maintenance database."""
    import psycopg
    from django.db import connection

    settings = connection.settings_dict
    with psycopg.connect(
        dbname="postgres",
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as maintenance:
        maintenance.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        maintenance.execute(f'CREATE DATABASE "{name}"')


def _plan(world: Any) -> list[dict[str, Any]]:
    from django.conf import settings
    from django.test import Client

    from bench.pages import ANONYMOUS, pages
    from preventhub.accounts.models import User
    from preventhub.core.testing.matrix import page_path

    by_persona: dict[str, list[dict[str, str]]] = {}
    for page in pages():
        by_persona.setdefault(page.persona, []).append(
            {"name": page.name, "url": page_path(page.case, world)}
        )
    plan = []
    for persona, persona_pages in by_persona.items():
        cookie = ""
        if persona != ANONYMOUS:
            client = Client()
            client.force_login(User.objects.get(pk=getattr(world, persona).pk))
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        plan.append(
            {
                "persona": persona,
                "cookie_name": settings.SESSION_COOKIE_NAME,
                "cookie": cookie,
                "pages": persona_pages,
            }
        )
    return plan


if __name__ == "__main__":
    main()
