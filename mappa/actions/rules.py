"""Pure rules about actions. No Django imports (structural test)."""

from __future__ import annotations

from datetime import date

from mappa.cases.rules import DUE_SOON, ON_TRACK, OVERDUE, review_status

DONE = "done"
__all__ = ["DONE", "DUE_SOON", "ON_TRACK", "OVERDUE", "action_status", "due_date_problem"]


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
