"""MAPPA eligibility rules: SOA 2003 notification periods and CJA 2003 s.327 categories.

Pure Python: the caller resolves the catalogue and Schedule 3 and hands in `OffenceFacts`.
How the contract's disposals map onto the SOA 2003 s.82(1) table
(https://www.legislation.gov.uk/ukpga/2003/42/section/82):

- `imprisonment`, by term. s.131 reads "imprisonment" as including YOI detention, s.91
  PCC(S)A 2000 / s.250 Sentencing Code detention and "a period of detention which a
  person is liable to serve under a detention and training order". A DTO's detention is
  one half of its term (PCC(S)A 2000 s.102(2); Sentencing Code s.242(2)), so an offence
  marked `detention_and_training_order` counts half its term here and in Schedule 3,
  and its whole term for category 2 (CJA 2003 s.327(3)(b)(vii): "a detention and
  training order for a term of 12 months or more").
- `suspended_imprisonment`, by term, as imprisonment: a suspended sentence "is to be
  treated as a sentence of imprisonment for the purposes of all enactments" (CJA 2003
  s.189(6); Sentencing Code s.286(1)); so 12 months or more also makes category 2.
- `extended_sentence`: its term is the custodial term plus the extension period
  (PCC(S)A 2000 s.85(2); Sentencing Code ss.254, 266, 279) and the whole term counts
  (R v Wiles [2004] EWCA Crim 836). Given only the custodial term, we add the minimum
  extension period, 1 year since 3 December 2012 (LASPO 2012 s.124; Sentencing Code
  ss.256(4)(a), 281(4)(a)), none before: a lower bound, indefinite from 18 months on.
- `hospital_order` 7 years, `hospital_order_with_restriction` indefinite ("admitted to
  a hospital" without / subject to a restriction order), after a conviction or finding.
- Findings (s.80(1)(b),(c)) end in a hospital order, a supervision order or an absolute
  discharge (Criminal Procedure (Insanity) Act 1964 s.5): hospital rows, else 5 years.
- `guardianship_order`: no row names it, so "any other description", 5 years; it does
  make category 2 (CJA 2003 s.327(3)(b)(viii), (4)(b)(ii)).
- `absolute_discharge` on conviction: no requirement. The conviction is "deemed not to
  be a conviction" (Sentencing Code s.82(2), formerly PCC(S)A 2000 s.14(1); R v
  Longworth [2006] UKHL 1) and SOA 2003 s.134 saves only conditional discharges.
- `conditional_discharge`: its period, not halved; unrecorded, the 3-year maximum
  (PCC(S)A 2000 s.12(1)(b); Sentencing Code s.80), and the basis says so.
- Consecutive terms for two or more Schedule 3 offences count as their aggregate
  (s.82(3), (4)(a)): `periods.aggregate_consecutive_terms`.

s.91B review date: the day after 15 years (8 if under 18 on the relevant date) from the
first notification after release. Notification dates are not recorded, so we take it as
release (or the relevant date if never in custody) + 3 days (s.83(1), s.84(1)(d): within
3 days beginning with that day, so a compliant notification is never later and the
estimated review date never too early).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from mappa.offences.category_2 import NO_QUALIFYING_SENTENCE as NO_QUALIFYING_SENTENCE
from mappa.offences.category_2 import PART_3_ALONE as PART_3_ALONE
from mappa.offences.category_2 import category_2
from mappa.offences.category_2 import qualifying_sentence as qualifying_sentence
from mappa.offences.category_2 import specified_for_category_2 as specified_for_category_2
from mappa.offences.category_4 import Category4, category_4
from mappa.offences.periods import INDEFINITE as INDEFINITE
from mappa.offences.periods import (
    Period,
    conditional_discharge_row,
    ending_order,
    imprisonment_row,
    in_words,
    is_running,
    notification_end_date,
    revoked_on,
    whole_years,
)
from mappa.offences.periods import aggregate_consecutive_terms as aggregate_consecutive_terms
from mappa.offences.periods import detention_period as detention_period
from mappa.offences.periods import effective_end as effective_end
from mappa.offences.periods import format_period as format_period
from mappa.offences.periods import governing as governing
from mappa.offences.periods import in_months as in_months
from mappa.offences.periods import parse_period as parse_period
from mappa.offences.sentences import CUSTODIAL, HOSPITAL, TERMED, custodial_term
from mappa.offences.sentences import (
    EXTENDED_SENTENCE_MINIMUM_FROM as EXTENDED_SENTENCE_MINIMUM_FROM,
)
from mappa.offences.terrorism import TerrorismFacts as TerrorismFacts
from mappa.offences.terrorism import terrorism_notification as terrorism_notification

SOA = "Sexual Offences Act 2003"
NOTHING = "no conviction, caution or finding is recorded"
NO_TRIGGER = (
    "no conviction, caution or finding for a Schedule 3 offence brings a notification "
    f"requirement ({SOA} s.80)"
)


@dataclass(frozen=True)
class OffenceFacts:
    code: str
    title: str
    outcome: str
    relevant_date: date
    disposal_type: str | None
    term_months: float | None
    age_on_relevant_date: int | None
    triggers_notification: bool
    notification_basis: str
    in_schedule_15: bool  # specified in Part 1 or 2 of CJA 2003 Sch.15 (s.327(3)(a))
    schedule_15_reference: str
    is_murder: bool
    in_schedule_3: bool = False
    # listed in Sch.15 Part 3 (terrorism offences), which s.327(3)(a) does not name
    in_schedule_15_part_3: bool = False
    # listed in CJA 2003 s.327(4A), the reference ("CJA 2003 s.327(4A)(a)") and the facts its
    # paragraph needs (the s.327(4A) condition language in `category_2`; None: none)
    in_s327_4a: bool = False
    s327_4a_reference: str = ""
    s327_4a_condition: dict | None = field(default=None, hash=False)
    # the victim's age at the time of the offence (for s.327(4A)(c), the person the drug was
    # supplied or offered to), and a controlled drug's class ("A", "B", "C"); None: not recorded
    victim_age: int | None = None
    drug_class: str | None = None
    # s.82(4)(a): the aggregate of consecutive terms, and which terms made it
    aggregate_term_months: float | None = None
    aggregate_basis: str = ""
    # term_months is a detention and training order's whole term (s.131(a): half counts)
    detention_and_training_order: bool = False
    # the court that dealt with it: CJA 2003 s.327(3)(a), (4)(a) need England and Wales
    court_jurisdiction: str = "england_and_wales"


@dataclass(frozen=True)
class PersonFacts:
    date_of_birth: date | None
    release_date: date | None
    licence_end_date: date | None
    lifetime_notification_revoked_on: date | None


@dataclass(frozen=True)
class Notification:
    period: str
    start_date: date
    end_date: date | None
    basis: str
    offence_code: str


@dataclass(frozen=True)
class Eligibility:
    category: int | None
    basis: str
    notification: Notification | None
    eligibility_end_date: date | None
    indefinite_review_date: date | None
    category_4: Category4 | None = None  # what the record says for category 4 (`category_4`)


# SOA 2003 s.82(1), table
def _s82_row(offence: OffenceFacts) -> tuple[int | None, int, str, bool]:
    kind = offence.disposal_type
    if offence.outcome == "caution":
        return 24, 0, "a caution (s.80(1)(d))", True
    if kind in ("life_imprisonment", "ipp"):
        words = "imprisonment for life" if kind == "life_imprisonment" else "IPP (CJA 2003 s.225)"
        return None, 0, words, False
    if kind in TERMED:
        months, words, halvable = imprisonment_row(*custodial_term(offence, for_s82=True))
        return months, 0, words, halvable
    if kind == "hospital_order_with_restriction":
        return None, 0, "admission to hospital subject to a restriction order", False
    if kind == "hospital_order":
        return 84, 0, "admission to hospital without a restriction order", True
    if kind == "conditional_discharge":
        return (*conditional_discharge_row(offence.term_months), False)
    return 60, 0, f"{(kind or 'no disposal').replace('_', ' ')}: any other description", True


# SOA 2003 s.82(2): the age that decides halving is the age on the relevant date
def age_on_relevant_date(offence: OffenceFacts, person: PersonFacts | None = None) -> int | None:
    """The offender's age on the relevant date: as given, else from the date of birth."""
    if offence.age_on_relevant_date is not None:
        return offence.age_on_relevant_date
    if person is None or person.date_of_birth is None:
        return None
    return whole_years(person.date_of_birth, offence.relevant_date)


