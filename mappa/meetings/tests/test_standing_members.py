"""Standing core members of a series (issue 16, item 9): police, probation, prison and anyone
else the co-ordinator names are invited to every case at the series' meetings, through the
invitation service, and receive each meeting's minutes."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mappa.agencies.constants import AccessReason
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import Meeting
from mappa.meetings.services import circulation, invitations, scheduling, standing
from mappa.versions import StaleEdit
from tests.stale import colleague, loaded_version, signed_in_client

from .factories import create_meeting, create_series
from .minutes_setup import hold_meeting

pytestmark = pytest.mark.django_db


def set_members(world, series, *usernames, version=None):
    series.refresh_from_db()
    return standing.set_standing_members(
        actor=world.users["coordinator"],
        series=series,
        version=series.version if version is None else version,
        members=[world.users[name] for name in usernames],
    )


def build(world, meeting):
    world.due("X123456", meeting.date)
    return scheduling.build_agenda(actor=world.users["coordinator"], meeting=meeting)


def test_a_standing_member_is_invited_to_each_case_on_a_new_agenda(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "police.ppu", "prison.pom")
    (item,) = build(world, meeting)
    invited = {i.invitee_user.username for i in item.invitations.all()}
    assert invited == {"police.ppu", "prison.pom"}


def test_a_dtc_standing_member_gets_the_same_access_as_any_invitee(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "housing.officer")
    (item,) = build(world, meeting)
    invitation = item.invitations.get()
    assert invitation.access_grant.reason == AccessReason.MEETING_INVITATION
    assert invitation.access_grant.grantee_user == world.users["housing.officer"]


def test_police_staff_already_see_the_case_so_no_grant_is_made(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "police.ppu")
    (item,) = build(world, meeting)
    assert item.invitations.get().access_grant is None


def test_a_standing_member_is_e_mailed_once_per_meeting(world, django_capture_on_commit_callbacks):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "probation.om")
    world.due("X456789", meeting.date)
    with django_capture_on_commit_callbacks(execute=True):
        assert len(build(world, meeting)) == 2
    assert [email.to for email in mail.outbox] == [[world.users["probation.om"].email]]


def test_a_member_added_later_is_invited_to_cases_already_listed_at_planned_meetings(world):
    meeting = create_meeting(world.users["coordinator"])
    (item,) = build(world, meeting)
    set_members(world, meeting.series, "prison.pom")
    assert item.invitations.get().invitee_user == world.users["prison.pom"]


def test_someone_already_invited_by_name_is_not_invited_twice(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "prison.pom")
    (item,) = build(world, meeting)
    assert standing.invite_standing_members(actor=world.users["coordinator"], item=item) == []
    assert item.invitations.count() == 1


def test_someone_removed_loses_their_standing_invitations_and_the_access_they_gave(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "housing.officer", "prison.pom")
    (item,) = build(world, meeting)
    housing = item.invitations.get(invitee_user=world.users["housing.officer"])
    assert housing.as_standing_member and housing.access_grant.revoked_at is None
    set_members(world, meeting.series, "prison.pom")
    housing.refresh_from_db()
    housing.access_grant.refresh_from_db()
    assert housing.withdrawn_at is not None and housing.access_grant.revoked_at is not None
    assert item.invitations.get(withdrawn_at__isnull=True).invitee_user.username == "prison.pom"
    assert AuditEvent.objects.filter(
        event_type=EventType.MEETING_INVITATION_WITHDRAWN, payload__invitation=str(housing.id)
    ).exists()


def test_removing_a_standing_member_keeps_an_invitation_by_name(world):
    meeting = create_meeting(world.users["coordinator"])
    (item,) = build(world, meeting)
    by_name = invitations.invite(
        actor=world.users["coordinator"], item=item, user=world.users["prison.pom"]
    )
    set_members(world, meeting.series, "prison.pom")
    set_members(world, meeting.series)
    by_name.refresh_from_db()
    assert not by_name.as_standing_member and by_name.withdrawn_at is None


def test_removing_a_standing_member_leaves_held_meetings_as_they_were(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "prison.pom")
    (item,) = build(world, meeting)
    Meeting.objects.filter(id=meeting.id).update(status=MeetingStatus.HELD)
    set_members(world, meeting.series)
    invitation = item.invitations.get()
    assert invitation.as_standing_member and invitation.withdrawn_at is None


def test_a_meeting_outside_a_series_invites_no_standing_member(world):
    series = create_series(world.users["coordinator"])
    set_members(world, series, "prison.pom")
    single = scheduling.schedule_meeting(
        actor=world.users["coordinator"],
        level=2,
        on=world.today + timedelta(days=1),
        start_time=series.start_time,
        end_time=series.end_time,
        venue="Police HQ",
    )
    (item,) = build(world, single)
    assert not item.invitations.exists()


def test_a_member_whose_account_was_closed_is_no_longer_invited(world):
    meeting = create_meeting(world.users["coordinator"])
    set_members(world, meeting.series, "prison.pom", "police.ppu")
    world.users["prison.pom"].is_active = False
    world.users["prison.pom"].save(update_fields=["is_active"])
    (item,) = build(world, meeting)
    assert [i.invitee_user.username for i in item.invitations.all()] == ["police.ppu"]


def test_someone_in_another_area_cannot_be_a_standing_member(world):
    series = create_series(world.users["coordinator"])
    with pytest.raises(ValidationError, match="cannot be a standing member"):
        set_members(world, series, "outsider.police")
    assert not series.standing_members.exists()


def test_a_closed_account_cannot_be_made_a_standing_member(world):
    series = create_series(world.users["coordinator"])
    world.users["prison.pom"].is_active = False
    world.users["prison.pom"].save(update_fields=["is_active"])
    with pytest.raises(ValidationError, match="cannot be a standing member"):
        set_members(world, series, "prison.pom")


def test_standing_members_receive_the_minutes(world):
    meeting = hold_meeting(world)
    series = create_series(world.users["coordinator"])
    meeting.series = series
    meeting.save(update_fields=["series"])
    assert world.users["prison.pom"] not in circulation.recipients(meeting)
    set_members(world, series, "prison.pom")
    assert world.users["prison.pom"] in circulation.recipients(meeting)


def test_changing_the_standing_members_is_audited_with_who_was_added_and_removed(world):
    series = create_series(world.users["coordinator"])
    set_members(world, series, "police.ppu", "probation.om")
    set_members(world, series, "probation.om", "prison.pom")
    last = AuditEvent.objects.filter(event_type=EventType.MEETING_SERIES_MEMBERS_CHANGED).latest(
        "id"
    )
    assert last.payload == {
        "series": str(series.id),
        "added": ["prison.pom"],
        "removed": ["police.ppu"],
    }


def test_saving_the_same_members_changes_nothing(world):
    series = create_series(world.users["coordinator"])
    set_members(world, series, "police.ppu")
    events = AuditEvent.objects.filter(event_type=EventType.MEETING_SERIES_MEMBERS_CHANGED)
    set_members(world, series, "police.ppu")
    assert events.count() == 1


def test_a_change_saved_since_the_editor_loaded_the_series_is_not_overwritten(world):
    series = create_series(world.users["coordinator"])
    loaded = series.version
    set_members(world, series, "police.ppu")
    with pytest.raises(StaleEdit):
        set_members(world, series, "prison.pom", version=loaded)
    assert [user.username for user in series.standing_members.all()] == ["police.ppu"]


def test_the_co_ordinator_chooses_standing_members_on_the_series_page(world, signed_in):
    series = create_series(world.users["coordinator"])
    client = signed_in("coordinator")
    page = client.get(f"/meetings/series/{series.id}/").content.decode()
    assert "No standing members yet." in page
    form = client.get(f"/meetings/series/{series.id}/members/")
    pom = world.users["prison.pom"]
    response = client.post(
        f"/meetings/series/{series.id}/members/",
        {"members": [str(pom.uuid)], "version": loaded_version(form)},
    )
    assert response.status_code == 302
    assert list(series.standing_members.all()) == [pom]
    assert pom.display_name in client.get(f"/meetings/series/{series.id}/").content.decode()


def test_a_second_editor_of_the_standing_members_is_refused_naming_the_first(world, signed_in):
    series = create_series(world.users["coordinator"])
    url = f"/meetings/series/{series.id}/members/"
    first = signed_in("coordinator")
    other = signed_in_client(
        colleague(world.users["coordinator"], first_name="Priya", last_name="Shah")
    )
    version = loaded_version(first.get(url))
    assert loaded_version(other.get(url)) == version
    pom, ppu = world.users["prison.pom"], world.users["police.ppu"]
    first.post(url, {"members": [str(pom.uuid)], "version": version})
    response = other.post(url, {"members": [str(ppu.uuid)], "version": version})
    assert response.status_code == 200
    assert "changed by" in response.content.decode()
    assert list(series.standing_members.all()) == [pom]


def test_people_without_meeting_management_cannot_change_the_standing_members(world, signed_in):
    series = create_series(world.users["coordinator"])
    response = signed_in("police.ppu").get(f"/meetings/series/{series.id}/members/")
    assert response.status_code in (403, 404)


def test_another_areas_series_is_not_found(world, signed_in):
    series = create_series(world.users["coordinator"])
    assert signed_in("outsider.police").get(f"/meetings/series/{series.id}/").status_code == 404
