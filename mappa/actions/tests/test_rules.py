"""Action status colours (MAPPA Guidance ch.13a: actions are owned, dated and followed up)."""

from datetime import date

import pytest

from mappa.actions import rules

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("status", "due", "expected"),
    [
        ("open", date(2026, 11, 20), rules.OVERDUE),
        ("open", TODAY, rules.DUE_SOON),
        ("open", date(2026, 11, 28), rules.DUE_SOON),
        ("open", date(2026, 11, 29), rules.ON_TRACK),
        ("completed", date(2026, 1, 1), rules.DONE),
        ("cancelled", date(2026, 1, 1), rules.DONE),
    ],
)
def test_an_open_action_is_red_when_late_amber_when_close_green_otherwise(status, due, expected):
    assert rules.action_status(status=status, due_on=due, today=TODAY, due_soon_days=7) == expected


@pytest.mark.parametrize(
    ("due", "refused"), [(date(2026, 11, 20), True), (TODAY, False), (date(2027, 1, 1), False)]
)
def test_an_action_cannot_be_agreed_for_a_past_date(due, refused):
    assert (rules.due_date_problem(due_on=due, today=TODAY) is not None) is refused
