"""Meetings, agenda items, attendance and declarations of interest."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class MinutesStatus(models.TextChoices):
    NONE = "none", "Not started"
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved as a correct record"
    SIGNED = "signed", "Signed by the chair"


class Meeting(PublicModel):
    body = models.ForeignKey("governance.Body", on_delete=models.PROTECT, related_name="meetings")
    municipal_year = models.ForeignKey(
        "directory.MunicipalYear",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    starts_at = models.DateTimeField()
    venue = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.SCHEDULED
    )
    agenda_published_at = models.DateTimeField(null=True, blank=True)
    minutes_status = models.CharField(
        max_length=20, choices=MinutesStatus.choices, default=MinutesStatus.NONE
    )
    minutes_approved_at = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes_approved_here",
        help_text="The later meeting that approved these minutes.",
    )
    minutes_signed_by = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    minutes_signed_on = models.DateField(null=True, blank=True)
    moderngov_id = models.CharField(max_length=20, blank=True, db_index=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["body", "-starts_at"], name="meeting_body_date"),
            models.Index(fields=["-starts_at"], name="meeting_date"),  # the meetings list
        ]

    def __str__(self) -> str:
        return f"{self.body}, {self.starts_at:%-d %B %Y}"


class ExemptParagraph(models.IntegerChoices):
    """Schedule 12A, Part 1, Local Government Act 1972."""

    INDIVIDUAL = 1, "1. Information relating to any individual"
    IDENTITY = 2, "2. Information likely to reveal the identity of an individual"
    FINANCIAL = 3, "3. Financial or business affairs of any particular person"
    LABOUR = 4, "4. Labour relations consultations or negotiations"
    LEGAL = 5, "5. Legal professional privilege"
    NOTICES = 6, "6. Notices, orders or directions"
    CRIME = 7, "7. Prevention, investigation or prosecution of crime"


class AgendaItem(PublicModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(
        max_length=12, help_text="As the council numbers it, for example 5 or 5(a)."
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    presenting_officer = models.ForeignKey(
        "directory.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="presented_items",
    )
    report = models.ForeignKey(
        "governance.Report",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    is_exempt = models.BooleanField(default=False)
    exempt_paragraph = models.PositiveSmallIntegerField(
        choices=ExemptParagraph.choices, null=True, blank=True
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_exempt=False) | models.Q(exempt_paragraph__isnull=False),
                name="agenda_item_exempt_has_paragraph",
                violation_error_message="An exempt item must give its Schedule 12A paragraph.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    SUBSTITUTE = "substitute", "Present as substitute"
    IN_ATTENDANCE = "in_attendance", "In attendance"


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="attendance"
    )
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    substitute_for = models.ForeignKey(
        "directory.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="attendance_once_per_meeting",
                violation_error_message="This person's attendance is already recorded.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class InterestKind(models.TextChoices):
    DPI = "dpi", "Disclosable pecuniary interest"
    OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
    NON_REGISTRABLE = "non_registrable", "Non-registrable interest"


class Declaration(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="declarations"
    )
    person = models.ForeignKey(
        "directory.Person", on_delete=models.PROTECT, related_name="declarations"
    )
    nature = models.TextField()
    kind = models.CharField(max_length=20, choices=InterestKind.choices)
    withdrew = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()}"
