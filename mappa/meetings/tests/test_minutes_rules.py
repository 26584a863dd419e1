"""Pure rules for minutes: decisions, the next review limit, approval and circulation deadlines.

Each table cites the guidance its rule comes from.
"""

from datetime import date

import holidays
import pytest

from mappa.meetings import rules
from mappa.meetings.rules import ItemState

INTERVALS = {1: 16, 2: 16, 3: 8}
MEETING = date(2026, 3, 3)  # a Tuesday


# MAPPA Guidance ch.7 / ch.13a (domain.md §2.3): level 2 reviewed within 16 weeks, level 3 within 8.
@pytest.mark.parametrize(
    ("level", "next_review_on", "problem"),
    [
        (2, date(2026, 6, 23), None),  # exactly 16 weeks
        (
            2,
            date(2026, 6, 24),
            "no more than 16 weeks after the meeting: on or before 23 June 2026",
        ),
        (3, date(2026, 4, 28), None),  # exactly 8 weeks
        (
            3,
            date(2026, 4, 29),
            "no more than 8 weeks after the meeting: on or before 28 April 2026",
        ),
        (2, MEETING, "The next review must be after the meeting"),
        (3, date(2026, 3, 1), "The next review must be after the meeting"),
        (2, None, "Enter the date of the next review"),
    ],
)
def test_the_next_review_is_after_the_meeting_and_within_the_levels_interval(
    level, next_review_on, problem
):
    found = rules.next_review_problem(
        level=level, meeting_date=MEETING, next_review_on=next_review_on, interval_weeks=INTERVALS
    )
    if problem is None:
        assert found is None
    else:
        assert problem in found


def test_the_refusal_names_the_level_and_its_limit():
    found = rules.next_review_problem(
        level=2, meeting_date=MEETING, next_review_on=date(2026, 9, 1), interval_weeks=INTERVALS
    )
    assert found == (
        "The next review of a level 2 case must be no more than 16 weeks after the meeting: "
        "on or before 23 June 2026"
    )


def decide(**overrides):
    fields = {
        "decision": "stays",
        "current_level": 2,
        "new_level": None,
        "category": 1,
        "rationale": "Risk unchanged; the plan is working",
        "closure_reason": "",
        "next_review_on": date(2026, 5, 26),
        "meeting_date": MEETING,
        "interval_weeks": INTERVALS,
    } | overrides
    return rules.decision_problems(**fields)


# MAPPA Guidance ch.7 (levels, domain.md §2.1) and ch.13b (every decision with its rationale).
@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({}, None),
        ({"decision": "up", "new_level": 3, "next_review_on": date(2026, 4, 28)}, None),
        ({"decision": "up", "new_level": 3, "next_review_on": date(2026, 5, 26)}, "next_review_on"),
        ({"decision": "up", "new_level": 2}, "new_level"),
        ({"decision": "down", "new_level": 1}, None),
        ({"decision": "down", "new_level": 1, "category": 3}, "new_level"),
        ({"decision": "down", "new_level": 3}, "new_level"),
        ({"decision": "leaves", "closure_reason": "risk_reduced", "next_review_on": None}, None),
        ({"decision": "leaves", "next_review_on": None}, "closure_reason"),
        ({"decision": "leaves", "closure_reason": "died"}, "next_review_on"),
        ({"rationale": "  "}, "decision_rationale"),
        ({"decision": ""}, "level_decision"),
        ({"next_review_on": date(2026, 7, 1)}, "next_review_on"),
    ],
)
def test_a_decision_is_valid_only_when_it_fits_the_level_and_gives_its_reasons(overrides, field):
    problems = decide(**overrides)
    if field is None:
        assert problems == {}
    else:
        assert field in problems


# The existing rule (mappa.cases.rules): category 3 never at level 1.
def test_category_3_cannot_go_down_to_level_1_and_is_told_to_leave_instead():
    problems = decide(decision="down", new_level=1, category=3)
    assert "leaves MAPPA instead" in problems["new_level"]


def test_the_review_limit_follows_the_level_decided_not_the_level_before():
    # Going up to level 3: 16 weeks would do for level 2 but not for level 3.
    problems = decide(decision="up", new_level=3, next_review_on=date(2026, 6, 23))
    assert "level 3" in problems["next_review_on"]


def item(**overrides):
    return ItemState(
        **(
            {
                "name": "Kieran Walsh",
                "discussed": True,
                "has_decision": True,
                "has_disclosure": True,
            }
            | overrides
        )
    )


# MAPPA D, MAPPA L audit, ch.13b and ch.10 (domain.md §3.3, §3.4, §6.2).
@pytest.mark.parametrize(
    ("arguments", "problem"),
    [
        ({}, None),
        ({"status": "minutes_approved"}, "Only minutes in draft can be approved"),
        ({"by_chair": False}, "Only the meeting's chair or co-chair can approve its minutes"),
        ({"statement_read": False}, "confidentiality and diversity statement was read"),
        ({"statement_read": None}, "confidentiality and diversity statement was read"),
        (
            {"items": [item(has_disclosure=False)]},
            "Record whether to disclose information about Kieran Walsh",
        ),
        (
            {"items": [item(has_decision=False)]},
            "Record the level decision and next review for Kieran Walsh",
        ),
        ({"items": [item(discussed=False)]}, "Say why Kieran Walsh was not discussed"),
        ({"items": [item(discussed=False, not_discussed_reason="Out of time")]}, None),
        (
            {"items": [item(decision_problems=("bad date",))]},
            "Kieran Walsh: bad date",
        ),
    ],
)
def test_approval_needs_the_chair_the_statement_and_every_case_decided(arguments, problem):
    fields = {
        "status": "minutes_draft",
        "statement_read": True,
        "by_chair": True,
        "items": [item()],
    } | arguments
    problems = rules.approval_problems(**fields)
    if problem is None:
        assert problems == []
    else:
        assert any(problem in found for found in problems), problems


ENGLAND = holidays.country_holidays("GB", subdiv="ENG")


# Working days: Monday to Friday, England and Wales bank holidays excluded.
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 3, 3), 10, date(2026, 3, 17)),  # two plain weeks
        (date(2026, 3, 27), 1, date(2026, 3, 30)),  # Friday to Monday
        (date(2026, 4, 1), 10, date(2026, 4, 17)),  # Good Friday 3 April and Easter Monday 6 April
        (date(2026, 12, 22), 3, date(2026, 12, 29)),  # Christmas; Boxing Day observed 28 Dec
    ],
)
def test_working_days_skip_weekends_and_bank_holidays(start, days, expected):
    assert rules.add_working_days(start, days, ENGLAND) == expected


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(date(2026, 4, 17), False), (date(2026, 4, 18), True), (date(2026, 4, 16), False)],
)
def test_minutes_are_overdue_after_the_tenth_working_day(today, overdue):
    assert (
        rules.circulation_overdue(
            meeting_date=date(2026, 4, 1), today=today, working_days=10, holidays=ENGLAND
        )
        is overdue
    )
