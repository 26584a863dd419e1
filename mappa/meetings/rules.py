"""Pure rules for meetings: recurrence, time slots, what is due on an agenda, access expiry."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from dateutil.rrule import rrulestr

INITIAL, REVIEW, URGENT = "initial", "review", "urgent"
PLANNED, HELD = "planned", "held"
RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQUENCIES = {"weekly": ("WEEKLY", 1), "fortnightly": ("WEEKLY", 2), "monthly": ("MONTHLY", 1)}


def first_on_weekday(starts_on: date, weekday: int) -> date:
    """The first date on or after `starts_on` that falls on `weekday` (Monday = 0)."""
    return starts_on + timedelta(days=(weekday - starts_on.weekday()) % 7)


def recurrence_rule(*, frequency: str, weekday: int, starts_on: date) -> str:
    """An RFC 5545 RRULE for a series (seed 001: e.g. weekly, Tuesdays 10:00 to 13:00).

    Monthly series meet on the same weekday of the month as their first meeting (the 2nd
    Tuesday, say); a series starting in a month's last week meets on its last such weekday.
    """
    freq, interval = FREQUENCIES[frequency]
    day = RRULE_DAYS[weekday]
    if freq == "MONTHLY":
        first = first_on_weekday(starts_on, weekday)
        nth = (first.day - 1) // 7 + 1
        return f"FREQ=MONTHLY;BYDAY={-1 if nth == 5 else nth}{day}"
    return f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={day}"


def meeting_dates(*, rule: str, starts_on: date, on_or_after: date, count: int) -> list[date]:
    """The next `count` dates of a series from `on_or_after` (dateutil's RFC 5545 expansion)."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(starts_on, time.min))
    start = datetime.combine(max(on_or_after, starts_on), time.min)
    return [moment.date() for moment in recurrence.xafter(start, count=count, inc=True)]


def following_date(*, rule: str, starts_on: date, after: date) -> date | None:
    """The series' next date after a meeting's date: the horizon for reviews due."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(starts_on, time.min))
    moment = recurrence.after(datetime.combine(after, time.min), inc=False)
    return moment.date() if moment else None


def slots(*, start: time, minutes: Sequence[int]) -> list[tuple[time, time]]:
    """Consecutive time slots from the meeting's start, one per item, of the given lengths.

    MAPPA L meeting audit: time is allocated to each case by its importance.
    """
    cursor = datetime.combine(date.min, start)
    result = []
    for length in minutes:
        end = cursor + timedelta(minutes=length)
        if end.date() != date.min:
            end = datetime.combine(date.min, time.max)  # never past midnight
        result.append((cursor.time(), end.time().replace(microsecond=0)))
        cursor = end
    return result


def overruns(*, slotted: Sequence[tuple[time, time]], end: time) -> bool:
    """Whether the agenda runs past the meeting's planned end."""
    return bool(slotted) and slotted[-1][1] > end


@dataclass(frozen=True)
class Candidate:
    """An open case that might be due at a meeting, with the dates of other meetings listing it."""

    case: object
    level: int | None
    next_review_due: date | None = None
    first_meeting_needed_since: date | None = None
    listed_on: tuple[date, ...] = field(default=())


def initial_is_due(candidate: Candidate, *, level: int) -> bool:
    """An accepted referral at this level that no meeting has listed since it was accepted.

    MAPPA Guidance ch.13a/14: screening at level 2 or 3 leads to an initial meeting.
    """
    since = candidate.first_meeting_needed_since
    return (
        candidate.level == level
        and since is not None
        and not any(listed >= since for listed in candidate.listed_on)
    )


def review_is_due(candidate: Candidate, *, level: int, horizon: date, interval_weeks: int) -> bool:
    """A review due by the series' following meeting, not yet listed since the last review.

    MAPPA Guidance ch.7: level 2 and 3 cases are reviewed within the level's interval; the
    last review is taken as the due date less that interval.
    """
    due = candidate.next_review_due
    if candidate.level != level or due is None or due > horizon:
        return False
    last_review = due - timedelta(weeks=interval_weeks)
    return not any(listed > last_review for listed in candidate.listed_on)


def due_items(
    candidates: Iterable[Candidate], *, level: int, horizon: date, interval_weeks: int
) -> list[tuple[object, str]]:
    """What an agenda should list: initial meetings first, then reviews, most overdue first."""
    initial, reviews = [], []
    for candidate in candidates:
        if initial_is_due(candidate, level=level):
            initial.append((candidate.first_meeting_needed_since, candidate.case))
        elif review_is_due(candidate, level=level, horizon=horizon, interval_weeks=interval_weeks):
            reviews.append((candidate.next_review_due, candidate.case))
    initial.sort(key=lambda pair: pair[0])
    reviews.sort(key=lambda pair: pair[0])
    return [(case, INITIAL) for _, case in initial] + [(case, REVIEW) for _, case in reviews]


def review_number(*, kind: str, earlier_listings: int) -> int | None:
    """Meeting details on the minutes: initial, or review n (MAPPA B/C "Meeting details")."""
    if kind == INITIAL:
        return None
    if kind == REVIEW:
        return max(1, earlier_listings)
    return earlier_listings or None


def access_expires_at(*, meeting_date: date, days: int, tz: tzinfo) -> datetime:
    """When an invitee's access to a case ends: midnight after the meeting day plus `days`.

    Need to know (MAPPA Guidance ch.9): a duty-to-co-operate agency sees a case for the
    purpose of the meeting, and for long enough afterwards to receive the minutes.
    """
    return datetime.combine(meeting_date + timedelta(days=days + 1), time.min, tzinfo=tz)


def problems_marking_held(
    *, status: str, meeting_date: date, today: date, statement_read: bool | None, attendees: int
) -> dict[str, str]:
    """Why a meeting cannot yet be recorded as held (MAPPA D and the MAPPA L audit)."""
    problems = {}
    if status != PLANNED:
        problems["status"] = "Only a planned meeting can be recorded as held"
    if meeting_date > today:
        problems["date"] = "A meeting can be recorded as held only on or after its date"
    if statement_read is None:
        problems["statement_read"] = (
            "Record whether the confidentiality and diversity statement was read"
        )
    if attendees == 0:
        problems["attendance"] = "Record who attended before recording the meeting as held"
    return problems


# --- Minutes: decisions, approval and circulation ---------------------------------------------

STAYS, UP, DOWN, LEAVES = "stays", "up", "down", "leaves"
CATEGORY_3 = 3
DRAFT = "minutes_draft"


def decided_level(*, decision: str, current: int | None, new_level: int | None) -> int | None:
    """The case's level after the decision: unchanged when it stays, none when it leaves."""
    if decision == STAYS:
        return current
    if decision == LEAVES:
        return None
    return new_level


def latest_next_review(
    *, level: int, meeting_date: date, interval_weeks: Mapping[int, int]
) -> date:
    """The latest next review date a meeting may set: its date plus the level's interval."""
    return meeting_date + timedelta(weeks=interval_weeks[level])


# MAPPA Guidance ch.7 and ch.13a (domain.md §2.3, §10.3): each meeting sets the next review date;
# level 2 cases are reviewed at least every 16 weeks and level 3 every 8 (settings).
def next_review_problem(
    *,
    level: int,
    meeting_date: date,
    next_review_on: date | None,
    interval_weeks: Mapping[int, int],
) -> str | None:
    if next_review_on is None:
        return "Enter the date of the next review"
    if next_review_on <= meeting_date:
        return "The next review must be after the meeting"
    latest = latest_next_review(
        level=level, meeting_date=meeting_date, interval_weeks=interval_weeks
    )
    if next_review_on > latest:
        weeks = interval_weeks[level]
        return (
            f"The next review of a level {level} case must be no more than {weeks} weeks after "
            f"the meeting: on or before {latest.day} {latest:%B %Y}"
        )
    return None


def _level_problem(*, decision: str, current: int | None, new_level: int | None, category):
    """Whether the new level fits the decision (MAPPA Guidance ch.7, domain.md §2.1)."""
    if decision == UP and (new_level is None or current is None or new_level <= current):
        return "Choose a level higher than the current one"
    if decision == DOWN and (new_level is None or current is None or new_level >= current):
        return "Choose a level lower than the current one"
    # MAPPA Guidance, nDelius: category 3 is never managed at level 1; it leaves MAPPA instead.
    if decision == DOWN and category == CATEGORY_3 and new_level == 1:
        return "A category 3 case cannot go down to level 1: record that it leaves MAPPA instead"
    return None


# MAPPA Guidance ch.13b (domain.md §3.3): the minutes record every decision with its rationale;
# the level stays, goes up, goes down or the case leaves MAPPA, and the next review is set.
def decision_problems(
    *,
    decision: str,
    current_level: int | None,
    new_level: int | None,
    category: int | None,
    rationale: str,
    closure_reason: str,
    next_review_on: date | None,
    meeting_date: date,
    interval_weeks: Mapping[int, int],
) -> dict[str, str]:
    if decision not in (STAYS, UP, DOWN, LEAVES):
        return {"level_decision": "Choose what the meeting decided about the level"}
    problems = {}
    if not rationale.strip():
        problems["decision_rationale"] = "Give the rationale for the decision"
    level_problem = _level_problem(
        decision=decision, current=current_level, new_level=new_level, category=category
    )
    if level_problem:
        problems["new_level"] = level_problem
    if decision == LEAVES:
        if not closure_reason:
            problems["closure_reason"] = "Choose why the case leaves MAPPA"
        if next_review_on is not None:
            problems["next_review_on"] = "A case leaving MAPPA has no next review"
        return problems
    level = decided_level(decision=decision, current=current_level, new_level=new_level)
    if level is not None and level in interval_weeks and not level_problem:
        review_problem = next_review_problem(
            level=level,
            meeting_date=meeting_date,
            next_review_on=next_review_on,
            interval_weeks=interval_weeks,
        )
        if review_problem:
            problems["next_review_on"] = review_problem
    return problems


@dataclass(frozen=True)
class ItemState:
    """What approval needs to know of one case's minutes."""

    name: str
    discussed: bool
    not_discussed_reason: str = ""
    has_decision: bool = False
    has_disclosure: bool = False
    decision_problems: tuple[str, ...] = ()


# MAPPA D and the MAPPA L meeting audit: the statement is read at every meeting; ch.13b: every
# decision with its rationale; ch.10 and the FAQ (domain.md §3.3, §6.2): disclosure is
# considered for every case discussed. Only the chair (or co-chair) approves the minutes.
def approval_problems(
    *, status: str, statement_read: bool | None, by_chair: bool, items: Sequence[ItemState]
) -> list[str]:
    problems = []
    if status != DRAFT:
        problems.append("Only minutes in draft can be approved")
    if not by_chair:
        problems.append("Only the meeting's chair or co-chair can approve its minutes")
    if statement_read is not True:
        problems.append(
            "The minutes can be approved only for a meeting at which the confidentiality and "
            "diversity statement was read"
        )
    for item in items:
        if not item.discussed:
            if not item.not_discussed_reason.strip():
                problems.append(f"Say why {item.name} was not discussed")
            continue
        if not item.has_decision:
            problems.append(f"Record the level decision and next review for {item.name}")
        if not item.has_disclosure:
            problems.append(f"Record whether to disclose information about {item.name}")
        problems.extend(f"{item.name}: {problem}" for problem in item.decision_problems)
    return problems


def add_working_days(start: date, days: int, holidays: Container[date]) -> date:
    """The date `days` working days after `start`: Monday to Friday, bank holidays excluded."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            left -= 1
    return current


# MAPPA Guidance ch.13b.1: minutes are distributed in a timely manner; 10 working days is the
# local standard quoted (domain.md §2.3, §10.2, unverified), a setting.
def circulation_overdue(
    *, meeting_date: date, today: date, working_days: int, holidays: Container[date]
) -> bool:
    return today > add_working_days(meeting_date, working_days, holidays)


# NOMS RoSH guidance 2009 (domain.md §4.1): imminence is recorded with the assessment; the
# minutes' risk section (MAPPA C) restates it in words. One entry per `risk.Imminence` value.
IMMINENCE_WORDS = {
    "imminent": "Imminent: serious harm is more likely than not to happen soon",
    "not_imminent": "Not imminent",
}


def risk_summary(
    *,
    assessed_on: date,
    overall: str,
    who_is_at_risk: str,
    nature_of_harm: str,
    imminence: str,
    when_risk_greatest: str,
    increasing_factors: str,
    reducing_factors: str,
) -> str:
    """The minutes' risk section pre-filled from the RoSH assessment current at the meeting."""
    lines = [
        f"RoSH assessment of {assessed_on:%-d %B %Y}: {overall} overall",
        f"Who is at risk: {who_is_at_risk}",
        f"Nature of the harm: {nature_of_harm}",
        f"Imminence: {IMMINENCE_WORDS[imminence]}",
        f"When the risk is greatest: {when_risk_greatest}" if when_risk_greatest else "",
        f"What increases the risk: {increasing_factors}",
        f"What reduces the risk: {reducing_factors}",
    ]
    return "\n".join(line for line in lines if line)
