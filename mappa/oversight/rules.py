"""Counting rules of the MAPPA annual statistics (shared/contracts/annual-report.md).

Pure Python over plain values: `statistics/annual.py` reads the register into `CaseFacts`,
custody periods and `EventFacts`, and these functions count them. The year runs
1 April to 31 March; "on 31 March" counts are a snapshot on the year's last day,
everything else counts what happened during the year (domain.md §8.4).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

CATEGORIES = (1, 2, 3, 4)
LEVELS = (1, 2, 3)
CATEGORY_1, CATEGORY_2 = 1, 2
# Event kinds (nominal-import.md `events[].kind`) and the contract key each is counted under.
SCALAR_EVENTS = {
    "rso_notification_breach_sanctions": "notification_breach_sanction",
    "rso_lifetime_notification_revoked": "lifetime_notification_revoked",
    "shpos_imposed": "shpo_imposed",
    "shpos_with_foreign_travel_prohibition": "shpo_foreign_travel_prohibition",
    "notification_orders_imposed": "notification_order_imposed",
    "sros_imposed": "sro_imposed",
    "sro_breach_sanctions": "sro_breach_sanction",
}
RETURNS_TO_CUSTODY = {
    "licence_breach": "returned_to_custody_licence_breach",
    "order_breach": "returned_to_custody_order_breach",
}
SFO_CHARGED = "sfo_charged"


@dataclass(frozen=True)
class CaseFacts:
    """One MAPPA case as the statistics need it."""

    person: Hashable
    category: int | None  # None: category to be determined
    start: date | None
    closed: date | None = None
    # The level history, oldest first: (effective from, level).
    levels: tuple[tuple[date, int], ...] = ()
    current_level: int | None = None
    notification_end: date | None = None  # category 1: last day of the notification requirement
    eligibility_end: date | None = None  # category 2: when the licence or order ends


@dataclass(frozen=True)
class EventFacts:
    person: Hashable
    kind: str
    on: date


@dataclass(frozen=True)
class Register:
    """Everything the annual tables count, for one area."""

    cases: Sequence[CaseFacts]
    custody: Mapping[Hashable, Sequence[tuple[date, date | None]]] = field(default_factory=dict)
    events: Sequence[EventFacts] = ()


# Contract: the year 1 April to 31 March ends on --year-ending; any other date gives the 12 months
# ending on it.
def year_of(year_ending: date) -> tuple[date, date]:
    return year_ending + timedelta(days=1) - relativedelta(years=1), year_ending


def within(day: date, start: date, end: date) -> bool:
    return start <= day <= end


# Contract: the tables count people in the community. A custody period runs from its first day
# to the release date (nominal-import.md `custody.periods`, `to` is the release date), so a person
# released on the snapshot date is in the community that day; a period without `to` is open.
def in_custody_on(periods: Iterable[tuple[date, date | None]], day: date) -> bool:
    return any(start <= day and (end is None or day < end) for start, end in periods)


# CJA 2003 s.327; contract: category 1 ends with the notification requirement, category 2 with the
# licence or order (nominal-import.md "What the service computes"); 3 and 4 end when closed.
def eligibility_ends(case: CaseFacts) -> date | None:
    if case.category == CATEGORY_1:
        return case.notification_end
    if case.category == CATEGORY_2:
        return case.eligibility_end
    return None


def last_active_day(case: CaseFacts) -> date | None:
    """The last day the case counts: closed (it ended that day) or eligibility ended; None if open."""
    ends = [day for day in (case.closed, eligibility_ends(case)) if day is not None]
    return min(ends) if ends else None


# Contract: active on a date when started on or before it and not ended before it.
def active_on(case: CaseFacts, day: date) -> bool:
    if case.start is None or case.start > day:
        return False
    last = last_active_day(case)
    return last is None or day <= last


# The case's level on a date: the last level decision on or before it. Before the first recorded
# decision the case was at the level it started at; a case without history is at its current level.
def level_on(case: CaseFacts, day: date) -> int | None:
    if not case.levels:
        return case.current_level
    earlier = [level for effective, level in case.levels if effective <= day]
    return earlier[-1] if earlier else case.levels[0][1]


def levels_during(case: CaseFacts, start: date, end: date) -> set[int]:
    """Every level the case was managed at on some day of [start, end] while it was active."""
    first = max(start, case.start) if case.start else None
    last = min(end, last_active_day(case) or end)
    if first is None or first > last:
        return set()
    held = {level_on(case, first)}
    held |= {level for effective, level in case.levels if first < effective <= last}
    return {level for level in held if level is not None}


def _cells(levels: Iterable[int], with_total: bool = True) -> dict[str, int]:
    cells = {f"level_{level}": 0 for level in levels}
    return cells | ({"total": 0} if with_total else {})


def _table(levels: Sequence[int], with_total: bool = True) -> dict[str, dict[str, int]]:
    rows = [f"category_{category}" for category in CATEGORIES] + ["total"]
    return {row: _cells(levels, with_total) for row in rows}


def _add(table: dict, category: int, level: int, with_total: bool = True) -> None:
    for row in (f"category_{category}", "total"):
        table[row][f"level_{level}"] += 1
        if with_total:
            table[row]["total"] += 1


def snapshot_case(cases: Iterable[CaseFacts], day: date) -> CaseFacts | None:
    """A person's case active on the day (the latest started, should two overlap on it)."""
    active = [case for case in cases if active_on(case, day)]
    return max(active, key=lambda case: case.start) if active else None


