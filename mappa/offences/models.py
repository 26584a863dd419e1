import uuid

from django.db import models

from mappa.offences.constants import CourtJurisdiction, DisposalType, DrugClass, Outcome


class Conviction(models.Model):
    """A conviction, caution or finding for an offence in the catalogue, with its disposal."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.CASCADE, related_name="convictions"
    )
    offence_code = models.CharField(max_length=60)
    outcome = models.CharField(max_length=30, choices=Outcome.choices)
    relevant_date = models.DateField(help_text="Date of conviction, finding or caution")
    committed_on = models.DateField(null=True, blank=True)
    victim_age = models.PositiveSmallIntegerField(null=True, blank=True)
    # Schedule 3 paras 33A and 34A (SOA 2003 ss.66A, 67A): None means not recorded
    sexual_gratification_purpose = models.BooleanField(null=True, blank=True)
    # A controlled drug's class, "" when not recorded: CJA 2003 s.327(4A)(c) needs Class A
    drug_class = models.CharField(max_length=1, choices=DrugClass.choices, blank=True)
    disposal_type = models.CharField(max_length=40, choices=DisposalType.choices, blank=True)
    term_months = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    # Terms of imprisonment ordered to run consecutively share a label (SOA 2003 s.82(3), (4))
    consecutive_group = models.CharField(max_length=20, blank=True)
    # A detention and training order, whose term_months is the order's whole term: SOA 2003
    # s.131(a) counts the detention half of it, CJA 2003 s.327(3)(b)(vii) the whole term
    detention_and_training_order = models.BooleanField(default=False)
    # CJA 2003 s.327(3)(a), (4)(a): category 2 needs a court in England and Wales
    court_jurisdiction = models.CharField(
        max_length=20,
        choices=CourtJurisdiction.choices,
        default=CourtJurisdiction.ENGLAND_AND_WALES,
    )
    # A court determined that the offence has a terrorist connection (Sentencing Code s.69; CTA
    # 2008 s.30 in Northern Ireland): CTA 2008 s.42(1) brings Part 4 notification for any offence
    terrorist_connection = models.BooleanField(default=False)
    is_index = models.BooleanField(default=False)

    class Meta:
        ordering = ["-relevant_date"]

    def __str__(self) -> str:
        return f"{self.offence_code} ({self.get_outcome_display()}, {self.relevant_date})"


class CustodyPeriod(models.Model):
    nominal = models.ForeignKey(
        "people.Nominal", on_delete=models.CASCADE, related_name="custody_periods"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["started_on"]

    def __str__(self) -> str:
        return f"In custody {self.started_on} to {self.ended_on or 'now'}"
