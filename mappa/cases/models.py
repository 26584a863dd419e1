import uuid

from django.db import models
from django.utils import timezone

from mappa.cases import rules
from mappa.cases.constants import (
    CaseKind,
    Category,
    ClosureReason,
    DecisionSource,
    LeadAgency,
    Level,
    PdpClosure,
    PdpStep,
    PoliceRank,
    ReviewDecision,
    StayReason,
    TerrorismManagement,
    TransferMessageKind,
    TransferStatus,
)
from mappa.versions import Versioned


class MappaCase(models.Model):
    """A person's MAPPA case: category, level, lead agency, next review.

    The case lifecycle (referrals, screening, reviews, deregistration) builds on
    this; the register import records the case as the sending system manages it.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.CASCADE, related_name="mappa_cases"
    )
    # A MAPPA case, or a potentially dangerous person managed by the police outside MAPPA (no
    # category or level: `services.pdp`). The same meetings, plans, actions and disclosures serve both.
    kind = models.CharField(max_length=10, choices=CaseKind.choices, default=CaseKind.MAPPA)
    category = models.PositiveSmallIntegerField(choices=Category.choices, null=True, blank=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    lead_agency = models.CharField(max_length=20, choices=LeadAgency.choices, blank=True)
    # The lead agency's named practitioner: their dashboard lists the case, and overdue
    # reviews are e-mailed to them as well as to the co-ordinator.
    responsible_officer = models.ForeignKey(
        "agencies.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_for_cases",
    )
    start_date = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    # Set when screening accepts a referral at level 2 or 3: the case needs its first meeting.
    first_meeting_needed_since = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closure_reason = models.CharField(
        max_length=30, choices=[*ClosureReason.choices, *PdpClosure.choices], blank=True
    )
    closure_explanation = models.TextField(blank=True)
    # Category 4: CT MAPPA or local MAPPA, and who decided (MAPPA Guidance para 24.25)
    terrorism_management = models.CharField(
        max_length=20, choices=TerrorismManagement.choices, blank=True
    )
    terrorism_management_rationale = models.TextField(blank=True)
    terrorism_management_decided_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    terrorism_management_agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    terrorism_management_decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        indexes = [
            # Scoping excludes open category 4 cases for users without terrorism clearance.
            models.Index(
                fields=["category"],
                condition=models.Q(closed_on__isnull=True),
                name="open_case_category",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["nominal"],
                condition=models.Q(closed_on__isnull=True),
                name="one_open_case_per_nominal",
            ),
            models.CheckConstraint(
                condition=~(models.Q(category=3) & models.Q(level=1)),
                name="category_3_never_at_level_1",
            ),
        ]

    def __str__(self) -> str:
        return f"MAPPA case {self.id}" if self.kind == CaseKind.MAPPA else f"PDP case {self.id}"

    @property
    def is_pdp(self) -> bool:
        """A potentially dangerous person's case: not MAPPA, not in MAPPA's figures."""
        return self.kind == CaseKind.PDP

    @property
    def needs_terrorism_clearance(self) -> bool:
        """A category 4 case, seen only with terrorism clearance (`rules.NEEDS_CLEARANCE`)."""
        return self.category in rules.NEEDS_CLEARANCE


class LevelChange(models.Model):
    case = models.ForeignKey(MappaCase, on_delete=models.CASCADE, related_name="level_history")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    effective_from = models.DateField()
    decided_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source = models.CharField(
        max_length=20, choices=DecisionSource.choices, default=DecisionSource.IMPORT
    )
    rationale = models.TextField(blank=True)

    class Meta:
        ordering = ["effective_from"]

    def __str__(self) -> str:
        return f"Level {self.level} from {self.effective_from}"


class Review(models.Model):
    """A level 1 review: a defined record of what was reviewed and what was decided, not a note."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(MappaCase, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    # The review date the case carried when this review was recorded: what the board's indicator
    # judges it against (cases.rules.review_status), also for a case imported with its date.
    due_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    what_was_reviewed = models.TextField()
    risk_changed = models.BooleanField()
    risk_change = models.TextField(blank=True)
    plan_changed = models.BooleanField()
    plan_change = models.TextField(blank=True)
    decision = models.CharField(max_length=20, choices=ReviewDecision.choices)
    rationale = models.TextField()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"Review on {self.held_on}: {self.get_decision_display()}"


class PdpDecision(models.Model):
    """A step in managing a potentially dangerous person: the proposal, the police decision to
    manage (or not) with the officer's rank and rationale, each review, and the move into MAPPA.
    Kept after the case moves into MAPPA: the case's history (`services.pdp`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(MappaCase, on_delete=models.PROTECT, related_name="pdp_decisions")
    step = models.CharField(max_length=20, choices=PdpStep.choices)
    made_on = models.DateField()
    made_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    rank = models.CharField(max_length=30, choices=PoliceRank.choices, blank=True)
    rationale = models.TextField()
    # The review date it set (a decision to manage, a review to continue), else None.
    review_due = models.DateField(null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["made_on", "recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} on {self.made_on}"


class Transfer(Versioned, models.Model):
    """A request to move a case (and its person) to another MAPPA area (MAPPA Guidance ch.17).

    While it waits (requested or queried) both areas see the case; the sending area still manages
    it. Accepted, the person's area becomes the receiving area: nothing is copied, so the case's
    history, plan, conditions, actions and minutes go with it (decision 0014), and the sending
    area reads it, without changing it, until `sending_reads_until`. Versioned (decision 0011).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(MappaCase, on_delete=models.PROTECT, related_name="transfers")
    from_area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    to_area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=20, choices=TransferStatus.choices, default=TransferStatus.REQUESTED
    )
    reason = models.TextField()
    new_address = models.TextField()
    moving_on = models.DateField()
    # Level 2 or 3: how the receiving area's first meeting is proposed (date, who attends).
    proposed_meeting = models.TextField(blank=True)
    requested_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    # Accepted: the receiving area's own level decision is in the case's level history.
    accepted_level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    sending_reads_until = models.DateField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = "transfer"
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["to_area", "status"], name="transfer_incoming")]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status__in=["requested", "queried"]),
                name="one_transfer_in_hand_over_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"Transfer {self.id}: {self.get_status_display()}"

    @property
    def in_hand_over(self) -> bool:
        return self.status in rules.IN_HAND_OVER


class TransferMessage(models.Model):
    """A query from the receiving area, or the sending area's answer to it: kept, never edited."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    transfer = models.ForeignKey(Transfer, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=TransferMessageKind.choices)
    text = models.TextField()
    written_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["written_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.written_at:%Y-%m-%d}"


class TemporaryStay(Versioned, models.Model):
    """A stay in another MAPPA area without a transfer: the host area is told and, until the
    stay's last day, its co-ordinators see the stay, who the person is and the risk summary.
    The home area may change its dates and address (versioned, decision 0011) or end it early:
    `ends_on` becomes the day it ended, and `ended_early_at` says when that was recorded."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(MappaCase, on_delete=models.PROTECT, related_name="stays")
    home_area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    host_area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(max_length=30, choices=StayReason.choices)
    explanation = models.TextField(blank=True)
    address = models.TextField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    # Ended early: when and by whom (the day it ended is `ends_on`).
    ended_early_at = models.DateTimeField(null=True, blank=True)
    ended_early_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "temporary stay"
        ordering = ["starts_on"]
        indexes = [models.Index(fields=["host_area", "ends_on"], name="stay_host_current")]

    def __str__(self) -> str:
        return f"Stay {self.starts_on} to {self.ends_on}"
