import uuid

from django.db import models
from django.db.models import Q

from mappa.versions import Versioned
from mappa.whereabouts.constants import Ending, Kind


class WhereaboutsReport(Versioned, models.Model):
    """A time when a person with a MAPPA case is missing, wanted or absconded: when it started,
    what is known, the police reference, the search for them and how it ended.

    A case has at most one open report (not yet ended) at a time. Its version is claimed by each
    search action logged and by its end (decision 0011), so a stale page cannot end it unseen.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, related_name="whereabouts_reports"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    started_at = models.DateTimeField()
    what_is_known = models.TextField()
    police_reference = models.CharField(max_length=100, blank=True)
    reported_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField()
    # The listing at an urgent meeting offered when it was reported (meetings' own scheduling).
    urgent_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    ending = models.CharField(max_length=30, choices=Ending.choices, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_note = models.TextField(blank=True)
    ended_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "whereabouts report"
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(ended_at__isnull=True),
                name="one_open_whereabouts_report_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"Whereabouts unknown since {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None


class SearchAction(models.Model):
    """One thing done to find the person while their whereabouts are unknown, and its outcome."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    report = models.ForeignKey(
        WhereaboutsReport, on_delete=models.CASCADE, related_name="search_actions"
    )
    done_at = models.DateTimeField()
    what_was_done = models.TextField()
    outcome = models.TextField()
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["done_at", "recorded_at"]

    def __str__(self) -> str:
        return f"Search action at {self.done_at:%Y-%m-%d %H:%M}"
