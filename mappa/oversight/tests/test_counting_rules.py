"""The annual statistics' counting rules (shared/contracts/annual-report.md), one edge at a time.

No database: each test builds the register from plain facts and states the expected table,
worked out by hand in the comments, for the year 1 April 2025 to 31 March 2026.
"""

from datetime import date

import pytest

from mappa.oversight import rules
from mappa.oversight.rules import CaseFacts, EventFacts, Register

YEAR_END = date(2026, 3, 31)
START, END = date(2025, 4, 1), YEAR_END


def case(person, category=1, level=1, start=date(2024, 1, 1), **overrides) -> CaseFacts:
    fields = {"levels": ((start, level),), "current_level": level} | overrides
    return CaseFacts(person=person, category=category, start=start, **fields)


def cell(table, category, level):
    return table[f"category_{category}"][f"level_{level}"]


def test_the_year_runs_from_1_april_to_the_31_march_given():
    assert rules.year_of(date(2026, 3, 31)) == (date(2025, 4, 1), date(2026, 3, 31))
    assert rules.year_of(date(2024, 2, 29)) == (date(2023, 3, 1), date(2024, 2, 29))


def test_someone_in_custody_on_31_march_is_not_counted_but_someone_released_that_day_is():
    register = Register(
        cases=[case("in-custody"), case("released-31-march"), case("released-1-april")],
        custody={
            "in-custody": [(date(2026, 1, 10), None)],  # still inside: not counted
            "released-31-march": [(date(2025, 1, 1), date(2026, 3, 31))],  # out that day: counted
            "released-1-april": [(date(2025, 1, 1), date(2026, 4, 1))],  # inside on 31 March
        },
    )
    table = rules.eligible_on(register, YEAR_END)
    # Only "released-31-march" counts: category 1, level 1.
    assert cell(table, 1, 1) == 1 and table["total"]["total"] == 1


def test_custody_earlier_in_the_year_does_not_matter_on_31_march():
    register = Register(cases=[case("p")], custody={"p": [(date(2025, 5, 1), date(2025, 9, 1))]})
    assert rules.eligible_on(register, YEAR_END)["total"]["total"] == 1


def test_a_category_1_case_whose_notification_ended_before_31_march_is_not_counted():
    register = Register(
        cases=[
            case("ended-30-march", notification_end=date(2026, 3, 30)),  # not counted
            case("ends-31-march", notification_end=date(2026, 3, 31)),  # last day: counted
            case("indefinite", notification_end=None),  # counted
        ]
    )
    table = rules.eligible_on(register, YEAR_END)
    assert cell(table, 1, 1) == 2 and table["category_1"]["total"] == 2


def test_a_category_2_case_whose_licence_ended_before_31_march_is_not_counted():
    register = Register(
        cases=[
            case("licence-ended", category=2, eligibility_end=date(2026, 3, 1)),
            case("on-licence", category=2, level=2, eligibility_end=date(2027, 1, 1)),
            # A notification end on a category 2 case is not its eligibility end.
            case("cat-2-note", category=2, notification_end=date(2025, 1, 1)),
        ]
    )
    table = rules.eligible_on(register, YEAR_END)
    assert table["category_2"] == {"level_1": 1, "level_2": 1, "level_3": 0, "total": 2}


def test_a_case_closed_on_31_march_counts_but_one_closed_the_day_before_does_not():
    register = Register(
        cases=[
            case("closed-30", closed=date(2026, 3, 30)),
            case("closed-31", closed=date(2026, 3, 31)),
            case("starts-1-april", start=date(2026, 4, 1)),  # not yet started
        ]
    )
    assert rules.eligible_on(register, YEAR_END)["total"]["total"] == 1


def test_category_to_be_determined_is_counted_nowhere():
    register = Register(
        cases=[case("tbd", category=None, level=2), case("known", category=3, level=2)]
    )
    start, end = rules.year_of(YEAR_END)
    snapshot = rules.eligible_on(register, YEAR_END)
    assert snapshot["total"] == {"level_1": 0, "level_2": 1, "level_3": 0, "total": 1}
    during = rules.level_2_3_during(register, start, end)
    assert during["total"] == {"level_2": 1, "level_3": 0}


LEVEL_CHANGES = CaseFacts(
    person="changer",
    category=1,
    start=date(2024, 1, 1),
    levels=(
        (date(2024, 1, 1), 1),
        (date(2025, 6, 1), 2),
        (date(2025, 9, 1), 3),
        (date(2026, 1, 1), 2),
    ),
    current_level=2,
)


def test_the_snapshot_uses_the_level_on_31_march_after_changes_during_the_year():
    table = rules.eligible_on(Register(cases=[LEVEL_CHANGES]), YEAR_END)
    assert cell(table, 1, 2) == 1 and cell(table, 1, 1) == 0 and cell(table, 1, 3) == 0


