"""A case on the agenda but not discussed (out of time, say) is carried to the next meeting: its
review is still due (MAPPA Guidance ch.7), and the listing it missed does not count."""

from datetime import time, timedelta

import pytest

from mappa.meetings.services import approval, minutes, scheduling

from .minutes_setup import case_minutes, decide, hold_meeting, no_disclosure

pytestmark = pytest.mark.django_db


def approve_with_smith_not_discussed(world):
    chair = world.users["chair.police"]
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=chair, meeting=meeting)
    meeting.refresh_from_db()
    smith = case_minutes(meeting, "X123456")
    minutes.save_case_minutes(
        actor=chair,
        case_minutes=smith,
        version=smith.version,
        discussed=False,
        not_discussed_reason="Out of time: listed next week",
    )
    decide(world, meeting, "X456789")
    no_disclosure(world, meeting, "X456789")
    approval.approve_minutes(actor=chair, meeting=meeting)
    return meeting


def next_agenda(world):
    coordinator = world.users["coordinator"]
    following = scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=world.today + timedelta(days=7),
        start_time=time(10),
        end_time=time(13),
        venue="Probation head office",
    )
    added = scheduling.build_agenda(actor=coordinator, meeting=following)
    return {item.case.nominal.crn: item for item in added}


def test_a_case_not_discussed_is_listed_at_the_next_meeting(world):
    approve_with_smith_not_discussed(world)
    listed = next_agenda(world)
    assert "X123456" in listed
    assert listed["X123456"].kind == "review"


def test_a_case_discussed_and_given_a_later_review_is_not_listed_again(world):
    approve_with_smith_not_discussed(world)
    assert "X456789" not in next_agenda(world)
