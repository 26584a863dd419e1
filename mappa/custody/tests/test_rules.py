"""The custody rules, table by table, each against its source.

MAPPA Guidance (2012, updated 2021) ch.15.1: the prison contributes to release planning and MAPPA
level setting (https://mappa.justice.gov.uk/MAPPA/view?objectID=12995988). The lead time (6
months by default) is the setting MAPPA_LEVEL_SET_MONTHS_BEFORE_RELEASE, UNVERIFIED (domain.md §6).
"""

from datetime import date

import pytest

from mappa.custody import rules

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("release", "parole", "expected"),
    [
        (date(2027, 5, 1), None, rules.DueDate(date(2027, 5, 1), "release")),
        (None, date(2027, 2, 1), rules.DueDate(date(2027, 2, 1), "parole")),
        # the earlier of the two (ch.15.1: release planning before the first way out)
        (date(2027, 5, 1), date(2027, 2, 1), rules.DueDate(date(2027, 2, 1), "parole")),
        (date(2027, 1, 1), date(2027, 2, 1), rules.DueDate(date(2027, 1, 1), "release")),
        # a hearing already held is not a date to plan against; a passed release still is
        (date(2027, 5, 1), date(2026, 11, 1), rules.DueDate(date(2027, 5, 1), "release")),
        (None, date(2026, 11, 1), None),
        (date(2026, 11, 1), None, rules.DueDate(date(2026, 11, 1), "release")),
        (None, None, None),
    ],
)
def test_the_level_is_due_against_the_first_way_out_of_custody(release, parole, expected):
    assert (
        rules.level_due_against(release_on=release, parole_hearing_on=parole, today=TODAY)
        == expected
    )


@pytest.mark.parametrize(
    ("on", "months", "inside"),
    [
        (date(2027, 6, 3), 6, True),
        (date(2027, 6, 4), 6, False),
        (date(2026, 10, 1), 6, True),  # passed, not recorded: still shown
        (date(2027, 9, 1), 9, True),
    ],
)
def test_the_queue_window_is_the_setting_in_months(on, months, inside):
    assert rules.in_window(on=on, today=TODAY, months=months) is inside


# ch.15.1 with the setting's 6 months: due on 1 June 2027, the level is due by 1 December 2026.
@pytest.mark.parametrize(
    ("due_on", "decided", "lead", "soon", "status"),
    [
        (date(2027, 6, 1), True, 6, 28, rules.GREEN),  # decided: green whatever the date
        (date(2027, 6, 1), False, 6, 28, rules.RED),  # deadline 1 Dec 2026 passed
        (date(2027, 6, 3), False, 6, 28, rules.AMBER),  # deadline today
        (date(2027, 6, 30), False, 6, 28, rules.AMBER),  # deadline 30 Dec: within 28 days
        (date(2027, 7, 1), False, 6, 28, rules.GREEN),  # deadline 1 Jan 2027: 29 days ahead
        (date(2027, 8, 1), False, 6, 28, rules.GREEN),  # deadline 1 Feb 2027
        (date(2027, 3, 1), False, 3, 28, rules.RED),  # a 3-month lead: deadline 1 Dec 2026
    ],
)
def test_red_amber_green_against_the_deadline(due_on, decided, lead, soon, status):
    assert (
        rules.level_status(
            due_on=due_on, level_decided=decided, today=TODAY, lead_months=lead, soon_days=soon
        )
        == status
    )


@pytest.mark.parametrize(
    ("on", "started", "problem"),
    [
        (date(2026, 12, 1), date(2020, 1, 1), None),
        (TODAY, date(2020, 1, 1), None),
        (date(2026, 12, 4), date(2020, 1, 1), "The release date must be today or in the past"),
        (
            date(2019, 12, 31),
            date(2020, 1, 1),
            "The release date must be on or after 1/1/2020, when custody began",
        ),
        (
            date(2026, 12, 1),
            None,
            "This person is not in custody: there is no open custody period to end",
        ),
    ],
)
def test_a_release_ends_a_custody_on_a_day_between_its_start_and_today(on, started, problem):
    assert rules.release_problem(on=on, custody_started_on=started, today=TODAY) == problem


