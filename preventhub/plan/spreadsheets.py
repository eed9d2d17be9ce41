"""A partnership plan's actions as a spreadsheet: the columns councils' Prevent action plans use
(Objective, Action, Lead agency, Lead officer, Start, Target date, Status, Progress/Update, RAG
status...), imported into one plan through core's framework and exported from the action list.

Rows go into the plan the import was started from. A row with an ID of one of the plan's actions
updates it (only the columns in the file change); other rows add actions. The objective is found
by its title in the plan; a title the plan does not have yet becomes a new objective.

RAG is worked out from dates and status here. A RAG typed in the council's sheet that differs from
the one worked out is kept as an override, with the reason from the "RAG override reason" column
or, failing that, a note that it came from the imported spreadsheet; one that agrees is not an
override. "Latest progress" that differs from the action's latest update is recorded as a new
progress update dated the day of the import.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from preventhub.core.policies import Action as Act
from preventhub.core.spreadsheets import parsers as p
from preventhub.core.spreadsheets.lookups import by_name, key, match_ids, one
from preventhub.core.spreadsheets.sheets import Column, ParsedRow, RowError, Sheet
from preventhub.directory import policies as directory_policies

from . import policies
from .models import Action, ActionStatus, Objective, Plan, ProgressUpdate, Rag
from .rag import computed_rag

IMPORTED_REASON = "As rated in the council's spreadsheet when it was imported"
_NOT_RATED = {"not rated", "n a", "na", "none", "no rating", "cancelled"}


def _rag(value: Any) -> str:
    if p.words(value) in _NOT_RATED:
        return Rag.NONE.value
    return p.parse_rag(value)


def _label(choices: Any) -> Any:
    return lambda value: str(dict(choices.choices).get(value, value))


def _date(value: Any) -> str:
    return f"{value:%-d %B %Y}"


_status = p.choice(
    ActionStatus,
    {
        "not_started": ("not yet started", "planned", "to do", "todo", "pending", "new"),
        "in_progress": (
            "ongoing",
            "on going",
            "started",
            "underway",
            "under way",
            "in hand",
            "on track",
            "wip",
            "open",
            "progressing",
            "in development",
        ),
        "complete": ("completed", "done", "achieved", "closed", "finished", "met", "delivered"),
        "cancelled": ("canceled", "withdrawn", "no longer required", "removed", "dropped"),
        "on_hold": ("paused", "deferred", "suspended", "hold"),
    },
)

COLUMNS = (
    Column("id", "ID", p.parse_uuid, hint="Our ID, as exported: the row updates that action."),
    Column(
        "objective",
        "Objective",
        p.text(300),
        required=True,
        synonyms=(
            "Objectives",
            "Strategic objective",
            "Priority",
            "Aim",
            "Workstream",
            "Work stream",
            "Theme",
            "Toolkit area",
            "Area of work",
            "Guidance",
        ),
        hint="The objective's title; a title the plan does not have becomes a new objective.",
    ),
    Column(
        "description",
        "Action",
        p.parse_text,
        required=True,
        synonyms=(
            "Actions",
            "Action required",
            "Activity",
            "Task",
            "What we will do",
            "What will we do",
            "Action description",
            "Description",
        ),
    ),
    Column(
        "lead_organisation",
        "Lead organisation",
        p.text(200),
        required=True,
        synonyms=(
            "Lead agency",
            "Lead partner",
            "Lead organization",
            "Agency",
            "Organisation",
            "Partner",
            "Lead",
            "Responsible agency",
        ),
        hint="An organisation in the directory, by its name.",
    ),
    Column(
        "owner",
        "Owner",
        p.text(200),
        synonyms=(
            "Lead officer",
            "Responsible officer",
            "Action owner",
            "Officer",
            "Named lead",
            "Lead person",
        ),
        hint="A person in the directory, by name or e-mail address.",
    ),
    Column(
        "starts_on",
        "Start date",
        p.parse_date,
        synonyms=("Start", "Date started", "Start by"),
        show=_date,
        hint="A date such as 31/03/2025 or 31 March 2025.",
    ),
    Column(
        "due_on",
        "Due date",
        p.parse_date,
        synonyms=(
            "Target date",
            "Due",
            "Deadline",
            "Completion date",
            "Target completion date",
            "Timescale",
            "By when",
            "Date due",
            "End date",
        ),
        show=_date,
        hint="A date such as 31/03/2025 or 31 March 2025.",
    ),
    Column(
        "status",
        "Status",
        _status,
        synonyms=("Current status", "Progress status", "Action status"),
        show=_label(ActionStatus),
        hint="Not started, in progress, complete, cancelled or on hold (and words such as "
        "ongoing, done, deferred). Empty: not started.",
    ),
    Column(
        "progress",
        "Per cent complete",
        p.parse_percent,
        synonyms=("% complete", "Percent complete", "Percentage complete", "Progress %", "%"),
        hint="0 to 100, or a percentage cell.",
    ),
    Column(
        "rag",
        "RAG",
        _rag,
        synonyms=(
            "RAG status",
            "RAG rating",
            "Rating",
            "BRAG",
            "RAG rating (red, amber, green)",
            "Status (RAG)",
        ),
        show=_label(Rag),
        hint="Red, amber or green (or R, A, G, Amber/Green). Kept as an override only where "
        "it differs from the rating worked out from the dates and status.",
    ),
    Column(
        "rag_reason",
        "RAG override reason",
        p.parse_text,
        synonyms=("RAG reason", "Reason for RAG", "Reason for rating"),
    ),
    Column(
        "latest_progress",
        "Latest progress",
        p.parse_text,
        synonyms=(
            "Progress",
            "Update",
            "Progress update",
            "Progress/update",
            "Progress / update",
            "Commentary",
            "Comments",
            "Work to date",
            "Progress to date",
            "Current position",
            "Update on progress",
        ),
        hint="Recorded as a progress update when it differs from the latest one.",
    ),
)

_PLAIN = ("description", "starts_on", "due_on", "status", "progress")
_DEFAULTS: dict[str, Any] = {"status": ActionStatus.NOT_STARTED, "progress": 0}


class PlanActionsSheet(Sheet):
    kind = "plan_actions"
    title = "partnership plan"
    noun_plural = "actions"
    columns = COLUMNS
    scope_noun = "plan"

    def can_import(self, user: Any) -> bool:
        return policies.can_manage_plans(user)

    def find_scope(self, user: Any, public_id: Any) -> Plan | None:
        return policies.plans.visible_to(user, Act.CHANGE).filter(public_id=public_id).first()

    def done_url(self, scope: Any) -> str:
        return reverse("plan:plan_detail", kwargs={"public_id": scope.public_id})

    # -- Checking a batch --------------------------------------------------------------------------

    def check(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> list[RowError]:
        errors = match_ids(
            rows,
            column="id",
            every=Action.objects.all(),
            changeable=policies.actions.visible_to(actor, Act.CHANGE).filter(objective__plan=scope),
            state=state,
            noun="action in this plan",
        )
        if "objectives" not in state:  # a plan has a handful of objectives: read them once
            state["objectives"] = by_name(
                Objective.objects.filter(plan=scope),
                "title",
                Objective.objects.filter(plan=scope).values_list("title", flat=True),
            )

        def names(key: str) -> set[str]:
            return {r.values[key] for r in rows if r.values.get(key)}

        people = directory_policies.people.visible_to(actor)
        owners = names("owner")
        found = {
            "lead_organisation": by_name(
                directory_policies.organisations.visible_to(actor),
                "name",
                names("lead_organisation"),
            ),
            "owner": by_name(people, "name", {o for o in owners if "@" not in o})
            | by_name(people, "email", {o for o in owners if "@" in o}),
        }
        for row in rows:
            for name, noun in (("lead_organisation", "organisation"), ("owner", "person")):
                if row.values.get(name):
                    try:
                        row.resolved[name] = one(found[name], row.values[name], noun=noun)
                    except LookupError as exc:
                        errors.append(RowError(row.number, row.headers[name], str(exc)))
            errors.extend(self._dates(row))
        return errors

    def _dates(self, row: ParsedRow) -> list[RowError]:
        record = row.resolved.get("record")
        starts = (
            row.values.get("starts_on")
            if "starts_on" in row.values
            else (record.starts_on if record else None)
        )
        due = (
            row.values.get("due_on")
            if "due_on" in row.values
            else (record.due_on if record else None)
        )
        if starts and due and due < starts:
            header = row.headers.get("due_on") or row.headers.get("starts_on", "")
            return [
                RowError(
                    row.number, header, "The due date must be the same as or after the start date"
                )
            ]
        return []

    # -- Saving a batch ----------------------------------------------------------------------------

    def _objective(self, title: str, scope: Plan, state: dict[str, Any]) -> Objective:
        known: dict[str, list[Objective]] = state["objectives"]
        if key(title) not in known:
            position = Objective.objects.filter(plan=scope).count() + 1
            known[key(title)] = [
                bulk_create_with_history(
                    [Objective(plan=scope, title=title, position=position)],
                    Objective,
                    default_user=state.get("actor"),
                )[0]
            ]
        return known[key(title)][0]

    def _apply(
        self, action: Action, row: ParsedRow, scope: Plan, state: dict[str, Any], actor: Any
    ) -> list[str]:
        values = row.values
        changed: list[str] = []
        for name in _PLAIN:
            if name in values:
                value = values[name]
                setattr(action, name, _DEFAULTS.get(name) if value is None else value)
                changed.append(name)
        if "objective" in values:
            action.objective = self._objective(values["objective"], scope, state)
            changed.append("objective")
        for name in ("lead_organisation", "owner"):
            if name in values:
                setattr(action, name, row.resolved.get(name))
                changed.append(name)
        if "rag" in values:
            changed += self._rag(action, row, actor)
        return changed

    def _rag(self, action: Action, row: ParsedRow, actor: Any) -> list[str]:
        typed = row.values.get("rag")
        worked_out = computed_rag(
            status=action.status,
            due_on=action.due_on,
            starts_on=action.starts_on,
            today=timezone.localdate(),
        ).rag
        if not typed or typed == worked_out or typed == Rag.NONE:
            action.rag_override, action.rag_override_reason = "", ""
            action.rag_override_by, action.rag_override_at = None, None
        else:
            reason = row.values.get("rag_reason") or IMPORTED_REASON
            if (action.rag_override, action.rag_override_reason) != (typed, reason):
                action.rag_override, action.rag_override_reason = typed, reason
                action.rag_override_by, action.rag_override_at = actor, timezone.now()
        return ["rag_override", "rag_override_reason", "rag_override_by", "rag_override_at"]

    def save(
        self, rows: list[ParsedRow], *, actor: Any, scope: Any, state: dict[str, Any]
    ) -> tuple[int, int]:
        state["actor"] = actor
        new: list[tuple[Action, ParsedRow]] = []
        changed: list[tuple[Action, ParsedRow]] = []
        fields: set[str] = set()
        for row in rows:
            record = row.resolved.get("record")
            if record is None:
                action = Action(public_id=row.values.get("id") or uuid.uuid4())
                for name, value in _DEFAULTS.items():
                    setattr(action, name, value)
                self._apply(action, row, scope, state, actor)
                new.append((action, row))
            else:
                fields.update(self._apply(record, row, scope, state, actor))
                record.version += 1
                record.updated_at = timezone.now()
                changed.append((record, row))
        saved = bulk_create_with_history([a for a, _ in new], Action, default_user=actor)
        if changed:
            bulk_update_with_history(
                [a for a, _ in changed],
                Action,
                [*sorted(fields), "version", "updated_at"],
                default_user=actor,
            )
        pairs = [(a, row) for a, (_, row) in zip(saved, new, strict=True)] + changed
        self._progress(pairs, actor)
        return len(saved), len(changed)

    def _progress(self, pairs: list[tuple[Action, ParsedRow]], actor: Any) -> None:
        """A progress update for each row whose latest progress is new to the action."""
        wanted = [(a, r) for a, r in pairs if r.values.get("latest_progress")]
        if not wanted:
            return
        latest = dict(
            Action.objects.filter(pk__in=[a.pk for a, _ in wanted])
            .annotate(narrative=Subquery(_latest_narrative()))
            .values_list("pk", "narrative")
        )
        today = timezone.localdate()
        updates = [
            ProgressUpdate(
                action=a,
                on=today,
                narrative=r.values["latest_progress"],
                percent=a.progress,
                author=actor,
            )
            for a, r in wanted
            if latest.get(a.pk) != r.values["latest_progress"]
        ]
        bulk_create_with_history(updates, ProgressUpdate, default_user=actor)

    # -- Exporting ---------------------------------------------------------------------------------

    def export_queryset(self, queryset: Any) -> Any:
        return queryset.select_related("objective", "lead_organisation", "owner").annotate(
            latest_progress=Subquery(_latest_narrative())
        )

    def export_cells(self, record: Any) -> Sequence[Any]:
        action: Action = record
        rating = action.rating()
        return [
            str(action.public_id),
            action.objective.title,
            action.description,
            action.lead_organisation.name,
            (action.owner.email or action.owner.name) if action.owner else "",
            action.starts_on,
            action.due_on,
            action.get_status_display(),
            action.progress,
            rating.label,
            action.rag_override_reason if action.rag_override else "",
            getattr(action, "latest_progress", None) or "",
        ]


def _latest_narrative() -> Any:
    return (
        ProgressUpdate.objects.filter(action=OuterRef("pk"))
        .order_by("-on", "-id")
        .values("narrative")[:1]
    )


SHEET = PlanActionsSheet()
