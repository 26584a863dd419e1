from django.db import models


class Category(models.IntegerChoices):
    """MAPPA categories (CJA 2003 s.325(2), s.327); null means "to be determined"."""

    REGISTERED_SEXUAL_OFFENDER = 1, "Category 1: registered sexual offender"
    VIOLENT_OFFENDER = 2, "Category 2: violent or other sexual offender"
    OTHER_DANGEROUS_OFFENDER = 3, "Category 3: other dangerous offender"
    TERRORISM = 4, "Category 4: terrorist or terrorism-risk offender"


class Level(models.IntegerChoices):
    """MAPPA management levels (MAPPA Guidance ch.7)."""

    ORDINARY = 1, "Level 1: ordinary agency management"
    MULTI_AGENCY = 2, "Level 2: multi-agency management"
    ACTIVE_MULTI_AGENCY = 3, "Level 3: active multi-agency management"


class LeadAgency(models.TextChoices):
    POLICE = "police", "Police"
    PROBATION = "probation", "Probation"
    PRISON = "prison", "Prison"
    HEALTH = "health", "Health"
    YOUTH_OFFENDING = "youth_offending", "Youth offending team"


class DecisionSource(models.TextChoices):
    """Where a level decision was made."""

    SCREENING = "screening", "Referral screening"
    MEETING = "meeting", "MAPPA meeting"
    REVIEW = "review", "Level 1 review"
    IMPORT = "import", "Imported record"
    TRANSFER = "transfer", "Transfer from another area"


# Where a decision comes from that the service records itself (an import, a transfer's acceptance):
# not offered when someone records a decision by hand.
SET_BY_THE_SERVICE = frozenset({DecisionSource.IMPORT, DecisionSource.TRANSFER})


class ClosureReason(models.TextChoices):
    """Why a case left MAPPA (deregistration)."""

    ELIGIBILITY_ENDED = "eligibility_ended", "Eligibility ended (notification or licence ended)"
    RISK_REDUCED = (
        "risk_reduced",
        "Risk reduced: no longer needs multi-agency management (category 3)",
    )
    DIED = "died", "Died"
    MOVED_AREA = "moved_area", "Moved to another MAPPA area"
    DEPORTED = "deported", "Deported or removed from the UK"
    OTHER = "other", "Other reason"


class ReviewDecision(models.TextChoices):
    """What a level 1 review decided."""

    STAY = "stay", "Stay at level 1"
    REFER_UP = "refer_up", "Refer to level 2 or 3"
    CLOSE = "close", "Close the case (leave MAPPA)"


class TerrorismManagement(models.TextChoices):
    """Where a category 4 case is managed, as its lead agency decides (MAPPA Guidance para 24.25)."""

    CT_MAPPA = "ct_mappa", "CT MAPPA"
    LOCAL_MAPPA = "local_mappa", "Local MAPPA"


class CaseKind(models.TextChoices):
    """What a case is: a MAPPA case, or a potentially dangerous person managed outside MAPPA by
    the police (College of Policing APP, "Potentially dangerous persons")."""

    MAPPA = "mappa", "MAPPA case"
    PDP = "pdp", "Potentially dangerous person (not MAPPA)"


class PoliceRank(models.TextChoices):
    """Police ranks in England and Wales, lowest first (`rules.POLICE_RANKS` holds the order)."""

    CONSTABLE = "constable", "Constable"
    SERGEANT = "sergeant", "Sergeant"
    INSPECTOR = "inspector", "Inspector"
    CHIEF_INSPECTOR = "chief_inspector", "Chief Inspector"
    SUPERINTENDENT = "superintendent", "Superintendent"
    CHIEF_SUPERINTENDENT = "chief_superintendent", "Chief Superintendent"
    ASSISTANT_CHIEF_CONSTABLE = "assistant_chief_constable", "Assistant Chief Constable"
    DEPUTY_CHIEF_CONSTABLE = "deputy_chief_constable", "Deputy Chief Constable"
    CHIEF_CONSTABLE = "chief_constable", "Chief Constable"


class PdpClosure(models.TextChoices):
    """Why a potentially dangerous person's case closed (beside `ClosureReason`, MAPPA's own)."""

    NOT_MANAGED = "pdp_not_managed", "Not managed as a potentially dangerous person"
    ENDED = "pdp_ended", "Management as a potentially dangerous person ended"


class PdpStep(models.TextChoices):
    """What a step in a potentially dangerous person's management recorded."""

    PROPOSED = "proposed", "Proposed for management as a potentially dangerous person"
    MANAGE = "manage", "Decided: manage as a potentially dangerous person"
    NOT_MANAGED = "not_managed", "Decided: not managed as a potentially dangerous person"
    CONTINUE = "continue", "Reviewed: continue as a potentially dangerous person"
    END = "end", "Reviewed: end management as a potentially dangerous person"
    MOVED_TO_MAPPA = "moved_to_mappa", "Moved into MAPPA"


class TransferStatus(models.TextChoices):
    """Where a transfer to another MAPPA area stands (MAPPA Guidance ch.17; docs/transfers.md)."""

    REQUESTED = "requested", "Waiting for the receiving area"
    QUERIED = "queried", "Queried: waiting for the sending area's answer"
    ACCEPTED = "accepted", "Accepted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TransferMessageKind(models.TextChoices):
    """The receiving area's query and the sending area's answer, in the order written."""

    QUERY = "query", "Query from the receiving area"
    ANSWER = "answer", "Answer from the sending area"


class StayReason(models.TextChoices):
    """Why a person stays for a while in another MAPPA area without the case moving."""

    HOLIDAY = "holiday", "Holiday or visit"
    APPROVED_PREMISES = "approved_premises", "Approved premises in another area"
    WORK = "work", "Work or training"
    OTHER = "other", "Other reason"
