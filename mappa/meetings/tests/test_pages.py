"""The meeting pages through the client: forms, redirects, errors and who may use them."""

from datetime import timedelta

import pytest

from mappa.meetings.constants import Response
from mappa.meetings.models import Invitation, Meeting, MeetingSeries
from mappa.meetings.services import invitations, scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    meeting = create_meeting(world.users["coordinator"])
    world.due("X456789", meeting.date)
    return meeting


def test_the_coordinator_sets_up_a_series_and_its_meetings_are_scheduled(world, signed_in):
    response = signed_in("coordinator").post(
        "/meetings/series/new/",
        {
            "name": "Demoshire level 3",
            "level": "3",
            "frequency": "fortnightly",
            "weekday": "3",
            "starts_on": world.today.strftime("%d/%m/%Y"),
            "start_time": "14:00",
            "end_time": "16:30",
            "venue": "Police headquarters",
        },
    )
    assert response.status_code == 302
    series = MeetingSeries.objects.get(name="Demoshire level 3")
    assert series.meetings.count() == 8 and series.meetings.first().date.weekday() == 3


def test_the_series_form_explains_what_is_wrong(world, signed_in):
    page = (
        signed_in("coordinator")
        .post(
            "/meetings/series/new/",
            {
                "name": "x",
                "level": "2",
                "frequency": "weekly",
                "weekday": "1",
                "starts_on": "1/1/2027",
                "start_time": "13:00",
                "end_time": "10:00",
            },
        )
        .content.decode()
    )
    assert "The end time must be after the start time" in page
    assert "Enter a venue or a video link" in page


def test_building_the_agenda_from_the_meeting_page(world, meeting, signed_in):
    client = signed_in("coordinator")
    response = client.post(f"/meetings/{meeting.id}/agenda/build/", follow=True)
    page = response.content.decode()
    assert "1 case added to the agenda." in page and "Kieran Walsh" in page


def test_only_the_coordinator_may_build_an_agenda(world, meeting, signed_in):
    assert (
        signed_in("chair.police").post(f"/meetings/{meeting.id}/agenda/build/").status_code == 403
    )


def test_inviting_from_the_invite_page(world, meeting, signed_in):
    (item,) = scheduling.build_agenda(actor=world.users["coordinator"], meeting=meeting)
    client = signed_in("coordinator")
    url = f"/meetings/{meeting.id}/agenda/{item.id}/invite/"
    officer = world.users["housing.officer"]
    assert client.post(url, {"person": str(officer.uuid)}).status_code == 302
    assert Invitation.objects.get().invitee_user == officer
    page = client.post(url, {"person": "", "agency": ""}).content.decode()
    assert "Choose either a named person or an agency" in page


def test_the_urgent_form_adds_a_case_with_its_reason(world, meeting, signed_in):
    case = world.case("X345678")
    response = signed_in("coordinator").post(
        f"/meetings/{meeting.id}/agenda/urgent/", {"case": str(case.id), "reason": "New address"}
    )
    assert response.status_code == 302
    assert meeting.agenda.get().reason == "New address"


def test_the_invitee_answers_on_their_page(world, meeting, signed_in):
    (item,) = scheduling.build_agenda(actor=world.users["coordinator"], meeting=meeting)
    invitation = invitations.invite(
        actor=world.users["coordinator"], item=item, user=world.users["housing.officer"]
    )
    client = signed_in("housing.officer")
    url = f"/meetings/invitations/{invitation.id}/"
    assert "Respond to the invitation" in client.get(url).content.decode()
    answer = {"response": "sending_report", "note": "Tenancy report by Monday", "version": "1"}
    client.post(url, answer)
    invitation.refresh_from_db()
    assert invitation.response == Response.SENDING_REPORT
    assert signed_in("probation.om").get(url).status_code == 404


def test_the_chair_records_attendance_the_statement_and_that_it_was_held(world, signed_in):
    meeting = create_meeting(world.users["coordinator"])
    Meeting.objects.filter(id=meeting.id).update(date=world.today - timedelta(days=1))
    client = signed_in("chair.police")
    base = f"/meetings/{meeting.id}"
    page = client.post(f"{base}/held/").content.decode()
    assert "Record who attended" in page
    client.post(
        f"{base}/attendance/",
        {"name": "Gareth Evans", "agency_name": "Police", "status": "attended"},
    )
    client.post(f"{base}/statement/", {"read": "yes"})
    assert client.post(f"{base}/held/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.statement_read is True


def test_the_attendance_page_is_for_chairs_only(world, meeting, signed_in):
    assert signed_in("police.ppu").get(f"/meetings/{meeting.id}/attendance/").status_code == 403
    assert signed_in("chair.police").get(f"/meetings/{meeting.id}/attendance/").status_code == 200


def test_the_meetings_navigation_item_shows_for_coordinators_and_chairs_only(world, signed_in):
    assert 'href="/meetings/"' in signed_in("coordinator").get("/dashboard/").content.decode()
    assert 'href="/meetings/"' in signed_in("chair.police").get("/dashboard/").content.decode()
    assert 'href="/meetings/"' not in signed_in("police.ppu").get("/dashboard/").content.decode()


def test_the_details_page_links_the_chairs_account(world, meeting, signed_in):
    chair = world.users["chair.police"]
    response = signed_in("coordinator").post(
        f"/meetings/{meeting.id}/details/",
        {
            "start_time": "10:00",
            "end_time": "13:00",
            "venue": "Probation head office",
            "chair": str(chair.uuid),
            "chair_agency": "Police",
            "chair_rank": "Detective Inspector",
            "co_chair_name": "Sam Reed",
            "co_chair_agency": "Probation",
            "co_chair_rank": "Senior Probation Officer",
            "version": meeting.version,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.chair == chair and meeting.chair_name == "Gareth Evans"
