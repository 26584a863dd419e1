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
