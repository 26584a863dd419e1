from django.db import models


class ScreeningStatus(models.TextChoices):
    """Where a pre-release screening (the "MAPPA Q" screening) stands."""

    AWAITING_DECISION = "awaiting_decision", "Waiting for the co-ordinator's level decision"
    LEVEL_CONFIRMED = "level_confirmed", "Level 1 confirmed by the co-ordinator"
    MEETING_NEEDED = "meeting_needed", "Level confirmed: a pre-release meeting is needed"


class MovementKind(models.TextChoices):
    """Events that move a person into or out of custody."""

    RELEASED = "released", "Released from custody"
    RETURNED = "returned", "Returned to custody"


class ReturnReason(models.TextChoices):
    """Why a person went back into custody."""

    LICENCE_RECALL = "licence_recall", "Recalled for breach of licence"
    ORDER_BREACH = "order_breach", "Breach of an order (for example an SHPO)"
    FURTHER_OFFENCE = "further_offence", "Remanded or sentenced for a further offence"
    OTHER = "other", "Another reason"


class DueKind(models.TextChoices):
    """The date a level decision is due against."""

    RELEASE = "release", "Release"
    PAROLE = "parole", "Parole hearing"
