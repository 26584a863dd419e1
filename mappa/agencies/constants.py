from django.db import models


class AgencyKind(models.TextChoices):
    """Responsible authority and duty-to-co-operate agency types (CJA 2003 s.325)."""

    POLICE = "police", "Police"
    PROBATION = "probation", "Probation"
    PRISON = "prison", "Prison"
    YOUTH_OFFENDING = "youth_offending", "Youth offending team"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    EDUCATION = "education", "Education"
    HOUSING_AUTHORITY = "housing_authority", "Housing authority"
    REGISTERED_SOCIAL_LANDLORD = "registered_social_landlord", "Registered social landlord"
    HEALTH = "health", "Health"
    MENTAL_HEALTH = "mental_health", "Mental health"
    DWP = "dwp", "DWP / Jobcentre Plus"
    ELECTRONIC_MONITORING = "electronic_monitoring", "Electronic monitoring"
    IMMIGRATION_ENFORCEMENT = "immigration_enforcement", "Immigration enforcement"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", "MAPPA co-ordinator"
    CHAIR = "chair", "Meeting chair"
    RA_PRACTITIONER = "ra_practitioner", "Responsible authority practitioner"
    DTC_PRACTITIONER = "dtc_practitioner", "Duty-to-co-operate practitioner"
    MASH_NAMED_PERSON = "mash_named_person", "MASH named person"
    MARAC_COORDINATOR = "marac_coordinator", "MARAC co-ordinator"
    DISCLOSURE_OFFICER = "disclosure_officer", "Disclosure officer"
    SMB_MEMBER = "smb_member", "Strategic Management Board member"
    LAY_ADVISER = "lay_adviser", "Lay adviser"
    SYSADMIN = "sysadmin", "System administrator"


class AccessReason(models.TextChoices):
    """Why a user or agency may see a case they would not otherwise see."""

    LEAD_AGENCY = "lead_agency", "Lead agency for the case"
    MEETING_INVITATION = "meeting_invitation", "Invited to a meeting about the case"
    ACTION_OWNER = "action_owner", "Owns an action on the case"
    COORDINATOR_GRANT = "coordinator_grant", "Granted by the MAPPA co-ordinator"
    BREAK_GLASS = "break_glass", "Emergency access (break-glass)"
