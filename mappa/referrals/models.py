import uuid

from django.db import models

from mappa.cases.constants import Category, LeadAgency, Level
from mappa.referrals.constants import Outcome, Status


class Referral(models.Model):
    """A MAPPA A: a referral of a person to level 2 or 3 management.

    The form's sections are kept as the referrer wrote them (`sections`, one entry per
    section, validated by that section's form); the fields screening and scoping need
    are columns. A referral may name a person on the register (`nominal`); a referrer who
    cannot see the register describes the person, and screening links them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    referred_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, related_name="referrals"
    )
    referring_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="referrals"
    )
    nominal = models.ForeignKey(
        "people.Nominal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    level_requested = models.PositiveSmallIntegerField(
        choices=[(2, Level.MULTI_AGENCY.label), (3, Level.ACTIVE_MULTI_AGENCY.label)],
        null=True,
        blank=True,
    )
    category = models.PositiveSmallIntegerField(choices=Category.choices, null=True, blank=True)
    category_to_be_determined = models.BooleanField(default=False)
    subject_name = models.CharField(max_length=400, blank=True)
    sections = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )

    class Meta:
        ordering = ["submitted_at", "created_at"]
        indexes = [models.Index(fields=["area", "status"], name="referral_area_status")]

    def __str__(self) -> str:
        return f"Referral {self.id}"


class ScreeningDecision(models.Model):
    """The co-ordinator's decision on a submitted referral; a return may be followed by another."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField(blank=True)
    missing_information = models.TextField(blank=True)
    lead_agency = models.CharField(max_length=20, choices=LeadAgency.choices, blank=True)
    decided_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at"]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on {self.decided_at:%Y-%m-%d}"
