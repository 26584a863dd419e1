from django.db import models


class Frequency(models.TextChoices):
    """How often a meeting series recurs (an RFC 5545 FREQ with an INTERVAL)."""

    WEEKLY = "weekly", "Every week"
    FORTNIGHTLY = "fortnightly", "Every 2 weeks"
    MONTHLY = "monthly", "Every month, on the same weekday"


class Weekday(models.IntegerChoices):
    """Day of the week, Monday = 0 as in Python's `date.weekday()`."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"


class MeetingStatus(models.TextChoices):
    """Where a level 2 or 3 meeting is in its life (MAPPA Guidance ch.13a, 13b)."""

    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    MINUTES_DRAFT = "minutes_draft", "Minutes in draft"
    MINUTES_APPROVED = "minutes_approved", "Minutes approved"
    CIRCULATED = "circulated", "Minutes circulated"
    CANCELLED = "cancelled", "Cancelled"


class ItemKind(models.TextChoices):
    """Why a case is on a meeting's agenda."""

    INITIAL = "initial", "Initial meeting"
    REVIEW = "review", "Review"
    URGENT = "urgent", "Urgent addition"


class Response(models.TextChoices):
    """An invitee's answer to an invitation."""

    AWAITING = "awaiting", "No response yet"
    ATTENDING = "attending", "Attending"
    APOLOGIES = "apologies", "Sending apologies"
    SENDING_REPORT = "sending_report", "Not attending, sending a report"


class AttendanceStatus(models.TextChoices):
    """What the chair recorded for a person on the day."""

    ATTENDED = "attended", "Attended"
    APOLOGIES = "apologies", "Sent apologies"
    ABSENT = "absent", "Did not attend, no apologies"


class LevelDecision(models.TextChoices):
    """What a meeting decided about a case's level (MAPPA Guidance ch.7, ch.13b)."""

    STAYS = "stays", "The level stays the same"
    UP = "up", "The level goes up"
    DOWN = "down", "The level goes down"
    LEAVES = "leaves", "The case leaves MAPPA"


class CarriedFrom(models.TextChoices):
    """Where a case's minutes were pre-filled from (MAPPA C notes: if still accurate)."""

    NOTHING = "", "Nothing"
    MINUTES = "minutes", "The last approved minutes"
    REFERRAL = "referral", "The referral (MAPPA A)"


class ShareStatus(models.TextChoices):
    """Onward sharing of minutes outside the attendees (MAPPA D: the chair's agreement)."""

    REQUESTED = "requested", "Awaiting the chair's decision"
    APPROVED = "approved", "Approved by the chair"
    REFUSED = "refused", "Refused by the chair"
    SHARED = "shared", "Shared"
