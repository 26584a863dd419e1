"""Invitations: who gets access to the case, until when; the e-mail; responses."""

from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Agency
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import Response
from mappa.meetings.services import invitations, scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(world):
    """A planned level 2 meeting with two reviews on its agenda: X456789 then X123456."""
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date - timedelta(days=3))
    world.due("X123456", meeting.date)
    return meeting, scheduling.build_agenda(actor=coordinator, meeting=meeting)


def invite(world, item, **invitee):
    return invitations.invite(actor=world.users["coordinator"], item=item, **invitee)


def test_inviting_a_dtc_practitioner_grants_access_to_that_case_until_after_the_meeting(
    world, agenda, settings
):
    settings.MAPPA_MEETING_ACCESS_DAYS = 14
    meeting, (item, _) = agenda
    invitation = invite(world, item, user=world.users["housing.officer"])
    grant = invitation.access_grant
    assert grant.case == item.case_id and grant.grantee_user == world.users["housing.officer"]
    assert grant.reason == AccessReason.MEETING_INVITATION
    end_of_meeting_day = datetime.combine(
        meeting.date + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone()
    )
    assert grant.expires_at == end_of_meeting_day + timedelta(days=14)


def test_the_grant_and_the_invitation_are_both_audited(world, agenda):
    _, (item, _) = agenda
    invitation = invite(world, item, user=world.users["housing.officer"])
    granted = AuditEvent.objects.get(event_type=EventType.CASE_ACCESS_GRANTED, subject=item.case_id)
    sent = AuditEvent.objects.get(event_type=EventType.MEETING_INVITATION_SENT)
    assert granted.payload["reason"] == "meeting_invitation"
    assert sent.payload["grant"] == str(invitation.access_grant_id)
    assert sent.payload["invitee"] == "housing.officer"


def test_inviting_someone_who_sees_the_areas_cases_grants_nothing(world, agenda):
    _, (item, _) = agenda
    assert invite(world, item, user=world.users["police.ppu"]).access_grant is None
    police = Agency.objects.get(area=world.users["police.ppu"].area, name="Police")
    assert invite(world, item, agency=police).access_grant is None


def test_inviting_a_dtc_agency_grants_the_agency_access(world, agenda):
    _, (item, _) = agenda
    housing = world.users["housing.officer"].agency
    invitation = invite(world, item, agency=housing)
    assert invitation.access_grant.grantee_agency == housing


@pytest.mark.parametrize(
    ("username", "message"),
    [("outsider.police", "in this MAPPA area"), ("lay.adviser", "cannot be shown cases")],
)
def test_only_people_of_the_area_who_may_see_cases_can_be_invited(world, agenda, username, message):
    _, (item, _) = agenda
    with pytest.raises(ValidationError, match=message):
        invite(world, item, user=world.users[username])


def test_the_same_person_is_not_invited_twice_to_one_item(world, agenda):
    _, (item, _) = agenda
    invite(world, item, user=world.users["housing.officer"])
    with pytest.raises(ValidationError, match="already invited"):
        invite(world, item, user=world.users["housing.officer"])


def test_the_invitee_is_emailed_the_date_time_place_and_link_with_a_calendar_file(
    world, agenda, django_capture_on_commit_callbacks
):
    meeting, (item, _) = agenda
    with django_capture_on_commit_callbacks(execute=True):
        invite(world, item, user=world.users["housing.officer"])
    (email,) = mail.outbox
    assert email.to == ["housing.officer@demo.mappa.invalid"]
    assert f"/meetings/{meeting.id}/" in email.body
    assert "10:00 to 13:00" in email.body and "Probation head office" in email.body
    (name, content, mimetype) = email.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start.date() == meeting.date and start.time() == time(10)
    assert str(event["LOCATION"]) == "Probation head office"
    assert "OFFICIAL-SENSITIVE" in str(event["DESCRIPTION"])
    assert "housing.officer@demo.mappa.invalid" in str(event["DESCRIPTION"])


def test_neither_the_email_nor_the_calendar_file_carries_any_case_detail(
    world, agenda, django_capture_on_commit_callbacks
):
    _, (item, _) = agenda
    with django_capture_on_commit_callbacks(execute=True):
        invite(world, item, user=world.users["housing.officer"])
    (email,) = mail.outbox
    case = world.case("X456789")
    nominal = case.nominal
    secrets = [nominal.surname, nominal.forenames, nominal.crn, nominal.pnc, str(case.id)]
    secrets += ["Category", "Level 2", "level 2", "review", "Review"]
    calendar_text = email.attachments[0][1].replace("\r\n ", "")  # unfolded (RFC 5545 3.1)
    text = email.subject + email.body + calendar_text
    for secret in secrets:
        assert secret not in text, secret


def test_a_person_already_invited_to_the_meeting_is_not_emailed_again(
    world, agenda, django_capture_on_commit_callbacks
):
    _, (first, second) = agenda
    with django_capture_on_commit_callbacks(execute=True):
        invite(world, first, user=world.users["housing.officer"])
        invite(world, second, agency=world.users["housing.officer"].agency)
    assert len(mail.outbox) == 1


def test_withdrawing_an_invitation_revokes_the_access_it_granted(world, agenda):
    _, (item, _) = agenda
    invitation = invite(world, item, user=world.users["housing.officer"])
    assert invitations.withdraw(actor=world.users["coordinator"], invitation=invitation)
    invitation.access_grant.refresh_from_db()
    assert invitation.access_grant.revoked_at is not None


@pytest.mark.parametrize("response", [Response.ATTENDING, Response.APOLOGIES])
def test_the_invitee_records_their_response(world, agenda, response):
    _, (item, _) = agenda
    invitation = invite(world, item, user=world.users["housing.officer"])
    invitations.respond(
        actor=world.users["housing.officer"],
        invitation=invitation,
        version=invitation.version,
        response=response,
    )
    invitation.refresh_from_db()
    assert invitation.response == response and invitation.responded_by.username == "housing.officer"
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_INVITATION_ANSWERED).exists()


def test_sending_a_report_instead_needs_a_note_of_what_it_covers(world, agenda):
    _, (item, _) = agenda
    invitation = invite(world, item, user=world.users["housing.officer"])
    with pytest.raises(ValidationError, match="what the report covers"):
        invitations.respond(
            actor=world.users["housing.officer"],
            invitation=invitation,
            version=invitation.version,
            response=Response.SENDING_REPORT,
        )
