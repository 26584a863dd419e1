"""Minutes of a held meeting: one record per meeting, one per case discussed, circulation
and onward sharing. `models/__init__.py` imports them, so Django sees them as the meetings
app's.
"""

import uuid

from django.db import models
from django.db.models import Q

from mappa.cases.constants import Category, ClosureReason, Level
from mappa.meetings.constants import CarriedFrom, LevelDecision, ShareStatus
from mappa.versions import Versioned

USER = "agencies.User"


class Minutes(models.Model):
    """The minutes of one meeting: drafted, approved by its chair, circulated to attendees."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    # The minute-taker tells the chair the draft is ready (the latest time, if sent again).
    sent_for_approval_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_for_approval_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    circulated_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    circulated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "minutes"

    def __str__(self) -> str:
        return f"Minutes of the {self.meeting}"


# The written sections of a case's minutes (MAPPA B/C, domain.md §3.3), in their order.
SECTION_LABELS = {
    "offender_information": "Offender information",
    "conviction": "Conviction or caution",
    "relevant_dates": "Relevant dates",
    "relevant_information": "Relevant information since the last meeting",
    "risk_summary": "Risk assessment",
    "victim_issues": "Victim issues",
    "diversity": "Diversity and needs",
    "plan_summary": "Risk management plan",
    "actions_review": "Review of previous actions",
}
TEXT_SECTIONS = tuple(SECTION_LABELS)


class CaseMinutes(Versioned, models.Model):
    """The minutes for one case on the agenda (MAPPA B/C sections), with the meeting's decisions.

    The level decision and next review are recorded here in draft and applied to the case
    when the chair approves the minutes; the RoSH assessment and plan version are fixed then.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="minutes"
    )
    discussed = models.BooleanField(default=True)
    not_discussed_reason = models.TextField(blank=True)
    category = models.PositiveSmallIntegerField(choices=Category.choices, null=True, blank=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    offender_information = models.TextField(blank=True)
    conviction = models.TextField(blank=True)
    relevant_dates = models.TextField(blank=True)
    relevant_information = models.TextField(blank=True)  # since the last meeting
    risk_summary = models.TextField(blank=True)
    victim_issues = models.TextField(blank=True)
    diversity = models.TextField(blank=True)
    plan_summary = models.TextField(blank=True)
    actions_review = models.TextField(blank=True)  # the review of previous actions
    carried_from = models.CharField(
        max_length=20, choices=CarriedFrom.choices, blank=True, default=CarriedFrom.NOTHING
    )
    carried_from_date = models.DateField(null=True, blank=True)
    rosh_assessment = models.ForeignKey(
        "risk.RoshAssessment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    risk_plan = models.ForeignKey(
        "risk.RiskManagementPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    disclosure = models.ForeignKey(
        "disclosures.DisclosureDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    level_decision = models.CharField(max_length=20, choices=LevelDecision.choices, blank=True)
    new_level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    closure_reason = models.CharField(max_length=30, choices=ClosureReason.choices, blank=True)
    decision_rationale = models.TextField(blank=True)
    dissent = models.TextField(blank=True)
    next_review_on = models.DateField(null=True, blank=True)
    decision_applied_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agenda_item__position"]
        verbose_name_plural = "case minutes"

    def __str__(self) -> str:
        return f"Minutes for {self.agenda_item}"


class Circulation(models.Model):
    """One recipient the minutes were circulated to, when, and when they first opened them."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="circulation")
    recipient = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField(blank=True)
    sent_at = models.DateTimeField()
    first_read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "recipient__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "recipient"], name="circulate_once_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"Circulated to {self.recipient_id} at {self.sent_at}"


class OnwardShare(models.Model):
    """A request to share one case's minutes with someone outside the attendees.

    MAPPA D: minutes are not shared outside the meeting without the chair's agreement, so the
    chair's decision (who, why, when) is recorded before anyone may record it as shared.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="shares")
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", on_delete=models.CASCADE, related_name="shares"
    )
    recipient_name = models.CharField(max_length=200)
    recipient_organisation = models.CharField(max_length=200)
    purpose = models.TextField()
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    status = models.CharField(
        max_length=20, choices=ShareStatus.choices, default=ShareStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    shared_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(shared_at__isnull=True) | Q(decided_at__isnull=False),
                name="shared_only_after_a_decision",
            )
        ]

    def __str__(self) -> str:
        return f"Share with {self.recipient_name} ({self.get_status_display()})"
