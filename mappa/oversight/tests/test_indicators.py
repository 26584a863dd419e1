"""Each performance indicator against a small fixture, its table worked out by hand.

The period is April to June 2025 and "today" is 2 July 2025. England's bank holidays in it:
Good Friday 18 April, Easter Monday 21 April, 5 May and 26 May.
"""

from datetime import date

import pytest

from mappa.agencies.models import Area
from mappa.cases import rules as case_rules
from mappa.cases import services as case_services
from mappa.oversight.indicators import definitions as indicators
from mappa.oversight.tests import records as r

START, END, TODAY = date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 2)
pytestmark = pytest.mark.django_db


@pytest.fixture
def area(demo):
    return Area.objects.get(code="DEMO")


def table(slug, area) -> list[list]:
    result = indicators.compute(indicators.get(slug), area, START, END, TODAY)
    return result.rows


def test_screening_within_5_days_of_submission(area):
    r.create_referral(date(2025, 4, 1), decided=date(2025, 4, 6))  # 5 days: on time
    r.create_referral(date(2025, 4, 10), decided=date(2025, 4, 16))  # 6 days: late
    r.create_referral(date(2025, 5, 2))  # still waiting, target long gone: late
    r.create_referral(date(2025, 6, 29))  # waiting, due 4 July: not yet due
    r.create_referral(date(2025, 3, 31), decided=date(2025, 4, 1))  # submitted before the period
    # Month, on time, late, not yet due, % on time of those due.
    assert table("screening", area) == [
        ["Apr 2025", 1, 1, 0, 50.0],
        ["May 2025", 0, 1, 0, 0.0],
        ["Jun 2025", 0, 0, 1, None],
    ]
    result = indicators.compute(indicators.get("screening"), area, START, END, TODAY)
    assert result.summary == "33.3% on time: 1 of 3"


def test_initial_meetings_within_20_working_days_of_acceptance(area):
    a, b, c = r.create_case(), r.create_case(), r.create_case()
    # Accepted 1 April: 20 working days (Easter skipped) ends 1 May; met 22 April: on time.
    r.create_referral(date(2025, 3, 28), decided=date(2025, 4, 1), case=a)
    r.create_meeting(date(2025, 4, 22), cases=[a], kind="initial")
    # Accepted 1 May: the target is 2 June (5 and 26 May skipped); met 10 June: late. Its
    # planned meeting of 20 May was never held, so it does not count.
    r.create_referral(date(2025, 4, 28), decided=date(2025, 5, 1), case=b)
    r.create_meeting(date(2025, 5, 20), cases=[b], status="planned", kind="initial")
    r.create_meeting(date(2025, 6, 10), cases=[b], kind="initial")
    # Accepted 20 June, not met yet, target in July: not yet due.
    r.create_referral(date(2025, 6, 18), decided=date(2025, 6, 20), case=c)
    # Managed at level 1: not an acceptance at level 2 or 3.
    r.create_referral(date(2025, 4, 2), decided=date(2025, 4, 3), outcome="level_1")
    assert table("initial-meetings", area) == [
        ["Apr 2025", 1, 0, 0, 100.0],
        ["May 2025", 0, 1, 0, 0.0],
        ["Jun 2025", 0, 0, 1, None],
    ]


def test_reviews_on_time_at_each_level(area):
    # Level 3 (8 weeks): decided at screening 1 March, due 26 April; reviewed 20 April: on time.
    # That meeting's minutes were never approved, so the due date stayed 26 April: the review
    # of 20 June is late.
    level_3 = r.create_case(level=3, history=[(date(2025, 3, 1), 3)])
    r.create_meeting(date(2025, 4, 20), level=3, cases=[level_3])
    r.create_meeting(date(2025, 6, 20), level=3, cases=[level_3])
    # Level 1 (16 weeks = 112 days): from 1 January, due 23 April, held 1 May: late;
    # from 1 February, due 24 May, held 20 May: on time.
    late = r.create_case(level=1, category=1, history=[(date(2025, 1, 1), 1)])
    r.create_review(late, date(2025, 5, 1))
    timely = r.create_case(level=1, category=1, history=[(date(2025, 2, 1), 1)])
    r.create_review(timely, date(2025, 5, 20))
    # A level 2 review with nothing before it cannot be judged: not counted.
    r.create_meeting(date(2025, 5, 5), cases=[r.create_case()])
    assert table("reviews", area) == [
        ["Level 1", 1, 1, 0, 50.0],
        ["Level 2", 0, 0, 0, None],
        ["Level 3", 1, 1, 0, 50.0],
    ]


