"""What the chair (or co-ordinator) records on the day: attendance, MAPPA D, held.

The same write-path rules as the rest of `services/`: keyword-only arguments, a required actor,
one transaction with its audit event.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mappa.audit import services as audit
from mappa.audit.events import EventType
from mappa.meetings import rules
from mappa.meetings.constants import AttendanceStatus, MeetingStatus
from mappa.meetings.models import Attendance, Invitation, Meeting

RECORDABLE = (MeetingStatus.PLANNED, MeetingStatus.HELD)


def _require_recordable(meeting: Meeting) -> None:
    if meeting.status not in RECORDABLE:
        raise ValidationError("Attendance can no longer be changed for this meeting")


def record_attendance(
    *,
    actor,
    meeting: Meeting,
    status: str,
    user=None,
    name: str = "",
    agency_name: str = "",
    role_title: str = "",
    report_received: bool = False,
    invitation: Invitation | None = None,
) -> Attendance:
    """Record one person as attended, sent apologies or absent; a person with an account once.

    A person with an account is named from it; anyone else needs a name and an agency.
    """
    _require_recordable(meeting)
    if status not in AttendanceStatus.values:
        raise ValidationError({"status": "Choose whether they attended"})
    if invitation is not None and invitation.agenda_item.meeting_id != meeting.id:
        raise ValidationError("That invitation is for another meeting")
    if user is not None:
        name = name.strip() or user.display_name
        agency_name = agency_name.strip() or (user.agency.name if user.agency else "")
        role_title = role_title.strip() or user.job_title
    elif invitation is not None and invitation.invitee_agency_id and not agency_name.strip():
        agency_name = invitation.invitee_agency.name
    problems = {}
    if not name.strip():
        problems["name"] = "Enter the person's name"
    if not agency_name.strip():
        problems["agency_name"] = "Enter the person's agency"
    if problems:
        raise ValidationError(problems)
    fields = {
        "name": name.strip(),
        "agency_name": agency_name.strip(),
        "role_title": role_title.strip(),
        "status": status,
        "report_received": report_received,
        "invitation": invitation,
        "recorded_by": actor,
        "recorded_at": timezone.now(),
    }
    with transaction.atomic():
        if user is not None:
            record, _ = Attendance.objects.update_or_create(
                meeting=meeting, user=user, defaults=fields
            )
        else:
            record = Attendance.objects.create(meeting=meeting, **fields)
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_ATTENDANCE_RECORDED,
            payload={"meeting": str(meeting.id), "attendance": str(record.id), "status": status},
        )
    return record


def remove_attendance(*, actor, record: Attendance) -> None:
    """Take out a record made in error."""
    _require_recordable(record.meeting)
    with transaction.atomic():
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_ATTENDANCE_RECORDED,
            payload={
                "meeting": str(record.meeting_id),
                "attendance": str(record.id),
                "status": "removed",
            },
        )
        record.delete()


def record_statement(*, actor, meeting: Meeting, read: bool) -> Meeting:
    """Whether the confidentiality and diversity statement (MAPPA D) was read at the meeting."""
    _require_recordable(meeting)
    with transaction.atomic():
        meeting.statement_read = read
        meeting.save(update_fields=["statement_read"])
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_STATEMENT_RECORDED,
            payload={"meeting": str(meeting.id), "read": read},
        )
    return meeting


def mark_held(*, actor, meeting: Meeting, today: date) -> Meeting:
    """The meeting took place: attendance and the statement are recorded; minutes come next."""
    attendees = meeting.attendance.filter(status=AttendanceStatus.ATTENDED).count()
    problems = rules.problems_marking_held(
        status=meeting.status,
        meeting_date=meeting.date,
        today=today,
        statement_read=meeting.statement_read,
        attendees=attendees,
    )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        meeting.status = MeetingStatus.HELD
        meeting.held_at = timezone.now()
        meeting.save(update_fields=["status", "held_at"])
        audit.record(
            actor=actor,
            event_type=EventType.MEETING_HELD,
            payload={"meeting": str(meeting.id), "attendees": attendees},
        )
    return meeting
