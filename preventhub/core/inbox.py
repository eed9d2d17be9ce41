"""The task inbox: what waits for the signed-in person, fed by every module.

A module registers each kind of task it creates, usually from its ``AppConfig.ready``::

    inbox.register_task_source(
        "governance.implications_to_verify",
        implications_to_verify,            # user -> QuerySet of the rows that are tasks for them
        label="Implications to verify",
        title=Concat(...),                 # SQL expression of the row: what to do
        due_on=F("..."),                   # SQL expression of the row's due date, or None
        link=lambda public_id: reverse(..., args=[public_id]),
        list_url_name="governance:reports_to_verify",
    )

The home page reads every source in two queries however many sources and tasks there are: one
UNION of per-source counts and one UNION of the rows, ordered by due date in SQL and cut to a page.
A source may instead return a plain iterable of ``Task`` (for tasks that are not rows); those are
counted and merged in Python, so keep them short.

``announce_task`` e-mails a person about a new task through the worker, after the transaction
commits. The e-mail names only the kind of task and carries a link: whatever the task is about
(an exempt report, a case) stays behind sign-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import CharField, DateField, F, Func, IntegerField, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .tasks import send_email_after_commit

PAGE_SIZE = 25


@dataclass(frozen=True)
class Task:
    """One thing waiting for a person: what to do, where, by when, and which kind of task it is."""

    title: str
    link: str
    due_on: dt.date | None
    kind: str

    @property
    def is_overdue(self) -> bool:
        return self.due_on is not None and self.due_on < timezone.localdate()


@dataclass(frozen=True)
class TaskSource:
    name: str
    tasks: Callable[[Any], QuerySet[Any] | Iterable[Task]]
    label: str
    title: Combinable | None = None
    due_on: Combinable | None = None
    link: Callable[[Any], str] | None = None
    list_url_name: str | None = None
    order: int = 100


@dataclass(frozen=True)
class SourceCount:
    """A source with tasks for this person: its label, how many, and the page listing them all."""

    name: str
    label: str
    count: int
    list_url: str | None


@dataclass(frozen=True)
class Inbox:
    counts: list[SourceCount]
    tasks: list[Task]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)


_SOURCES: dict[str, TaskSource] = {}


def register_task_source(
    name: str,
    tasks: Callable[[Any], QuerySet[Any] | Iterable[Task]],
    *,
    label: str,
    title: Combinable | None = None,
    due_on: Combinable | None = None,
    link: Callable[[Any], str] | None = None,
    list_url_name: str | None = None,
    order: int = 100,
) -> TaskSource:
    """Add (or replace, by name) a source of tasks. A source returning a queryset must give
    ``title`` (and may give ``due_on``) as expressions over its rows and ``link(public_id)``."""
    source = TaskSource(name, tasks, label, title, due_on, link, list_url_name, order)
    _SOURCES[name] = source
    return source


def task_sources() -> list[TaskSource]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.name))


def inbox_for(
    user: Any, *, sources: Sequence[TaskSource] | None = None, limit: int = PAGE_SIZE
) -> Inbox:
    """The tasks waiting for ``user``: a count per source and the first ``limit`` tasks of all
    sources, soonest due first (undated last). Two queries for all the queryset sources."""
    if user is None or not user.is_authenticated:
        return Inbox([], [])
    chosen = task_sources() if sources is None else list(sources)
    rows: list[tuple[TaskSource, QuerySet[Any]]] = []
    counts: dict[str, int] = {}
    extra: list[Task] = []
    for source in chosen:
        found = source.tasks(user)
        if isinstance(found, QuerySet):
            rows.append((source, found.order_by()))
        else:
            listed = list(found)
            counts[source.name] = len(listed)
            extra.extend(listed)
    counts.update(_counts(rows))
    tasks = sorted([*_rows(rows, limit), *extra], key=_due_order)[:limit]
    return Inbox(
        [
            SourceCount(s.name, s.label, counts[s.name], _list_url(s))
            for s in chosen
            if counts.get(s.name)
        ],
        tasks,
    )


def _list_url(source: TaskSource) -> str | None:
    return reverse(source.list_url_name) if source.list_url_name else None


def _due_order(task: Task) -> tuple[bool, dt.date, str]:
    return (task.due_on is None, task.due_on or dt.date.max, task.title)


def _counts(rows: list[tuple[TaskSource, QuerySet[Any]]]) -> dict[str, int]:
    """One query: each source's count as one row of a UNION ALL."""
    if not rows:
        return {}
    # COUNT as a plain function, not Django's aggregate: an aggregate would add a GROUP BY,
    # which a compound query cannot carry; without one, each part is a single row.
    parts = [
        qs.values(
            task_source=Value(source.name, output_field=CharField()),
            task_count=Func(F("pk"), function="COUNT", output_field=IntegerField()),
        )
        for source, qs in rows
    ]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    # No ORDER BY (the union would otherwise take the first model's Meta.ordering).
    return {row["task_source"]: row["task_count"] for row in combined.order_by()}


def _rows(rows: list[tuple[TaskSource, QuerySet[Any]]], limit: int) -> list[Task]:
    """One query: every source's rows as (source, title, due date, public id), UNION ALL, ordered
    by due date (undated last) and cut to ``limit`` in SQL."""
    if not rows:
        return []
    parts = [_task_values(source, qs) for source, qs in rows]
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    # A compound query may only be ordered by its columns: ``task_sort_on`` puts undated tasks
    # last the same way on every database.
    ordered = combined.order_by("task_sort_on", "task_source", "task_title")
    by_name = {source.name: source for source, _ in rows}
    tasks = []
    for row in ordered[:limit]:
        source = by_name[row["task_source"]]
        link = source.link(row["task_ref"]) if source.link else _list_url(source) or ""
        tasks.append(Task(row["task_title"], link, row["task_due_on"], source.label))
    return tasks


def _task_values(source: TaskSource, qs: QuerySet[Any]) -> QuerySet[Any]:
    due_on = source.due_on if source.due_on is not None else Value(None)
    return qs.values(
        task_source=Value(source.name, output_field=CharField()),
        task_title=source.title if source.title is not None else Value(source.label),
        task_due_on=Cast(due_on, DateField()),
        task_sort_on=Coalesce(Cast(due_on, DateField()), Value(dt.date.max)),
        task_ref=F("public_id"),
    )


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def announce_tasks(*, to: str | None, name: str, source: str, paths: Sequence[str]) -> None:
    """E-mail ``to`` (a person called ``name``) that new tasks of ``source`` wait for them at
    ``paths`` (paths on this site), once the current transaction commits. Only the kind of task
    and a link are sent (the task itself when there is one, else the source's list): what the task
    is about stays behind sign-in."""
    if not to or not paths:
        return
    registered = _SOURCES[source]
    several = len(paths) > 1
    link = (_list_url(registered) if several else None) or paths[0]
    context = {
        "name": name,
        "kind": registered.label,
        "count": len(paths),
        "link": absolute(link),
        "home": absolute(reverse("core:home")),
        "service_name": settings.SERVICE_NAME,
    }
    send_email_after_commit(
        subject=f"{settings.SERVICE_NAME}: {'new tasks' if several else 'a new task'} for you",
        body=render_to_string("core/email/new_task.txt", context),
        to=[to],
    )
