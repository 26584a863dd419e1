import uuid

from django.db import models

from mappa.disclosures.constants import (
    Decision,
    Method,
    Origin,
    Outcome,
    ReceivedVia,
    Relationship,
    Route,
    Scheme,
    Stage,
)


class DisclosureDecision(models.Model):
    """A decision whether to disclose information about a person, and if so to whom, by whom,
    how and by when (MAPPA Guidance ch.10). Decisions not to disclose are kept too.

    `source` is the UUID of what the decision came from (a meeting's agenda item), so this
    app depends on no meeting code; a standalone decision has none. A decision on a scheme
    application points at the application.
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
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.STANDALONE)
    application = models.ForeignKey(
        "disclosures.SchemeApplication",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decisions",
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    rationale = models.TextField()
    # The tests every disclosure must meet (MAPPA Guidance ch.10): why it is each of these.
    reasonable = models.TextField(blank=True)
    necessary = models.TextField(blank=True)
    lawful = models.TextField(blank=True)
    proportionate = models.TextField(blank=True)
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
    # Who decides: the police disclosure officer, with the chair's agreement when the decision
    # comes from a meeting.
    disclosure_officer = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    officer_agreed_at = models.DateTimeField(null=True, blank=True)
    chair = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    chair_agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} ({self.decided_on})"


class DisclosureMade(models.Model):
    """The record of a disclosure once made: when, how, by whom, what was said, the recipient's
    signed undertaking of confidentiality, and whether the person was told (and if not, why)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    decision = models.OneToOneField(
        DisclosureDecision, on_delete=models.PROTECT, related_name="made"
    )
    made_on = models.DateField()
    made_by = models.CharField(max_length=300)
    method = models.CharField(max_length=20, choices=Method.choices)
    recipient = models.CharField(max_length=300)
    what_was_said = models.TextField()
    undertaking_signed = models.BooleanField()
    undertaking_reference = models.CharField(max_length=300, blank=True)
    no_undertaking_reason = models.TextField(blank=True)
    offender_told = models.BooleanField()
    offender_told_on = models.DateField(null=True, blank=True)
    offender_not_told_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Disclosure made on {self.made_on}"


class SchemeApplication(models.Model):
    """An application under the Child Sex Offender Disclosure Scheme or the Domestic Violence
    Disclosure Scheme, worked through the schemes' stages by the area's disclosure team."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    scheme = models.CharField(max_length=10, choices=Scheme.choices)
    route = models.CharField(max_length=20, choices=Route.choices, default=Route.RIGHT_TO_ASK)
    area = models.ForeignKey(
        "agencies.Area", on_delete=models.PROTECT, related_name="disclosure_applications"
    )
    received_via = models.CharField(max_length=20, choices=ReceivedVia.choices)
    received_at = models.DateTimeField()
    received_on = models.DateField()
    target_days = models.PositiveIntegerField()
    due_on = models.DateField()
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.INITIAL_CONTACT)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # The applicant (for right to know, the person police propose to tell).
    applicant_name = models.CharField(max_length=200)
    applicant_phone = models.CharField(max_length=40, blank=True)
    applicant_email = models.CharField(max_length=254, blank=True)
    safe_contact = models.TextField(blank=True)
    applicant_relationship = models.CharField(max_length=200, blank=True)
    applicant_is_at_risk = models.BooleanField(null=True, blank=True)
    # Who may be at risk: the child or children (CSODS), or the person at risk (DVDS).
    at_risk = models.TextField()
    # The person the application is about.
    subject_name = models.CharField(max_length=200)
    subject_other_names = models.CharField(max_length=300, blank=True)
    subject_date_of_birth = models.DateField(null=True, blank=True)
    subject_address = models.TextField(blank=True)
    subject_contact = models.TextField()
    concern = models.TextField()
    recorded_by = models.ForeignKey(
        "agencies.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nominals = models.ManyToManyField(
        "people.Nominal", through="ApplicationLink", related_name="disclosure_applications"
    )

    class Meta:
        ordering = ["due_on", "received_at"]
        indexes = [models.Index(fields=["area", "stage"])]

    def __str__(self) -> str:
        return self.reference


class ApplicationStep(models.Model):
    """One stage of an application as recorded: what was found or done, by whom, when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        SchemeApplication, on_delete=models.PROTECT, related_name="steps"
    )
    stage = models.CharField(max_length=20, choices=Stage.choices)
    details = models.JSONField(default=dict)
    outcome = models.CharField(max_length=40, blank=True)
    recorded_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} ({self.recorded_at:%Y-%m-%d})"


class ApplicationLink(models.Model):
    """A person on the register found in the research stage to be the application's subject."""

    application = models.ForeignKey(
        SchemeApplication, on_delete=models.PROTECT, related_name="links"
    )
    nominal = models.ForeignKey("people.Nominal", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    linked_by = models.ForeignKey("agencies.User", on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField()

    class Meta:
        ordering = ["linked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "nominal"], name="application_links_a_nominal_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} → {self.nominal_id}"
