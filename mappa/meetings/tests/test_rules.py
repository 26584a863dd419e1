"""The pure rules: recurrence, slots, what is due, review numbers, access expiry, held."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from mappa.meetings import rules
from mappa.meetings.rules import Candidate

TUESDAY = 1


@pytest.mark.parametrize(
    ("frequency", "weekday", "starts_on", "expected"),
    [
        ("weekly", TUESDAY, date(2026, 11, 21), "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU"),
        ("fortnightly", 3, date(2026, 11, 21), "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
        ("monthly", TUESDAY, date(2026, 11, 9), "FREQ=MONTHLY;BYDAY=2TU"),
        ("monthly", TUESDAY, date(2026, 12, 29), "FREQ=MONTHLY;BYDAY=-1TU"),
    ],
)
def test_a_series_recurrence_is_an_rfc_5545_rule(frequency, weekday, starts_on, expected):
    assert (
        rules.recurrence_rule(frequency=frequency, weekday=weekday, starts_on=starts_on) == expected
    )


@pytest.mark.parametrize(
    ("frequency", "on_or_after", "expected"),
    [
        ("weekly", date(2026, 11, 21), [date(2026, 11, 24), date(2026, 12, 1), date(2026, 12, 8)]),
        ("weekly", date(2026, 11, 24), [date(2026, 11, 24), date(2026, 12, 1), date(2026, 12, 8)]),
        (
            "fortnightly",
            date(2026, 11, 21),
            [date(2026, 11, 24), date(2026, 12, 8), date(2026, 12, 22)],
        ),
        ("monthly", date(2026, 11, 21), [date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9)]),
    ],
)
def test_every_tuesday_and_its_variants_expand_to_the_next_dates(frequency, on_or_after, expected):
    starts_on = date(2026, 11, 10)  # the 2nd Tuesday of November
    rule = rules.recurrence_rule(frequency=frequency, weekday=TUESDAY, starts_on=starts_on)
    dates = rules.meeting_dates(rule=rule, starts_on=starts_on, on_or_after=on_or_after, count=3)
    assert dates == expected


def test_no_meeting_is_generated_before_the_series_starts():
    rule = rules.recurrence_rule(frequency="weekly", weekday=TUESDAY, starts_on=date(2027, 1, 1))
    dates = rules.meeting_dates(
        rule=rule, starts_on=date(2027, 1, 1), on_or_after=date(2026, 11, 1), count=1
    )
    assert dates == [date(2027, 1, 5)]


def test_the_following_meeting_is_the_next_date_after_a_meeting():
    rule = rules.recurrence_rule(frequency="weekly", weekday=TUESDAY, starts_on=date(2026, 11, 1))
    following = rules.following_date(
        rule=rule, starts_on=date(2026, 11, 1), after=date(2026, 11, 24)
    )
    assert following == date(2026, 12, 1)


def test_slots_follow_one_another_from_the_start_of_the_meeting():
    assert rules.slots(start=time(10), minutes=[45, 30, 30]) == [
        (time(10), time(10, 45)),
        (time(10, 45), time(11, 15)),
        (time(11, 15), time(11, 45)),
    ]


def test_a_slot_never_runs_past_midnight():
    assert rules.slots(start=time(23, 30), minutes=[45])[0][1] == time(23, 59, 59)


@pytest.mark.parametrize(
    ("last_end", "expected"), [(time(13), False), (time(12, 59), False), (time(13, 15), True)]
)
def test_an_agenda_that_ends_after_the_meeting_overruns(last_end, expected):
    slotted = [(time(10), time(11)), (time(11), last_end)]
    assert rules.overruns(slotted=slotted, end=time(13)) is expected


MEETING = date(2026, 12, 1)
HORIZON = date(2026, 12, 8)


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (Candidate("due, never listed", 2, date(2026, 12, 8)), True),
        (Candidate("overdue", 2, date(2026, 11, 18)), True),
        (Candidate("due after the following meeting", 2, date(2026, 12, 9)), False),
        (Candidate("other level", 3, date(2026, 12, 1)), False),
        (Candidate("no review date", 2, None), False),
        (
            Candidate("listed since its last review", 2, date(2026, 12, 8), None, (MEETING,)),
            False,
        ),
        (
            Candidate(
                "listed before its last review", 2, date(2026, 12, 8), None, (date(2026, 8, 1),)
            ),
            True,
        ),
    ],
    ids=lambda value: value.case if isinstance(value, Candidate) else str(value),
)
def test_a_review_is_due_by_the_following_meeting_unless_already_listed(candidate, expected):
    assert rules.review_is_due(candidate, level=2, horizon=HORIZON, interval_weeks=16) is expected


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        (Candidate("accepted", 2, None, date(2026, 11, 20)), True),
        (Candidate("accepted at level 3", 3, None, date(2026, 11, 20)), False),
        (Candidate("no referral accepted", 2, None, None), False),
        (Candidate("already listed", 2, None, date(2026, 11, 20), (date(2026, 11, 24),)), False),
        (
            Candidate("listed before acceptance", 2, None, date(2026, 11, 20), (date(2026, 1, 6),)),
            True,
        ),
    ],
    ids=lambda value: value.case if isinstance(value, Candidate) else str(value),
)
def test_an_accepted_referral_needs_an_initial_meeting_until_one_lists_it(candidate, expected):
    assert rules.initial_is_due(candidate, level=2) is expected


def test_initial_meetings_come_first_then_reviews_most_overdue_first():
    candidates = [
        Candidate("review later", 2, date(2026, 12, 7)),
        Candidate("initial", 2, date(2027, 3, 1), date(2026, 11, 20)),
        Candidate("review overdue", 2, date(2026, 11, 2)),
        Candidate("not due", 2, date(2027, 1, 1)),
    ]
    due = rules.due_items(candidates, level=2, horizon=HORIZON, interval_weeks=16)
    assert due == [("initial", "initial"), ("review overdue", "review"), ("review later", "review")]


@pytest.mark.parametrize(
    ("kind", "earlier", "expected"),
    [
        ("initial", 0, None),
        ("review", 0, 1),
        ("review", 1, 1),
        ("review", 4, 4),
        ("urgent", 0, None),
        ("urgent", 2, 2),
    ],
)
def test_the_review_number_counts_earlier_meetings(kind, earlier, expected):
    assert rules.review_number(kind=kind, earlier_listings=earlier) == expected


def test_access_ends_at_midnight_after_the_meeting_day_plus_the_grace_days():
    expires = rules.access_expires_at(meeting_date=date(2026, 12, 1), days=14, tz=UTC)
    assert expires == datetime(2026, 12, 16, 0, 0, tzinfo=UTC)
    assert expires - datetime(2026, 12, 1, tzinfo=UTC) == timedelta(days=15)


def test_a_meeting_is_held_only_on_or_after_its_day_with_attendance_and_the_statement():
    ready = {"status": "planned", "meeting_date": MEETING, "today": MEETING}
    assert rules.problems_marking_held(**ready, statement_read=False, attendees=3) == {}
    problems = rules.problems_marking_held(
        status="held",
        meeting_date=MEETING,
        today=MEETING - timedelta(days=1),
        statement_read=None,
        attendees=0,
    )
    assert set(problems) == {"status", "date", "statement_read", "attendance"}