def test_someone_at_level_2_and_level_3_in_the_year_counts_once_under_each():
    during = rules.level_2_3_during(Register(cases=[LEVEL_CHANGES]), START, END)
    # Level 2 from June, 3 from September, 2 again from January: once at 2, once at 3.
    assert during["category_1"] == {"level_2": 1, "level_3": 1}
    assert during["total"] == {"level_2": 1, "level_3": 1}


def test_a_level_2_spell_that_ended_the_day_the_year_began_does_not_count_in_the_year():
    down_on_1_april = case("a", level=2, levels=((date(2024, 1, 1), 2), (date(2025, 4, 1), 1)))
    down_on_2_april = case("b", level=2, levels=((date(2024, 1, 1), 2), (date(2025, 4, 2), 1)))
    up_after_the_year = case("c", levels=((date(2024, 1, 1), 1), (date(2026, 4, 1), 2)))
    register = Register(cases=[down_on_1_april, down_on_2_april, up_after_the_year])
    # Only "b" was at level 2 on a day of the year (1 April 2025).
    assert rules.level_2_3_during(register, START, END)["total"] == {"level_2": 1, "level_3": 0}


def test_a_case_at_level_2_closed_before_the_year_is_not_counted_in_it():
    closed = case("a", level=2, closed=date(2025, 3, 31))
    ended = case("b", level=2, notification_end=date(2025, 3, 31))
    assert rules.level_2_3_during(Register(cases=[closed, ended]), START, END)["total"] == {
        "level_2": 0,
        "level_3": 0,
    }


def test_a_person_with_two_cases_at_level_2_in_the_year_counts_once_under_the_latest_category():
    first = case("p", category=2, level=2, closed=date(2025, 6, 1))
    second = case("p", category=1, level=2, start=date(2025, 7, 1))
    during = rules.level_2_3_during(Register(cases=[first, second]), START, END)
    assert during["category_1"]["level_2"] == 1 and during["category_2"]["level_2"] == 0


@pytest.mark.parametrize(
    "day, counted",
    [
        (date(2025, 3, 31), False),  # the day before the year
        (date(2025, 4, 1), True),  # its first day
        (date(2026, 3, 31), True),  # its last day
        (date(2026, 4, 1), False),  # the day after
    ],
)
def test_events_count_only_inside_the_year(day, counted):
    events = [EventFacts("p", "shpo_imposed", day)]
    assert rules.count_events(events, "shpo_imposed", START, END) == int(counted)


def test_returns_to_custody_and_sfos_split_by_the_level_on_the_event_date():
    register = Register(
        cases=[LEVEL_CHANGES, case("level-1-person")],
        events=[
            EventFacts("changer", "returned_to_custody_licence_breach", date(2025, 5, 31)),  # L1
            EventFacts("changer", "returned_to_custody_licence_breach", date(2025, 6, 1)),  # L2
            EventFacts("changer", "returned_to_custody_order_breach", date(2025, 10, 1)),  # L3
            EventFacts("changer", "sfo_charged", date(2026, 3, 31)),  # L2
            EventFacts("changer", "sfo_charged", date(2026, 4, 1)),  # outside the year
            EventFacts("level-1-person", "sfo_charged", date(2025, 4, 1)),  # L1
            EventFacts("no-case", "sfo_charged", date(2025, 8, 1)),  # no level: not counted
        ],
    )
    kinds = rules.RETURNS_TO_CUSTODY
    assert rules.events_by_level(register, kinds["licence_breach"], START, END) == {
        "level_1": 1,
        "level_2": 1,
        "level_3": 0,
    }
    assert rules.events_by_level(register, kinds["order_breach"], START, END) == {
        "level_1": 0,
        "level_2": 0,
        "level_3": 1,
    }
    assert rules.events_by_level(register, "sfo_charged", START, END) == {
        "level_1": 1,
        "level_2": 1,
        "level_3": 0,
    }


@pytest.mark.parametrize(
    "count, population, rate",
    [
        (3, 1_200_000, 0.3),  # 0.25 rounds half up to 0.3
        (1_534, 1_200_000, 127.8),  # 127.833...
        (0, 1_200_000, 0.0),
        (5, None, None),  # no population configured
        (5, 0, None),
    ],
)
def test_the_rso_rate_is_per_100000_to_one_decimal_place(count, population, rate):
    assert rules.rate_per_100k(count, population) == rate


def test_the_level_before_the_first_recorded_decision_is_the_level_the_case_started_at():
    late_history = case("p", level=2, levels=((date(2025, 1, 1), 2),), start=date(2024, 6, 1))
    assert rules.level_on(late_history, date(2024, 7, 1)) == 2
    no_history = case("q", level=3, levels=(), current_level=3)
    assert rules.level_on(no_history, date(2024, 7, 1)) == 3
