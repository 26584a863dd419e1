"""Custody: the custody record, pre-release screenings, and releases and returns to custody.

The custody periods and the release date themselves are the person record's (`offences.CustodyPeriod`,
`people.Nominal.release_date`), written through `people.services`; what is kept here is what the
release planning adds (MAPPA Guidance ch.15).
"""

import uuid

from django.db import models

from mappa.cases.constants import Category, Level
from mappa.custody.constants import MovementKind, ReturnReason, ScreeningStatus
from mappa.versions import Versioned


class CustodyRecord(Versioned, models.Model):
    """What the prison knows of a person's release: the establishment, the expected release date
    (when the person record's release date is not this custody's, after a recall) and the
    parole hearing date. Versioned: an edit names the version it started from."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.OneToOneField(
        "people.Nominal", on_delete=models.CASCADE, related_name="custody_record"
    )
    establishment = models.CharField(max_length=200, blank=True)
    expected_release_on = models.DateField(null=True, blank=True)
    parole_hearing_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "custody record"

    def __str__(self) -> str:
        return f"Custody record of {self.nominal_id}"


class Screening(Versioned, models.Model):
    """The pre-release screening (the "MAPPA Q" screening) of one custody period: made by the
    prison offender manager with the community offender manager, decided by the co-ordinator.
    Versioned: an edit or the decision names the version it started from (mappa.versions)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.CASCADE, related_name="screenings"
    )
    custody_started_on = models.DateField(help_text="The start of the custody period screened")
    category = models.PositiveSmallIntegerField(choices=Category.choices)
    proposed_level = models.PositiveSmallIntegerField(choices=Level.choices)
    rationale = models.TextField()
    information_to_share = models.TextField(blank=True)
    report_requested = models.BooleanField(default=False)
    report_due_on = models.DateField(null=True, blank=True)
    offender_manager = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    made_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()
    status = models.CharField(
        max_length=30, choices=ScreeningStatus.choices, default=ScreeningStatus.AWAITING_DECISION
    )
    decided_level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    decision_rationale = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "screening record"
        ordering = ["-made_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["nominal", "custody_started_on"], name="one_screening_per_custody_period"
            )
        ]

    def __str__(self) -> str:
        return f"Screening {self.id}"


class Movement(models.Model):
    """A release from custody, or a return to it, with what the case held on the day."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.CASCADE, related_name="custody_movements"
    )
    kind = models.CharField(max_length=20, choices=MovementKind.choices)
    occurred_on = models.DateField()
    reason = models.CharField(max_length=30, choices=ReturnReason.choices, blank=True)
    # For a release: the case's level on the day, whether a level was decided during the
    # custody and a risk management plan was in place by then (the board's indicator).
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    level_set_in_custody = models.BooleanField(null=True, blank=True)
    plan_in_place = models.BooleanField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        indexes = [models.Index(fields=["kind", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}"

    @property
    def prepared(self) -> bool:
        """A release with a level set in custody and a plan in place (the indicator's test)."""
        return bool(self.level_set_in_custody and self.plan_in_place)
