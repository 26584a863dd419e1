"""MARAC and DASH: victims, DASH risk checklists, MARAC cases, who takes part, and the link to MAPPA.

The victim is not a nominal on the MAPPA register: their record lives here and is seen only by
the agencies taking part in their MARAC case (queries.py). Meetings, research requests,
actions and safety plans are in models/meetings.py.
"""

import uuid

from django.db import models

from mappa.marac.constants import CaseStatus, DashStatus, FoundBy, ParticipantReason
from mappa.versions import Versioned


class Victim(models.Model):
    """A victim of domestic abuse referred to MARAC, across their DASHes and cases."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.TextField(blank=True)
    safe_contact = models.TextField(blank=True)
    # Normalised name and date of birth: a later DASH about the same victim finds this record,
    # so that a repeat is recognised (rules.is_repeat).
    match_key = models.CharField(max_length=300, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["surname", "forenames"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname}".strip()


class DashAssessment(models.Model):
    """A SafeLives Dash risk checklist, completed section by section like a MAPPA A.

    `sections` keeps each section as its form cleaned it (victim, perpetrator, children, the
    checklist pages, incident and judgement); the columns are what completion derived.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    completed_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, related_name="dash_assessments"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=DashStatus.choices, default=DashStatus.DRAFT)
    sections = models.JSONField(default=dict)
    victim = models.ForeignKey(
        Victim, on_delete=models.PROTECT, null=True, blank=True, related_name="dash_assessments"
    )
    perpetrator_nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    yes_count = models.PositiveSmallIntegerField(null=True, blank=True)
    criteria = models.JSONField(default=list)
    children_count = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"DASH {self.id}"

    @property
    def victim_name(self) -> str:
        victim = self.sections.get("victim", {})
        return f"{victim.get('forenames', '')} {victim.get('surname', '')}".strip()

    @property
    def perpetrator_name(self) -> str:
        person = self.sections.get("perpetrator", {})
        return f"{person.get('forenames', '')} {person.get('surname', '')}".strip()


class MaracCase(Versioned, models.Model):
    """A referral of a victim to MARAC, made from a completed DASH, and its case at MARAC."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    victim = models.ForeignKey(Victim, on_delete=models.PROTECT, related_name="cases")
    dash = models.OneToOneField(DashAssessment, on_delete=models.PROTECT, related_name="marac_case")
    referred_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    referring_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+"
    )
    referred_on = models.DateField()
    criteria = models.JSONField(default=list)
    is_repeat = models.BooleanField(default=False)
    status = models.CharField(
        max_length=20, choices=CaseStatus.choices, default=CaseStatus.REFERRED
    )
    perpetrator_nominal = models.ForeignKey(
        "people.Nominal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="marac_cases",
    )
    # The Independent Domestic Violence Adviser who represents the victim (domain.md §7.3).
    idva_name = models.CharField(max_length=200, blank=True)
    idva_organisation = models.CharField(max_length=200, blank=True)
    idva_contact = models.CharField(max_length=200, blank=True)
    idva_allocated_on = models.DateField(null=True, blank=True)
    heard_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["referred_on"]
        indexes = [models.Index(fields=["area", "status"], name="marac_case_area_status")]

    def __str__(self) -> str:
        return f"MARAC case {self.id}"


class Participant(models.Model):
    """An agency taking part in a MARAC case: its MARAC staff may see the victim's record."""

    case = models.ForeignKey(MaracCase, on_delete=models.CASCADE, related_name="participants")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=20, choices=ParticipantReason.choices)
    added_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "agency"], name="one_participation_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency} in {self.case}"


class MappaLink(models.Model):
    """The MARAC perpetrator is a nominal on the MAPPA register: the two cases are linked.

    The MAPPA side sees that a MARAC case exists and the facts the MARAC shared (SharedFact),
    never the victim's record.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    marac_case = models.ForeignKey(MaracCase, on_delete=models.CASCADE, related_name="mappa_links")
    nominal = models.ForeignKey("people.Nominal", on_delete=models.PROTECT, related_name="+")
    mappa_case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    found_by = models.CharField(max_length=20, choices=FoundBy.choices)
    matched_on = models.CharField(max_length=100, blank=True)
    raised_at = models.DateTimeField()
    coordinators_alerted = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-raised_at"]
        constraints = [
            models.UniqueConstraint(fields=["marac_case", "nominal"], name="one_link_per_nominal")
        ]

    def __str__(self) -> str:
        return f"Link of {self.marac_case} to {self.nominal_id}"


class SharedFact(models.Model):
    """A fact the MARAC chose to share with the perpetrator's MAPPA case, recorded as shared."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    link = models.ForeignKey(MappaLink, on_delete=models.CASCADE, related_name="shared_facts")
    text = models.TextField()
    shared_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField()

    class Meta:
        ordering = ["shared_at"]

    def __str__(self) -> str:
        return f"Fact shared on {self.shared_at:%Y-%m-%d}"
