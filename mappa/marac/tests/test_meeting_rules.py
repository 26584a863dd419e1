"""Research deadlines and their red/amber/green status, and the statistics' quarters."""

from datetime import date

import pytest

from mappa.marac import rules

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("meeting_on", "days_before", "deadline"),
    [
        (date(2026, 12, 3), 2, date(2026, 12, 1)),
        (date(2026, 11, 22), 2, TODAY),  # never in the past
        (date(2026, 11, 23), 2, TODAY),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_the_research_deadline_is_days_before_the_meeting(meeting_on, days_before, deadline):
    found = rules.research_deadline(meeting_on=meeting_on, today=TODAY, days_before=days_before)
    assert found == deadline


@pytest.mark.parametrize(
    ("answered_on", "deadline", "rag"),
    [
        (None, date(2026, 11, 25), "amber"),
        (None, TODAY, "amber"),  # due today, not yet late
        (None, date(2026, 11, 20), "red"),
        (date(2026, 11, 20), date(2026, 11, 25), "green"),
        (TODAY, date(2026, 11, 20), "green"),  # answered late: answered all the same
    ],
)
def test_research_rag(answered_on, deadline, rag):
    assert rules.research_rag(answered_on=answered_on, deadline=deadline, today=TODAY) == rag


def test_an_answer_after_the_deadline_is_late():
    assert rules.answered_late(answered_on=date(2026, 11, 21), deadline=date(2026, 11, 20))
    assert not rules.answered_late(answered_on=date(2026, 11, 20), deadline=date(2026, 11, 20))
    assert not rules.answered_late(answered_on=None, deadline=date(2026, 11, 20))


@pytest.mark.parametrize(
    ("day", "start", "end", "label"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), date(2026, 3, 31), "January to March 2026"),
        (date(2026, 6, 30), date(2026, 4, 1), date(2026, 6, 30), "April to June 2026"),
        (date(2026, 11, 21), date(2026, 10, 1), date(2026, 12, 31), "October to December 2026"),
    ],
)
def test_quarters(day, start, end, label):
    assert rules.quarter_of(day) == (start, end)
    assert rules.quarter_label(start) == label


def test_the_quarter_before():
    assert rules.previous_quarter(date(2026, 1, 1)) == date(2025, 10, 1)


@pytest.mark.parametrize(("part", "whole", "rate"), [(0, 0, None), (1, 3, 33.3), (2, 8, 25.0)])
def test_percentage(part, whole, rate):
    assert rules.percentage(part, whole) == rate
