from django.db import models


class Answer(models.TextChoices):
    """An answer to a DASH question (SafeLives Dash risk checklist: yes, no, not known)."""

    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_KNOWN = "not_known", "Not known"


class DashStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETED = "completed", "Completed"


class Criterion(models.TextChoices):
    """The four MARAC referral criteria (SafeLives; shared/reference/domain.md §7.2)."""

    VISIBLE_HIGH_RISK = "visible_high_risk", "Visible high risk"
    PROFESSIONAL_JUDGEMENT = "professional_judgement", "Professional judgement"
    POTENTIAL_ESCALATION = "potential_escalation", "Potential escalation"
    REPEAT = "repeat", "Repeat"


class RiskBand(models.TextChoices):
    """Bands of the number of "yes" answers used locally (Plymouth; domain.md §7.2)."""

    STANDARD = "standard", "Standard"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class CaseStatus(models.TextChoices):
    """Where a MARAC case is: referred (in the co-ordinator's queue), listed, heard, closed."""

    REFERRED = "referred", "Referred: waiting to be listed"
    LISTED = "listed", "Listed for a meeting"
    HEARD = "heard", "Heard at MARAC"
    CLOSED = "closed", "Closed"


class ParticipantReason(models.TextChoices):
    """Why an agency takes part in a MARAC case (and so may see the victim's record)."""

    REFERRER = "referrer", "Referring agency"
    RESEARCH = "research", "Asked for research"
    ACTION_OWNER = "action_owner", "Owns an action"
    IDVA = "idva", "Independent Domestic Violence Adviser"
    COORDINATOR = "coordinator", "Added by the MARAC co-ordinator"


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Rag(models.TextChoices):
    """Red, amber or green: how an agency's research request stands."""

    RED = "red", "Overdue"
    AMBER = "amber", "Awaiting response"
    GREEN = "green", "Answered"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"


class FoundBy(models.TextChoices):
    """How a MARAC perpetrator was found to be on the MAPPA register."""

    IDENTIFIERS = "identifiers", "Matching identifiers"
    LINKAGE = "linkage", "The linkage engine"


class ChildRelationship(models.TextChoices):
    """A child in the household, and whose child they are."""

    BOTH = "both", "Child of the victim and the perpetrator"
    VICTIM = "victim", "Child of the victim"
    PERPETRATOR = "perpetrator", "Child of the perpetrator"
    OTHER = "other", "Other child in the household"


class PerpetratorRelationship(models.TextChoices):
    """The perpetrator's relationship to the victim."""

    PARTNER = "partner", "Partner"
    FORMER_PARTNER = "former_partner", "Former partner"
    FAMILY_MEMBER = "family_member", "Family member"
    OTHER = "other", "Other"
