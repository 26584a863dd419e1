from django.db import models


class Outcome(models.TextChoices):
    """How the case ended: SOA 2003 s.80(1)(a)–(d)."""

    CONVICTION = "conviction", "Convicted"
    CAUTION = "caution", "Cautioned"
    NOT_GUILTY_INSANITY = "not_guilty_insanity", "Not guilty by reason of insanity"
    UNFIT_TO_PLEAD_DID_ACT = (
        "unfit_to_plead_did_act",
        "Unfit to plead but found to have done the act",
    )


class DisposalType(models.TextChoices):
    LIFE_IMPRISONMENT = "life_imprisonment", "Life imprisonment"
    IPP = "ipp", "Imprisonment for public protection"
    IMPRISONMENT = "imprisonment", "Imprisonment or detention"
    EXTENDED_SENTENCE = "extended_sentence", "Extended sentence"
    SUSPENDED_IMPRISONMENT = "suspended_imprisonment", "Suspended sentence of imprisonment"
    HOSPITAL_ORDER = "hospital_order", "Hospital order"
    HOSPITAL_ORDER_WITH_RESTRICTION = (
        "hospital_order_with_restriction",
        "Hospital order with a restriction order",
    )
    GUARDIANSHIP_ORDER = "guardianship_order", "Guardianship order"
    COMMUNITY_ORDER = "community_order", "Community order"
    YOUTH_REHABILITATION_ORDER = "youth_rehabilitation_order", "Youth rehabilitation order"
    CONDITIONAL_DISCHARGE = "conditional_discharge", "Conditional discharge"
    ABSOLUTE_DISCHARGE = "absolute_discharge", "Absolute discharge"
    FINE = "fine", "Fine"
    NONE = "none", "None (caution)"
    OTHER = "other", "Other"


# Disposals whose term must be given: the custodial term, or the order's length.
TERM_REQUIRED = frozenset(
    {
        DisposalType.IMPRISONMENT,
        DisposalType.EXTENDED_SENTENCE,
        DisposalType.SUSPENDED_IMPRISONMENT,
        DisposalType.CONDITIONAL_DISCHARGE,
    }
)

# Indeterminate sentences, which have no term to record: the minimum term (tariff) a court sets
# is not the sentence (SOA 2003 s.82(1): a life or IPP sentence gives an indefinite period).
NO_TERM = frozenset({DisposalType.LIFE_IMPRISONMENT, DisposalType.IPP})


class CourtJurisdiction(models.TextChoices):
    """Where the court that dealt with the offence sat: CJA 2003 s.327(3)(a), (4)(a) count only a
    conviction or finding "by a court in England or Wales" for category 2."""

    ENGLAND_AND_WALES = "england_and_wales", "England and Wales"
    SCOTLAND = "scotland", "Scotland"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"
    OUTSIDE_UK = "outside_uk", "Outside the United Kingdom"


class DrugClass(models.TextChoices):
    """A controlled drug's class (Misuse of Drugs Act 1971 s.2(1)(b), Schedule 2 Parts I to III).
    CJA 2003 s.327(4A)(c) counts supplying a Class A drug to a child for category 2."""

    A = "A", "Class A"
    B = "B", "Class B"
    C = "C", "Class C"
