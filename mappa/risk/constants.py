"""Codes for risk of serious harm, risk management plans and licence conditions."""

from django.db import models


class RoshLevel(models.TextChoices):
    """OASys risk of serious harm levels (shared/reference/domain.md §4.1); there is no "no risk"."""

    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    VERY_HIGH = "very_high", "Very high"


class Setting(models.TextChoices):
    COMMUNITY = "community", "In the community"
    CUSTODY = "custody", "In custody"


class RiskGroup(models.TextChoices):
    """Who may come to serious harm; OASys rates each group separately."""

    CHILDREN = "children", "Children"
    PUBLIC = "public", "Public"
    KNOWN_ADULT = "known_adult", "Known adult"
    STAFF = "staff", "Staff"
    PRISONERS = "prisoners", "Prisoners"


class Imminence(models.TextChoices):
    """How soon serious harm could happen (NOMS RoSH guidance: very high means imminent)."""

    IMMINENT = "imminent", "Imminent: more likely than not to happen soon"
    NOT_IMMINENT = "not_imminent", "Not imminent"


class Tool(models.TextChoices):
    """Risk assessment tools named in the MAPPA Guidance (domain.md §4.2)."""

    OASYS = "oasys", "OASys (Offender Assessment System)"
    ARMS = "arms", "ARMS (Active Risk Management System)"
    RM2000 = "rm2000", "RM2000 (Risk Matrix 2000)"
    OSP = "osp", "OSP (OASys Sexual reoffending Predictor)"
    SARA = "sara", "SARA (Spousal Assault Risk Assessment)"
    OTHER = "other", "Another tool"


class PlanSection(models.TextChoices):
    """The four pillars of a risk management plan, plus contingency (MAPPA Guidance ch.12)."""

    SUPERVISION = "supervision", "Supervision"
    MONITORING_AND_CONTROL = "monitoring_and_control", "Monitoring and control"
    INTERVENTIONS_AND_TREATMENT = "interventions_and_treatment", "Interventions and treatment"
    VICTIM_SAFETY_PLANNING = "victim_safety_planning", "Victim safety planning"
    CONTINGENCY = "contingency", "Contingency"


class ConditionKind(models.TextChoices):
    """Licence conditions a plan records (domain.md §4.3; PI 13/2010, PI 11/2014)."""

    RESIDENCE = "residence", "Residence"
    NO_CONTACT = "no_contact", "No contact with a named person"
    EXCLUSION_ZONE = "exclusion_zone", "Exclusion zone"
    CURFEW = "curfew", "Curfew"
    ELECTRONIC_MONITORING = "electronic_monitoring", "Electronic monitoring"
    POLYGRAPH = "polygraph", "Polygraph examinations"
    PROGRAMME_ATTENDANCE = "programme_attendance", "Programme attendance"
    OTHER = "other", "Other condition"


class Monitoring(models.TextChoices):
    """What an electronic monitoring condition monitors."""

    CURFEW = "curfew", "Curfew (radio frequency tag)"
    LOCATION = "location", "Location (GPS tag)"
    ALCOHOL = "alcohol", "Alcohol (transdermal tag)"
