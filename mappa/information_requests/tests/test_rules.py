"""The pure rules, table by table, with their sources (rules.py docstrings)."""

from datetime import date

import pytest

from mappa.information_requests import rules

TODAY = date(2026, 12, 3)


# Red/amber/green against the due date (local practice, MAPPA_INFORMATION_REQUEST_AMBER_DAYS).
@pytest.mark.parametrize(
    ("status", "due_on", "expected"),
    [
        ("open", date(2026, 12, 2), rules.RED),  # a day late
        ("open", date(2026, 12, 3), rules.AMBER),  # due today
        ("open", date(2026, 12, 6), rules.AMBER),  # within 3 days
        ("open", date(2026, 12, 7), rules.GREEN),  # 4 days away
        ("answered", date(2026, 11, 1), rules.DONE),  # answered late is not red
        ("declined", date(2026, 12, 10), rules.DONE),
    ],
)
def test_request_status_against_the_due_date(status, due_on, expected):
    assert rules.request_status(status=status, due_on=due_on, today=TODAY, amber_days=3) == expected


@pytest.mark.parametrize(
    ("due_on", "problem"),
    [
        (date(2026, 12, 2), "The due date must be today or in the future"),
        (None, "Enter the date the answer is needed by"),
        (date(2026, 12, 3), None),
        (date(2027, 1, 3), None),
    ],
)
def test_a_due_date_in_the_past_is_refused(due_on, problem):
    assert rules.due_date_problem(due_on=due_on, today=TODAY) == problem


# Sharing must be necessary (MAPPA Guidance ch.9): the purpose and the question are both said.
@pytest.mark.parametrize(
    ("purpose", "question", "fields"),
    [
        ("", "What calls?", {"purpose"}),
        ("  ", "What calls?", {"purpose"}),
        ("To assess risk", "", {"question"}),
        ("", "", {"purpose", "question"}),
        ("To assess risk", "What calls?", set()),
    ],
)
def test_a_request_says_why_and_what(purpose, question, fields):
    assert set(rules.text_problems(purpose=purpose, question=question)) == fields


@pytest.mark.parametrize(
    ("review_due", "expected"),
    [
        (None, date(2026, 12, 13)),  # ten days ahead
        (date(2026, 12, 20), date(2026, 12, 13)),  # a week before the review
        (date(2026, 12, 5), TODAY),  # the review is too close: today, never the past
    ],
)
def test_the_due_date_offered(review_due, expected):
    offered = rules.default_due_date(
        today=TODAY, days=10, review_due=review_due, before_review_days=7
    )
    assert offered == expected


# The board's per-agency response figures: how each request stood at the end of the period.
@pytest.mark.parametrize(
    ("answered_on", "declined_on", "as_of", "expected"),
    [
        (date(2026, 11, 10), None, date(2026, 11, 30), rules.ON_TIME),  # on the due date
        (date(2026, 11, 11), None, date(2026, 11, 30), rules.LATE),
        (None, date(2026, 11, 5), date(2026, 11, 30), rules.DECLINED),
        (None, None, date(2026, 11, 30), rules.OUTSTANDING),
        (date(2026, 12, 1), None, date(2026, 11, 30), rules.OUTSTANDING),  # after the period
        (None, date(2026, 12, 1), date(2026, 11, 30), rules.OUTSTANDING),
    ],
)
def test_response_outcome(answered_on, declined_on, as_of, expected):
    outcome = rules.response_outcome(
        due_on=date(2026, 11, 10), answered_on=answered_on, declined_on=declined_on, as_of=as_of
    )
    assert outcome == expected


@pytest.mark.parametrize(
    ("days", "median"),
    [([], None), ([4], 4.0), ([1, 9, 3], 3.0), ([2, 5, 1, 10], 3.5)],
)
def test_median_days_to_answer(days, median):
    assert rules.median_days(days) == median


@pytest.mark.parametrize(
    ("withdrawn_on", "as_of", "expected"),
    [
        # Withdrawn after its due date: withdrawn, never late or outstanding.
        (date(2026, 11, 20), date(2026, 11, 30), rules.WITHDRAWN),
        (date(2026, 11, 5), date(2026, 11, 30), rules.WITHDRAWN),
        # Withdrawn only after the period: it was outstanding at the period's end.
        (date(2026, 12, 1), date(2026, 11, 30), rules.OUTSTANDING),
    ],
)
def test_a_withdrawn_request_counts_as_withdrawn(withdrawn_on, as_of, expected):
    outcome = rules.response_outcome(
        due_on=date(2026, 11, 10),
        answered_on=None,
        declined_on=None,
        as_of=as_of,
        withdrawn_on=withdrawn_on,
    )
    assert outcome == expected


@pytest.mark.parametrize(
    ("is_open", "reason", "problem"),
    [
        (True, "Information received from elsewhere", None),
        (True, "  ", "Say why the request is withdrawn"),
        (False, "Too late", "This request is closed: it has been answered, declined or withdrawn"),
    ],
)
def test_withdrawal_problem(is_open, reason, problem):
    # MAPPA Guidance ch.9: sharing stays necessary, so a withdrawal says why it is not needed.
    assert rules.withdrawal_problem(is_open=is_open, reason=reason) == problem
