"""SOA 2003 s.82 notification periods as values: their ISO 8601 form, their end dates, the
table's rows for terms of imprisonment and conditional discharges, and ages in whole years.

Consecutive terms of imprisonment for two or more Schedule 3 offences count, for the table, as
one term equal to their aggregate (s.82(3), (4)(a)), given each offence's consecutive group.
Partly concurrent terms (X + Y - Z, s.82(4)(b)) are left to the caller. The aggregate decides
the notification period only, not the Schedule 3 conditions or category 2.

Pure Python; `rules.py` applies them to offences (its docstring maps the contract's disposals
onto the s.82(1) table).
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

if TYPE_CHECKING:
    from mappa.offences.rules import Notification, OffenceFacts, PersonFacts

INDEFINITE = "indefinite"
_ISO = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$")


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
    return add_months(start, period.months) + timedelta(days=period.days - 1)


def add_months(start: date, months: int) -> date:
    """`start` plus whole calendar months, as `relativedelta(months=...)` adds them: the same
    day of the month, or the month's last day where it is shorter (31 January plus one month
    is 28 or 29 February), without relativedelta's cost in the annual report's loop."""
    carry, month = divmod(start.month - 1 + months, 12)
    year = start.year + carry
    day = start.day
    if day > 28:
        day = min(day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def in_words(months: int | None, days: int = 0) -> str:
    if months is None:
        return "an indefinite period"
    years, rest = divmod(months, 12)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"), (rest, "month"))]
    parts += [f"{days} day{'s' if days != 1 else ''}"] if days else []
    return " and ".join(p for p in parts if not p.startswith("0 ")) or "0 days"


def in_months(term: float) -> str:
    return f"{term:g} month{'' if term == 1 else 's'}"


# SOA 2003 s.82(1), table: imprisonment rows by term (s.131: detention of young people)
def imprisonment_row(term: float, what: str) -> tuple[int | None, str, bool]:
    if term >= 30:
        return None, f"{what} (30 months or more)", False
    if term > 6:
        return 120, f"{what} (more than 6 and less than 30 months)", True
    return 84, f"{what} (6 months or less)", True


# SOA 2003 s.131(a) with PCC(S)A 2000 s.102(2) / Sentencing Code s.242(2): the detention a
# detention and training order's offender "is liable to serve" is one half of its term
def detention_period(order_months: float | None) -> float | None:
    return None if order_months is None else order_months / 2


# SOA 2003 s.82(1), table, "the period of conditional discharge" (not halved: s.82(2))
def conditional_discharge_row(term: float | None) -> tuple[int, int, str]:
    if term is None or term <= 0:
        return 36, 0, "a conditional discharge of unrecorded length, taken as the 3-year maximum"
    whole = int(term)
    days = math.ceil(round((term - whole) * 365.25 / 12, 6))
    return whole, days, f"a conditional discharge for {in_months(term)}"


def whole_years(born: date | None, on: date) -> int | None:
    """A person's age in whole years on a date, as `relativedelta` counts it (a 29 February
    birthday falls on 28 February in other years), without its cost on the common path."""
    if born is None:
        return None
    if (born.month, born.day) == (2, 29) or on < born:
        return relativedelta(on, born).years
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


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
            terms = " + ".join(f"{in_months(_s82_term(o))} ({o.code})" for o in together)
            offence = replace(
                offence,
                aggregate_term_months=total,
                aggregate_basis=(
                    f"consecutive terms of imprisonment or detention for Schedule 3 offences, "
                    f"{terms}, counted as one term of {in_months(total)} (s.82(3), (4)(a))"
                ),
            )
        result.append(offence)
    return result


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
def ending_order(note: Notification, person: PersonFacts) -> tuple[date, int]:
    return effective_end(note, person) or date.max, -note.start_date.toordinal()


# contract (nominal-import.md): the requirement ending last governs; indefinite beats finite
def governing(notes: list[Notification], person: PersonFacts) -> Notification | None:
    return max(notes, key=lambda note: ending_order(note, person)) if notes else None


# CJA 2003 s.327(2): subject to the notification requirements on as_of
def is_running(note: Notification, person: PersonFacts, as_of: date) -> bool:
    end = effective_end(note, person)
    return note.start_date <= as_of and (end is None or as_of <= end)
