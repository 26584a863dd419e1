from django.db import models


class Decision(models.TextChoices):
    DISCLOSE = "disclose", "Disclose"
    DO_NOT_DISCLOSE = "do_not_disclose", "Do not disclose"


class Relationship(models.TextChoices):
    """The recipient's relationship to the risk (MAPPA Guidance ch.10)."""

    NEW_PARTNER = "new_partner", "New or current partner"
    PARENT_OR_CARER = "parent_or_carer", "Parent or carer of a child at risk"
    LANDLORD = "landlord", "Landlord or housing provider"
    HEAD_TEACHER = "head_teacher", "Head teacher or school"
    EMPLOYER = "employer", "Employer"
    VOLUNTARY_GROUP = "voluntary_group", "Voluntary, faith or community group"
    OTHER = "other", "Other"


class Method(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    TELEPHONE = "telephone", "By telephone"
    LETTER = "letter", "By letter"


class Origin(models.TextChoices):
    """Where a disclosure decision was made."""

    MEETING = "meeting", "At a MAPPA meeting"
    STANDALONE = "standalone", "Outside a meeting"
    CSODS = "csods", "Child Sex Offender Disclosure Scheme application"
    DVDS = "dvds", "Domestic Violence Disclosure Scheme application"


class DecisionStatus(models.TextChoices):
    """Where a decision stands (computed by `rules.decision_status`)."""

    DECLINED = "declined", "Not to disclose"
    AWAITING_AGREEMENT = "awaiting_agreement", "Awaiting agreement"
    TO_BE_MADE = "to_be_made", "Disclosure to be made"
    MADE = "made", "Disclosure made"


class Scheme(models.TextChoices):
    CSODS = "csods", "Child Sex Offender Disclosure Scheme"
    DVDS = "dvds", "Domestic Violence Disclosure Scheme"


class Route(models.TextChoices):
    """How an application began (CSODS and DVDS guidance: the right to ask; DVDS: right to know)."""

    RIGHT_TO_ASK = "right_to_ask", "Right to ask"
    RIGHT_TO_KNOW = "right_to_know", "Right to know"


class ReceivedVia(models.TextChoices):
    PUBLIC_FORM = "public_form", "Public website"
    STAFF = "staff", "Recorded by staff"


class Stage(models.TextChoices):
    """The stages of both schemes, in order (CSODS guidance 2010/2023; DVDS guidance 2023)."""

    INITIAL_CONTACT = "initial_contact", "Initial contact"
    IMMEDIATE_RISK = "immediate_risk", "Immediate risk check"
    FACE_TO_FACE = "face_to_face", "Face-to-face meeting"
    RESEARCH = "research", "Research"
    DECISION = "decision", "Decision"
    DISCLOSURE = "disclosure", "Disclosure or letter"
    CLOSED = "closed", "Closed"


class Outcome(models.TextChoices):
    DISCLOSED = "disclosed", "Information disclosed"
    NOT_DISCLOSED = "not_disclosed", "Nothing disclosed: letter sent"
    SAFEGUARDING = "safeguarding", "Urgent safeguarding: dealt with outside the scheme"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Rag(models.TextChoices):
    RED = "red", "Overdue"
    AMBER = "amber", "Due soon"
    GREEN = "green", "On track"
