import uuid

from django.db import models

from mappa.disclosures.constants import Decision, Method, Relationship


class DisclosureDecision(models.Model):
    """A decision whether to disclose information about a person, and if so to whom, by whom,
    how and by when (MAPPA Guidance ch.10). Decisions not to disclose are kept too.

    `source` is the UUID of what the decision came from (a meeting's agenda item), so this
    app depends on no meeting code; a standalone decision has none.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.PROTECT, related_name="disclosure_decisions"
    )
    case = models.ForeignKey(
        "cases.MappaCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosure_decisions",
    )
    source = models.UUIDField(null=True, blank=True, db_index=True)
    decision = models.CharField(max_length=20, choices=Decision.choices)
    rationale = models.TextField()
    recipient = models.CharField(max_length=300, blank=True)
    relationship = models.CharField(max_length=30, choices=Relationship.choices, blank=True)
    what_to_disclose = models.TextField(blank=True)
    risk_protected_against = models.TextField(blank=True)
    discloser = models.CharField(max_length=300, blank=True)
    method = models.CharField(max_length=20, choices=Method.choices, blank=True)
    disclose_by = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.decided_on})"
