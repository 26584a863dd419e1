"""Action status colours (MAPPA Guidance ch.13a: actions are owned, dated and followed up)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

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


LONDON = ZoneInfo("Europe/London")


# MAPPA Guidance ch.9 (need to know): access for the purpose of the action, ending at midnight
# after the due date plus the configured days (MAPPA_ACTION_ACCESS_DAYS).
@pytest.mark.parametrize(
    ("due", "days", "ends"),
    [
        (date(2026, 12, 1), 28, datetime(2026, 12, 30, tzinfo=LONDON)),
        (date(2026, 12, 1), 0, datetime(2026, 12, 2, tzinfo=LONDON)),
        (date(2027, 2, 20), 14, datetime(2027, 3, 7, tzinfo=LONDON)),
    ],
)
def test_an_owners_access_ends_the_configured_days_after_the_due_date(due, days, ends):
    assert rules.access_expires_at(due_on=due, days=days, tz=LONDON) == ends


@pytest.mark.parametrize(("named", "grantee"), [(True, "user"), (False, "agency")])
def test_access_goes_to_the_named_owner_or_else_the_agency(named, grantee):
    assert rules.access_goes_to(owner_named=named) == grantee