@pytest.mark.parametrize(
    ("on", "in_custody", "last_left", "problem"),
    [
        (date(2026, 12, 1), False, date(2026, 6, 1), None),
        (date(2026, 6, 1), False, date(2026, 6, 1), None),  # recalled the day of release
        (date(2026, 12, 1), True, None, "This person is already in custody"),
        (
            date(2026, 12, 9),
            False,
            None,
            "The date of the return to custody must be today or in the past",
        ),
        (
            date(2026, 5, 31),
            False,
            date(2026, 6, 1),
            "The date of the return to custody must be on or after 1/6/2026, the last release",
        ),
    ],
)
def test_a_return_to_custody_is_of_someone_out_of_it_since_their_last_release(
    on, in_custody, last_left, problem
):
    assert (
        rules.return_problem(on=on, in_custody=in_custody, last_left_on=last_left, today=TODAY)
        == problem
    )


# Annual figures (shared/contracts/annual-report.md "returned_to_custody"): breach of licence and
# breach of an order are counted; the other reasons are kept on the custody page only.
@pytest.mark.parametrize(
    ("reason", "event"),
    [
        ("licence_recall", "returned_to_custody_licence_breach"),
        ("order_breach", "returned_to_custody_order_breach"),
        ("further_offence", None),
        ("other", None),
    ],
)
def test_which_returns_the_annual_figures_count(reason, event):
    assert rules.RECORDED_EVENT_OF_RETURN.get(reason) == event


def _screening(**overrides):
    arguments = {
        "category": 1,
        "proposed_level": 2,
        "rationale": "Reasons",
        "report_requested": True,
        "report_due_on": date(2027, 1, 10),
        "today": TODAY,
        "due_on": date(2027, 3, 1),
    } | overrides
    return rules.screening_problems(**arguments)


@pytest.mark.parametrize(
    ("overrides", "problems"),
    [
        ({}, {}),
        # MAPPA Guidance ch.7: category 3 needs level 2 or 3
        (
            {"category": 3, "proposed_level": 1},
            {
                "proposed_level": "A category 3 case cannot be managed at level 1: propose level 2 or 3"
            },
        ),
        ({"rationale": "  "}, {"rationale": "Give the rationale for the proposed level"}),
        ({"report_due_on": None}, {"report_due_on": "Enter the date the prison's report is due"}),
        (
            {"report_requested": False},
            {"report_due_on": "Say that a report is requested, or leave its due date empty"},
        ),
        ({"report_requested": False, "report_due_on": None}, {}),
        (
            {"report_due_on": date(2026, 12, 2)},
            {"report_due_on": "The report's due date must be today or later"},
        ),
        (
            {"report_due_on": date(2027, 3, 2)},
            {"report_due_on": "The report must be due by 1/3/2027, before the release"},
        ),
        ({"report_due_on": date(2027, 3, 2), "due_on": None}, {}),
    ],
)
def test_what_a_screening_must_hold(overrides, problems):
    assert _screening(**overrides) == problems


@pytest.mark.parametrize(
    ("role", "agency", "may"),
    [
        ("ra_practitioner", "prison", True),
        ("ra_practitioner", "probation", True),
        ("coordinator", "probation", True),
        ("ra_practitioner", "police", False),
        ("dtc_practitioner", "housing", False),
        ("chair", "police", False),
    ],
)
def test_who_screens_before_release(role, agency, may):
    # ch.15.1: the prison, with probation, in release planning; the co-ordinator may too.
    assert rules.may_screen(role=role, agency_kind=agency) is may


@pytest.mark.parametrize(
    ("decisions", "set_in_custody"),
    [
        ([date(2026, 6, 1)], True),
        ([date(2020, 1, 1)], True),  # the custody's first day
        ([date(2019, 12, 31)], False),  # before this custody
        ([date(2026, 12, 2)], False),  # after the release
        ([], False),
    ],
)
def test_a_level_is_set_in_custody_between_its_start_and_the_release(decisions, set_in_custody):
    assert (
        rules.level_set_in_custody(
            decisions=decisions, custody_started_on=date(2020, 1, 1), released_on=date(2026, 12, 1)
        )
        is set_in_custody
    )
