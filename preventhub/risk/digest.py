"""The risk register's part of the weekly digest: risks a person owns whose review date has passed
or falls within the coming week (closed risks are not listed). A risk marked OFFICIAL-SENSITIVE,
or identified in an OFFICIAL-SENSITIVE assessment, is not named in the e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from preventhub.accounts.digest import DigestItem, DigestSection, register_digest_section

from .models import Marking, Risk, RiskStatus

UNNAMED = "A risk you own"


def reviews_due(today: dt.date, last: dt.date) -> Iterator[tuple[int, DigestItem]]:
    risks = (
        Risk.objects.filter(owner__isnull=False, review_on__lte=last)
        .exclude(status=RiskStatus.CLOSED)
        .select_related("assessment")
        .only("public_id", "title", "review_on", "owner_id", "marking", "assessment__marking")
        .order_by("review_on", "id")
    )
    for risk in risks:
        sensitive = risk.marking == Marking.OFFICIAL_SENSITIVE or (
            risk.assessment is not None and risk.assessment.marking == Marking.OFFICIAL_SENSITIVE
        )
        item = DigestItem(
            title=UNNAMED if sensitive else risk.title,
            path=reverse("risk:risk_detail", args=[risk.public_id]),
            on=risk.review_on,
        )
        if risk.owner_id is not None:
            yield risk.owner_id, item


def register() -> None:
    register_digest_section(DigestSection("risk_reviews", "Risk reviews due", 30, reviews_due))
