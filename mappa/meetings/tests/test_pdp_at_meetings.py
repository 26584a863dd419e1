"""A potentially dangerous person at a MAPPA meeting (docs/pdp.md): listed as an urgent case, it
is discussed with a disclosure decision and an action like any case; the meeting records no level
decision for it (a PDP has no MAPPA level), and the minutes are approved without one, leaving the
PDP's review to the police."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.cases.services import pdp
from mappa.cases.tests.factories import create_nominal
from mappa.meetings.services import approval, attendance, minutes, scheduling
from mappa.meetings.tests.minutes_setup import case_minutes, decide, no_disclosure
from mappa.people.eligibility import for_nominal

pytestmark = pytest.mark.django_db


def a_pdp(world):
    ppu = world.users["police.ppu"]
    nominal = create_nominal(crn="P900001")
    case = pdp.propose(
        actor=ppu, nominal=nominal, version=nominal.version,
        eligibility=for_nominal(nominal, world.today), grounds="Threats to kill",
    )  # fmt: skip
    nominal.refresh_from_db()
    pdp.decide(
        actor=ppu, case=case, version=nominal.version,
        eligibility=for_nominal(nominal, world.today), manage=True, rank="inspector",
        rationale="Present likelihood", decided_on=world.today,
    )  # fmt: skip
    case.refresh_from_db()
    return case


def held_with(world, case):
    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    meeting = scheduling.schedule_meeting(
        actor=coordinator, level=2, on=world.today, start_time=time(10), end_time=time(13),
        venue="Probation head office",
    )  # fmt: skip
    world.due("X123456", world.today)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    scheduling.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="Threats")
    meeting.refresh_from_db()
    scheduling.change_meeting(
        actor=coordinator, meeting=meeting, version=meeting.version, chair=chair,
        chair_name="Gareth Evans",
    )  # fmt: skip
    attendance.record_attendance(
        actor=chair, meeting=meeting, status="attended", user=world.users["police.ppu"]
    )
    attendance.record_statement(actor=chair, meeting=meeting, read=True)
    attendance.mark_held(actor=chair, meeting=meeting, today=world.today)
    meeting.refresh_from_db()
    minutes.start_minutes(actor=chair, meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def test_a_pdp_is_discussed_and_the_minutes_approved_without_a_level(world):
    case = a_pdp(world)
    meeting = held_with(world, case)
    with pytest.raises(ValidationError, match="no MAPPA level"):
        decide(world, meeting, case.nominal.crn)
    decide(world, meeting, "X123456")
    for crn in ("X123456", case.nominal.crn):
        no_disclosure(world, meeting, crn)
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    case.refresh_from_db()
    assert case.level is None and case.kind == "pdp"
    assert case.next_review_due == world.today + timedelta(weeks=12)
    assert not case.level_history.exists()
    assert case_minutes(meeting, case.nominal.crn).disclosure is not None
