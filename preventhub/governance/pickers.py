"""What the governance pickers choose (see core/pickers.py): councillors, bodies and resolutions.

Bodies and resolutions number hundreds and tens of thousands at national scale (every partnership
in one instance), so a choice of either is a picker rather than a select."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import QuerySet

from preventhub.core.pickers import MAX_TERMS, PickerField, PickerSource

from .models import Body, Councillor, Decision, Resolution


def describe_councillor(councillor: Any) -> str:
    """ "Councillor Jane Smith, Abbey ward, Labour": the ward and party tell namesakes apart."""
    parts = [f"Councillor {councillor.person.name}"]
    if councillor.ward_id:
        parts.append(f"{councillor.ward.name} ward")
    if councillor.party:
        parts.append(councillor.party)
    return ", ".join(parts)


def describe_resolution(resolution: Any) -> str:
    """ "Resolution 4 of Cabinet, 6 April 2016: That the …" (the meeting, when it is minuted)."""
    from .forms.terms import resolution_label

    return resolution_label(resolution)


COUNCILLORS = PickerSource(
    kind="councillors",
    model=Councillor,
    singular="councillor",
    plural="councillors",
    search_fields=("person__name", "ward__name", "party"),
    order_by=("person__name", "id"),
    describe=describe_councillor,
    url_name="governance:search_councillors",
    related=("person", "ward"),
)

BODIES = PickerSource(
    kind="bodies",
    model=Body,
    singular="body",
    plural="bodies",
    search_fields=("name",),
    order_by=("name", "id"),
    describe=lambda body: body.name,  # names are unique
    url_name="governance:search_bodies",
)


class ResolutionSource(PickerSource):
    """Searched by number, words of the text and the meeting's body. The words a description
    adds ("Resolution 4 of Cabinet, …") are left out of the search, so typing the start of a
    description, or the whole of it, finds the resolution."""

    LABEL_WORDS = frozenset({"resolution", "of"})

    def matching(self, queryset: QuerySet[Any], text: str) -> QuerySet[Any]:
        words = [w for w in re.split(r"[\s,:]+", text) if w and w.lower() not in self.LABEL_WORDS]
        return super().matching(queryset, " ".join(words[:MAX_TERMS]))


RESOLUTIONS = ResolutionSource(
    kind="resolutions",
    model=Resolution,
    singular="resolution",
    plural="resolutions",
    search_fields=("number", "text", "minute__item__meeting__body__name"),  # and see above
    order_by=("-id",),  # the newest first
    describe=describe_resolution,
    url_name="governance:search_resolutions",
    related=("minute__item__meeting__body",),
)


def describe_decision(decision: Any) -> str:
    """ "6 April 2016: Adopt the Prevent action plan"."""
    return f"{decision.decided_on:%-d %B %Y}: {decision.title[:80]}"


DECISIONS = PickerSource(
    kind="decisions",
    model=Decision,
    singular="decision",
    plural="decisions",
    search_fields=("title", "text"),
    order_by=("-decided_on", "-id"),  # the register's index, newest first
    describe=describe_decision,
    url_name="governance:search_decisions",
)


def body_picker(bodies: Any, *, label: str, required: bool = False, **kwargs: Any) -> PickerField:
    """A choice of one of ``bodies`` (a policy queryset), in place of a select of every body."""
    kwargs.pop("empty", None)  # a select's prompt; a picker's box starts empty
    return PickerField(BODIES, queryset=bodies, label=label, required=required, **kwargs)
