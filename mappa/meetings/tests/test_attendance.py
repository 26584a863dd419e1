"""On the day: who attended, apologies, reports received, the statement, and held."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import AttendanceStatus, MeetingStatus
from mappa.meetings.services import attendance, invitations, scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    return meeting


def test_an_invitee_is_recorded_from_their_account(world, meeting):
    item = meeting.agenda.get()
    invitation = invitations.invite(
        actor=world.users["coordinator"], item=item, user=world.users["housing.officer"]
    )
    record = attendance.record_attendance(
        actor=world.users["chair.police"],
        meeting=meeting,
        status=AttendanceStatus.ATTENDED,
        user=world.users["housing.officer"],
        invitation=invitation,
    )
    assert (record.name, record.agency_name, record.role_title) == (
        "Imran Malik",
        "Housing authority",
        "Housing options officer",
    )


def test_recording_a_person_again_replaces_what_was_recorded(world, meeting):
    chair, officer = world.users["chair.police"], world.users["probation.om"]
    attendance.record_attendance(actor=chair, meeting=meeting, status="apologies", user=officer)
    attendance.record_attendance(
        actor=chair, meeting=meeting, status="apologies", user=officer, report_received=True
    )
    (record,) = meeting.attendance.all()
    assert record.report_received is True
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_ATTENDANCE_RECORDED).count() == 2


def test_someone_without_an_account_needs_a_name_and_an_agency(world, meeting):
    with pytest.raises(ValidationError) as error:
        attendance.record_attendance(
            actor=world.users["chair.police"], meeting=meeting, status="attended"
        )
    assert set(error.value.message_dict) == {"name", "agency_name"}
    record = attendance.record_attendance(
        actor=world.users["chair.police"],
        meeting=meeting,
        status="attended",
        name="Alex Minute",
        agency_name="MAPPA co-ordination unit",
        role_title="Minute-taker",
    )
    assert record.user is None


def test_the_statement_and_attendance_come_before_the_meeting_is_held(world, meeting):
    chair = world.users["chair.police"]
    on_the_day = meeting.date
    with pytest.raises(ValidationError) as error:
        attendance.mark_held(actor=chair, meeting=meeting, today=on_the_day)
    assert set(error.value.message_dict) == {"statement_read", "attendance"}
    attendance.record_attendance(actor=chair, meeting=meeting, status="attended", user=chair)
    attendance.record_statement(actor=chair, meeting=meeting, read=True)
    attendance.mark_held(actor=chair, meeting=meeting, today=on_the_day)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD and meeting.statement_read is True
    held = AuditEvent.objects.get(event_type=EventType.MEETING_HELD)
    assert held.payload == {"meeting": str(meeting.id), "attendees": 1}


def test_a_meeting_is_not_held_before_its_day(world, meeting):
    chair = world.users["chair.police"]
    attendance.record_attendance(actor=chair, meeting=meeting, status="attended", user=chair)
    attendance.record_statement(actor=chair, meeting=meeting, read=False)
    with pytest.raises(ValidationError, match="on or after its date"):
        attendance.mark_held(actor=chair, meeting=meeting, today=meeting.date - timedelta(days=1))


def test_after_it_is_held_invitees_can_no_longer_respond(world, meeting):
    chair = world.users["chair.police"]
    invitation = invitations.invite(
        actor=world.users["coordinator"],
        item=meeting.agenda.get(),
        user=world.users["housing.officer"],
    )
    attendance.record_attendance(actor=chair, meeting=meeting, status="attended", user=chair)
    attendance.record_statement(actor=chair, meeting=meeting, read=True)
    attendance.mark_held(actor=chair, meeting=meeting, today=meeting.date)
    with pytest.raises(ValidationError, match="already taken place"):
        invitations.respond(
            actor=world.users["housing.officer"],
            invitation=invitation,
            version=invitation.version,
            response="attending",
        )
