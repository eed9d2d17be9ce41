"""Councillors and political groups. Party and political group are kept apart, as ModernGov does:
a councillor elected for one party may sit in a group of another name, or in none."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class PoliticalGroup(PublicModel):
    name = models.CharField(max_length=120, unique=True)
    short_name = models.CharField(max_length=20, blank=True)
    moderngov_title = models.CharField(
        max_length=120, blank=True, help_text="The group's title in ModernGov."
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Councillor(PublicModel):
    """An elected member. Linked to a directory person, who may also have a login."""

    person = models.OneToOneField(
        "directory.Person", on_delete=models.PROTECT, related_name="councillor"
    )
    ward = models.ForeignKey(
        "directory.Ward",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="councillors",
    )
    party = models.CharField(
        max_length=120, blank=True, help_text="The party the member was elected for."
    )
    elected_on = models.DateField(null=True, blank=True)
    term_ends_on = models.DateField(null=True, blank=True)
    moderngov_id = models.CharField(max_length=20, blank=True, db_index=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name"]

    def __str__(self) -> str:
        return f"Councillor {self.person.name}"

    @property
    def name(self) -> str:
        return self.person.name


class GroupRole(models.TextChoices):
    LEADER = "leader", "Group leader"
    DEPUTY_LEADER = "deputy_leader", "Deputy group leader"
    MEMBER = "member", "Member"


class GroupMembershipQuerySet(models.QuerySet["GroupMembership"]):
    def on(self, day: dt.date) -> GroupMembershipQuerySet:
        return self.filter(Q(starts_on__lte=day), Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class GroupMembership(PublicModel):
    """A councillor's membership of a political group over time. No current row means ungrouped."""

    councillor = models.ForeignKey(
        Councillor, on_delete=models.CASCADE, related_name="group_memberships"
    )
    group = models.ForeignKey(PoliticalGroup, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    objects = GroupMembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="group_membership_ends_after_start",
                violation_error_message="A group membership cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.councillor} – {self.group} ({self.get_role_display()})"
