"""MARAC meetings and what happens around them: agendas, research requests to agencies,
information shared, actions and the victim's safety plan. Imported by models/__init__.py."""

import uuid

from django.db import models

from mappa.marac.constants import ActionStatus, MeetingStatus
from mappa.versions import Versioned


class MaracMeeting(models.Model):
    """One MARAC meeting of an area, on the area's cycle (e.g. fortnightly)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(fields=["area", "date"], name="one_marac_meeting_a_day")
        ]

    def __str__(self) -> str:
        return f"MARAC meeting on {self.date}"


class AgendaItem(models.Model):
    """A case listed on a meeting's agenda, and whether it was heard."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(MaracMeeting, on_delete=models.PROTECT, related_name="agenda")
    case = models.ForeignKey(
        "marac.MaracCase", on_delete=models.PROTECT, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField()
    added_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()
    heard = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting__date", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="marac_case_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"Item {self.position} on {self.meeting}"


class ResearchRequest(models.Model):
    """A request to one agency to research the case before the meeting, by a deadline."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "marac.MaracCase", on_delete=models.CASCADE, related_name="research_requests"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField()
    requested_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["deadline", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda_item", "agency"], name="one_research_request_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"Research request to {self.agency}"


class InformationShared(models.Model):
    """What an agency shared about the case at the meeting (the minutes' audit trail)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="information"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]
        verbose_name_plural = "information shared"

    def __str__(self) -> str:
        return f"Information from {self.agency}"


class MaracAction(Versioned, models.Model):
    """Something an agency agreed at MARAC to do for the victim's safety, by a date."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("marac.MaracCase", on_delete=models.PROTECT, related_name="actions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="actions"
    )
    description = models.TextField()
    owner_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    owner_name = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    update = models.TextField(blank=True)
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "created_at"]

    def __str__(self) -> str:
        return f"MARAC action {self.id}"


class SafetyPlan(models.Model):
    """A version of the victim's safety plan agreed for the case; the newest is current."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "marac.MaracCase", on_delete=models.CASCADE, related_name="safety_plans"
    )
    version = models.PositiveSmallIntegerField()
    measures = models.TextField()
    agreed_on = models.DateField()
    written_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["case", "version"], name="one_safety_plan_version")
        ]

    def __str__(self) -> str:
        return f"Safety plan version {self.version}"

    # Each save is a new version, so a stale save is refused by naming the version it started
    # from (`casework.save_safety_plan`); these let `versions.StaleEdit` say who wrote this one.
    @property
    def changed_by(self):
        return self.written_by

    @property
    def changed_at(self):
        return self.written_at
