"""Setting up a series, scheduling its meetings, changing and cancelling a meeting."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.models import Meeting
from mappa.meetings.services import scheduling

from .factories import create_meeting, create_series, next_weekday

pytestmark = pytest.mark.django_db


def test_a_weekly_series_schedules_its_next_meetings_on_tuesdays(world):
    coordinator = world.users["coordinator"]
    series = create_series(coordinator)
    meetings = scheduling.schedule_series_meetings(
        actor=coordinator, series=series, today=world.today, count=3
    )
    first = next_weekday(world.today, 1)
    assert [m.date for m in meetings] == [first + timedelta(weeks=n) for n in range(3)]
    assert all(m.start_time == time(10) and m.end_time == time(13) for m in meetings)
    assert all(m.venue == "Probation head office" and m.area == coordinator.area for m in meetings)
    assert series.recurrence == "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU"


def test_scheduling_again_carries_on_after_the_last_meeting(world):
    coordinator = world.users["coordinator"]
    series = create_series(coordinator)
    first = scheduling.schedule_series_meetings(
        actor=coordinator, series=series, today=world.today, count=2
    )
    more = scheduling.schedule_series_meetings(
        actor=coordinator, series=series, today=world.today, count=2
    )
    assert more[0].date == first[-1].date + timedelta(weeks=1)
    assert Meeting.objects.filter(series=series).count() == 4


@pytest.mark.parametrize(
    ("level", "chair_rank", "co_chair_rank"),
    [
        (2, "Detective Inspector", "Senior Probation Officer"),
        (3, "Detective Chief Inspector", "Head of Cluster"),
    ],
)
def test_a_new_meeting_has_the_chairs_ranks_for_its_level(world, level, chair_rank, co_chair_rank):
    meeting = create_meeting(world.users["coordinator"], level=level)
    assert (meeting.chair_agency, meeting.chair_rank) == ("Police", chair_rank)
    assert (meeting.co_chair_agency, meeting.co_chair_rank) == ("Probation", co_chair_rank)


def test_the_chair_defaults_come_from_settings(world, settings):
    settings.MAPPA_MEETING_CHAIRS = {
        2: {"chair": ("Probation", "Head of Service"), "co_chair": ("Police", "Superintendent")},
        3: settings.MAPPA_MEETING_CHAIRS[3],
    }
    meeting = create_meeting(world.users["coordinator"])
    assert meeting.chair_rank == "Head of Service" and meeting.co_chair_agency == "Police"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"level": 1}, "level"),
        ({"end_time": time(9)}, "end_time"),
        ({"venue": "", "video_link": ""}, "venue"),
        ({"name": " "}, "name"),
    ],
)
def test_a_series_needs_a_meeting_level_sensible_times_and_a_place(world, overrides, field):
    with pytest.raises(ValidationError) as error:
        create_series(world.users["coordinator"], **overrides)
    assert field in error.value.message_dict


def test_a_single_meeting_can_be_arranged_by_video(world):
    meeting = scheduling.schedule_meeting(
        actor=world.users["coordinator"],
        level=3,
        on=world.today + timedelta(days=2),
        start_time=time(14),
        end_time=time(15),
        video_link="https://meet.example.org/mappa",
    )
    assert meeting.series is None and meeting.level == 3 and meeting.status == "planned"


def test_the_chairs_are_recorded_by_name_agency_and_rank_and_audited(world):
    coordinator, chair = world.users["coordinator"], world.users["chair.police"]
    meeting = create_meeting(coordinator)
    scheduling.change_meeting(
        actor=coordinator,
        meeting=meeting,
        version=meeting.version,
        chair=chair,
        chair_name="Gareth Evans",
        co_chair_name="Sam Reed",
    )
    meeting.refresh_from_db()
    assert meeting.chair == chair and meeting.co_chair_name == "Sam Reed"
    event = AuditEvent.objects.filter(event_type=EventType.MEETING_CHANGED).get()
    assert event.payload["fields"] == ["chair", "chair_name", "co_chair_name"]


def test_changing_the_start_time_moves_every_slot(world):
    coordinator = world.users["coordinator"]
    world.due("X456789")
    meeting = create_meeting(coordinator)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    scheduling.change_meeting(
        actor=coordinator, meeting=meeting, version=meeting.version, start_time=time(9, 30)
    )
    assert meeting.agenda.get().starts_at == time(9, 30)


def test_cancelling_a_meeting_withdraws_its_invitations_and_their_access(world):
    from mappa.meetings.services import invitations

    coordinator = world.users["coordinator"]
    world.due("X456789")
    meeting = create_meeting(coordinator)
    item = scheduling.build_agenda(actor=coordinator, meeting=meeting)[0]
    invitation = invitations.invite(
        actor=coordinator, item=item, user=world.users["housing.officer"]
    )
    scheduling.cancel_meeting(actor=coordinator, meeting=meeting)
    invitation.refresh_from_db()
    invitation.access_grant.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    assert invitation.withdrawn_at is not None and invitation.access_grant.revoked_at is not None
    event = AuditEvent.objects.get(event_type=EventType.MEETING_CANCELLED)
    assert event.payload["grants_revoked"] == 1


def test_every_scheduled_meeting_is_audited(world):
    create_meeting(world.users["coordinator"])
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_SCHEDULED).count() == 2
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_SERIES_CREATED).count() == 1
