"""What passes between the MASH and MAPPA: invitations, hazard flags, summaries, feedback."""

import uuid

from django.db import models

from mappa.safeguarding.constants import FlagKind, FlagStatus, InvitationRoute
from mappa.versions import Versioned

USER = "agencies.User"


def _by() -> models.ForeignKey:
    return models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")


def _maybe_by() -> models.ForeignKey:
    return models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )


class SocialWorkerInvitation(models.Model):
    """A confirmed child's allocated social worker (and manager) asked to the meeting."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    candidate = models.ForeignKey(
        "safeguarding.Candidate", on_delete=models.PROTECT, related_name="worker_invitations"
    )
    worker_name = models.CharField(max_length=200)
    manager_name = models.CharField(max_length=200, blank=True)
    route = models.CharField(max_length=20, choices=InvitationRoute.choices)
    invitation = models.ForeignKey(
        "meetings.Invitation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = _by()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.worker_name}"


class HazardFlag(Versioned, models.Model):
    """A hazard for the social-care system: the text to enter and whether it is entered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entry = models.ForeignKey(
        "safeguarding.CaseListEntry", on_delete=models.CASCADE, related_name="hazard_flags"
    )
    kind = models.CharField(max_length=30, choices=FlagKind.choices)
    text = models.TextField()
    status = models.CharField(
        max_length=20, choices=FlagStatus.choices, default=FlagStatus.TO_ENTER
    )
    produced_by = _by()
    produced_at = models.DateTimeField()
    entered_by = _maybe_by()
    entered_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = _maybe_by()
    confirmed_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["produced_at"]

    def __str__(self) -> str:
        return self.text


class PreMeetingSummary(models.Model):
    """Relevant social-care information the MASH prepared for the meeting (seed 001, step 3)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entry = models.ForeignKey(
        "safeguarding.CaseListEntry", on_delete=models.CASCADE, related_name="summaries"
    )
    text = models.TextField()
    recorded_by = _by()
    recorded_at = models.DateTimeField()
    shared_to_minutes_by = _maybe_by()
    shared_to_minutes_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"Pre-meeting summary {self.id}"


class MeetingFeedback(models.Model):
    """The meeting's decisions and actions for children's social care (seed 001, step 4)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entry = models.OneToOneField(
        "safeguarding.CaseListEntry", on_delete=models.CASCADE, related_name="feedback"
    )
    subject_to_mappa = models.BooleanField()
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    concerns = models.JSONField(default=list)  # Concern values
    decisions = models.TextField()
    actions_for_social_care = models.TextField(blank=True)
    fed_back_by = _by()
    fed_back_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Feedback {self.id}"


class ActionOutcome(models.Model):
    """What social care did about the meeting's actions, for the MAPPA administrator."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    feedback = models.ForeignKey(MeetingFeedback, on_delete=models.CASCADE, related_name="outcomes")
    text = models.TextField()
    recorded_by = _by()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"Action outcome {self.id}"


class MashReferral(Versioned, models.Model):
    """A referral to the MASH for an assessment, raised from the case, and its outcome."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey("cases.MappaCase", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    raised_by = _by()
    raised_at = models.DateTimeField()
    outcome = models.TextField(blank=True)
    outcome_recorded_by = _maybe_by()
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return f"MASH referral {self.id}"
