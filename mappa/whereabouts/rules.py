"""Pure rules about a person whose whereabouts are unknown. No Django imports (structural test).

Sources (docs/whereabouts.md lists them with their addresses):

- MAPPA Guidance (England and Wales) ch.7, levels of management: level 3 is for cases whose
  management needs senior representatives able to commit significant resources at short notice.
- MAPPA Guidance ch.13a.1: level 2 and 3 meetings share information and intelligence so that
  action is taken to manage the risk of serious harm.
- Scottish MAPPA national guidance (a comparator; England and Wales publish no chapter on it):
  2016 §8.4-8.6 defines "missing" and "wanted" and asks that senior managers of the responsible
  authorities are told at the earliest opportunity; 2022 §8.1 asks that the co-ordinator is told
  and that thought is given to convening a MAPPA meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import TypeVar

T = TypeVar("T")


def start_problem(*, started_at: datetime, now: datetime) -> str | None:
    """The time the person's whereabouts became unknown has happened: it is not in the future."""
    if started_at > now:
        return "The time their whereabouts became unknown must not be in the future"
    return None


def end_problem(*, started_at: datetime, ended_at: datetime, now: datetime) -> str | None:
    """A time of whereabouts unknown ends after it started, and not in the future."""
    if ended_at < started_at:
        return "The time it ended must not be before the time their whereabouts became unknown"
    if ended_at > now:
        return "The time it ended must not be in the future"
    return None


def search_action_problem(*, started_at: datetime, done_at: datetime, now: datetime) -> str | None:
    """A search action was done while the person was being looked for: after the start, and
    not in the future."""
    if done_at < started_at:
        return "The search action must not be before their whereabouts became unknown"
    if done_at > now:
        return "The time of the search action must not be in the future"
    return None


def may_report(*, is_coordinator: bool, is_responsible_officer: bool, of_lead_agency: bool) -> bool:
    """Who reports a person's whereabouts unknown, and records its end: the MAPPA co-ordinator,
    the case's responsible officer, or a practitioner of its lead agency (MAPPA Guidance ch.2:
    the lead agency is responsible for the management of the case; ch.28, the co-ordinator)."""
    return is_coordinator or is_responsible_officer or of_lead_agency


def longest_missing_first(reports: Iterable[T], *, started_at: Callable[[T], datetime]) -> list[T]:
    """Open reports in the order the dashboard lists them: the person missing longest first."""
    return sorted(reports, key=started_at)


def time_missing(*, started_at: datetime, now: datetime) -> str:
    """How long whereabouts have been unknown, in words: "3 days 4 hours", "45 minutes"."""
    minutes = max(0, int((now - started_at).total_seconds() // 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "day"), (hours, "hour")] if days else [(hours, "hour"), (minutes, "minute")]
    words = [f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in parts if count]
    return " ".join(words) or "less than a minute"


def next_urgent_meeting(
    meetings: Sequence[tuple[date, T]], *, today: date, within_days: int
) -> T | None:
    """The meeting a person whose whereabouts are unknown joins: the soonest of the planned
    meetings at the urgent level (`meetings`, each with its date) held from today and within
    `within_days` days; None when there is none, and one is to be called (ch.7: level 3 for
    resources committed at short notice)."""
    soon = [
        (on, meeting) for on, meeting in meetings if today <= on <= today + timedelta(within_days)
    ]
    if not soon:
        return None
    return min(soon, key=lambda pair: pair[0])[1]


def urgent_meeting_date(*, today: date, holidays: Container[date]) -> date:
    """When an urgent meeting is called for: the next working day (Monday to Friday, bank
    holidays excluded), so that agencies can send senior representatives at short notice."""
    day = today + timedelta(days=1)
    while day.weekday() >= 5 or day in holidays:
        day += timedelta(days=1)
    return day


def meeting_end(*, start: time, minutes: int) -> time:
    """When an urgent meeting called at `start` for `minutes` ends (no later than 23:59)."""
    total = min(start.hour * 60 + start.minute + max(minutes, 1), 23 * 60 + 59)
    return time(total // 60, total % 60)
