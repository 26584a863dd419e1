import uuid
from datetime import date

from django.db import models

from mappa.information_requests.constants import Basis, Occasion, Status
from mappa.versions import Versioned


class InformationRequest(Versioned, models.Model):
    """What a MAPPA area asks one agency to share about the person on a case, why, by when,
    and the agency's answer or its reason for declining.

    The agency answering sees only what it needs to answer (the person's name and date of
    birth, the purpose, basis and question: `queries.get_request`), not the case, unless it
    may already see the case.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Raised at screening before the person has an open case, a request belongs to its referral
    # alone; the case's opening from that referral moves it onto the case (services.move_to_case).
    case = models.ForeignKey(
        "cases.MappaCase",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="information_requests",
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    # The agency's named person; when none is named, any active user of the agency answers.
    addressed_to = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    occasion = models.CharField(max_length=20, choices=Occasion.choices, default=Occasion.CASE)
    referral = models.ForeignKey(
        "referrals.Referral", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    basis = models.CharField(max_length=30, choices=Basis.choices)
    purpose = models.TextField()
    question = models.TextField()
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    requested_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    answer = models.TextField(blank=True)
    decline_reason = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # Withdrawn by the person who asked, or the co-ordinator, while still open, with the reason.
    withdrawal_reason = models.TextField(blank=True)
    withdrawn_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "requested_at"]
        indexes = [models.Index(fields=["agency", "status"], name="information_request_agency")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=False) | models.Q(referral__isnull=False),
                name="information_request_case_or_referral",
            )
        ]

    def __str__(self) -> str:
        return f"Information request to {self.agency}"

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def nominal(self):
        """The person on the register, if they are on it (through the case, else the referral)."""
        if self.case_id is not None:
            return self.case.nominal
        return self.referral.nominal

    @property
    def person_name(self) -> str:
        if (nominal := self.nominal) is not None:
            return nominal.full_name
        return self.referral.subject_name or "Not known"

    @property
    def person_date_of_birth(self):
        if (nominal := self.nominal) is not None:
            return nominal.date_of_birth
        born = (self.referral.sections or {}).get("offender", {}).get("date_of_birth")
        try:
            return date.fromisoformat(born) if isinstance(born, str) and born else None
        except ValueError:
            return None

    @property
    def category(self) -> int | None:
        """The case's MAPPA category, or before the case the referral's."""
        return self.case.category if self.case_id is not None else self.referral.category

    @property
    def subject(self):
        """What audit events and reads are recorded against: the case, or before it the referral."""
        return self.case_id if self.case_id is not None else self.referral_id
