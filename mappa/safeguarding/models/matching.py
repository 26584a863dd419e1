"""Matching runs of an uploaded social-care extract against a case list, and the candidates
they put forward."""

import uuid

from django.db import models

from mappa.safeguarding.constants import Decision, Involvement, MatchKind, RunStatus
from mappa.safeguarding.models.case_lists import CaseList, CaseListEntry
from mappa.versions import Versioned

USER = "agencies.User"


class MatchRun(models.Model):
    """Matching an uploaded social-care extract against a case list, in the background."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case_list = models.ForeignKey(CaseList, on_delete=models.PROTECT, related_name="runs")
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=255)
    record_count = models.PositiveIntegerField(default=0)
    threshold = models.FloatField()
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    stage = models.CharField(max_length=100, blank=True)
    percent = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    queued_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-queued_at"]

    def __str__(self) -> str:
        return f"Match run {self.id}"


class Candidate(Versioned, models.Model):
    """A social-care record the matching put forward for one person on the list."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="candidates")
    entry = models.ForeignKey(CaseListEntry, on_delete=models.CASCADE, related_name="candidates")
    record_id = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=MatchKind.choices)
    probability = models.FloatField()
    forenames = models.CharField(max_length=200, blank=True)
    surname = models.CharField(max_length=200, blank=True)
    date_of_birth = models.CharField(max_length=10, blank=True)
    address = models.CharField(max_length=400, blank=True)
    case_status = models.CharField(max_length=20, blank=True)
    allocated_worker = models.CharField(max_length=200, blank=True)
    # [[field, how it compared, verdict], ...] from the model's comparison levels.
    fields = models.JSONField(default=list)
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PENDING)
    involvement = models.CharField(max_length=20, choices=Involvement.choices, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["entry", "-probability", "record_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "entry", "record_id"], name="candidate_once")
        ]

    def __str__(self) -> str:
        return f"{self.forenames} {self.surname} ({self.record_id})".strip()

    @property
    def full_name(self) -> str:
        return f"{self.forenames} {self.surname}".strip()
