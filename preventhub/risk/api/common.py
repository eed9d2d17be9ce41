"""Schemas and lookups the risk API modules share."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from preventhub.core.api.lookups import forbid, pick
from preventhub.directory import policies as directory_policies

from .. import policies

NO_ASSESSMENT = "There is no assessment with that id that you can choose."
NO_CONCERN = "There is no type of concern with that id that you can choose."
NO_PERSON = "There is no person with that id that you can choose."
NO_ORGANISATION = "There is no organisation with that id that you can choose."
NO_WARD = "There is no ward with that id that you can choose."
NO_MEETING = "There is no meeting with that id that you can choose."
NO_RESOLUTION = "There is no resolution with that id that you can choose."


def require_manage(request: Any, what: str) -> None:
    forbid(policies.can_manage(request.user), f"You cannot add {what}.")


def visible_flag(queryset: QuerySet[Any], field: str, visible: QuerySet[Any]) -> Any:
    """An SQL boolean: the related record in ``field`` is one the caller may see."""
    return Exists(visible.filter(pk=OuterRef(field)))


def meeting_label(meeting: Any) -> str:
    return f"{meeting.body.name}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


def person(request: Any, value: Any, field: str) -> Any:
    return pick(directory_policies.people.visible_to(request.user), value, field, NO_PERSON)


def organisation(request: Any, value: Any, field: str = "organisation") -> Any:
    organisations = directory_policies.organisations.visible_to(request.user)
    return pick(organisations, value, field, NO_ORGANISATION)
