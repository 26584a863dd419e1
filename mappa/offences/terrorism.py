"""Terrorism offences: what a Schedule 15 Part 3 offence does for MAPPA, as pure rules.

Pure Python, ready for category 4 (MAPPA Guidance ch.24, "Managing Terrorism and Extremism") to
call; this module does not set any category. A Part 3 offence never counts for category 2 (CJA
2003 s.327(3)(a) names only "Part 1 or 2 of Schedule 15": `rules.specified_for_category_2`).
What it can bring is the notification requirements of the Counter-Terrorism Act 2008 Part 4:

- s.44 (in force 1 October 2009, S.I. 2009/1493 art. 2(a)): the person is "aged 16 or over at
  the time of being dealt with" for an offence to which Part 4 applies, and is made subject to
  a sentence or order within s.45.
- s.45(1)(a), England and Wales, after conviction: (i) imprisonment or custody for life, (ii)
  imprisonment or detention in a young offender institution for a term of 12 months or more,
  (iii) imprisonment or detention for public protection (CJA 2003 s.225), (iv) detention for
  life or 12 months or more (PCC(S)A 2000 s.91, Sentencing Code s.250), (v) a detention and
  training order for 12 months or more, (vi) detention for public protection (CJA 2003 s.226),
  (via) detention under CJA 2003 s.226B or Sentencing Code s.254; and, as at 1 October 2009,
  (vii) detention during Her Majesty's pleasure. A suspended sentence counts as imprisonment
  for its term (CJA 2003 s.189(6)).
- s.45(1)(b): conviction of, or a finding of insanity or disability for, such an offence
  "carrying a maximum term of imprisonment of 12 months or more", "and made subject in respect
  of the offence to a hospital order" (the end read only in a revised text last updated
  2012-03-26: GitHub legalize-dev/legalize-uk, uk/ukpga-2008-28.md, commit 02fdf72).
- s.53 (Explanatory Notes para 139; the section's own text was not read): 30 years for a
  person 18 or over at conviction sentenced to 10 years or more (life and indeterminate
  sentences included), 15 years for 5 years or more but less than 10, 10 years otherwise. The
  period begins with the day the person is dealt with (s.53(4)), and time in custody or
  detained in hospital does not count towards it (s.53(7)), so no end date is given here.
- s.41 lists the terrorism offences Part 4 applies to. In the same 2012-03-26 text it names
  Terrorism Act 2000 ss.11, 12, 15 to 18, 38B, 54 and 56 to 61, ATCSA 2001 s.113, Terrorism Act
  2006 ss.1, 2, 5, 6, 8, 9, 10 and 11, offences with extra-territorial jurisdiction under TA 2000
  ss.62 to 63D or TA 2006 s.17, and (s.41(2)) their ancillary offences: every Schedule 15 Part 3
  offence in the catalogue (TA 2000 ss.58A and 58B within "sections 56 to 61"). Later
  amendments to s.41 (s.41(3) allows them by order) have not been read, so the basis still says
  UNVERIFIED. s.42(1)(a) applies Part 4 to an offence a court has determined under s.30 to have a
  terrorist connection; which offences s.30 reaches (its Schedule 2) has not been read.

Anything resting on text not read makes `verified` False and says UNVERIFIED in the basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CTA = "Counter-Terrorism Act 2008"
S41_UNREAD = (
    "s.41 (the offences Part 4 applies to) was read only as at 2012-03-26, where it names every "
    "Schedule 15 Part 3 offence; its current text has not been read: UNVERIFIED"
)
S45B_UNREAD = (
    's.45(1)(b) ends "made subject ... to a hospital order" in the text as at 2012-03-26; its '
    "current text has not been read: UNVERIFIED"
)
S53_UNREAD = (
    "s.53 as described in its Explanatory Notes (para 139), the section not read: UNVERIFIED"
)
FINDINGS = {"not_guilty_insanity", "unfit_to_plead_did_act"}
HOSPITAL = {"hospital_order", "hospital_order_with_restriction"}
TERMED = {"imprisonment", "extended_sentence", "suspended_imprisonment"}


@dataclass(frozen=True)
class TerrorismFacts:
    code: str
    title: str
    outcome: str  # conviction | caution | not_guilty_insanity | unfit_to_plead_did_act
    dealt_with_on: date  # the relevant date, taken as the day dealt with
    age_when_dealt_with: int | None  # on the relevant date: s.44(a) and s.53's age at conviction
    disposal_type: str | None
    term_months: float | None  # the custodial term; a DTO's whole term
    detention_and_training_order: bool
    in_schedule_15_part_3: bool
    terrorist_connection_determined: bool = False  # CTA 2008 s.42 (court's determination)


@dataclass(frozen=True)
class TerrorismNotification:
    applies: bool
    period_years: int | None
    start_date: date | None
    basis: str
    verified: bool


# CTA 2008 s.41, s.42: whether Part 4 applies to the offence at all
def part_4_offence(facts: TerrorismFacts) -> tuple[bool, str, bool]:
    """(applies, why, verified)."""
    if facts.terrorist_connection_determined:
        return (
            True,
            f"{CTA} s.42: the court determined that the offence has a terrorist connection",
            True,
        )
    if facts.in_schedule_15_part_3:
        return (
            True,
            f"{facts.title} ({facts.code}) is a CJA 2003 Sch.15 Part 3 offence; {S41_UNREAD}",
            False,
        )
    return (
        False,
        f"{facts.title} ({facts.code}) is not an offence to which {CTA} Part 4 applies",
        True,
    )


# CTA 2008 s.45(1): the sentence or order that triggers the notification requirements
def triggering_sentence(facts: TerrorismFacts) -> tuple[str | None, bool]:
    """The s.45 words for the sentence or order, or None; and whether the text was read."""
    kind, term = facts.disposal_type or "none", facts.term_months or 0
    if kind in HOSPITAL and facts.outcome in {"conviction", *FINDINGS}:
        return f"a hospital order (s.45(1)(b)); {S45B_UNREAD}", False
    if facts.outcome != "conviction":
        return None, True
    if kind == "life_imprisonment":
        return "imprisonment or custody for life (s.45(1)(a)(i))", True
    if kind == "ipp":
        return "imprisonment or detention for public protection (s.45(1)(a)(iii), (vi))", True
    if kind in TERMED and term >= 12:
        if facts.detention_and_training_order:
            return f"a detention and training order for {term:g} months (s.45(1)(a)(v))", True
        return f"imprisonment or detention for {term:g} months (s.45(1)(a)(ii), (iv))", True
    return None, True


# CTA 2008 s.53 (Explanatory Notes para 139): 30, 15 or 10 years
def period_years(facts: TerrorismFacts) -> int:
    adult = facts.age_when_dealt_with is not None and facts.age_when_dealt_with >= 18
    indeterminate = facts.disposal_type in ("life_imprisonment", "ipp")
    term = facts.term_months or 0
    if adult and (indeterminate or term >= 120):
        return 30
    return 15 if adult and term >= 60 else 10


# CTA 2008 ss.41-45, 53: whether the Part 4 notification requirements apply, and for how long
def terrorism_notification(facts: TerrorismFacts) -> TerrorismNotification:
    listed, why, listed_read = part_4_offence(facts)
    if not listed:
        return TerrorismNotification(False, None, None, why, listed_read)
    age = facts.age_when_dealt_with
    if age is None or age < 16:
        told = (
            "age when dealt with is not recorded" if age is None else f"aged {age} when dealt with"
        )
        basis = f"{why}; {CTA} s.44(a) needs 16 or over when dealt with: {told}"
        return TerrorismNotification(False, None, None, basis, listed_read)
    sentence, sentence_read = triggering_sentence(facts)
    if sentence is None:
        basis = f"{why}; no sentence or order within {CTA} s.45(1)"
        return TerrorismNotification(False, None, None, basis, listed_read)
    years = period_years(facts)
    basis = (
        f"{CTA} Part 4 notification (s.44): {why}; {sentence}; {years} years from "
        f"{facts.dealt_with_on} ({S53_UNREAD}), not counting time in custody (s.53(7))"
    )
    return TerrorismNotification(True, years, facts.dealt_with_on, basis, False)
