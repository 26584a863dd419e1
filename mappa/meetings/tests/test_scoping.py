"""Who sees which meetings and which agenda items, on the pages and in the API."""

from datetime import timedelta

import pytest
from django.http import Http404

from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.queries import meetings
from mappa.meetings.services import invitations, scheduling
from tests.factories import create_user

from .factories import create_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    """A level 2 meeting reviewing X456789 and X123456; housing.officer invited to X456789 only."""
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date - timedelta(days=3))
    world.due("X123456", meeting.date)
    first, _ = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    invitations.invite(actor=coordinator, item=first, user=world.users["housing.officer"])
    return meeting


@pytest.mark.parametrize("username", ["coordinator", "chair.police", "police.ppu", "probation.om"])
def test_the_areas_coordinator_chairs_and_ra_staff_see_the_whole_agenda(
    world, meeting, signed_in, username
):
    page = signed_in(username).get(f"/meetings/{meeting.id}/").content.decode()
    assert "Kieran Walsh" in page and "John Paul Smith" in page
    assert "Restricted" not in page


def test_an_invitee_sees_only_their_item_and_restricted_for_the_others(world, meeting, signed_in):
    page = signed_in("housing.officer").get(f"/meetings/{meeting.id}/").content.decode()
    assert "Kieran Walsh" in page
    assert "John Paul Smith" not in page and str(world.case("X123456").id) not in page
    assert page.count('data-testid="restricted"') == 1


def test_a_police_officer_of_another_area_is_told_the_meeting_does_not_exist(
    world, meeting, signed_in
):
    assert signed_in("outsider.police").get(f"/meetings/{meeting.id}/").status_code == 404


@pytest.mark.parametrize("username, status", [("mash.manager", 403), ("lay.adviser", 404)])
def test_roles_that_see_no_cases_are_refused_every_meeting_page(
    world, meeting, signed_in, username, status
):
    # Lay advisers and SMB members see aggregates only: to them case content does not exist.
    assert signed_in(username).get(f"/meetings/{meeting.id}/").status_code == status


def test_an_uninvited_dtc_practitioner_sees_no_meetings(world, meeting):
    youth_offending = world.users["housing.officer"].area.agencies.get(name="Youth offending team")
    worker = create_user(role="dtc_practitioner", agency=youth_offending)
    assert not meetings.meetings_visible_to(worker).exists()
    with pytest.raises(Http404):
        meetings.get_meeting(worker, meeting.id)


def test_the_housing_agencys_other_staff_see_the_meeting_once_the_agency_is_invited(world, meeting):
    housing = world.users["housing.officer"].agency
    colleague = create_user(role="dtc_practitioner", agency=housing)
    assert not meetings.meetings_visible_to(colleague).exists()
    item = meeting.agenda.last()
    invitations.invite(actor=world.users["coordinator"], item=item, agency=housing)
    assert meetings.visible_item_ids(colleague, meeting) == {item.id}


def test_the_outsider_cannot_reach_the_managers_pages_either(world, meeting, signed_in):
    client = signed_in("outsider.police")
    item = meeting.agenda.first()
    for url in (
        f"/meetings/{meeting.id}/agenda/{item.id}/invite/",
        f"/meetings/{meeting.id}/attendance/",
    ):
        assert client.get(url).status_code in (403, 404)


def test_a_coordinator_of_another_area_gets_404(world, meeting):
    other_area = Area.objects.get(code="OTHER")
    coordinator = create_user(role="coordinator", agency=other_area.agencies.first())
    with pytest.raises(Http404):
        meetings.get_meeting(coordinator, meeting.id)


def test_reading_an_agenda_is_audited(world, meeting, signed_in):
    signed_in("housing.officer").get(f"/meetings/{meeting.id}/")
    read = AuditEvent.objects.filter(event_type=EventType.CASE_CONTENT_READ, subject=meeting.id)
    assert read.get().payload == {"content": "meeting agenda"}


def test_the_api_lists_meetings_in_scope_only(world, meeting, signed_in):
    assert signed_in("coordinator").get("/api/v1/meetings/").json()["count"] == 2
    assert signed_in("housing.officer").get("/api/v1/meetings/").json()["count"] == 1
    assert signed_in("outsider.police").get("/api/v1/meetings/").json()["count"] == 0
    assert signed_in("outsider.police").get(f"/api/v1/meetings/{meeting.id}/").status_code == 404


def test_the_api_agenda_shows_restricted_items_without_any_detail(world, meeting, signed_in):
    agenda = signed_in("housing.officer").get(f"/api/v1/meetings/{meeting.id}/agenda/").json()
    mine, other = agenda
    assert mine["restricted"] is False and mine["case"] == str(world.case("X456789").id)
    assert mine["kind"] == "review" and mine["invitations"][0]["invitee_user"] == "housing.officer"
    assert other == {
        "id": None,
        "position": 2,
        "starts_at": other["starts_at"],
        "ends_at": other["ends_at"],
        "restricted": True,
        "case": None,
        "kind": None,
        "review_number": None,
        "invitations": None,
    }


def test_the_api_agenda_is_whole_for_the_coordinator_and_404_for_the_outsider(
    world, meeting, signed_in
):
    agenda = signed_in("coordinator").get(f"/api/v1/meetings/{meeting.id}/agenda/").json()
    assert [item["restricted"] for item in agenda] == [False, False]
    response = signed_in("outsider.police").get(f"/api/v1/meetings/{meeting.id}/agenda/")
    assert response.status_code == 404
