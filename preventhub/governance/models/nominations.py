"""Seat allocations (stored results of the calculator) and nominations to fill the seats."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class SeatAllocation(PublicModel):
    """One run of the seat calculator for a municipal year, with its input and explained result."""

    municipal_year = models.ForeignKey(
        "directory.MunicipalYear", on_delete=models.PROTECT, related_name="seat_allocations"
    )
    title = models.CharField(max_length=200)
    inputs = models.JSONField(
        help_text="The calculator input: groups, ungrouped, bodies, constraints."
    )
    result = models.JSONField(help_text="The calculator output: allocation, totals, steps.")
    is_adopted = models.BooleanField(default=False)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Nominations are requested from the adopted allocation, so a year has at most one.
            models.UniqueConstraint(
                fields=["municipal_year"],
                condition=models.Q(is_adopted=True),
                name="seat_allocation_one_adopted_per_year",
                violation_error_message=(
                    "Another allocation is already adopted for this municipal year."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.title


class SeatAdjustment(models.Model):
    """A seat moved between groups by agreement of the group leaders, with the reason."""

    allocation = models.ForeignKey(
        SeatAllocation, on_delete=models.CASCADE, related_name="adjustments"
    )
    body_name = models.CharField(max_length=200)
    from_group = models.CharField(max_length=120)
    to_group = models.CharField(max_length=120)
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"{self.body_name}: {self.from_group} → {self.to_group}"


class NominationStatus(models.TextChoices):
    REQUESTED = "requested", "Nomination requested"
    NOMINATED = "nominated", "Nominated"
    CONFIRMED = "confirmed", "Appointment confirmed"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Nomination(PublicModel):
    body = models.ForeignKey(
        "governance.Body", on_delete=models.CASCADE, related_name="nominations"
    )
    allocation = models.ForeignKey(
        SeatAllocation, null=True, blank=True, on_delete=models.SET_NULL, related_name="nominations"
    )
    group = models.ForeignKey(
        "governance.PoliticalGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
        help_text="Empty for an ungrouped (independent) seat.",
    )
    seat_number = models.PositiveSmallIntegerField()
    requested_from = models.ForeignKey(
        "governance.Councillor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nomination_requests",
        help_text="The group leader asked.",
    )
    nominee = models.ForeignKey(
        "governance.Councillor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    status = models.CharField(
        max_length=20, choices=NominationStatus.choices, default=NominationStatus.REQUESTED
    )
    term_ends_on = models.DateField(null=True, blank=True)
    membership = models.OneToOneField(
        "governance.Membership",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nomination",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "seat_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "allocation", "seat_number"],
                name="nomination_seat_unique",
                violation_error_message="That seat already has a nomination.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} seat {self.seat_number}"