def test_a_review_is_judged_against_the_due_date_a_meeting_set(area):
    # Level 2 (16 weeks): the meeting of 1 April set the next review for 1 May, earlier than
    # the 22 July the interval allows. Reviewed 20 May: late, as the case page showed it.
    case = r.create_case(level=2, history=[(date(2025, 4, 1), 2)], source="meeting")
    decided = r.create_meeting(date(2025, 4, 1), cases=[case], kind="initial")
    minutes = r.create_minutes(decided, circulated_on=date(2025, 4, 2))
    item = r.create_case_minutes(minutes, decided.agenda.get())
    item.next_review_on = date(2025, 5, 1)
    item.save()
    r.create_meeting(date(2025, 5, 20), cases=[case])
    assert table("reviews", area)[1] == ["Level 2", 0, 1, 0, 0.0]


def test_a_level_1_review_is_late_on_the_indicator_only_when_the_case_showed_it_overdue(area):
    # Issue 16 item 7: a case imported at level 1 in 2024 carries the next review date the
    # sending system set. The indicator does not invent a due date from the 2024 history (the
    # case page said "On track"); after that review, the next one is judged by the date the
    # review set (16 weeks: 1 April + 112 days = 22 July).
    imported = r.create_case(
        level=1,
        category=1,
        history=[(date(2024, 2, 20), 1)],
        source="import",
        next_review_due=date(2027, 2, 20),
    )
    r.create_review(imported, date(2025, 4, 1))
    assert table("reviews", area)[0] == ["Level 1", 0, 0, 0, None]
    r.create_review(imported, date(2025, 6, 30))
    assert table("reviews", area)[0] == ["Level 1", 1, 0, 0, 100.0]


@pytest.mark.parametrize(
    ("carried_due", "on_time", "late"),
    [(date(2025, 5, 20), 1, 0), (date(2025, 5, 19), 0, 1)],
)
def test_a_review_meeting_of_an_imported_case_is_judged_by_the_date_it_carried_when_listed(
    area, carried_due, on_time, late
):
    # Issue 16 (edge of item 7): a level 2 case imported with the review date the sending
    # system set, and no decision made here, reviewed at a meeting on 20 May 2025: judged by the
    # date the case carried when it was listed (AgendaItem.due_on), as its page showed it.
    imported = r.create_case(
        level=2, history=[(date(2024, 2, 20), 2)], source="import", next_review_due=carried_due
    )
    r.create_meeting(date(2025, 5, 20), cases=[imported], due_on=carried_due)
    assert table("reviews", area)[1] == ["Level 2", on_time, late, 0, on_time * 100.0]


def test_a_decision_made_here_outranks_the_date_carried_when_listed(area):
    # The meeting of 1 April (a level decision here) set the review for 1 May; the date the
    # listing carried (30 June) does not excuse the review of 20 May: late.
    case = r.create_case(level=2, history=[(date(2025, 4, 1), 2)], source="meeting")
    decided = r.create_meeting(date(2025, 4, 1), cases=[case], kind="initial")
    item = r.create_case_minutes(r.create_minutes(decided), decided.agenda.get())
    item.next_review_on = date(2025, 5, 1)
    item.save()
    r.create_meeting(date(2025, 5, 20), cases=[case], due_on=date(2025, 6, 30))
    assert table("reviews", area)[1] == ["Level 2", 0, 1, 0, 0.0]


@pytest.mark.parametrize(
    ("held_on", "case_page", "on_time", "late"),
    [
        # Due 23 May (31 January + 16 weeks, MAPPA Guidance level 1 interval setting).
        (date(2025, 5, 23), case_rules.DUE_SOON, 1, 0),  # held on its due date: on time
        (date(2025, 5, 24), case_rules.OVERDUE, 0, 1),  # the day after: late
    ],
)
def test_the_indicator_and_the_case_page_use_one_rule(area, held_on, case_page, on_time, late):
    case = r.create_case(level=1, category=1, history=[(date(2025, 1, 31), 1)])
    assert case_rules.review_status(due=date(2025, 5, 23), today=held_on) == case_page
    r.create_review(case, held_on)
    assert table("reviews", area)[0][1:3] == [on_time, late]


