"""Pure rules about actions. No Django imports (structural test)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from mappa.cases.rules import DUE_SOON, ON_TRACK, OVERDUE, review_status

DONE = "done"
__all__ = [
    "DONE",
    "DUE_SOON",
    "ON_TRACK",
    "OVERDUE",
    "access_expires_at",
    "access_goes_to",
    "action_status",
    "due_date_problem",
]


# MAPPA Guidance ch.13a: actions are owned, dated and reviewed at the next meeting; an open
# action past its date is red, one due within `due_soon_days` (a setting) amber, others green.
def action_status(*, status: str, due_on: date, today: date, due_soon_days: int) -> str:
    if status != "open":
        return DONE
    return review_status(due=due_on, today=today, due_soon_days=due_soon_days)


def due_date_problem(*, due_on: date, today: date) -> str | None:
    """An action is agreed for the future: a due date in the past is a mistake."""
    if due_on < today:
        return "The due date must be today or in the future"
    return None


def access_expires_at(*, due_on: date, days: int, tz: tzinfo) -> datetime:
    """When an action owner's access to the case ends at the latest: midnight after the due
    date plus `days` (MAPPA Guidance ch.9, need to know: access for the purpose of the action;
    completing or cancelling the action ends it sooner)."""
    return datetime.combine(due_on + timedelta(days=days + 1), time.min, tzinfo=tz)


def access_goes_to(*, owner_named: bool) -> str:
    """Whom an action's access to the case goes to: the named owner ("user"), or the owning
    agency ("agency") if no one is named (MAPPA Guidance ch.9: information goes to those who
    need it for the purpose)."""
    return "user" if owner_named else "agency"
