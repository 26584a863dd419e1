"""The rules of whereabouts unknown, each against its source (rules.py names them)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from mappa.whereabouts import rules

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
START = datetime(2026, 12, 2, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("started_at", "problem"),
    [
        (NOW - timedelta(days=3), None),
        (NOW, None),
        (NOW + timedelta(minutes=1), "must not be in the future"),
    ],
)
def test_whereabouts_cannot_become_unknown_in_the_future(started_at, problem):
    found = rules.start_problem(started_at=started_at, now=NOW)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize(
    ("ended_at", "problem"),
    [
        (START, None),  # found at once
        (START + timedelta(hours=5), None),
        (NOW, None),
        (START - timedelta(minutes=1), "must not be before"),
        (NOW + timedelta(minutes=1), "must not be in the future"),
    ],
)
def test_the_end_is_not_before_the_start_nor_in_the_future(ended_at, problem):
    found = rules.end_problem(started_at=START, ended_at=ended_at, now=NOW)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize(
    ("done_at", "problem"),
    [
        (START + timedelta(hours=1), None),
        (START - timedelta(hours=1), "must not be before"),
        (NOW + timedelta(hours=1), "must not be in the future"),
    ],
)
def test_a_search_action_is_done_while_the_person_is_looked_for(done_at, problem):
    found = rules.search_action_problem(started_at=START, done_at=done_at, now=NOW)
    assert (found is None) if problem is None else (problem in found)


# MAPPA Guidance ch.2 (the lead agency manages the case) and ch.28 (the co-ordinator).
@pytest.mark.parametrize(
    ("coordinator", "officer", "lead", "may"),
    [
        (True, False, False, True),
        (False, True, False, True),
        (False, False, True, True),
        (False, False, False, False),
    ],
)
def test_who_reports_whereabouts_unknown(coordinator, officer, lead, may):
    assert (
        rules.may_report(
            is_coordinator=coordinator, is_responsible_officer=officer, of_lead_agency=lead
        )
        is may
    )


def test_the_dashboard_lists_the_person_missing_longest_first():
    reports = [("b", START), ("c", NOW), ("a", START - timedelta(days=2))]
    ordered = rules.longest_missing_first(reports, started_at=lambda r: r[1])
    assert [name for name, _ in ordered] == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("gone", "words"),
    [
        (timedelta(seconds=20), "less than a minute"),
        (timedelta(minutes=1), "1 minute"),
        (timedelta(minutes=45), "45 minutes"),
        (timedelta(hours=2, minutes=5), "2 hours 5 minutes"),
        (timedelta(days=1), "1 day"),
        (timedelta(days=3, hours=4, minutes=59), "3 days 4 hours"),
    ],
)
def test_how_long_whereabouts_have_been_unknown_in_words(gone, words):
    assert rules.time_missing(started_at=NOW - gone, now=NOW) == words


TODAY = date(2026, 12, 3)  # a Thursday


# MAPPA Guidance ch.7: level 3 for resources committed at short notice. The case joins the
# soonest meeting held from today within the window; None when one must be called.
@pytest.mark.parametrize(
    ("dates", "within", "joined"),
    [
        ([], 2, None),
        ([TODAY - timedelta(days=1)], 2, None),  # already past
        ([TODAY + timedelta(days=3)], 2, None),  # too late to be urgent
        ([TODAY + timedelta(days=2)], 2, TODAY + timedelta(days=2)),
        ([TODAY + timedelta(days=2), TODAY], 2, TODAY),
    ],
)
def test_the_urgent_meeting_joined_is_the_soonest_within_the_window(dates, within, joined):
    meetings = [(on, on) for on in dates]
    assert rules.next_urgent_meeting(meetings, today=TODAY, within_days=within) == joined


@pytest.mark.parametrize(
    ("today", "holidays", "called_for"),
    [
        (date(2026, 12, 3), set(), date(2026, 12, 4)),  # Thursday: Friday
        (date(2026, 12, 4), set(), date(2026, 12, 7)),  # Friday: Monday
        (date(2026, 12, 24), {date(2026, 12, 25), date(2026, 12, 28)}, date(2026, 12, 29)),
    ],
)
def test_an_urgent_meeting_is_called_for_the_next_working_day(today, holidays, called_for):
    assert rules.urgent_meeting_date(today=today, holidays=holidays) == called_for


def test_an_urgent_meeting_ends_after_its_minutes_and_before_midnight():
    assert rules.meeting_end(start=time(10, 0), minutes=60) == time(11, 0)
    assert rules.meeting_end(start=time(23, 30), minutes=60) == time(23, 59)
