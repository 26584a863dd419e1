"""A disclosure decision written into the minutes is agreed by the chair who approves them
(MAPPA Guidance ch.10: the chair agrees a disclosure decided at a meeting), not by whoever
recorded it in the minutes."""

import pytest

from mappa.disclosures.constants import Decision
from mappa.meetings.services import approval, minutes

from .minutes_setup import case_minutes, decide, hold_meeting

pytestmark = pytest.mark.django_db


def record_in_minutes(world, meeting, *, by):
    minutes.start_minutes(actor=by, meeting=meeting)
    meeting.refresh_from_db()
    recorded = {}
    for crn in ("X456789", "X123456"):
        decide(world, meeting, crn)
        recorded[crn] = minutes.record_disclosure(
            actor=by,
            case_minutes=case_minutes(meeting, crn),
            decision=Decision.DO_NOT_DISCLOSE,
            rationale="No identified third party at risk",
        )
    return recorded


def test_the_coordinator_recording_a_decision_is_not_credited_with_the_chairs_agreement(world):
    meeting = hold_meeting(world)
    coordinator = world.users["coordinator"]
    recorded = record_in_minutes(world, meeting, by=coordinator)["X456789"]
    recorded.refresh_from_db()
    assert recorded.decided_by == coordinator
    assert recorded.chair is None


def test_approval_records_the_approving_chair_as_agreeing_and_keeps_who_recorded_it(world):
    meeting = hold_meeting(world)
    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    recorded = record_in_minutes(world, meeting, by=coordinator)
    approval.approve_minutes(actor=chair, meeting=meeting)
    for decision in recorded.values():
        decision.refresh_from_db()
        assert (decision.chair, decision.decided_by) == (chair, coordinator)
        assert decision.chair_agreed_at is not None


def test_the_decision_page_names_the_approving_chair(world, signed_in):
    meeting = hold_meeting(world)
    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    decision = record_in_minutes(world, meeting, by=coordinator)["X456789"]
    approval.approve_minutes(actor=chair, meeting=meeting)
    page = signed_in("disclosure.officer").get(f"/disclosures/decisions/{decision.id}/")
    assert page.status_code == 200
    page = page.content.decode()
    assert f"{chair.display_name}, " in page.split("Chair's agreement")[1].split("</dd>")[0]
    assert f"recorded by {coordinator.display_name}" in page
