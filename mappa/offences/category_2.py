"""CJA 2003 s.327(3), (4): category 2, the violent and other sexual offenders, as pure rules.

s.327(3)(a) asks for a conviction "by a court in England or Wales", and s.327(4)(a) for a finding
by a court in England and Wales: an offence dealt with in Scotland, Northern Ireland or abroad
never makes category 2 here (`OffenceFacts.court_jurisdiction`, England and Wales unless the
record says otherwise).
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


# CJA 2003 s.327(3)(a), (4)(a) as in force: "murder or an offence specified in Part 1 or 2 of
# Schedule 15 or in subsection (4A)"; a Part 3 (terrorism) offence alone never counts
def specified_for_category_2(offence: OffenceFacts) -> str | None:
    """How the offence is specified for s.327(3)(a), (4)(a), or None when it is not."""
    if offence.is_murder:
        return "murder"
    if offence.in_schedule_15:
        return offence.schedule_15_reference
    if offence.in_s327_4a:
        return offence.s327_4a_reference
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


# CJA 2003 s.327(3), (4): category 2 until the licence or the order ends
def category_2(
    offences: list[OffenceFacts], person: PersonFacts, as_of: date
) -> tuple[bool, date | None, str]:
    found = [(o, w) for o in offences if o.relevant_date <= as_of and (w := qualifying_sentence(o))]
    if not found:
        part_3 = any(o.in_schedule_15_part_3 and not specified_for_category_2(o) for o in offences)
        why = [NO_QUALIFYING_SENTENCE, *_elsewhere(offences, as_of), *([PART_3_ALONE] * part_3)]
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
