from django.db import models


class Status(models.TextChoices):
    """Where a referral (MAPPA A) is: the referrer edits it only while it is a draft or returned."""

    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted: awaiting screening"
    RETURNED = "returned", "Returned for more information"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Outcome(models.TextChoices):
    """What screening and thresholding decided (MAPPA Guidance ch.7)."""

    LEVEL_2 = "level_2", "Accept at level 2"
    LEVEL_3 = "level_3", "Accept at level 3"
    LEVEL_1 = "level_1", "Manage at level 1"
    RETURNED = "returned", "Return to the referrer for more information"
    DECLINED = "declined", "Decline"


class Imminence(models.TextChoices):
    """How soon serious harm could happen (the RoSH imminence question)."""

    IMMINENT = "imminent", "Imminent: could happen at any time"
    NOT_IMMINENT = "not_imminent", "Not imminent: unlikely unless circumstances change"
    NOT_KNOWN = "not_known", "Not known"
