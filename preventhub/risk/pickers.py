"""Pickers for recording an assessment's agreement (see core/pickers.py): the meeting and the
resolution are chosen by type-ahead, since a national partnership has thousands of each. Both
search governance's own policies, so nothing the user may not see is offered or accepted."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from preventhub.core.pickers import PickerSource
from preventhub.governance.models import Meeting, Resolution


def describe_meeting(meeting: Any) -> str:
    return f"{meeting.body.name}, {timezone.localtime(meeting.starts_at):%-d %B %Y}"


def describe_resolution(resolution: Any) -> str:
    minute = resolution.minute
    where = f" ({describe_meeting(minute.item.meeting)})" if minute is not None else ""
    return f"Resolution {resolution.number}{where}: {resolution.text[:80]}"


MEETINGS = PickerSource(
    kind="meetings",
    model=Meeting,
    singular="meeting",
    plural="meetings",
    search_fields=("body__name", "venue"),
    order_by=("-starts_at", "id"),
    describe=describe_meeting,
    url_name="risk:search_meetings",
    related=("body",),
)

RESOLUTIONS = PickerSource(
    kind="resolutions",
    model=Resolution,
    singular="resolution",
    plural="resolutions",
    search_fields=("number", "text", "minute__item__meeting__body__name"),
    order_by=("-id",),
    describe=describe_resolution,
    url_name="risk:search_resolutions",
    related=("minute__item__meeting__body",),
)