# SOA 2003 s.80(1), s.134; Sentencing Code s.82(2): why an offence brings no requirement
def no_requirement_reason(offence: OffenceFacts) -> str | None:
    if not offence.triggers_notification:
        return offence.notification_basis or f"{offence.code} does not trigger notification"
    if offence.outcome == "conviction" and offence.disposal_type == "absolute_discharge":
        return (
            f"{offence.title} ({offence.code}) was dealt with by an absolute discharge, so the "
            "conviction is deemed not to be a conviction (Sentencing Code s.82(2)) and, as "
            f"{SOA} s.134 saves only conditional discharges, brings no notification requirement"
        )
    return None


# SOA 2003 s.82(1), table, and s.82(2): finite periods halved when under 18
def notification_period(offence: OffenceFacts, person: PersonFacts | None = None) -> Period | None:
    """The s.82 notification period for one offence, or None when it brings none."""
    if no_requirement_reason(offence) is not None:
        return None
    months, days, words, halvable = _s82_row(offence)
    basis = f"{SOA} s.82(1): {words}: {in_words(months, days)}"
    if not halvable or months is None:
        return Period(months, days, basis)
    age = age_on_relevant_date(offence, person)
    if age is None:
        return Period(months, days, f"{basis}; age on the relevant date unknown, so not halved")
    if age < 18:
        halved = (
            f"{basis}; s.82(2): under 18 on the relevant date, so halved to {in_words(months // 2)}"
        )
        return Period(months // 2, days, halved)
    return Period(months, days, basis)


# SOA 2003 s.82: the period begins with the relevant date (s.82(6))
def notification_for(
    offence: OffenceFacts, person: PersonFacts | None = None
) -> Notification | None:
    period = notification_period(offence, person)
    if period is None:
        return None
    start = offence.relevant_date
    end = notification_end_date(start, period)
    return Notification(period.iso, start, end, period.basis, offence.code)


# SOA 2003 s.83(1), s.84(1)(d): first notification after release (estimated: module doc)
def _first_notification_from(offence: OffenceFacts, person: PersonFacts) -> tuple[date | None, str]:
    if person.release_date is not None:
        released = max(person.release_date, offence.relevant_date)
        return released, f"release on {released}"
    if offence.disposal_type in CUSTODIAL | HOSPITAL:
        return None, "not yet released"
    return offence.relevant_date, f"the relevant date {offence.relevant_date}"


# SOA 2003 s.91B(2): earliest review date of an indefinite requirement
def indefinite_review_date(offence: OffenceFacts, person: PersonFacts) -> tuple[date | None, str]:
    note = notification_for(offence, person)
    if note is None or note.end_date is not None or revoked_on(note, person):
        return None, ""
    start, since = _first_notification_from(offence, person)
    if start is None:
        return None, f"{SOA} s.91B: no review date until the release date is recorded"
    age = age_on_relevant_date(offence, person)
    years = 8 if age is not None and age < 18 else 15
    review = start + timedelta(days=3) + relativedelta(years=years)
    return review, (
        f"{SOA} s.91B: earliest review date {review}, the day after {years} years from the "
        "first notification after release; notification dates are not recorded, so that "
        f"notification is taken as 3 days after {since} (s.83(1), s.84(1)(d))"
    )


# SOA 2003 s.80, s.82, s.91C: why no notification requirement runs on the date
def _no_notification(
    offences: list[OffenceFacts], note: Notification | None, person: PersonFacts
) -> str:
    if note is None:
        reasons = [
            r for o in offences if o.triggers_notification and (r := no_requirement_reason(o))
        ]
        if reasons:
            return reasons[0]
        # Say why each Schedule 3 offence's condition is not met, or what is not recorded
        unmet = [o.notification_basis for o in offences if o.in_schedule_3]
        return "; ".join([NO_TRIGGER, *unmet])
    if revoked := revoked_on(note, person):
        return f"the indefinite notification requirement ended on {revoked} on review ({SOA} s.91C)"
    return f"the notification requirement ended on {note.end_date} ({SOA} s.82)"


# CJA 2003 s.327(2) with SOA 2003 s.80, s.82, s.91B: why category 1 applies
def _category_1_basis(
    note: Notification, offence: OffenceFacts, person: PersonFacts, review: str
) -> str:
    end = effective_end(note, person)
    lead = (
        f"Category 1 (CJA 2003 s.327(2)): subject to the notification requirements of Part 2 "
        f"of the {SOA} {f'until {end}' if end else 'indefinitely'}, for {offence.title} "
        f"({offence.code}) from {note.start_date}"
    )
    revoked = revoked_on(note, person)
    tail = f"discharged on review, so it ends on {revoked} (s.91C)" if revoked else review
    return "; ".join(p for p in (lead, offence.notification_basis, note.basis, tail) if p) + "."


# SOA 2003 s.82, s.91C; contract (nominal-import.md): of the offences dealt with by as_of, the
# requirement ending last governs (indefinite beats finite), with the offence that brought it
def governing_notification(
    offences: list[OffenceFacts], person: PersonFacts, as_of: date
) -> tuple[Notification | None, OffenceFacts | None]:
    past = [o for o in offences if o.relevant_date <= as_of]
    pairs = [(n, o) for o in past if (n := notification_for(o, person)) is not None]
    return max(pairs, key=lambda p: ending_order(p[0], person)) if pairs else (None, None)


# CJA 2003 s.325, s.327: category 1 before 2; category 3 is a decision, never computed
def _by_statute(offences: list[OffenceFacts], person: PersonFacts, as_of: date) -> Eligibility:
    past = [o for o in offences if o.relevant_date <= as_of]
    if not past:
        why = "it is before the relevant date of every recorded offence" if offences else NOTHING
        return Eligibility(None, f"No category applies on {as_of}: {why}.", None, None, None)
    note, offence = governing_notification(past, person, as_of)
    review, review_basis = indefinite_review_date(offence, person) if offence else (None, "")
    if note is not None and is_running(note, person, as_of):
        basis = _category_1_basis(note, offence, person, review_basis)
        return Eligibility(1, basis, note, effective_end(note, person), review)
    applies, end, cat2 = category_2(past, person, as_of)
    if applies:
        return Eligibility(2, f"Category 2: {cat2}.", note, end, review)
    basis = f"No category applies on {as_of}: {_no_notification(past, note, person)}; {cat2}."
    return Eligibility(None, basis, note, None, review)


# MAPPA Guidance ch.24: category 4 is a decision too; the record's finding (`category_4`) joins the
# statutory result and its reason (shared/contracts/nominal-import.md; decision 0013)
def evaluate(
    *,
    offences: list[OffenceFacts],
    person: PersonFacts,
    as_of: date,
    terrorism: Sequence[TerrorismFacts] = (),
) -> Eligibility:
    result = _by_statute(offences, person, as_of)
    finding = category_4(list(terrorism), as_of)
    if finding is None:
        return result
    return replace(result, basis=f"{result.basis} {finding.basis}", category_4=finding)
