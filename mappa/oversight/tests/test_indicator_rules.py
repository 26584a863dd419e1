"""Timing rules behind the board's indicators and the audit quarters."""

from datetime import date

import pytest

from mappa.oversight import rules


@pytest.mark.parametrize(
    "done_on, today, expected",
    [
        (date(2026, 1, 10), date(2026, 2, 1), rules.ON_TIME),  # on the deadline
        (date(2026, 1, 11), date(2026, 2, 1), rules.LATE),  # a day after
        (None, date(2026, 1, 10), rules.PENDING),  # not done, deadline today
        (None, date(2026, 1, 11), rules.LATE),  # not done, deadline passed
    ],
)
def test_timeliness_against_a_deadline_of_10_january(done_on, today, expected):
    assert rules.timeliness(done_on=done_on, deadline=date(2026, 1, 10), today=today) == expected


def test_percentages_are_to_one_decimal_place_and_none_of_nothing():
    assert rules.percentage(2, 3) == 66.7
    assert rules.percentage(1, 8) == 12.5
    assert rules.percentage(0, 0) is None


def test_a_level_3_review_is_due_8_weeks_after_the_last():
    assert rules.review_deadline(previous=date(2026, 1, 1), interval_weeks=8) == date(2026, 2, 26)


def test_months_and_month_ends_cover_the_period():
    assert rules.months(date(2025, 11, 15), date(2026, 1, 2)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
    ]
    assert rules.month_ends(date(2025, 11, 15), date(2026, 1, 2)) == [
        date(2025, 11, 30),
        date(2025, 12, 31),
        date(2026, 1, 2),
    ]


@pytest.mark.parametrize(
    "day, quarter",
    [
        (date(2025, 4, 1), (2025, 1)),
        (date(2025, 6, 30), (2025, 1)),
        (date(2025, 7, 1), (2025, 2)),
        (date(2025, 12, 31), (2025, 3)),
        (date(2026, 1, 1), (2025, 4)),
        (date(2026, 3, 31), (2025, 4)),
    ],
)
def test_quarters_follow_the_statistical_year_from_april(day, quarter):
    assert rules.quarter_of(day) == quarter
    start, end = rules.quarter_bounds(*quarter)
    assert start <= day <= end


def test_the_mean_score_is_to_one_decimal_place():
    assert rules.mean([4, 3, 3]) == 3.3
    assert rules.mean([]) is None
