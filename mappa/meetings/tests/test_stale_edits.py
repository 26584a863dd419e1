"""Two people edit the same meeting, case minutes or invitation answer: the second save is
refused, naming the first, and the second person's input stays on the form."""

from datetime import timedelta

import pytest

from mappa.agencies.constants import AgencyKind, Role
from mappa.agencies.models import Agency
from mappa.meetings.models import Invitation, Meeting
from mappa.meetings.services import invitations, minutes, scheduling
from tests.stale import assert_refused, colleague, loaded_version, signed_in_client

from .factories import create_meeting
from .minutes_setup import case_minutes, hold_meeting

pytestmark = pytest.mark.django_db

DETAILS = {
    "start_time": "10:00",
    "end_time": "13:00",
    "chair_name": "Gareth Evans",
    "chair_agency": "Police",
    "chair_rank": "Detective Inspector",
}


def test_a_second_save_of_the_meeting_details_is_refused_and_keeps_its_input(world, signed_in):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    other = colleague(coordinator, first_name="Amir", last_name="Khan")
    url = f"/meetings/{meeting.id}/details/"
    first, second = signed_in("coordinator"), signed_in_client(other)
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, DETAILS | {"venue": "Police HQ", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(url, DETAILS | {"venue": "Town hall room 4", "version": second_version})

    assert_refused(refused, by=coordinator, kept=["Town hall room 4"])
    meeting.refresh_from_db()
    assert meeting.venue == "Police HQ" and meeting.changed_by == coordinator


def test_a_meeting_details_save_without_a_version_is_refused_and_changes_nothing(world, signed_in):
    meeting = create_meeting(world.users["coordinator"])
    response = signed_in("coordinator").post(
        f"/meetings/{meeting.id}/details/", DETAILS | {"venue": "Police HQ"}
    )
    assert response.status_code == 200
    assert "This page is out of date" in response.content.decode()
    assert Meeting.objects.get(id=meeting.id).venue == "Probation head office"


def test_the_meeting_service_refuses_a_change_from_an_old_version(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    scheduling.change_meeting(actor=coordinator, meeting=meeting, version=1, venue="Police HQ")
    with pytest.raises(scheduling.versions.StaleEdit, match="Priya Shah"):
        scheduling.change_meeting(
            actor=coordinator, meeting=Meeting.objects.get(id=meeting.id), version=1, venue="X"
        )
    assert Meeting.objects.get(id=meeting.id).venue == "Police HQ"


@pytest.fixture
def draft(world):
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def test_a_second_save_of_a_cases_minutes_is_refused_and_keeps_its_input(world, draft, signed_in):
    walsh = case_minutes(draft, "X456789")
    url = f"/meetings/{draft.id}/minutes/{walsh.agenda_item_id}/edit/"
    chair, coordinator = signed_in("chair.police"), signed_in("coordinator")
    chair_version = loaded_version(chair.get(url))
    coordinator_version = loaded_version(coordinator.get(url))

    saved = chair.post(
        url, {"discussed": "yes", "victim_issues": "VLO in contact", "version": chair_version}
    )
    assert saved.status_code == 302
    refused = coordinator.post(
        url,
        {"discussed": "yes", "victim_issues": "Victim moved away", "version": coordinator_version},
    )

    assert_refused(refused, by=world.users["chair.police"], kept=["Victim moved away"])
    assert case_minutes(draft, "X456789").victim_issues == "VLO in contact"


def test_a_second_level_decision_on_the_same_minutes_is_refused_and_keeps_its_input(
    world, draft, signed_in
):
    smith = case_minutes(draft, "X123456")
    url = f"/meetings/{draft.id}/minutes/{smith.agenda_item_id}/decision/"
    review_on = (world.today + timedelta(weeks=12)).strftime("%d/%m/%Y")
    chair, coordinator = signed_in("chair.police"), signed_in("coordinator")
    chair_version = loaded_version(chair.get(url))
    coordinator_version = loaded_version(coordinator.get(url))
    decision = {"level_decision": "stays", "next_review_on": review_on}

    saved = chair.post(url, decision | {"rationale": "Plan working", "version": chair_version})
    assert saved.status_code == 302
    refused = coordinator.post(
        url, decision | {"rationale": "Risk rising: review sooner", "version": coordinator_version}
    )

    assert_refused(refused, by=world.users["chair.police"], kept=["Risk rising: review sooner"])
    assert case_minutes(draft, "X123456").decision_rationale == "Plan working"


def test_a_mash_summary_added_to_the_minutes_makes_an_open_minutes_form_stale(world, draft):
    walsh = case_minutes(draft, "X456789")
    loaded = walsh.version
    minutes.save_case_minutes(
        actor=world.users["coordinator"],
        case_minutes=walsh,
        version=walsh.version,
        relevant_information="Children's social care (MASH): open case",
    )
    with pytest.raises(scheduling.versions.StaleEdit):
        minutes.save_case_minutes(
            actor=world.users["chair.police"],
            case_minutes=case_minutes(draft, "X456789"),
            version=loaded,
            relevant_information="Moved to a hostel",
        )


def test_a_second_answer_to_an_agency_invitation_is_refused_and_keeps_its_input(world, signed_in):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    (item,) = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    housing = Agency.objects.get(area=coordinator.area, kind=AgencyKind.HOUSING_AUTHORITY)
    invitation = invitations.invite(actor=coordinator, item=item, agency=housing)
    officer = world.users["housing.officer"]
    other = colleague(officer, first_name="Nia", last_name="Jones", role=Role.DTC_PRACTITIONER)
    url = f"/meetings/invitations/{invitation.id}/"
    first, second = signed_in("housing.officer"), signed_in_client(other)
    first_version = loaded_version(first.get(url))
    second_version = loaded_version(second.get(url))

    saved = first.post(url, {"response": "attending", "version": first_version})
    assert saved.status_code == 302
    refused = second.post(
        url, {"response": "apologies", "note": "Team meeting clash", "version": second_version}
    )

    assert_refused(refused, by=officer, kept=["Team meeting clash"])
    assert Invitation.objects.get(id=invitation.id).response == "attending"
