from django.db import models


class NamedPosition(models.TextChoices):
    """Who the MASH names to receive the MAPPA case list (seed 001: two, for continuity)."""

    MASH_MANAGER = "mash_manager", "MASH manager"
    ADVANCED_PRACTITIONER = "advanced_practitioner", "Advanced practitioner"
    OTHER = "other", "Other named person"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Matching"
    FINISHED = "finished", "Finished"
    FAILED = "failed", "Failed"


class MatchKind(models.TextChoices):
    """mash-check.md: the same person, or someone else at the person's address."""

    PERSON = "person", "The same person"
    ADDRESS = "address", "Someone at the address"


class Decision(models.TextChoices):
    PENDING = "pending", "To check"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Not a match"


class Involvement(models.TextChoices):
    """A child's status with children's social care (seed 001, step 1)."""

    OPEN = "open", "Open case"
    HISTORY = "history", "History of involvement but not active"
    NOT_KNOWN = "not_known", "Not known"


class FlagKind(models.TextChoices):
    """Hazard flags for the social-care system (seed 001, steps 2, 5 and 6)."""

    TO_BE_DISCUSSED = "to_be_discussed", "To be discussed at MAPPA"
    MAPPA_STATUS = "mappa_status", "Subject to MAPPA: level and concern"
    NOT_SUBJECT = "not_subject", "Discussed, not subject to MAPPA"


class FlagStatus(models.TextChoices):
    TO_ENTER = "to_enter", "To enter"
    ENTERED = "entered", "Entered"
    CONFIRMED = "confirmed", "Confirmed"


class Concern(models.TextChoices):
    """The nature of the concern a hazard states (seed 001, steps 5 and 6)."""

    SEXUAL_HARM_TO_CHILDREN = "sexual_harm_children", "risk of sexual harm to children"
    VIOLENCE_TO_PARTNERS = "violence_partners", "risk of violence to partners"
    HIGH_RISK_TO_ADULTS = "high_risk_adults", "high risk to adults"
    VIOLENT_BEHAVIOUR = "violent_behaviour", "violent behaviour"
    DRUG_USE = "drug_use", "drug use"


class InvitationRoute(models.TextChoices):
    MEETING = "meeting", "Invited to the meeting"
    RECORDED = "recorded", "Recorded for the co-ordinator to invite"
