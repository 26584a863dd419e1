"""The MASH link's case lists: the named persons who may open them, the weekly lists and
their entries."""

import uuid

from django.db import models
from django.db.models import Q

from mappa.safeguarding.constants import (
    NamedPosition,
)

USER = "agencies.User"


class NamedPerson(models.Model):
    """A MASH named person of an area: the only people who may open the case list."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="mash_designations")
    position = models.CharField(max_length=30, choices=NamedPosition.choices)
    designated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    designated_at = models.DateTimeField()
    ended_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["area", "designated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "user"],
                condition=Q(ended_at__isnull=True),
                name="named_person_once_per_area",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.display_name}, {self.get_position_display()}"


class CaseList(models.Model):
    """The weekly MAPPA case list: the people on the agendas of the area's next meetings."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    week_starting = models.DateField()
    meetings_from = models.DateField()
    meetings_to = models.DateField()
    published_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return f"MAPPA case list for the week of {self.week_starting:%d %B %Y}"


class CaseListEntry(models.Model):
    """One person on a case list, as the list was published (the fields the MASH needs)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_list = models.ForeignKey(CaseList, on_delete=models.CASCADE, related_name="entries")
    case = models.ForeignKey("cases.MappaCase", on_delete=models.PROTECT, related_name="+")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.PROTECT, related_name="+")
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200)
    date_of_birth = models.DateField(null=True, blank=True)
    aliases = models.TextField(blank=True)  # `forenames surname` pairs separated by `;`
    address_line_1 = models.CharField(max_length=200, blank=True)
    address_line_2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # Further addresses to search (the proposed release address): a list of dicts.
    other_addresses = models.JSONField(default=list, blank=True)
    category = models.PositiveSmallIntegerField(null=True, blank=True)
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    meeting_date = models.DateField()
    check_completed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    check_completed_at = models.DateTimeField(null=True, blank=True)
    known_to_social_care = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["meeting_date", "surname", "forenames"]
        verbose_name_plural = "case list entries"
        constraints = [
            models.UniqueConstraint(fields=["case_list", "case"], name="case_once_per_case_list")
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname}".strip()
