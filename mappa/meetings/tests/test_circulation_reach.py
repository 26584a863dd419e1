"""The minutes reach the people who manage each case: attendees chosen from their accounts, the
case's responsible officer and the practitioners of its lead agency."""

import pytest

from mappa.cases.models import MappaCase
from mappa.meetings.services import circulation

from .factories import create_meeting
from .minutes_setup import hold_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    MappaCase.objects.update(responsible_officer=None, lead_agency="police")
    return hold_meeting(world)


def test_without_a_link_to_the_case_the_prison_offender_manager_is_not_sent_them(world, meeting):
    assert world.users["prison.pom"] not in circulation.recipients(meeting)


def test_the_responsible_officer_of_a_case_on_the_agenda_is_sent_the_minutes(world, meeting):
    MappaCase.objects.filter(id=world.case("X123456").id).update(
        responsible_officer=world.users["prison.pom"]
    )
    assert world.users["prison.pom"] in circulation.recipients(meeting)


def test_the_lead_agencys_practitioners_are_sent_the_minutes(world, meeting):
    MappaCase.objects.filter(id=world.case("X456789").id).update(lead_agency="prison")
    people = circulation.recipients(meeting)
    assert world.users["prison.pom"] in people
    assert world.users["housing.officer"] in people  # attended, invited


def test_an_attendee_chosen_from_the_accounts_is_linked_and_sent_the_minutes(world, signed_in):
    held = create_meeting(world.users["coordinator"])
    pom = world.users["prison.pom"]
    client = signed_in("chair.police")
    page = client.get(f"/meetings/{held.id}/attendance/").content.decode()
    assert f'value="{pom.uuid}"' in page
    response = client.post(
        f"/meetings/{held.id}/attendance/", {"person": str(pom.uuid), "status": "attended"}
    )
    assert response.status_code == 302
    record = held.attendance.get()
    assert (record.user, record.name) == (pom, pom.display_name)
    assert pom in circulation.recipients(held)


def test_someone_without_an_account_still_needs_a_name_and_agency(world, signed_in):
    held = create_meeting(world.users["coordinator"])
    client = signed_in("chair.police")
    response = client.post(f"/meetings/{held.id}/attendance/", {"status": "attended"})
    page = response.content.decode()
    assert "Enter the person&#x27;s name, or choose someone with an account" in page
    assert not held.attendance.exists()
