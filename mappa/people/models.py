import uuid

from django.db import models
from django.db.models import Q

from mappa.people.constants import (
    AddressKind,
    AliasKind,
    EventKind,
    Gender,
    HeldStatus,
    Relationship,
)
from mappa.versions import Versioned


def _identifier(label: str) -> models.CharField:
    return models.CharField(label, max_length=40, null=True, blank=True, unique=True)


class Nominal(Versioned, models.Model):
    """A person on the register: who they are, where they live, who they live with.

    Versioned: every change names the version it started from (mappa.versions); an import
    replaces from the source of truth and advances the version.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="nominals")
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=20, choices=Gender.choices, default=Gender.NOT_KNOWN)
    ethnicity = models.CharField(max_length=200, blank=True)
    pnc = _identifier("PNC ID")
    cro = _identifier("CRO number")
    crn = _identifier("nDelius CRN")
    noms = _identifier("prison number")
    visor = _identifier("ViSOR reference")
    release_date = models.DateField(null=True, blank=True)
    licence_end_date = models.DateField(null=True, blank=True)
    # SHA-256 of the record as last written, so re-importing an unchanged record changes nothing.
    record_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "person record"  # what a stale-edit refusal calls it (mappa.versions)
        ordering = ["surname", "forenames"]
        indexes = [
            models.Index(fields=["area", "surname"]),
            models.Index(fields=["date_of_birth"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname}".strip()


class Alias(models.Model):
    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="aliases")
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=20, choices=AliasKind.choices, default=AliasKind.ALIAS)

    class Meta:
        verbose_name_plural = "aliases"
        indexes = [models.Index(fields=["surname"])]

    def __str__(self) -> str:
        return f"{self.forenames} {self.surname}".strip()


class Association(models.Model):
    """Someone connected with the nominal: a child, partner, victim, household member."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="associations")
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.forenames} {self.surname} ({self.get_relationship_display()})".strip()


class Address(models.Model):
    """An address of a nominal, or of one of their associated people, over a period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        Nominal, on_delete=models.CASCADE, null=True, blank=True, related_name="addresses"
    )
    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, null=True, blank=True, related_name="addresses"
    )
    kind = models.CharField(max_length=20, choices=AddressKind.choices, default=AddressKind.HOME)
    line_1 = models.CharField(max_length=200, blank=True)
    line_2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    postcode_key = models.CharField(max_length=10, blank=True, db_index=True, editable=False)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(nominal__isnull=False) ^ Q(association__isnull=False),
                name="address_belongs_to_nominal_or_association",
            )
        ]

    def __str__(self) -> str:
        parts = [self.line_1, self.line_2, self.town, self.postcode]
        return ", ".join(part for part in parts if part) or self.get_kind_display()

    @property
    def is_current(self) -> bool:
        return self.valid_to is None


class NameKey(models.Model):
    """One word of a nominal's name or alias, with its sound, for finding people by name.

    Written with the record (mappa.people.records); on PostgreSQL a trigram index on
    `token` finds misspellings (migration 0002).
    """

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="name_keys")
    # The nominal's area, repeated here so a search within an area reads only this table.
    area = models.ForeignKey("agencies.Area", on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=60, db_index=True)
    phonetic = models.CharField(max_length=30, db_index=True)
    letters = models.CharField(max_length=60, db_index=True)

    def __str__(self) -> str:
        return self.token


class RecordedEvent(models.Model):
    """An event on the person's record that the annual statistics count."""

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=40, choices=EventKind.choices)
    occurred_on = models.DateField()

    class Meta:
        ordering = ["occurred_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}"


class HeldAddition(Versioned, models.Model):
    """A person submitted in one area with an identifier that another area's nominal holds, or
    a change giving a person of the submitting area such an identifier (`nominal` is set).

    The addition is held, and the owning area's co-ordinators decide: not the same person (the
    record is then added to the submitting area) or the same person (for a transfer or share).
    One is held for each owning area; additions of one submission share `submission`.
    Versioned: the decision names the version it started from (mappa.versions).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.UUIDField(db_index=True)
    record = models.JSONField(help_text="The record as submitted, in the import format")
    via = models.CharField(max_length=20)
    submitted_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    submitted_area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    owning_area = models.ForeignKey(
        "agencies.Area", on_delete=models.PROTECT, related_name="held_additions"
    )
    # [{"identifier": "pnc", "nominal": "<uuid>"}]: which identifier matched which nominal.
    matches = models.JSONField()
    status = models.CharField(max_length=20, choices=HeldStatus.choices, default=HeldStatus.HELD)
    decided_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    added = models.ForeignKey(
        Nominal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set for a change to a person already on the submitting area's register (an identifier
    # changed to one held elsewhere): that nominal, and the version the change started from.
    nominal = models.ForeignKey(
        Nominal, on_delete=models.CASCADE, null=True, blank=True, related_name="held_changes"
    )
    nominal_version = models.PositiveIntegerField(null=True, blank=True)
    # For a change decided "not the same person": whether the rest of it was written.
    written = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "held addition"
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["owning_area", "status"])]

    def __str__(self) -> str:
        return f"Held {'change' if self.is_change else 'addition'} {self.id}"

    @property
    def is_change(self) -> bool:
        """A change to an existing record, not an addition of a person."""
        return self.nominal_id is not None

    def outcome(self) -> str:
        if self.is_change and self.status == HeldStatus.NOT_SAME_PERSON:
            return "Not the same person: the rest of the change is made without the identifier"
        return self.get_status_display()
