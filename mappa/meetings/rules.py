"""Pure rules for meetings: recurrence, time slots, what is due on an agenda, access expiry."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
