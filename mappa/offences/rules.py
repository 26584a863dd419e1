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
- Consecutive terms of imprisonment for two or more Schedule 3 offences count, for the
  table, as one term equal to their aggregate (s.82(3), (4)(a)): `aggregate_consecutive_terms`,
  given each offence's consecutive group. Partly concurrent terms (X + Y - Z, s.82(4)(b))
  are left to the caller. The aggregate decides the notification period only, not the
  Schedule 3 conditions or category 2.

s.91B review date: the day after 15 years (8 if under 18 on the relevant date) from the
first notification after release. Notification dates are not recorded, so we take it as
release (or the relevant date if never in custody) + 3 days (s.83(1), s.84(1)(d): within
3 days beginning with that day, so a compliant notification is never later and the
estimated review date never too early).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

INDEFINITE = "indefinite"
EXTENDED_SENTENCE_MINIMUM_FROM = date(2012, 12, 3)
CUSTODIAL = {"life_imprisonment", "ipp", "imprisonment", "extended_sentence"}
TERMED = {"imprisonment", "extended_sentence", "suspended_imprisonment"}
HOSPITAL = {"hospital_order", "hospital_order_with_restriction"}
FINDINGS = {"not_guilty_insanity", "unfit_to_plead_did_act"}
SOA = "Sexual Offences Act 2003"
VERBS = {
    "conviction": "convicted of",
    "not_guilty_insanity": "found not guilty by reason of insanity of",
    "unfit_to_plead_did_act": "found unfit to plead but to have done the act of",
}
NOTHING = "no conviction, caution or finding is recorded"
NO_TRIGGER = (
    "no conviction, caution or finding for a Schedule 3 offence brings a notification "
    f"requirement ({SOA} s.80)"
)
NO_QUALIFYING_SENTENCE = (
    "no conviction for murder or a Schedule 15 offence with a qualifying sentence (CJA 2003 s.327)"
)
_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


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
    in_schedule_15: bool
    schedule_15_reference: str
    is_murder: bool
    in_schedule_3: bool = False
    # s.82(4)(a): the aggregate of consecutive terms, and which terms made it
    aggregate_term_months: float | None = None
    aggregate_basis: str = ""
    # term_months is a detention and training order's whole term (s.131(a): half counts)
    detention_and_training_order: bool = False


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


@dataclass(frozen=True)
class Period:
    """A notification period: whole months plus days; months None means indefinite."""

    months: int | None
    days: int = 0
    basis: str = ""

    @property
    def indefinite(self) -> bool:
        return self.months is None

    @property
    def iso(self) -> str:
        return INDEFINITE if self.months is None else format_period(self.months, self.days)


# ISO 8601 durations, normalised (contract: "P10Y", "P3Y6M", "P18M" -> "P1Y6M")
def format_period(months: int, days: int = 0) -> str:
    years, months = divmod(months, 12)
    text = (f"{years}Y" if years else "") + (f"{months}M" if months else "")
    return "P" + (text + (f"{days}D" if days else "") or "0D")


# contract: "indefinite" or an ISO 8601 duration in years, months and days
def parse_period(text: str) -> Period:
    if text == INDEFINITE:
        return Period(None)
    match = _ISO.match(text)
    if not match or text == "P":
        raise ValueError(f"not a notification period: {text!r}")
    years, months, days = (int(g or 0) for g in match.groups())
    return Period(years * 12 + months, days)


# contract: end_date = start_date + period - 1 day; None when indefinite
def notification_end_date(start: date, period: Period | str) -> date | None:
    if isinstance(period, str):
        period = parse_period(period)
    if period.months is None:
        return None
    return start + relativedelta(months=period.months, days=period.days) - timedelta(days=1)


def _words(months: int | None, days: int = 0) -> str:
    if months is None:
        return "an indefinite period"
    years, rest = divmod(months, 12)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"), (rest, "month"))]
    parts += [f"{days} day{'s' if days != 1 else ''}"] if days else []
    return " and ".join(p for p in parts if not p.startswith("0 ")) or "0 days"


def _months(term: float) -> str:
    return f"{term:g} month{'' if term == 1 else 's'}"


# SOA 2003 s.82(1), table: imprisonment rows by term (s.131: detention of young people)
def _imprisonment_row(term: float, what: str) -> tuple[int | None, str, bool]:
    if term >= 30:
        return None, f"{what} (30 months or more)", False
    if term > 6:
        return 120, f"{what} (more than 6 and less than 30 months)", True
    return 84, f"{what} (6 months or less)", True


# SOA 2003 s.131(a) with PCC(S)A 2000 s.102(2) / Sentencing Code s.242(2): the detention a
# detention and training order's offender "is liable to serve" is one half of its term
def detention_period(order_months: float | None) -> float | None:
    return None if order_months is None else order_months / 2


def _s82_term(offence: OffenceFacts) -> float:
    dto = offence.detention_and_training_order
    return detention_period(offence.term_months) if dto else offence.term_months