def by_person(cases: Iterable[CaseFacts]) -> dict[Hashable, list[CaseFacts]]:
    people: dict[Hashable, list[CaseFacts]] = {}
    for case in cases:
        people.setdefault(case.person, []).append(case)
    return people


# Contract "eligible_on_31_march": active cases by category and level on the snapshot date,
# excluding people in custody that day and cases whose category is still to be determined.
def eligible_on(register: Register, day: date, people=None) -> dict[str, dict[str, int]]:
    table = _table(LEVELS)
    for person, cases in (people or by_person(register.cases)).items():
        case = snapshot_case(cases, day)
        if case is None or case.category is None:
            continue
        level = level_on(case, day)
        if level is None or in_custody_on(register.custody.get(person, ()), day):
            continue
        _add(table, case.category, level)
    return table


# Contract "rso_per_100k_population": category 1 total per 100,000 of the configured population,
# to one decimal place (half up); null without a population.
def rate_per_100k(count: int, population: int | None) -> float | None:
    if not population:
        return None
    rate = Decimal(count) * Decimal(100_000) / Decimal(population)
    return float(rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# Contract "level_2_3_during_year": people managed at level 2 (or 3) at any time in the year, by
# category; someone at both levels counts once under each. A person's category is that of their
# latest case at the level; cases whose category is to be determined are not counted.
def level_2_3_during(
    register: Register, start: date, end: date, people=None
) -> dict[str, dict[str, int]]:
    table = {row: cells for row, cells in _table((2, 3), with_total=False).items()}
    for cases in (people or by_person(register.cases)).values():
        for level in (2, 3):
            held = [
                c for c in cases if c.category is not None and level in levels_during(c, start, end)
            ]
            if held:
                latest = max(held, key=lambda case: case.start)
                _add(table, latest.category, level, with_total=False)
    return table


def person_level_on(cases: Iterable[CaseFacts], day: date) -> int | None:
    case = snapshot_case(cases, day)
    return None if case is None else level_on(case, day)


def count_events(events: Iterable[EventFacts], kind: str, start: date, end: date) -> int:
    return sum(1 for event in events if event.kind == kind and within(event.on, start, end))


# Contract: returns to custody and SFOs charged are split by the person's level on the event date;
# an event when the person had no active case (so no level) is not counted in these tables.
def events_by_level(
    register: Register, kind: str, start: date, end: date, people=None
) -> dict[str, int]:
    cells = _cells(LEVELS, with_total=False)
    people = people or by_person(register.cases)
    for event in register.events:
        if event.kind != kind or not within(event.on, start, end):
            continue
        level = person_level_on(people.get(event.person, ()), event.on)
        if level in LEVELS:
            cells[f"level_{level}"] += 1
    return cells


def annual_tables(
    register: Register, *, area: str, year_ending: date, population: int | None
) -> dict:
    """The annual statistics in the contract's JSON shape, keys in the contract's order."""
    start, end = year_of(year_ending)
    people = by_person(register.cases)  # once, for every table
    eligible = eligible_on(register, end, people)
    report = {
        "area": area,
        "year": {"start": start.isoformat(), "end": end.isoformat()},
        "eligible_on_31_march": eligible,
        "rso_per_100k_population": rate_per_100k(eligible["category_1"]["total"], population),
        "level_2_3_during_year": level_2_3_during(register, start, end, people),
    }
    for key, kind in SCALAR_EVENTS.items():
        report[key] = count_events(register.events, kind, start, end)
    report["returned_to_custody"] = {
        key: events_by_level(register, kind, start, end, people)
        for key, kind in RETURNS_TO_CUSTODY.items()
    }
    report["serious_further_offences_charged"] = events_by_level(
        register, SFO_CHARGED, start, end, people
    )
    return report


# Performance indicators and audits (docs/oversight.md): when something due by a deadline was done.
ON_TIME, LATE, PENDING = "on_time", "late", "pending"


# Done by the deadline is on time; done after it, or still not done once it has passed, is late;
# not done while the deadline is still ahead is pending, counted in neither.
def timeliness(*, done_on: date | None, deadline: date, today: date) -> str:
    if done_on is not None:
        return ON_TIME if done_on <= deadline else LATE
    return LATE if today > deadline else PENDING


def percentage(part: int, whole: int) -> float | None:
    """part of whole as a percentage to one decimal place (half up); None when whole is 0."""
    if not whole:
        return None
    value = Decimal(part) * 100 / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# MAPPA Guidance (domain.md §2.3, §10.2): a case is reviewed within the interval for its level,
# counted from the previous review or level decision.
def review_deadline(*, previous: date, interval_weeks: int) -> date:
    return previous + timedelta(weeks=interval_weeks)


def month_of(day: date) -> date:
    return day.replace(day=1)


def months(start: date, end: date) -> list[date]:
    """The first day of every month that [start, end] touches, in order."""
    found, current = [], month_of(start)
    while current <= end:
        found.append(current)
        current += relativedelta(months=1)
    return found


def month_ends(start: date, end: date) -> list[date]:
    """The last day of each month in [start, end]; the period's end stands in for a part month."""
    ends = [
        min(first + relativedelta(months=1) - timedelta(days=1), end)
        for first in months(start, end)
    ]
    return [day for day in ends if day >= start]


# The annual statistics' year (1 April to 31 March) in quarters: April to June is quarter 1.
def quarter_of(day: date) -> tuple[int, int]:
    """(the year the financial year starts in, quarter 1 to 4)."""
    year = day.year if day.month >= 4 else day.year - 1
    return year, (day.month - 4) % 12 // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 4, 1) + relativedelta(months=3 * (quarter - 1))
    return start, start + relativedelta(months=3) - timedelta(days=1)


def mean(values: Iterable[int]) -> float | None:
    found = list(values)
    if not found:
        return None
    value = Decimal(sum(found)) / Decimal(len(found))
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# MAPPA Guidance 2012, SCR notification form (domain.md §8.3): sent to the SMB chair and the
# co-ordinator within 5 days of the charge; the number of days is a setting.
def notification_due(*, charged_on: date, days: int) -> date:
    return charged_on + timedelta(days=days)
