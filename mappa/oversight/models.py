import uuid

from django.db import models
from django.db.models import Q

from mappa.cases.constants import Category, LeadAgency, Level
from mappa.oversight.constants import AuditKind, PlanStatus, ReviewStatus
from mappa.versions import Versioned

USER = "agencies.User"


class PracticeAudit(models.Model):
    """A meeting audit (MAPPA L) or case audit, scheduled by the board, completed by an auditor."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey(
        "cases.MappaCase", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    auditor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField()
    scheduled_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    scheduled_at = models.DateTimeField()
    completed_on = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    overall_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "scheduled_at"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=AuditKind.MEETING) & Q(meeting__isnull=False, case__isnull=True))
                | (Q(kind=AuditKind.CASE) & Q(case__isnull=False, meeting__isnull=True)),
                name="audit_has_its_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} due {self.due_on}"


class AuditScore(models.Model):
    """One item of an audit: its score on the form's scale and the auditor's comment."""

    audit = models.ForeignKey(PracticeAudit, on_delete=models.CASCADE, related_name="scores")
    item = models.CharField(max_length=40)
    score = models.PositiveSmallIntegerField()
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "item"], name="audit_item_scored_once"),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=4), name="audit_score_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.score}"


class SeriousCaseReview(Versioned, models.Model):
    """A serious further offence by a MAPPA offender: the notification to the board, the board's
    decision whether to review, and the review itself under the MAPPA O headings.

    Seen only by the board (and the co-ordinator) until the board approves wider circulation.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    area = models.ForeignKey("agencies.Area", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.MappaCase", on_delete=models.PROTECT, related_name="+")
    charged_on = models.DateField()
    offence = models.CharField(max_length=300)
    category = models.PositiveSmallIntegerField(choices=Category.choices, null=True, blank=True)
    level = models.PositiveSmallIntegerField(choices=Level.choices, null=True, blank=True)
    lead_agency = models.CharField(max_length=20, choices=LeadAgency.choices, blank=True)
    circumstances = models.TextField()
    notification_due_on = models.DateField()
    notified_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    notified_at = models.DateTimeField()
    notified_to = models.ManyToManyField(USER, related_name="+", blank=True)
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.NOTIFIED
    )
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_reasons = models.TextField(blank=True)
    remit = models.TextField(blank=True)
    reviewer = models.CharField(max_length=200, blank=True)
    lay_adviser = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    report_due_on = models.DateField(null=True, blank=True)
    why_review = models.TextField(blank=True)
    background = models.TextField(blank=True)
    process = models.TextField(blank=True)
    agencies = models.TextField(blank=True)
    chronology = models.TextField(blank=True)
    findings = models.TextField(blank=True)
    conclusions = models.TextField(blank=True)
    completed_on = models.DateField(null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_for = models.TextField(blank=True)

    class Meta:
        ordering = ["-charged_on"]
        constraints = [
            models.UniqueConstraint(fields=["case", "charged_on"], name="one_review_per_charge")
        ]

    def __str__(self) -> str:
        return f"Serious case review of a charge on {self.charged_on}"


class ReviewAction(Versioned, models.Model):
    """One action of a review's action plan (MAPPA O section 8): how, by whom, by when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    review = models.ForeignKey(
        SeriousCaseReview, on_delete=models.CASCADE, related_name="action_plan"
    )
    action = models.TextField()
    owner = models.CharField(max_length=200)  # grade, rank or role, and agency
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Review action due {self.due_on}"