# SOA 2003 s.82(3), (4)(a): "in the case of consecutive terms", a term "equal to the
# aggregate of those terms", for offenders sentenced for two or more Schedule 3 offences
def aggregate_consecutive_terms(
    offences: list[OffenceFacts], groups: list[str]
) -> list[OffenceFacts]:
    """Each offence with its group's aggregate term, where two or more of the group's
    convictions trigger notification and were dealt with by imprisonment or detention."""
    members: dict[str, list[OffenceFacts]] = {}
    for offence, group in zip(offences, groups, strict=True):
        if (
            group
            and offence.triggers_notification
            and offence.outcome == "conviction"
            and offence.disposal_type == "imprisonment"
            and offence.term_months is not None
        ):
            members.setdefault(group, []).append(offence)
    result = []
    for offence, group in zip(offences, groups, strict=True):
        together = members.get(group, [])
        if len(together) >= 2 and any(offence is other for other in together):
            total = sum(_s82_term(other) for other in together)
            terms = " + ".join(f"{_months(_s82_term(o))} ({o.code})" for o in together)
            offence = replace(
                offence,
                aggregate_term_months=total,
                aggregate_basis=(
                    f"consecutive terms of imprisonment or detention for Schedule 3 offences, "
                    f"{terms}, counted as one term of {_months(total)} (s.82(3), (4)(a))"
                ),
            )
        result.append(offence)
    return result


# SOA 2003 s.82(1) with s.131; R v Wiles [2004] EWCA Crim 836 (extended sentences). The
# aggregate of consecutive terms counts for s.82 only (s.82(4)); CJA 2003 s.327 reads each
# sentence as it was passed.
def _custodial_term(offence: OffenceFacts, *, for_s82: bool) -> tuple[float, str]:
    term, kind = offence.term_months, offence.disposal_type
    if term is None:
        raise ValueError(f"{offence.code}: term_months is required for {kind}")
    if for_s82 and offence.aggregate_term_months is not None:
        return offence.aggregate_term_months, offence.aggregate_basis
    if offence.detention_and_training_order:
        if not for_s82:
            return term, f"a detention and training order for {_months(term)}"
        half = detention_period(term)
        return half, (
            f"detention for {_months(half)}, the detention half of a detention and training "
            f"order for {_months(term)} (s.131(a))"
        )
    if kind == "suspended_imprisonment":
        return term, f"a suspended sentence of imprisonment for {_months(term)} (CJA 2003 s.189(6))"
    if kind != "extended_sentence":
        return term, f"imprisonment or detention for {_months(term)}"
    if offence.relevant_date < EXTENDED_SENTENCE_MINIMUM_FROM:
        return term, (
            f"an extended sentence with a custodial term of {_months(term)}; the extension "
            "period is not recorded and had no minimum before 3 December 2012, so the term "
            "is taken as the custodial term alone"
        )
    return term + 12, (
        f"an extended sentence with a custodial term of {_months(term)} plus an extension "
        "period of at least 1 year (Sentencing Code s.281(4)(a)), a term of at least "
        f"{_months(term + 12)} (R v Wiles [2004] EWCA Crim 836)"
    )


# SOA 2003 s.82(1), table, "the period of conditional discharge" (not halved: s.82(2))
def _conditional_discharge_row(term: float | None) -> tuple[int, int, str]:
    if term is None or term <= 0:
        return 36, 0, "a conditional discharge of unrecorded length, taken as the 3-year maximum"
    whole = int(term)
    days = math.ceil(round((term - whole) * 365.25 / 12, 6))
    return whole, days, f"a conditional discharge for {_months(term)}"


# SOA 2003 s.82(1), table
def _s82_row(offence: OffenceFacts) -> tuple[int | None, int, str, bool]:
    kind = offence.disposal_type
    if offence.outcome == "caution":
        return 24, 0, "a caution (s.80(1)(d))", True
    if kind in ("life_imprisonment", "ipp"):
        words = "imprisonment for life" if kind == "life_imprisonment" else "IPP (CJA 2003 s.225)"
        return None, 0, words, False
    if kind in TERMED:
        months, words, halvable = _imprisonment_row(*_custodial_term(offence, for_s82=True))
        return months, 0, words, halvable
    if kind == "hospital_order_with_restriction":
        return None, 0, "admission to hospital subject to a restriction order", False
    if kind == "hospital_order":
        return 84, 0, "admission to hospital without a restriction order", True
    if kind == "conditional_discharge":
        return (*_conditional_discharge_row(offence.term_months), False)
    return 60, 0, f"{(kind or 'no disposal').replace('_', ' ')}: any other description", True


