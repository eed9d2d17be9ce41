"""The audit trail's filter form (a GET form, so filtered views can be bookmarked and shared).

Dates use the GOV.UK date input pattern: three boxes per date, validated together, with the error
attached to the first box that is wrong so the error summary links straight to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from preventhub.audit import registry
from preventhub.audit.models import AuditChainHead, AuditEvent
from preventhub.core.forms import form_field

from .visibility import without_hidden

LONDON = ZoneInfo("Europe/London")
DATE_PARTS = ("day", "month", "year")
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_OBJECT_TYPE_SHAPE = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


# A search by description cannot use an index (the words can be anywhere in it), so it reads at most
# this many events, the newest before the "date to": a bounded scan at any size of trail.
SEARCH_WINDOW = 100_000
# A person search lists at most this many matching users' ids in the query (see _people_matching).
PEOPLE_LISTED = 500

# The chain's own bookkeeping row: never the subject of an event.
_NEVER_AUDITED = {AuditChainHead}


def object_type_choices() -> list[tuple[str, str]]:
    """Every kind of record the project's models can write to the trail (``app_label.model_name``).

    Built from the installed models rather than ``SELECT DISTINCT object_type``, which would scan
    the whole trail on every page view.
    """
    choices = []
    for model in apps.get_models():
        meta = model._meta
        if not meta.app_config.name.startswith("preventhub.") or model.__name__.startswith(
            "Historical"
        ):
            continue
        if model in _NEVER_AUDITED:
            continue
        label = str(meta.verbose_name)
        choices.append((f"{meta.app_label}.{meta.model_name}", label[:1].upper() + label[1:]))
    return sorted(choices, key=lambda c: (c[1], c[0]))


@dataclass
class DateField:
    """What the template needs to draw one GOV.UK date input."""

    prefix: str
    legend: str
    hint: str
    error: str = ""
    parts: list[dict[str, Any]] = field(default_factory=list)


class AuditFilterForm(forms.Form):
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=254,
        help_text="Part of their name or email address (for someone not signed in, such as a "
        "failed sign-in, their whole email address)",
    )
    action = forms.ChoiceField(label="Action", required=False)
    object_type = forms.ChoiceField(label="Type of record", required=False)
    object_id = forms.CharField(label="Record ID", required=False, max_length=64)
    q = forms.CharField(
        label="Record description contains",
        required=False,
        max_length=300,
        help_text=f"Searches the newest {SEARCH_WINDOW:,} events, or the {SEARCH_WINDOW:,} before "
        "the ‘date to’ if you give one",
    )
    from_day = forms.CharField(label="Day", required=False, max_length=2)
    from_month = forms.CharField(label="Month", required=False, max_length=9)
    from_year = forms.CharField(label="Year", required=False, max_length=4)
    to_day = forms.CharField(label="Day", required=False, max_length=2)
    to_month = forms.CharField(label="Month", required=False, max_length=9)
    to_year = forms.CharField(label="Year", required=False, max_length=4)

    DATES = (("from", "Date from"), ("to", "Date to"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.date_error_parts: dict[str, set[str]] = {}
        actions = registry.choices()
        types = object_type_choices()
        # A code or type that is no longer registered (an old event's) can still be filtered on,
        # so the "all events for this record" links on old events keep working.
        wanted_action = str(self.data.get("action", "")) if self.is_bound else ""
        if wanted_action and wanted_action not in dict(actions) and len(wanted_action) <= 80:
            actions.append((wanted_action, wanted_action))
        wanted_type = str(self.data.get("object_type", "")) if self.is_bound else ""
        if wanted_type and wanted_type not in dict(types) and _OBJECT_TYPE_SHAPE.match(wanted_type):
            types.append((wanted_type, wanted_type))
        form_field(self, "action", forms.ChoiceField).choices = [("", "Any action"), *actions]
        form_field(self, "object_type", forms.ChoiceField).choices = [("", "Any type"), *types]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for prefix, label in self.DATES:
            cleaned[f"date_{prefix}"] = self._clean_date(prefix, label, cleaned)
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.date_error_parts["to"] = set(DATE_PARTS)
            self.add_error("to_day", "Date to must be the same as or after date from")
        return cleaned

    def _clean_date(self, prefix: str, label: str, cleaned: dict[str, Any]) -> dt.date | None:
        raw = {part: str(cleaned.get(f"{prefix}_{part}") or "").strip() for part in DATE_PARTS}
        if any(self.has_error(f"{prefix}_{part}") for part in DATE_PARTS):
            self.date_error_parts[prefix] = {
                p for p in DATE_PARTS if self.has_error(f"{prefix}_{p}")
            }
            return None
        if not any(raw.values()):
            return None
        missing = [part for part in DATE_PARTS if not raw[part]]
        if missing:
            self._date_error(prefix, missing, f"{label} must include a {' and '.join(missing)}")
            return None
        month_text = raw["month"].lower()
        month = _MONTH_NAMES.get(month_text) or (int(month_text) if month_text.isdigit() else None)
        if not (raw["day"].isdigit() and raw["year"].isdigit() and month):
            self._date_error(prefix, list(DATE_PARTS), f"{label} must be a real date")
            return None
        if len(raw["year"]) != 4:
            self._date_error(prefix, ["year"], f"Year in {label.lower()} must include 4 numbers")
            return None
        try:
            return dt.date(int(raw["year"]), month, int(raw["day"]))
        except ValueError:
            self._date_error(prefix, list(DATE_PARTS), f"{label} must be a real date")
            return None

    def _date_error(self, prefix: str, parts: list[str], message: str) -> None:
        self.date_error_parts[prefix] = set(parts)
        self.add_error(f"{prefix}_{parts[0]}", message)

    def date_fields(self) -> list[DateField]:
        result = []
        for prefix, label in self.DATES:
            errors = [e for p in DATE_PARTS for e in self.errors.get(f"{prefix}_{p}", [])]
            bad = self.date_error_parts.get(prefix, set())
            parts = [
                {
                    "name": f"{prefix}_{part}",
                    "id": self[f"{prefix}_{part}"].auto_id,
                    "label": part.capitalize(),
                    "value": self[f"{prefix}_{part}"].value() or "",
                    "width": 4 if part == "year" else 2,
                    "error": part in bad,
                }
                for part in DATE_PARTS
            ]
            result.append(
                DateField(
                    prefix, label, "For example, 27 3 2026", " ".join(map(str, errors)), parts
                )
            )
        return result

    def filters_used(self) -> dict[str, str]:
        """The filters in force, as text, for the audit event that records this viewing."""
        if not self.is_valid():
            return {}
        used = {}
        for name in ("person", "action", "object_type", "object_id", "q", "date_from", "date_to"):
            value = self.cleaned_data.get(name)
            if value:
                used[name] = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        return used

    def filter(self, qs: QuerySet[AuditEvent], viewer: Any) -> QuerySet[AuditEvent]:
        """Narrow ``qs`` by the valid filters. Call only after ``is_valid()``.

        Every filter is served by an index that ends in ``-seq`` (see ``AuditEvent.Meta``), so the
        newest page of a filter that matches nothing costs the same at any size of trail; the
        description search reads a bounded window of events instead.
        """
        data = self.cleaned_data
        if person := data.get("person", "").strip():
            qs = qs.filter(
                Q(actor_id__in=_people_matching(person))
                | Q(actor_label__in={person, person.lower()})
            )
        if action := data.get("action"):
            qs = qs.filter(action=action)
        if object_type := data.get("object_type"):
            qs = qs.filter(object_type=object_type)
        if object_id := data.get("object_id", "").strip():
            qs = qs.filter(object_id=object_id)
        if start := data.get("date_from"):
            qs = qs.filter(occurred_at__gte=_start_of(start), seq__gte=_first_seq_from(start))
        if end := data.get("date_to"):
            qs = qs.filter(occurred_at__lt=_start_of(end + dt.timedelta(days=1)))
            qs = qs.filter(seq__lte=_newest_seq(end))
        if text := data.get("q", "").strip():
            newest = _newest_seq(data.get("date_to"))
            qs = qs.filter(
                seq__gt=newest - SEARCH_WINDOW, seq__lte=newest, object_repr__icontains=text
            )
            qs = without_hidden(qs, viewer)
        return qs


def _people_matching(text: str) -> list[Any] | QuerySet[Any]:
    """Users whose name or email contains ``text``: the user table is small next to the trail,
    and the trail is then read through its (actor, -seq) index.

    The ids are read first, as a list: PostgreSQL cannot seek into an index for ``actor_id IN
    (subquery) OR actor_label = ...`` (it walks the whole trail filtering each event), but it
    combines two index scans for a list. Text so common that more than ``PEOPLE_LISTED`` users
    match stays a subquery: so many people's events are found at once walking back from the
    newest."""
    users = (
        get_user_model()
        ._default_manager.filter(Q(full_name__icontains=text) | Q(email__icontains=text))
        .values_list("pk", flat=True)
    )
    found = list(users[: PEOPLE_LISTED + 1])
    return users if len(found) > PEOPLE_LISTED else found


def _first_seq_from(date_from: dt.date) -> int:
    """The first event on or after ``date_from``, found by the occurred_at index. Events are
    numbered in the order they are written, so the dates become a range of ``seq``: the list's
    ``ORDER BY seq DESC LIMIT`` then seeks into that range instead of walking back from the newest
    event until it passes the date (all of a trail whose events all lie before a date)."""
    first = (
        AuditEvent.objects.filter(occurred_at__gte=_start_of(date_from))
        .order_by("occurred_at")
        .values_list("seq", flat=True)
        .first()
    )
    return first if first is not None else 2**63 - 1


def _newest_seq(date_to: dt.date | None) -> int:
    """The last event of the trail, or the last before the end of ``date_to`` (by its index)."""
    if date_to is None:
        return AuditChainHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0
    end = _start_of(date_to + dt.timedelta(days=1))
    last = (
        AuditEvent.objects.filter(occurred_at__lt=end)
        .order_by("-occurred_at")
        .values_list("seq", flat=True)
        .first()
    )
    return last or 0


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight in London: a date filter means the day as the council lives it, BST or GMT."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LONDON)
