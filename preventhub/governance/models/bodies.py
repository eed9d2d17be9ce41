"""Bodies (council, committees, boards, groups, panels), their terms of reference and
memberships."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class BodyKind(models.TextChoices):
    FULL_COUNCIL = "full_council", "Full council"
    COMMITTEE = "committee", "Committee"
    BOARD = "board", "Board"
    STRATEGIC_GROUP = "strategic_group", "Strategic group"
    WORKING_GROUP = "working_group", "Working group"
    PANEL = "panel", "Panel"
    TASK_AND_FINISH = "task_and_finish", "Task and finish group"


class LedBy(models.TextChoices):
    MEMBERS = "members", "Member-led"
    OFFICERS = "officers", "Officer-led"


class PoliticalBalance(models.TextChoices):
    STATUTORY = "statutory", "Statutory (s.15 Local Government and Housing Act 1989)"
    VOLUNTARY = "voluntary", "Voluntary"
    NONE = "none", "Not politically balanced"


class Body(PublicModel):
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind.choices)
    led_by = models.CharField(max_length=20, choices=LedBy.choices, blank=True)
    purpose = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="reports to",
    )
    quorum = models.PositiveSmallIntegerField(null=True, blank=True)
    meeting_frequency = models.CharField(
        max_length=120, blank=True, help_text="For example: quarterly."
    )
    political_balance = models.CharField(
        max_length=20, choices=PoliticalBalance.choices, default=PoliticalBalance.NONE
    )
    seats = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Seats for councillors, if any."
    )
    established_by = models.ForeignKey(
        "governance.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="established_bodies",
    )
    starts_on = models.DateField(null=True, blank=True)
    starts_note = models.CharField(
        max_length=120, blank=True, help_text="For example: the new municipal year."
    )
    ends_on = models.DateField(null=True, blank=True)
    is_public = models.BooleanField(default=True, help_text="Shown on the public pages.")
    moderngov_id = models.CharField(max_length=20, blank=True, db_index=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="body_ends_after_start",
                violation_error_message="A body cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Checked here, not only in a form, so the UI, the API and the ModernGov import all refuse a
        # body that reports to itself or to one of the bodies that report to it.
        from django.core.exceptions import ValidationError

        if self.parent_id is None:
            return
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": "A body cannot report to itself."})
        if self.pk is not None and self.pk in _ancestor_ids(self.parent_id):
            raise ValidationError({"parent": "A body cannot report to a body that reports to it."})

    def is_current(self, day: dt.date | None = None) -> bool:
        day = day or dt.date.today()
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on >= day
        )


def _ancestor_ids(body_id: int) -> set[int]:
    """``body_id`` and every body above it, from one query of the (small) reporting-lines table."""
    parents = dict(Body._default_manager.values_list("id", "parent_id"))
    seen: set[int] = set()
    current: int | None = body_id
    while current is not None and current not in seen:
        seen.add(current)
        current = parents.get(current)
    return seen


class MembershipRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MEMBER = "member", "Member"
    STATUTORY_MEMBER = "statutory_member", "Statutory member"
    CO_OPTED = "co_opted", "Co-opted member"
    SUBSTITUTE = "substitute", "Substitute"
    OFFICER_ADVISER = "officer_adviser", "Officer adviser"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self, day: dt.date | None = None) -> MembershipQuerySet:
        day = day or dt.date.today()
        return self.filter(Q(starts_on__lte=day), Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class Membership(PublicModel):
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    representing_group = models.ForeignKey(
        "governance.PoliticalGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="body_memberships",
    )
    representing_organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="body_memberships",
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "role", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
                violation_error_message="A membership cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.body}"
