"""Users, their role assignments and personal API tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import datetime
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from preventhub.core.models import PublicModel

from .roles import ORGANISATION_SCOPED_ROLES, Role


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        # Django's superuser flag is never used for access in Prevent Hub; roles are.
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who can sign in. Identified by e-mail; linked to a directory person when known."""

    username = None  # type: ignore[assignment]  # no user name: the e-mail address signs in
    email = models.EmailField("email address", unique=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(max_length=200)
    person = models.OneToOneField(
        "directory.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )
    # The weekly digest of the person's actions and risk reviews (``accounts/digest.py``); each
    # person may stop it from "Your account" or the link in every digest.
    weekly_digest = models.BooleanField("weekly digest e-mail", default=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment, misc]  # e-mail manager, not AbstractUser's
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def audit_label(self) -> str:
        return self.email


class RoleAssignment(PublicModel):
    """A role held by a user, over the whole partnership (no organisation) or one organisation."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=40, choices=Role.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        help_text="Leave empty for the whole partnership.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                name="role_assignment_unique_scoped",
                violation_error_message="This person already has that role for that organisation.",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(organisation__isnull=True),
                name="role_assignment_unique_partnership",
                violation_error_message="This person already has that role for the partnership.",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=sorted(ORGANISATION_SCOPED_ROLES))
                | Q(organisation__isnull=False),
                name="role_assignment_scoped_role_has_organisation",
                violation_error_message="A partner lead must be scoped to an organisation.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} ({self.scope_label})"

    @property
    def scope_label(self) -> str:
        return self.organisation.name if self.organisation is not None else "whole partnership"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self) -> ApiTokenQuerySet:
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class ApiToken(PublicModel):
    """A personal access token. Only a SHA-256 digest of the secret is stored; the secret is shown
    once, when the token is created."""

    PREFIX = "ph_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(
        max_length=100, help_text="What the token is for, such as a reporting script."
    )
    lookup = models.CharField(max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def new_secret(cls) -> tuple[str, str, str]:
        """Return (token shown to the user, lookup part, digest of the secret part)."""
        lookup = secrets.token_hex(8)
        secret = secrets.token_urlsafe(32)
        return f"{cls.PREFIX}{lookup}_{secret}", lookup, _digest(secret)

    @classmethod
    def parse(cls, token: str) -> tuple[str, str] | None:
        if not token.startswith(cls.PREFIX):
            return None
        lookup, _, secret = token[len(cls.PREFIX) :].partition("_")
        if len(lookup) != 16 or not secret:
            return None
        return lookup, _digest(secret)

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "Revoked"
        if self.expires_at <= timezone.now():
            return "Expired"
        return "Active"

    def is_usable(self, at: datetime | None = None) -> bool:
        at = at or timezone.now()
        return self.revoked_at is None and self.expires_at > at
