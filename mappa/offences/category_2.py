"""CJA 2003 s.327(3), (4): category 2, the violent and other sexual offenders, as pure rules.

s.327(3)(a) asks for a conviction "by a court in England or Wales", and s.327(4)(a) for a finding
by a court in England and Wales: an offence dealt with in Scotland, Northern Ireland or abroad
never makes category 2 here (`OffenceFacts.court_jurisdiction`, England and Wales unless the
record says otherwise).

CJA 2003 s.327(4A) specifies "(a) an offence under section 1 of the Child Abduction Act 1984
(abduction of child by parent); (b) an offence under section 4 of the Asylum and Immigration
(Treatment of Claimants, etc) Act 2004 (trafficking people for exploitation), where the offence
is committed against a child; (c) an offence under section 4(3) of the Misuse of Drugs Act 1971
where the offence is committed by (i) supplying or offering to supply a Class A drug to a child,
(ii) being concerned in the supplying of such a drug to a child, or (iii) being concerned in the
making to a child of an offer to supply such a drug"; (d) to (f) are the inchoate forms, recorded
under the substantive offence's code. s.327(6): "child" means a person under 18. The facts a
paragraph needs are data in ``data/s327_4a.json``, in this condition language:

    condition := null                          the offence counts whatever the facts
      | {"all": [condition, ...]}              every clause holds
      | {"victim_age_under": N}                the victim was under N at the time of the offence
      | {"supplied_to_age_under": N}           the person the drug was supplied or offered to was
                                               under N (recorded as the victim's age)
      | {"drug_class": "A"}                    the controlled drug was of this class (MDA 1971 s.2)
      | {"recorded_as": CODE}                  the offence is recorded under the narrower CODE;
                                               on a wider code it is never shown (MDA1971/s4
                                               does not say whether it was s.4(2) or s.4(3))

As in Schedule 3, each clause is met, not met, or not shown (a fact it needs is not recorded).
Only a met condition makes the offence count, and when the offence would otherwise have made
category 2 the reason says which fact was not met or is missing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from mappa.offences.sentences import FINDINGS, HOSPITAL, TERMED, VERBS, custodial_term

if TYPE_CHECKING:
    from mappa.offences.rules import OffenceFacts, PersonFacts

ENGLAND_AND_WALES = "england_and_wales"
COURTS = {
    "scotland": "a court in Scotland",
    "northern_ireland": "a court in Northern Ireland",
    "outside_uk": "a court outside the United Kingdom",
}
NO_QUALIFYING_SENTENCE = (
    "no conviction for murder or an offence in Part 1 or 2 of Schedule 15 or in s.327(4A) with "
    "a qualifying sentence (CJA 2003 s.327)"
)
PART_3_ALONE = (
    "a Schedule 15 Part 3 (terrorism) offence does not count for category 2: CJA 2003 "
    's.327(3)(a) names only "Part 1 or 2 of Schedule 15" and s.327(4A)'
)


# CJA 2003 s.327(4A)(b), (c) and (6): the facts a paragraph needs, as (met, reasons); met is
# True, False, or None when a fact is not recorded
def s327_4a_condition(offence: OffenceFacts, condition: dict | None = None) -> tuple:
    condition = offence.s327_4a_condition if condition is None else condition
    if condition is None:
        return True, ()
    ((key, value),) = condition.items()
    if key != "all":
        return _S327_LEAVES[key](value, offence)
    results = [s327_4a_condition(offence, clause) for clause in value]
    for wanted in (False, None, True):
        chosen = [why for met, why in results if met is wanted]
        if chosen:
            return wanted, tuple(dict.fromkeys(w for why in chosen for w in why))
    raise AssertionError("an 'all' condition has clauses")


def _victim_age_under(limit: int, offence: OffenceFacts) -> tuple:
    age = offence.victim_age
    if age is None:
        return None, ("the victim's age is not recorded",)
    if age < limit:
        return True, (f"the victim was a child, under {limit} (aged {age})",)
    return False, (f"the victim was not a child, under {limit} (aged {age})",)


def _supplied_to_age_under(limit: int, offence: OffenceFacts) -> tuple:
    age = offence.victim_age
    whom = "the person the drug was supplied or offered to"
    if age is None:
        return None, (f"the age of {whom} is not recorded (give it as the victim's age)",)
    if age < limit:
        return True, (f"{whom} was a child, under {limit} (aged {age})",)
    return False, (f"{whom} was not a child, under {limit} (aged {age})",)


def _drug_class(wanted: str, offence: OffenceFacts) -> tuple:
    drug = offence.drug_class
    if drug is None:
        return None, ("the class of the controlled drug is not recorded",)
    if drug == wanted:
        return True, (f"the drug was a Class {wanted} drug",)
    return False, (f"the drug was a Class {drug} drug, not Class {wanted}",)


def _recorded_as(code: str, offence: OffenceFacts) -> tuple:
    if offence.code == code:
        return True, ()
    return None, (
        f"{offence.code} does not say whether the offence was the one recorded as {code}: "
        f"record it as {code} if it was",
    )


_S327_LEAVES = {
    "victim_age_under": _victim_age_under,
    "supplied_to_age_under": _supplied_to_age_under,
    "drug_class": _drug_class,
    "recorded_as": _recorded_as,
}


# CJA 2003 s.327(3)(a), (4)(a) as in force: "murder or an offence specified in Part 1 or 2 of
# Schedule 15 or in subsection (4A)"; a Part 3 (terrorism) offence alone never counts, and an
# s.327(4A) offence counts only where the facts its paragraph names are recorded and met
def specified_for_category_2(offence: OffenceFacts) -> str | None:
    """How the offence is specified for s.327(3)(a), (4)(a), or None when it is not."""
    if offence.is_murder:
        return "murder"
    if offence.in_schedule_15:
        return offence.schedule_15_reference
    if offence.in_s327_4a:
        met, why = s327_4a_condition(offence)
        if met is True:
            return "; ".join([offence.s327_4a_reference, *why])
    return None


# CJA 2003 s.327(3)(a), (4)(a): "by a court in England or Wales" / "in England and Wales"
def outside_england_and_wales(offence: OffenceFacts) -> str | None:
    """Why s.327(3), (4) cannot count the offence for where it was dealt with, or None."""
    court = offence.court_jurisdiction
    if court == ENGLAND_AND_WALES:
        return None
    return (
        f"{offence.title} ({offence.code}) was dealt with by {COURTS.get(court, court)}, and "
        "CJA 2003 s.327(3)(a) and (4)(a) count only a conviction or finding by a court in "
        "England and Wales"
    )


# CJA 2003 s.327(3)(b), (4)(b): the sentences and orders that qualify for category 2
def qualifying_sentence(offence: OffenceFacts) -> str | None:
    kind = offence.disposal_type or "none"
    if specified_for_category_2(offence) is None or offence.outcome not in VERBS:
        return None
    if outside_england_and_wales(offence):
        return None
    if kind in HOSPITAL or kind == "guardianship_order":
        return "a guardianship order" if kind == "guardianship_order" else "a hospital order"
    if offence.outcome != "conviction":
        return None
    if kind in ("life_imprisonment", "ipp"):
        return "imprisonment for life" if kind == "life_imprisonment" else "IPP"
    if kind in TERMED:
        term, words = custodial_term(offence, for_s82=False)
        return words if term >= 12 else None
    return None


# CJA 2003 s.327(3)(a), (4)(a): offences that would qualify but for the court that dealt with them
def _elsewhere(offences: list[OffenceFacts], as_of: date) -> list[str]:
    return [
        why
        for o in offences
        if o.relevant_date <= as_of
        and (why := outside_england_and_wales(o))
        and qualifying_sentence(replace(o, court_jurisdiction=ENGLAND_AND_WALES))
    ]


# CJA 2003 s.327(4A)(b), (c): offences that would qualify but for a fact not met or not recorded
def _s327_4a_unmet(offences: list[OffenceFacts], as_of: date) -> list[str]:
    found = []
    for o in offences:
        if o.relevant_date > as_of or not o.in_s327_4a or o.in_schedule_15:
            continue
        met, why = s327_4a_condition(o)
        if met is True or not qualifying_sentence(replace(o, s327_4a_condition=None)):
            continue
        what = f"{o.title} ({o.code}) counts for category 2 under {o.s327_4a_reference} only"
        if met is False:
            found.append(f"{what} where its facts are met, and they are not: {'; '.join(why)}")
        else:
            found.append(f"{what} where the record shows its facts: {'; '.join(why)}")
    return found


# CJA 2003 s.327(3), (4): category 2 until the licence or the order ends
def category_2(
    offences: list[OffenceFacts], person: PersonFacts, as_of: date
) -> tuple[bool, date | None, str]:
    found = [(o, w) for o in offences if o.relevant_date <= as_of and (w := qualifying_sentence(o))]
    if not found:
        part_3 = any(o.in_schedule_15_part_3 and not specified_for_category_2(o) for o in offences)
        why = [
            NO_QUALIFYING_SENTENCE,
            *_s327_4a_unmet(offences, as_of),
            *_elsewhere(offences, as_of),
            *([PART_3_ALONE] * part_3),
        ]
        return False, None, "; ".join(why)
    offence, words = max(found, key=lambda pair: pair[0].relevant_date)
    section = "s.327(4)" if offence.outcome in FINDINGS else "s.327(3)"
    listed = specified_for_category_2(offence)
    what = f"{VERBS[offence.outcome]} {offence.title} ({offence.code}; {listed})"
    what += f" with {words} (CJA 2003 {section})"
    end = person.licence_end_date
    if end is not None and end >= offence.relevant_date:
        if as_of > end:
            return False, None, f"the licence or order for {what} ended on {end}"
        return True, end, f"{what}, until the licence or order ends on {end}"
    why = "not yet released" if person.release_date is None else "licence end date not recorded"
    return True, None, f"{what}; {why}, so when category 2 ends is not known"
