from django.db import models


class Gender(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"
    NON_BINARY = "non_binary", "Non-binary"
    NOT_KNOWN = "not_known", "Not known"


class AliasKind(models.TextChoices):
    ALIAS = "alias", "Alias"
    NICKNAME = "nickname", "Nickname"
    PREVIOUS_NAME = "previous_name", "Previous name"


class AddressKind(models.TextChoices):
    HOME = "home", "Home"
    APPROVED_PREMISES = "approved_premises", "Approved premises"
    PROPOSED_RELEASE = "proposed_release", "Proposed release address"
    TEMPORARY = "temporary", "Temporary"
    NO_FIXED_ABODE = "no_fixed_abode", "No fixed abode"


class Relationship(models.TextChoices):
    CHILD = "child", "Child"
    PARTNER = "partner", "Partner"
    FORMER_PARTNER = "former_partner", "Former partner"
    VICTIM = "victim", "Victim"
    HOUSEHOLD_MEMBER = "household_member", "Household member"
    OTHER = "other", "Other"


class EventKind(models.TextChoices):
    """Events on a person's record that the annual statistics count (nominal-import.md)."""

    NOTIFICATION_BREACH_SANCTION = (
        "notification_breach_sanction",
        "Sanctioned for breaching notification requirements",
    )
    LIFETIME_NOTIFICATION_REVOKED = (
        "lifetime_notification_revoked",
        "Indefinite notification requirement discharged on review",
    )
    SHPO_IMPOSED = "shpo_imposed", "Sexual harm prevention order imposed"
    SHPO_FOREIGN_TRAVEL_PROHIBITION = (
        "shpo_foreign_travel_prohibition",
        "SHPO with a foreign travel prohibition",
    )
    NOTIFICATION_ORDER_IMPOSED = "notification_order_imposed", "Notification order imposed"
    SRO_IMPOSED = "sro_imposed", "Sexual risk order imposed"
    SRO_BREACH_SANCTION = "sro_breach_sanction", "Sanctioned for breaching a sexual risk order"
    RETURNED_TO_CUSTODY_LICENCE_BREACH = (
        "returned_to_custody_licence_breach",
        "Returned to custody for breach of licence",
    )
    RETURNED_TO_CUSTODY_ORDER_BREACH = (
        "returned_to_custody_order_breach",
        "Returned to custody for breach of an order",
    )
    SFO_CHARGED = "sfo_charged", "Charged with a serious further offence"


IDENTIFIERS = ("pnc", "cro", "crn", "noms", "visor")
IDENTIFIER_LABELS = {
    "pnc": "PNC ID",
    "cro": "CRO number",
    "crn": "nDelius CRN",
    "noms": "Prison number",
    "visor": "ViSOR reference",
}


class HeldStatus(models.TextChoices):
    """An addition held because another area holds one of its identifiers (docs/register.md)."""

    HELD = "held", "Waiting for the owning area's decision"
    NOT_SAME_PERSON = "not_same_person", "Not the same person: added to the submitting area"
    SAME_PERSON = "same_person", "The same person"
