"""Prepare the load test's PostgreSQL database and write the plan the locust users follow.

Run by bench/locust/run.py with the server's environment (DATABASE_URL, SECRET_KEY...). The
database holds the permission matrix's world and ``seed_scale --size national``; it is rebuilt only
when the scale modules or matrix modules have changed since it was built (a stamp is kept beside the
plan), and migrated forward on every run. Each run signs the personas in afresh and writes, per
persona, its session cookie and the pages the benchmark measures as that persona (a public page
that redirects the signed-in, such as sign-in, is read anonymously, as the page benchmark does).
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
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
    world = pickle.loads(world_file.read_bytes())
    plan = _plan(world)
    (args.folder / "plan.json").write_text(json.dumps(plan, indent=1))
    print(f"Plan: {sum(len(p['pages']) for p in plan)} pages for {len(plan)} personas.")


def _build(size: str) -> Any:
    from django.core.management import call_command
    from django.db import connection

    from preventhub.directory.testing import build_matrix_world

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

    clients: dict[str, Client] = {}

    def client_for(persona: str) -> Client:
        if persona not in clients:
            clients[persona] = Client(HTTP_HOST="127.0.0.1")  # the only allowed host
            if persona != ANONYMOUS:
                clients[persona].force_login(User.objects.get(pk=getattr(world, persona).pk))
        return clients[persona]

    by_persona: dict[str, list[dict[str, str]]] = {}
    for page in pages():
        url = page_path(page.case, world)
        persona = page.persona
        for fallback in page.fallback:
            if client_for(persona).get(url).status_code == 200:
                break
            persona = fallback
        by_persona.setdefault(persona, []).append({"name": page.name, "url": url})
    plan = []
    for persona, persona_pages in by_persona.items():
        cookie = ""
        if persona != ANONYMOUS:
            cookie = client_for(persona).cookies[settings.SESSION_COOKIE_NAME].value
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
