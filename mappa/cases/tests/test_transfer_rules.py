"""The pure rules of transfers and temporary stays, table by table (cases.rules), each row citing
its source: MAPPA Guidance para 17.1 (cases are owned by the agencies with statutory
responsibility, which transfer them; transfers expedited; MAPPA areas cannot oblige or prevent a
transfer), ch.7 and ch.13a (levels 2 and 3 are managed through meetings), and local practice."""

from datetime import date

import pytest

from mappa.cases import rules

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    "step, status, allowed",
    [
        ("query", "requested", True),  # the receiving area asks before deciding
        ("query", "queried", False),  # one query at a time: the sending area answers first
        ("answer", "queried", True),
        ("answer", "requested", False),
        ("accept", "requested", True),  # para 17.1: the area receives, it cannot refuse
        ("accept", "queried", False),  # not while its own query is unanswered
        ("accept", "accepted", False),
        ("withdraw", "requested", True),  # the requester withdraws before acceptance
        ("withdraw", "queried", True),
        ("withdraw", "accepted", False),  # ownership has moved: a transfer back is a new request
        ("withdraw", "withdrawn", False),
    ],
)
def test_which_step_each_state_allows(step, status, allowed):
    assert rules.transfer_step_allowed(step=step, status=status) is allowed


BASE = {
    "from_area": 1,
    "to_area": 2,
    "level": 1,
    "reason": "Moving to his sister's",
    "new_address": "7 Quay Street",
    "proposed_meeting": "",
    "case_open": True,
    "already_in_hand_over": False,
}


@pytest.mark.parametrize(
    "overrides, problem",
    [
        ({}, None),
        ({"case_open": False}, "case"),
        ({"already_in_hand_over": True}, "case"),  # one hand-over at a time
        ({"to_area": None}, "to_area"),
        ({"to_area": 1}, "to_area"),  # para 17.1 is between areas: not to the case's own
        ({"reason": "  "}, "reason"),
        ({"new_address": ""}, "new_address"),
        ({"level": 2}, "proposed_meeting"),  # ch.7, ch.13a: level 2 is managed by meetings
        ({"level": 3}, "proposed_meeting"),
        ({"level": 2, "proposed_meeting": "Level 2 meeting before the move"}, None),
    ],
)
def test_what_a_transfer_request_needs(overrides, problem):
    found = rules.transfer_request_problem(**(BASE | overrides))
    assert (found[0] if found else None) == problem


@pytest.mark.parametrize(
    "in_case_area, is_officer, is_coordinator, is_practitioner, allowed",
    [
        (True, True, False, False, True),  # the responsible officer (para 17.1: the owner)
        (True, False, False, True, True),  # the lead agency's practitioners
        (True, False, True, False, True),  # the co-ordinator acting for them
        (True, False, False, False, False),  # another agency does not transfer the case
        (False, False, True, False, False),  # another area's co-ordinator does not either
    ],
)
def test_who_acts_for_the_lead_agency(
    in_case_area, is_officer, is_coordinator, is_practitioner, allowed
):
    assert (
        rules.may_act_for_lead_agency(
            in_case_area=in_case_area,
            is_officer=is_officer,
            is_coordinator=is_coordinator,
            is_lead_agency_practitioner=is_practitioner,
        )
        is allowed
    )


@pytest.mark.parametrize(
    "status, reads_until, reads",
    [
        ("accepted", date(2026, 12, 3), True),  # the last day of MAPPA_TRANSFER_READ_DAYS
        ("accepted", date(2026, 12, 2), False),
        ("accepted", None, False),
        ("requested", date(2027, 1, 1), False),  # not accepted: the sending area still owns it
        ("withdrawn", date(2027, 1, 1), False),
    ],
)
def test_how_long_the_sending_area_reads(status, reads_until, reads):
    assert rules.sending_area_reads(status=status, reads_until=reads_until, today=TODAY) is reads


@pytest.mark.parametrize(
    "requested_on, status",
    [
        (date(2026, 12, 1), rules.ON_TRACK),  # para 17.1 "expedited": 10 days (local practice)
        (date(2026, 11, 24), rules.DUE_SOON),  # due on 4 December: within two days
        (date(2026, 11, 22), rules.OVERDUE),  # due on 2 December
    ],
)
def test_the_receiving_areas_answer_is_red_amber_or_green(requested_on, status):
    found = rules.transfer_response_status(requested_on=requested_on, today=TODAY, response_days=10)
    assert found == status


STAY = {
    "home_area": 1,
    "host_area": 2,
    "starts_on": date(2026, 12, 10),
    "ends_on": date(2026, 12, 17),
    "address": "Seaview Caravan Park",
    "case_open": True,
}


@pytest.mark.parametrize(
    "overrides, problem",
    [
        ({}, None),
        ({"host_area": 1}, "host_area"),  # a stay is in another area
        ({"host_area": None}, "host_area"),
        ({"ends_on": date(2026, 12, 9)}, "ends_on"),
        ({"address": " "}, "address"),
        ({"case_open": False}, "case"),
    ],
)
def test_what_a_temporary_stay_needs(overrides, problem):
    found = rules.stay_problem(**(STAY | overrides))
    assert (found[0] if found else None) == problem


@pytest.mark.parametrize(
    "ends_on, seen",
    [(date(2026, 12, 3), True), (date(2026, 12, 20), True), (date(2026, 12, 2), False)],
)
def test_the_host_area_sees_a_stay_until_its_last_day_not_after(ends_on, seen):
    assert rules.stay_visible_to_host(ends_on=ends_on, today=TODAY) is seen


@pytest.mark.parametrize(
    "starts_on, ends_on, problem",
    [
        (date(2026, 12, 3), date(2026, 12, 3), None),  # a one-day stay
        (date(2026, 12, 3), date(2026, 12, 2), "ends_on"),  # the last day before the first
        (date(2026, 12, 3), date(2027, 6, 2), None),  # 182 days: still temporary
        (date(2026, 12, 3), date(2027, 6, 3), "ends_on"),  # 183: a move, para 17.1 (transfer)
        (date(2026, 12, 3), date(9999, 12, 31), "ends_on"),  # the far future
        (date(2027, 6, 3), date(2027, 6, 10), None),  # starts within 182 days (local practice)
        (date(2027, 6, 4), date(2027, 6, 10), "starts_on"),  # starts further off
    ],
)
def test_a_stays_dates_keep_it_temporary(starts_on, ends_on, problem):
    found = rules.stay_dates_problem(
        starts_on=starts_on, ends_on=ends_on, today=TODAY, longest_days=182
    )
    assert (found[0] if found else None) == problem


@pytest.mark.parametrize(
    "ended_on, ended_early, problem",
    [
        (date(2026, 12, 10), False, None),  # before the planned last day
        (date(2026, 12, 1), False, None),  # on its first day (it did not go ahead after all)
        (date(2026, 11, 30), False, "ended_on"),  # before the stay began
        (date(2026, 12, 20), False, "ended_on"),  # the planned last day is no early end
        (date(2030, 1, 1), False, "ended_on"),  # the far future: a change of the stay, if any
        (date(2026, 12, 10), True, "ended_on"),  # ended early once already
    ],
)
def test_a_stay_ends_early_between_its_first_day_and_its_planned_last(
    ended_on, ended_early, problem
):
    found = rules.stay_end_problem(
        starts_on=date(2026, 12, 1),
        ends_on=date(2026, 12, 20),
        ended_on=ended_on,
        ended_early=ended_early,
    )
    assert (found[0] if found else None) == problem
