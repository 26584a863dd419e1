"""Late minutes: chairs and co-ordinators are e-mailed (a count and a link) once minutes are
not circulated within 10 working days of the meeting, bank holidays excluded."""

from datetime import date, time

import pytest
from django.core import mail
from django.core.management import call_command

from mappa.meetings.models import AgendaItem, Meeting
from mappa.meetings.services import circulation, scheduling

pytestmark = pytest.mark.django_db


@pytest.fixture
def easter_meeting(world):
    """A level 2 meeting on Wednesday 1 April 2026 with a case on its agenda, chaired by
    chair.police; 10 working days later (Good Friday and Easter Monday excluded) is 17 April."""
    coordinator = world.users["coordinator"]
    meeting = scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=date(2026, 4, 1),
        start_time=time(10),
        end_time=time(12),
        venue="Probation head office",
    )
    # Set the scene directly: the meeting is in the past, held, with one case listed.
    Meeting.objects.filter(id=meeting.id).update(status="held", chair=world.users["chair.police"])
    meeting.refresh_from_db()
    AgendaItem.objects.create(
        meeting=meeting,
        case=world.case("X456789"),
        kind="review",
        position=1,
        starts_at=time(10),
        ends_at=time(10, 30),
        added_by=coordinator,
        added_at=meeting.created_at,
    )
    return meeting


def test_the_deadline_skips_good_friday_and_easter_monday(easter_meeting):
    assert circulation.deadline(easter_meeting) == date(2026, 4, 17)


def test_no_reminder_on_the_deadline_itself(world, easter_meeting):
    assert circulation.overdue_meetings(date(2026, 4, 17)) == []


def test_the_chair_and_coordinator_are_reminded_the_day_after(
    world, easter_meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = circulation.send_overdue_minutes_reminders(today=date(2026, 4, 20))
    assert sent == {"recipients": 2, "items": 1}
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["chair.police@demo.mappa.invalid", "coordinator@demo.mappa.invalid"]
    body = mail.outbox[0].body
    assert "/meetings/" in body and "Kieran Walsh" not in body and "1 April" not in body


def test_circulated_minutes_are_not_chased(world, easter_meeting):
    Meeting.objects.filter(id=easter_meeting.id).update(status="circulated")
    assert circulation.overdue_meetings(date(2026, 5, 1)) == []


def test_the_remind_command_has_a_minutes_kind(world, easter_meeting, settings):
    from io import StringIO

    out = StringIO()
    call_command("remind", "minutes", "--now", stdout=out)
    assert "late minutes reminders sent" in out.getvalue()
