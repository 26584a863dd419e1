"""Terrorism offences: what an offence does for MAPPA under the Counter-Terrorism Act 2008 Part 4,
as pure rules.

Pure Python, ready for category 4 (MAPPA Guidance ch.24, "Managing Terrorism and Extremism") to
call; this module does not set any category. A Schedule 15 Part 3 offence never counts for
category 2 (CJA 2003 s.327(3)(a) names only "Part 1 or 2 of Schedule 15":
`rules.specified_for_category_2`). What a terrorism offence can bring is the notification
requirements of the Counter-Terrorism Act 2008 Part 4.

The text read is the revised Act "last updated 2025-01-01" (GitHub legalize-dev/legalize-uk,
uk/ukpga-2008-28.md, commit f977010740bcece2ee375be2da503aaf702671d1, a copy of
legislation.gov.uk), ss.40 to 61, read 2026-12-05:

- s.41(1), the offences Part 4 applies to: (a) Terrorism Act 2000 ss.11, 12, 15 to 18, 38B, 54
  and 56 to 61; (b) offences with extra-territorial jurisdiction under TA 2000 ss.62 to 63D;
  (c) ATCSA 2001 s.113; (d) Terrorism Act 2006 ss.1, 2, 5, 6, 8, 9, 10 and 11; (e) offences with
  extra-territorial jurisdiction under TA 2006 s.17; (f) TPIMA 2011 s.23 and (g) CTSA 2015
  s.10(1) or (3), each "dealt with on or after the day on which section 42 of the
  Counter-Terrorism and Sentencing Act 2021 comes into force": 29 June 2021 (CTSA 2021 s.50(2)(s),
  "at the end of the period of two months beginning with the day on which this Act is passed",
  29 April 2021). s.41(2): their ancillary offences, which the catalogue records under the
  substantive offence's code. `S41_OFFENCES` holds the catalogue's codes; (b) and (e) depend on
  where the offence was committed, which the record does not hold.
- s.42(1): an offence a court has determined has a terrorist connection, (za) under Sentencing
  Code s.69 (England and Wales) or (a) under CTA 2008 s.30 (Northern Ireland); (b) an offence to
  which s.31 applies (Scotland).
- s.43(1): for someone dealt with before Part 4 came into force (1 October 2009, S.I.
  2009/1493 art. 2(a)) it applies only if, just before then, they were imprisoned or detained
  for the offence (or would have been but for being at large, on leave or on bail pending an
  appeal), or on licence for it. The record does not show that, so it is left to a person.
- s.44: "aged 16 or over at the time of being dealt with", and a sentence or order within s.45.
  s.61(1): "dealt with" is being sentenced, or made subject to a hospital order.
- s.45: (1) England and Wales, (2) Scotland, (3) Northern Ireland, each with (a) the custodial
  sentences (life; imprisonment or detention for 12 months or more; indeterminate sentences; in
  England and Wales also a detention and training order of 12 months or more, detention under
  CJA 2003 s.226B or Sentencing Code ss.252A, 254, and detention during Her Majesty's pleasure)
  and (b) conviction of, or a finding of insanity or disability for, such an offence "carrying
  a maximum term of imprisonment of 12 months or more ... and made subject in respect of the
  offence to a hospital order". A suspended sentence counts as imprisonment for its term (CJA
  2003 s.189(6)). The catalogue does not hold maximum terms, so a hospital-order result says
  UNVERIFIED. Someone dealt with outside the United Kingdom is brought in only by a notification
  order (s.57, Schedule 4), which is a court's decision.
- s.53: 30 years for a person "aged 18 or over at the time of conviction" given life,
  imprisonment or detention in a young offender institution for 10 years or more, imprisonment
  for public protection or an equivalent indeterminate sentence; 15 years for such a term of 5
  years or more but less than 10; 10 years in any other case. The period begins with the day the
  person is dealt with (s.53(4)) and time in custody or detained in hospital does not count
  towards it (s.53(7)), so no end date is given. s.53(6) (consecutive or overlapping terms for
  two or more Part 4 offences are added together) is not applied: the period is worked out
  offence by offence.

Anything resting on text not read makes `verified` False and says UNVERIFIED in the basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

CTA = "Counter-Terrorism Act 2008"
PART_4_IN_FORCE = date(2009, 10, 1)  # S.I. 2009/1493 art. 2(a)
CTSA_2021_S42_IN_FORCE = date(2021, 6, 29)  # CTSA 2021 s.50(2)(s); passed 29 April 2021

# CTA 2008 s.41(1): the catalogue's codes for the offences Part 4 applies to, with the paragraph
TA_2000 = ("11", "12", "15", "16", "17", "18", "38B", "54", "56", "57", "58", "58A", "58B", "59")
TA_2006 = ("1", "2", "5", "6", "8", "9", "10", "11")
S41_OFFENCES = {
    **{f"TA2000/s{section}": "s.41(1)(a)" for section in TA_2000},
    "ACSA2001/s113": "s.41(1)(c)",
    **{f"TA2006/s{section}": "s.41(1)(d)" for section in TA_2006},
    "TPIMA2011/s23": "s.41(1)(f)",
    "CSA2015/s10": "s.41(1)(g)",
}
# s.41(1)(f), (g): only offences dealt with on or after the day CTSA 2021 s.42 came into force
S41_DEALT_WITH_FROM = {
    "TPIMA2011/s23": CTSA_2021_S42_IN_FORCE,
    "CSA2015/s10": CTSA_2021_S42_IN_FORCE,
}
MAXIMUM_TERM_UNRECORDED = (
    "s.45(1)(b) to (3)(b) need the offence to carry a maximum term of 12 months or more (s.45(4)), "
    "which the catalogue does not record: UNVERIFIED"
)
FINDINGS = {"not_guilty_insanity", "unfit_to_plead_did_act"}
HOSPITAL = {"hospital_order", "hospital_order_with_restriction"}
TERMED = {"imprisonment", "extended_sentence", "suspended_imprisonment"}

# CTA 2008 s.45: the subsection for the court's country, and its words for each kind of sentence
# (the record's disposal types are England and Wales's; the other countries' nearest sentences
# are named from s.45(2) and (3))
S45 = {
    "england_and_wales": {
        "life": "imprisonment or custody for life (s.45(1)(a)(i))",
        "ipp": "imprisonment or detention for public protection (s.45(1)(a)(iii), (vi))",
        "term": "imprisonment or detention for {term} months (s.45(1)(a)(ii), (iv))",
        "dto": "a detention and training order for {term} months (s.45(1)(a)(v))",
        "hospital": "a hospital order (s.45(1)(b))",
    },
    "scotland": {
        "life": "imprisonment or detention for life (s.45(2)(a)(i))",
        "ipp": "an order for lifelong restriction (s.45(2)(a)(iii))",
        "term": "imprisonment or detention for {term} months (s.45(2)(a)(ii), (v))",
        "dto": "detention for {term} months (s.45(2)(a)(v))",
        "hospital": "a hospital order (s.45(2)(b))",
    },
    "northern_ireland": {
        "life": "imprisonment for life (s.45(3)(a)(i))",
        "ipp": "an indeterminate custodial sentence (s.45(3)(a)(iii))",
        "term": "imprisonment or detention for {term} months (s.45(3)(a)(ii), (vii))",
        "dto": "a juvenile justice centre order for {term} months (s.45(3)(a)(v))",
        "hospital": "a hospital order (s.45(3)(b))",
    },
}


@dataclass(frozen=True)
class TerrorismFacts:
    code: str
    title: str
    outcome: str  # conviction | caution | not_guilty_insanity | unfit_to_plead_did_act
    dealt_with_on: date  # the relevant date, taken as the day dealt with (s.61(1))
    age_when_dealt_with: int | None  # on the relevant date: s.44(a) and s.53's age at conviction
    disposal_type: str | None
    term_months: float | None  # the custodial term; a DTO's whole term
    detention_and_training_order: bool
    terrorist_connection_determined: bool = False  # CTA 2008 s.42 (court's determination)
    court_jurisdiction: str = "england_and_wales"  # where the court sat (s.45(1) to (3), s.57)


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
    named = f"{facts.title} ({facts.code})"
    if facts.terrorist_connection_determined:
        return (
            True,
            f"{CTA} s.42(1): the court determined that {named} has a terrorist connection",
            True,
        )
    paragraph = S41_OFFENCES.get(facts.code)
    if paragraph is None:
        return False, f"{named} is not an offence to which {CTA} Part 4 applies", True
    start = S41_DEALT_WITH_FROM.get(facts.code)
    if start is not None and facts.dealt_with_on < start:
        why = (
            f"{named} brings {CTA} Part 4 only when dealt with on or after {start} "
            f"({paragraph}); it was dealt with on {facts.dealt_with_on}"
        )
        return False, why, True
    return True, f"{named} is an offence to which {CTA} Part 4 applies ({paragraph})", True


# CTA 2008 s.43(1), s.57: what the record cannot settle by itself
def outside_the_record(facts: TerrorismFacts) -> str | None:
    if facts.court_jurisdiction == "outside_uk":
        return (
            "dealt with outside the United Kingdom, so Part 4 applies only if a court makes a "
            f"notification order ({CTA} s.57, Schedule 4)"
        )
    if facts.dealt_with_on < PART_4_IN_FORCE:
        return (
            f"dealt with before Part 4 came into force on {PART_4_IN_FORCE}, so it applies only "
            "if the person was then imprisoned or detained for the offence, unlawfully at large, "
            f"on leave or on bail pending an appeal, or on licence for it ({CTA} s.43(1)), which "
            "the record does not show"
        )
    return None


# CTA 2008 s.45: the sentence or order that triggers the notification requirements
def triggering_sentence(facts: TerrorismFacts) -> tuple[str | None, bool]:
    """The s.45 words for the sentence or order, or None; and whether the text settles it."""
    words = S45.get(facts.court_jurisdiction, S45["england_and_wales"])
    kind, term = facts.disposal_type or "none", facts.term_months or 0
    if kind in HOSPITAL and facts.outcome in {"conviction", *FINDINGS}:
        return f"{words['hospital']}; {MAXIMUM_TERM_UNRECORDED}", False
    if facts.outcome != "conviction":
        return None, True
    if kind == "life_imprisonment":
        return words["life"], True
    if kind == "ipp":
        return words["ipp"], True
    if kind in TERMED and term >= 12:
        key = "dto" if facts.detention_and_training_order else "term"
        return words[key].format(term=f"{term:g}"), True
    return None, True


# CTA 2008 s.53(1) to (3): 30, 15 or 10 years
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
    unsettled = outside_the_record(facts)
    if unsettled is not None:
        return TerrorismNotification(False, None, None, f"{why}; {unsettled}", listed_read)
    age = facts.age_when_dealt_with
    if age is None or age < 16:
        told = (
            "age when dealt with is not recorded" if age is None else f"aged {age} when dealt with"
        )
        basis = f"{why}; {CTA} s.44(a) needs 16 or over when dealt with: {told}"
        return TerrorismNotification(False, None, None, basis, listed_read)
    sentence, sentence_read = triggering_sentence(facts)
    if sentence is None:
        basis = f"{why}; no sentence or order within {CTA} s.45"
        return TerrorismNotification(False, None, None, basis, listed_read)
    years = period_years(facts)
    basis = (
        f"{CTA} Part 4 notification (s.44): {why}; {sentence}; {years} years from "
        f"{facts.dealt_with_on} (s.53(1), (4)), not counting time in custody (s.53(7))"
    )
    return TerrorismNotification(
        True, years, facts.dealt_with_on, basis, listed_read and sentence_read
    )
