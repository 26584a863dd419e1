"""Rules about the MAPPA case: levels, review intervals, eligibility warnings, nDelius codes."""

from datetime import date

import pytest

from mappa.cases import ndelius, rules

INTERVALS = {1: 16, 2: 16, 3: 8}


@pytest.mark.parametrize(
    ("category", "level", "allowed"),
    [
        # Category 3 needs multi-agency management: never level 1 (MAPPA Guidance; nDelius note).
        (3, 1, False),
        (3, 2, True),
        (3, 3, True),
        (1, 1, True),
        (2, 1, True),
        (4, 1, True),
        (None, 1, True),
        (3, None, True),
    ],
)
def test_level_allowed_for_category(category, level, allowed):
    assert rules.level_allowed_for_category(category=category, level=level) is allowed


@pytest.mark.parametrize(
    ("level", "last_review", "due"),
    [
        # Level 2: at least every 16 weeks; level 3: every 8 weeks; level 1: the area's interval.
        (2, date(2026, 1, 6), date(2026, 4, 28)),
        (3, date(2026, 1, 6), date(2026, 3, 3)),
        (1, date(2026, 1, 6), date(2026, 4, 28)),
    ],
)
def test_the_next_review_follows_the_configured_interval(level, last_review, due):
    assert (
        rules.next_review_due(level=level, last_review=last_review, interval_weeks=INTERVALS) == due
    )


def test_a_changed_interval_changes_the_due_date():
    assert rules.next_review_due(
        level=1, last_review=date(2026, 1, 6), interval_weeks={1: 26}
    ) == date(2026, 7, 7)


def test_a_level_without_an_interval_is_an_error():
    with pytest.raises(ValueError, match="level 2"):
        rules.next_review_due(level=2, last_review=date(2026, 1, 6), interval_weeks={1: 16})


TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("due", "status"),
    [
        (None, rules.NOT_SET),
        (date(2026, 11, 20), rules.OVERDUE),
        (TODAY, rules.DUE_SOON),
        (date(2026, 12, 19), rules.DUE_SOON),
        (date(2026, 12, 20), rules.ON_TRACK),
    ],
)
def test_review_status_is_red_amber_or_green(due, status):
    assert rules.review_status(due=due, today=TODAY) == status


@pytest.mark.parametrize(
    ("end", "warning"),
    [
        (None, None),
        (date(2026, 11, 20), rules.ENDED),
        (TODAY, rules.ENDING_SOON),
        (date(2027, 1, 16), rules.ENDING_SOON),  # exactly 8 weeks ahead
        (date(2027, 1, 17), None),
    ],
)
def test_the_coordinator_is_warned_eight_weeks_before_eligibility_ends(end, warning):
    assert rules.eligibility_warning(eligibility_end=end, today=TODAY) == warning


@pytest.mark.parametrize(
    ("code", "category"), [("M1", 1), ("M2", 2), ("M3", 3), ("M4", 4), ("X9", None), (" m2 ", 2)]
)
def test_ndelius_category_codes(code, category):
    assert ndelius.category_from_code(code) == category
    if code.strip().upper() == code:
        assert ndelius.CATEGORY_TO_CODE[category] == code


@pytest.mark.parametrize(("code", "level"), [("M0", None), ("M1", 1), ("M2", 2), ("M3", 3)])
def test_ndelius_level_codes(code, level):
    assert ndelius.level_from_code(code) == level
    assert ndelius.LEVEL_TO_CODE[level] == code


def test_an_unknown_ndelius_code_is_refused_by_name():
    with pytest.raises(ndelius.UnknownCode, match="'M9'"):
        ndelius.level_from_code("M9")
    with pytest.raises(ndelius.UnknownCode, match="'Z1'"):
        ndelius.category_from_code("Z1")
