import uuid

from django.db import models
from django.db.models import Q

from mappa.cases.constants import Level
from mappa.meetings.constants import (
    AttendanceStatus,
    Frequency,
    ItemKind,
    MeetingStatus,
    Response,
    Weekday,
)
from mappa.versions import Versioned

MEETING_LEVELS = [(2, Level.MULTI_AGENCY.label), (3, Level.ACTIVE_MULTI_AGENCY.label)]


class MeetingSeries(Versioned, models.Model):
    """An area's standing level 2 or 3 meeting, e.g. every Tuesday 10:00 to 13:00.

    `recurrence` is an RFC 5545 RRULE (built by `rules.recurrence_rule`) counted from
    `starts_on`; meetings are generated from it one by one and may then be moved or changed.
    `standing_members` (police, probation, prison and anyone else the co-ordinator names) are
    invited to every case listed at the series' meetings and receive each meeting's minutes.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=MEETING_LEVELS)
    name = models.CharField(max_length=200)
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    recurrence = models.CharField(max_length=200)
    starts_on = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=300, blank=True)
    video_link = models.URLField(max_length=500, blank=True)
    is_active = models.BooleanField(default=True)
    standing_members = models.ManyToManyField(
        "agencies.User", blank=True, related_name="standing_meeting_series"
    )
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["level", "name"]
        verbose_name_plural = "meeting series"

    def __str__(self) -> str:
        return self.name


class Meeting(Versioned, models.Model):
    """One level 2 or 3 meeting: when, where, who chairs it, and where it is in its life.

    The chair and co-chair are recorded by name, agency and rank or grade, as the MAPPA L
    meeting audit asks; `chair`/`co_chair` link them to their accounts when they have one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    series = models.ForeignKey(
        MeetingSeries, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    level = models.PositiveSmallIntegerField(choices=MEETING_LEVELS)
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    venue = models.CharField(max_length=300, blank=True)
    video_link = models.URLField(max_length=500, blank=True)
    chair = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chair_name = models.CharField(max_length=200, blank=True)
    chair_agency = models.CharField(max_length=200, blank=True)
    chair_rank = models.CharField(max_length=200, blank=True)
    co_chair = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    co_chair_name = models.CharField(max_length=200, blank=True)
    co_chair_agency = models.CharField(max_length=200, blank=True)
    co_chair_rank = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # MAPPA D: the confidentiality and diversity statement was read (None: not yet recorded).
    statement_read = models.BooleanField(null=True, blank=True)
    held_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["date", "start_time"]
        indexes = [models.Index(fields=["area", "date"], name="meeting_area_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "date"],
                condition=Q(series__isnull=False),
                name="one_meeting_per_series_date",
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"Level {self.level} meeting on {self.date:%d %B %Y}"


class AgendaItem(models.Model):
    """A case on a meeting's agenda, in its time slot: an initial meeting, a review or urgent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, related_name="agenda_items"
    )
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    # The case's review number at this meeting (1 for the first review); None for an initial one.
    review_number = models.PositiveSmallIntegerField(null=True, blank=True)
    position = models.PositiveSmallIntegerField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    reason = models.TextField(blank=True)  # why an urgent addition was made
    # The review date the case carried when it was listed: what the board's review indicator
    # judges a case with no level decision recorded here by (an imported case).
    due_on = models.DateField(null=True, blank=True)
    added_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="case_once_per_agenda"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.starts_at:%H:%M}"


class Invitation(Versioned, models.Model):
    """An invitation to discuss one agenda item, to a named person or to an agency.

    Inviting someone who would not otherwise see the case grants them access to it
    (`access_grant`, reason meeting invitation) until a while after the meeting.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="invitations"
    )
    invitee_user = models.ForeignKey(
        "agencies.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_invitations",
    )
    invitee_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_invitations",
    )
    invited_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField()
    access_grant = models.ForeignKey(
        "agencies.CaseAccessGrant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Invited because they are a standing member of the meeting's series: withdrawn when they
    # stop being one (an invitation by name is not).
    as_standing_member = models.BooleanField(default=False)
    response = models.CharField(max_length=20, choices=Response.choices, default=Response.AWAITING)
    response_note = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["invited_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(invitee_user__isnull=False) & Q(invitee_agency__isnull=True))
                | (Q(invitee_user__isnull=True) & Q(invitee_agency__isnull=False)),
                name="invitation_has_one_invitee",
            ),
            models.UniqueConstraint(
                fields=["agenda_item", "invitee_user"],
                condition=Q(invitee_user__isnull=False, withdrawn_at__isnull=True),
                name="invite_person_once_per_item",
            ),
            models.UniqueConstraint(
                fields=["agenda_item", "invitee_agency"],
                condition=Q(invitee_agency__isnull=False, withdrawn_at__isnull=True),
                name="invite_agency_once_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation {self.id}"

    @property
    def invitee_name(self) -> str:
        if self.invitee_user_id:
            return self.invitee_user.display_name
        return self.invitee_agency.name


class Attendance(models.Model):
    """Who attended a meeting, who sent apologies, and whose report was received.

    A person with an account is linked (`user`); anyone may be recorded by name, agency and
    role. `invitation` links the record to the invitation it answers, when there is one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    agency_name = models.CharField(max_length=200)
    role_title = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    report_received = models.BooleanField(default=False)
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["status", "agency_name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"],
                condition=Q(user__isnull=False),
                name="attendance_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