def test_minutes_circulated_within_10_working_days(area):
    on_time = r.create_meeting(date(2025, 4, 1), cases=[r.create_case()])
    r.create_minutes(on_time, circulated_on=date(2025, 4, 15))  # the 10th working day
    late = r.create_meeting(date(2025, 5, 1), cases=[r.create_case()])
    r.create_minutes(late, circulated_on=date(2025, 5, 20))  # due 16 May (5 May skipped)
    r.create_meeting(date(2025, 6, 25), cases=[r.create_case()])  # due 9 July: not yet due
    r.create_meeting(date(2025, 6, 2), status="cancelled", cases=[r.create_case()])
    r.create_meeting(date(2025, 6, 3))  # nothing on the agenda
    assert table("minutes", area) == [
        ["Apr 2025", 1, 0, 0, 100.0],
        ["May 2025", 0, 1, 0, 0.0],
        ["Jun 2025", 0, 0, 1, None],
    ]


def test_actions_on_time_by_owning_agency(area):
    r.create_action("Police", date(2025, 4, 10), status="completed", closed_on=date(2025, 4, 10))
    r.create_action("Police", date(2025, 5, 10), status="completed", closed_on=date(2025, 5, 12))
    r.create_action("Police", date(2025, 6, 30))  # still open after its day: late
    r.create_action(
        "Housing authority", date(2025, 6, 20), status="completed", closed_on=date(2025, 6, 19)
    )
    r.create_action("Housing authority", date(2025, 6, 15), status="cancelled")  # left out
    r.create_action("Housing authority", date(2025, 7, 10))  # due after the period
    assert table("actions", area) == [
        ["Housing authority", 1, 0, 0, 100.0],
        ["Police", 1, 2, 0, 33.3],
    ]


def test_disclosure_considered_at_each_case_discussion(area):
    april = r.create_meeting(date(2025, 4, 10))
    minutes = r.create_minutes(april)
    items = [r.create_item(april, r.create_case(), position=n) for n in (1, 2, 3)]
    r.create_case_minutes(minutes, items[0], disclosure=True)
    r.create_case_minutes(minutes, items[1])  # discussed, no decision recorded
    r.create_case_minutes(minutes, items[2], discussed=False)  # not discussed: not counted
    may = r.create_meeting(date(2025, 5, 10))
    r.create_case_minutes(
        r.create_minutes(may), r.create_item(may, r.create_case()), disclosure=True
    )
    # Month, discussed, considered, not recorded, % considered.
    assert table("disclosure", area) == [
        ["Apr 2025", 2, 1, 1, 50.0],
        ["May 2025", 1, 1, 0, 100.0],
        ["Jun 2025", 0, 0, 0, None],
    ]


def test_level_2_and_3_numbers_at_each_month_end(area):
    r.create_case(level=3, history=[(date(2024, 1, 1), 2), (date(2025, 5, 15), 3)])
    r.create_case(level=2, start=date(2025, 6, 1), history=[(date(2025, 6, 1), 2)])
    r.create_case(level=2, history=[(date(2024, 1, 1), 2)], closed_on=date(2025, 4, 20))
    r.create_case(level=1, history=[(date(2024, 1, 1), 1)])
    assert table("levels", area) == [
        ["30 Apr 2025", 1, 0, 1],
        ["31 May 2025", 0, 1, 1],
        ["30 Jun 2025", 1, 1, 2],
    ]


def test_indicator_tables_hold_no_names(area):
    r.create_action("Police", date(2025, 4, 10))
    for indicator in indicators.INDICATORS:
        rows = indicators.compute(indicator, area, START, END, TODAY).rows
        assert not any("Person" in str(cell) for row in rows for cell in row), indicator.slug


@pytest.mark.parametrize(
    ("carried_due", "on_time", "late"),
    [(date(2025, 5, 1), 1, 0), (date(2025, 3, 1), 0, 1)],
)
def test_a_level_1_review_is_judged_by_the_date_the_case_carried_when_it_was_recorded(
    area, carried_due, on_time, late
):
    # Issue 16 item 7: a case imported with the next review date the sending system set, and no
    # decision made here, is judged by that date once a review is recorded (cases.services
    # keeps it on the review as `due_on`): held 1 April 2025, due 1 May (on time) or 1 March.
    imported = r.create_case(
        level=1,
        category=1,
        history=[(date(2024, 2, 20), 1)],
        source="import",
        next_review_due=carried_due,
    )
    review = case_services.record_level_1_review(
        actor=r.coordinator(),
        case=imported,
        held_on=date(2025, 4, 1),
        what_was_reviewed="The plan.",
        risk_change="",
        plan_change="",
        decision="stay",
        rationale="No change.",
    )
    assert review.due_on == carried_due
    assert table("reviews", area)[0][1:3] == [on_time, late]