def whole_years(born: date | None, on: date) -> int | None:
    """A person's age in whole years on a date, as `relativedelta` counts it (a 29 February
    birthday falls on 28 February in other years), without its cost on the common path."""
    if born is None:
        return None
    if (born.month, born.day) == (2, 29) or on < born:
        return relativedelta(on, born).years
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


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
    basis = f"{SOA} s.82(1): {words}: {_words(months, days)}"
    if not halvable or months is None:
        return Period(months, days, basis)
    age = age_on_relevant_date(offence, person)
    if age is None:
        return Period(months, days, f"{basis}; age on the relevant date unknown, so not halved")
    if age < 18:
        halved = (
            f"{basis}; s.82(2): under 18 on the relevant date, so halved to {_words(months // 2)}"
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


# SOA 2003 s.91C: an indefinite requirement discharged on review ends on that date
def revoked_on(note: Notification, person: PersonFacts) -> date | None:
    revoked = person.lifetime_notification_revoked_on
    if note.end_date is None and revoked is not None and revoked >= note.start_date:
        return revoked
    return None


# SOA 2003 s.82 and s.91C: the last day of a requirement; None while it has no end
def effective_end(note: Notification, person: PersonFacts) -> date | None:
    return note.end_date or revoked_on(note, person)


# contract (nominal-import.md): order by last day, indefinite last; ties: the earlier start
def _order(note: Notification, person: PersonFacts) -> tuple[date, int]:
    return effective_end(note, person) or date.max, -note.start_date.toordinal()


# contract (nominal-import.md): the requirement ending last governs; indefinite beats finite
def governing(notes: list[Notification], person: PersonFacts) -> Notification | None:
    return max(notes, key=lambda note: _order(note, person)) if notes else None


# CJA 2003 s.327(2): subject to the notification requirements on as_of
def is_running(note: Notification, person: PersonFacts, as_of: date) -> bool:
    end = effective_end(note, person)
    return note.start_date <= as_of and (end is None or as_of <= end)


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


# CJA 2003 s.327(3)(b), (4)(b): the sentences and orders that qualify for category 2
def qualifying_sentence(offence: OffenceFacts) -> str | None:
    kind = offence.disposal_type or "none"
    if not (offence.is_murder or offence.in_schedule_15) or offence.outcome not in VERBS:
        return None
    if kind in HOSPITAL or kind == "guardianship_order":
        return "a guardianship order" if kind == "guardianship_order" else "a hospital order"
    if offence.outcome != "conviction":
        return None
    if kind in ("life_imprisonment", "ipp"):
        return "imprisonment for life" if kind == "life_imprisonment" else "IPP"
    if kind in TERMED:
        term, words = _custodial_term(offence, for_s82=False)
        return words if term >= 12 else None
    return None


# CJA 2003 s.327(3), (4): category 2 until the licence or the order ends
def category_2(
    offences: list[OffenceFacts], person: PersonFacts, as_of: date
) -> tuple[bool, date | None, str]:
    found = [(o, w) for o in offences if o.relevant_date <= as_of and (w := qualifying_sentence(o))]
    if not found:
        return False, None, NO_QUALIFYING_SENTENCE
    offence, words = max(found, key=lambda pair: pair[0].relevant_date)
    section = "s.327(4)" if offence.outcome in FINDINGS else "s.327(3)"
    listed = "murder" if offence.is_murder else offence.schedule_15_reference
    what = f"{VERBS[offence.outcome]} {offence.title} ({offence.code}; {listed})"
    what += f" with {words} (CJA 2003 {section})"
    end = person.licence_end_date
    if end is not None and end >= offence.relevant_date:
        if as_of > end:
            return False, None, f"the licence or order for {what} ended on {end}"
        return True, end, f"{what}, until the licence or order ends on {end}"
    why = "not yet released" if person.release_date is None else "licence end date not recorded"
    return True, None, f"{what}; {why}, so when category 2 ends is not known"


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


# CJA 2003 s.325, s.327: category 1 before 2; 3 and 4 are decisions, never computed
def evaluate(*, offences: list[OffenceFacts], person: PersonFacts, as_of: date) -> Eligibility:
    past = [o for o in offences if o.relevant_date <= as_of]
    if not past:
        why = "it is before the relevant date of every recorded offence" if offences else NOTHING
        return Eligibility(None, f"No category applies on {as_of}: {why}.", None, None, None)
    pairs = [(n, o) for o in past if (n := notification_for(o, person)) is not None]
    note, offence = max(pairs, key=lambda p: _order(p[0], person)) if pairs else (None, None)
    review, review_basis = indefinite_review_date(offence, person) if offence else (None, "")
    if note is not None and is_running(note, person, as_of):
        basis = _category_1_basis(note, offence, person, review_basis)
        return Eligibility(1, basis, note, effective_end(note, person), review)
    applies, end, cat2 = category_2(past, person, as_of)
    if applies:
        return Eligibility(2, f"Category 2: {cat2}.", note, end, review)
    basis = f"No category applies on {as_of}: {_no_notification(past, note, person)}; {cat2}."
    return Eligibility(None, basis, note, None, review)
