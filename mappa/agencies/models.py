import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q

from mappa.agencies import rules
from mappa.agencies.constants import AccessReason, AgencyKind, Role
from mappa.versions import Versioned


class Area(Versioned, models.Model):
    """A MAPPA area, usually one police force area."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(max_length=16, unique=True)
    name = models.CharField(max_length=200)
    population = models.PositiveIntegerField(null=True, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Agency(Versioned, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)
    # The agency's own address for information requests with no one named (set by the
    # administrator); empty: each of its active users who answer requests is e-mailed instead.
    contact_email = models.EmailField(
        "Contact e-mail for information requests",
        blank=True,
        help_text="A shared mailbox the agency reads; requests with no one named are sent here",
    )
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["area__name", "name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="agency_name_unique_in_area")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_responsible_authority(self) -> bool:
        return rules.is_responsible_authority(self.kind)


class User(Versioned, AbstractUser):
    """A person who uses the service: one agency in one area, one role."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    role = models.CharField(max_length=40, choices=Role.choices)
    job_title = models.CharField(max_length=200, blank=True)
    # Category 4 (terrorism) cases need this extra clearance.
    terrorism_clearance = models.BooleanField(default=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agency__isnull=True) | Q(area__isnull=False),
                name="user_with_agency_has_area",
            )
        ]

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class CaseAccessGrant(models.Model):
    """Who may see which case and why, granted by whom, until when.

    The case is referred to by its UUID so that this app does not depend on
    the case apps; exactly one of grantee_user and grantee_agency is set.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.UUIDField(db_index=True)
    grantee_user = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="case_access_grants"
    )
    grantee_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="case_access_grants"
    )
    reason = models.CharField(max_length=40, choices=AccessReason.choices)
    explanation = models.TextField(blank=True)
    granted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(grantee_user__isnull=False) & Q(grantee_agency__isnull=True))
                | (Q(grantee_user__isnull=True) & Q(grantee_agency__isnull=False)),
                name="case_access_grant_has_one_grantee",
            )
        ]

    def __str__(self) -> str:
        return f"Access to case {self.case} ({self.get_reason_display()})"

    def is_active(self, now) -> bool:
        return rules.grant_is_active(
            now=now, expires_at=self.expires_at, revoked_at=self.revoked_at
        )


class ApiToken(models.Model):
    """A per-user API token. Only a SHA-256 digest of the token is stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
