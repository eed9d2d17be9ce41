"""The partnership's directory: partner organisations, people, wards and municipal years."""

from __future__ import annotations

from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel
from preventhub.core.policies import RestrictedQuerySet


class Sector(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    POLICE = "police", "Police"
    FIRE_AND_RESCUE = "fire_and_rescue", "Fire and rescue"
    NHS_TRUST = "nhs_trust", "NHS trust"
    INTEGRATED_CARE_BOARD = "integrated_care_board", "Integrated care board"
    PRIMARY_CARE = "primary_care", "Primary care"
    SCHOOL = "school", "School"
    FURTHER_EDUCATION = "further_education", "Further education"
    HIGHER_EDUCATION = "higher_education", "Higher education"
    EARLY_YEARS = "early_years", "Early years and childcare"
    PRISON = "prison", "Prison"
    PROBATION = "probation", "Probation"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    IMMIGRATION_ENFORCEMENT = "immigration_enforcement", "Immigration enforcement"
    VOLUNTARY_AND_COMMUNITY = "voluntary_and_community", "Voluntary and community"
    OTHER = "other", "Other"


class HumanUniqueMessages:
    """Say which value is already taken, in plain words, instead of Django's "with this Name already
    exists" (used by forms, services and the API alike because it lives on the model)."""

    unique_messages: ClassVar[dict[str, str]] = {}

    def unique_error_message(self, model_class: Any, unique_check: Any) -> ValidationError:
        if len(unique_check) == 1 and (template := self.unique_messages.get(unique_check[0])):
            value = getattr(self, unique_check[0])
            return ValidationError(template.format(value=value), code="unique")
        return super().unique_error_message(model_class, unique_check)  # type: ignore[misc]  # Model's


class Organisation(HumanUniqueMessages, PublicModel):
    """A partner agency. Specified authorities carry the Prevent duty under s.26 CTSA 2015."""

    name = models.CharField(max_length=200, unique=True)
    sector = models.CharField(max_length=40, choices=Sector.choices)
    is_specified_authority = models.BooleanField(
        "specified authority",
        default=False,
        help_text=(
            "Subject to the Prevent duty (Schedule 6, Counter-Terrorism and Security Act 2015)."
        ),
    )
    website = models.URLField(blank=True)
    address = models.TextField(blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()
    unique_messages = {"name": "There is already an organisation called {value}"}

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Person(PublicModel):
    """Someone the partnership works with. A person may have no login."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        # The people list and the person picker sort by name (and by name within an organisation).
        indexes = [
            models.Index(fields=["name", "id"], name="person_name"),
            models.Index(fields=["organisation", "name"], name="person_organisation_name"),
        ]

    def __str__(self) -> str:
        return self.name


class Ward(HumanUniqueMessages, PublicModel):
    """An electoral ward of the borough."""

    name = models.CharField(max_length=120, unique=True)
    code = models.CharField(
        "ONS code",
        max_length=9,
        blank=True,
        help_text="The nine-character GSS code, for example E05000001.",
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()
    unique_messages = {"name": "There is already a ward called {value}"}

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MunicipalYear(HumanUniqueMessages, PublicModel):
    """A council year, such as 2016/17, running from one annual meeting to the next."""

    label = models.CharField(max_length=7, unique=True, help_text="For example 2016/17.")
    starts_on = models.DateField(help_text="The date of the annual meeting that opens the year.")
    ends_on = models.DateField(help_text="The day before the next annual meeting.")

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()
    unique_messages = {"label": "The municipal year {value} already exists"}

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="municipal_year_ends_after_start",
                violation_error_message="A municipal year must end after it starts.",
            )
        ]

    def __str__(self) -> str:
        return self.label
