"""The meetings panels on the co-ordinator's, chair's and invitee's dashboards."""

import pytest

from mappa.meetings.services import invitations, scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    (item,) = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    invitations.invite(actor=coordinator, item=item, user=world.users["housing.officer"])
    scheduling.change_meeting(
        actor=coordinator,
        meeting=meeting,
        version=meeting.version,
        chair=world.users["chair.police"],
    )
    return meeting


def test_the_coordinator_sees_the_next_meetings_with_how_many_cases(world, meeting, signed_in):
    page = signed_in("coordinator").get("/dashboard/").content.decode()
    assert f'href="/meetings/{meeting.id}/"' in page and "level 2: 1 case on the agenda" in page
    assert "No meetings are planned." not in page


def test_the_chair_sees_the_meetings_they_chair(world, meeting, signed_in):
    page = signed_in("chair.police").get("/dashboard/").content.decode()
    assert f'href="/meetings/{meeting.id}/"' in page
    assert "You are not chairing any planned meetings." not in page


def test_the_invitee_sees_their_invitation_with_its_time_and_no_case(world, meeting, signed_in):
    page = signed_in("housing.officer").get("/dashboard/").content.decode()
    assert f'href="/meetings/{meeting.id}/"' in page
    assert "at 10:00 (your response: no response yet)" in page
    assert "Kieran Walsh" not in page


def test_with_no_meetings_the_placeholders_remain(world, signed_in):
    assert (
        "No meetings are planned." in signed_in("coordinator").get("/dashboard/").content.decode()
    )


def test_the_chair_is_told_of_minutes_waiting_for_their_approval(world, signed_in):
    from mappa.meetings.services import minutes

    from .minutes_setup import hold_meeting

    held = hold_meeting(world)
    chair = signed_in("chair.police")
    assert (
        "There are no minutes waiting for your approval."
        in chair.get("/dashboard/").content.decode()
    )
    minutes.start_minutes(actor=world.users["coordinator"], meeting=held)
    page = chair.get("/dashboard/").content.decode()
    assert f'href="/meetings/{held.id}/minutes/">Minutes of ' in page
    assert "There are no minutes waiting for your approval." not in page


def test_minutes_another_chair_approves_are_not_on_this_chairs_panel(world, signed_in):
    from mappa.meetings.services import minutes

    from .minutes_setup import hold_meeting

    held = hold_meeting(world)
    scheduling.change_meeting(
        actor=world.users["coordinator"], meeting=held, version=held.version, chair=None
    )
    minutes.start_minutes(actor=world.users["coordinator"], meeting=held)
    page = signed_in("chair.police").get("/dashboard/").content.decode()
    assert f"/meetings/{held.id}/minutes/" not in page
    assert (
        f"/meetings/{held.id}/minutes/"
        in signed_in("coordinator").get("/dashboard/").content.decode()
    )
