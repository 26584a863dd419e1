"""The sentences the rules read, and a custodial term as SOA 2003 s.82 and CJA 2003 s.327 count it.

Pure Python, shared by `rules` (the s.82 table) and `category_2` (s.327(3)(b)); how each
disposal maps onto the statutes is set out in `rules`' module docstring.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from mappa.offences.periods import detention_period, in_months

if TYPE_CHECKING:
    from mappa.offences.rules import OffenceFacts

EXTENDED_SENTENCE_MINIMUM_FROM = date(2012, 12, 3)
CUSTODIAL = {"life_imprisonment", "ipp", "imprisonment", "extended_sentence"}
TERMED = {"imprisonment", "extended_sentence", "suspended_imprisonment"}
HOSPITAL = {"hospital_order", "hospital_order_with_restriction"}
FINDINGS = {"not_guilty_insanity", "unfit_to_plead_did_act"}
VERBS = {
    "conviction": "convicted of",
    "not_guilty_insanity": "found not guilty by reason of insanity of",
    "unfit_to_plead_did_act": "found unfit to plead but to have done the act of",
}


# SOA 2003 s.82(1) with s.131; R v Wiles [2004] EWCA Crim 836 (extended sentences). The
# aggregate of consecutive terms counts for s.82 only (s.82(4)); CJA 2003 s.327 reads each
# sentence as it was passed.
def custodial_term(offence: OffenceFacts, *, for_s82: bool) -> tuple[float, str]:
    term, kind = offence.term_months, offence.disposal_type
    if term is None:
        raise ValueError(f"{offence.code}: term_months is required for {kind}")
    if for_s82 and offence.aggregate_term_months is not None:
        return offence.aggregate_term_months, offence.aggregate_basis
    if offence.detention_and_training_order:
        if not for_s82:
            return term, f"a detention and training order for {in_months(term)}"
        half = detention_period(term)
        return half, (
            f"detention for {in_months(half)}, the detention half of a detention and training "
            f"order for {in_months(term)} (s.131(a))"
        )
    if kind == "suspended_imprisonment":
        return (
            term,
            f"a suspended sentence of imprisonment for {in_months(term)} (CJA 2003 s.189(6))",
        )
    if kind != "extended_sentence":
        return term, f"imprisonment or detention for {in_months(term)}"
    if offence.relevant_date < EXTENDED_SENTENCE_MINIMUM_FROM:
        return term, (
            f"an extended sentence with a custodial term of {in_months(term)}; the extension "
            "period is not recorded and had no minimum before 3 December 2012, so the term "
            "is taken as the custodial term alone"
        )
    return term + 12, (
        f"an extended sentence with a custodial term of {in_months(term)} plus an extension "
        "period of at least 1 year (Sentencing Code s.281(4)(a)), a term of at least "
        f"{in_months(term + 12)} (R v Wiles [2004] EWCA Crim 836)"
    )
