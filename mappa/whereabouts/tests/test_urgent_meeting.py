"""One click lists the case at the next urgent meeting, through the meetings app's own
scheduling: it joins a planned meeting at the urgent level within the window, or calls one for
the next working day."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa import versions
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import ItemKind, MeetingStatus
from mappa.meetings.models import AgendaItem, Meeting
from mappa.meetings.services import scheduling
from mappa.whereabouts import services
from mappa.whereabouts.constants import Ending
from mappa.whereabouts.models import WhereaboutsReport
from mappa.whereabouts.tests.records import report, smith

pytestmark = pytest.mark.django_db


@pytest.fixture
def missing(demo):
    return report(smith(), demo["probation.om"], hours_ago=3)


def list_it(actor, found):
    fresh = WhereaboutsReport.objects.get(id=found.id)
    return services.list_at_urgent_meeting(actor=actor, report=fresh, version=fresh.version)


def planned(actor, days_ahead: int, level: int = 3) -> Meeting:
    return scheduling.schedule_meeting(
        actor=actor,
        level=level,
        on=timezone.localdate() + timedelta(days=days_ahead),
        start_time=time(14, 0),
        end_time=time(16, 0),
        venue="Police HQ, room 4",
    )


def test_with_no_meeting_planned_one_is_called_for_the_next_working_day(missing, demo, settings):
    item, scheduled = list_it(demo["coordinator"], missing)
    meeting = item.meeting
    assert scheduled
    assert meeting.level == 3 and meeting.status == MeetingStatus.PLANNED
    assert meeting.series is None
    assert meeting.date > timezone.localdate() and meeting.date.weekday() < 5
    assert meeting.start_time == settings.MAPPA_WHEREABOUTS_URGENT_MEETING_START
    assert meeting.venue == settings.MAPPA_WHEREABOUTS_URGENT_MEETING_VENUE
    assert item.case == missing.case and item.kind == ItemKind.URGENT
    assert "whereabouts unknown since" in item.reason
    assert WhereaboutsReport.objects.get(id=missing.id).urgent_item == item
    event = AuditEvent.objects.get(event_type=EventType.WHEREABOUTS_URGENT_MEETING_LISTED)
    assert event.payload["meeting"] == str(meeting.id) and event.payload["scheduled"] is True
    # The meetings app recorded its own events: the meeting called and the case listed.
    assert AuditEvent.objects.filter(event_type=EventType.MEETING_SCHEDULED).count() == 1
    assert AuditEvent.objects.filter(event_type=EventType.AGENDA_ITEM_ADDED).count() == 1


def test_a_level_3_meeting_planned_within_the_window_is_joined(missing, demo):
    later = planned(demo["coordinator"], 2)
    sooner = planned(demo["coordinator"], 1)
    planned(demo["coordinator"], 0, level=2)  # not at the urgent level
    item, scheduled = list_it(demo["coordinator"], missing)
    assert not scheduled and item.meeting == sooner
    assert Meeting.objects.count() == 3 and not later.agenda.exists()


def test_a_meeting_beyond_the_window_is_not_joined(missing, demo, settings):
    settings.MAPPA_WHEREABOUTS_URGENT_MEETING_DAYS = 1
    far = planned(demo["coordinator"], 5)
    item, scheduled = list_it(demo["coordinator"], missing)
    assert scheduled and item.meeting != far


def test_a_case_already_on_the_meetings_agenda_keeps_its_item(missing, demo):
    meeting = planned(demo["coordinator"], 1)
    listed = scheduling.add_urgent_item(
        actor=demo["coordinator"], meeting=meeting, case=missing.case, reason="Breach of curfew"
    )
    item, scheduled = list_it(demo["coordinator"], missing)
    assert item == listed and not scheduled
    assert AgendaItem.objects.count() == 1


def test_a_second_click_changes_nothing(missing, demo):
    first, _ = list_it(demo["coordinator"], missing)
    again, scheduled = list_it(demo["coordinator"], missing)
    assert again == first and not scheduled
    assert Meeting.objects.count() == 1 and AgendaItem.objects.count() == 1


def test_a_stale_page_is_refused(missing, demo):
    read = WhereaboutsReport.objects.get(id=missing.id)
    services.add_search_action(
        actor=demo["police.ppu"],
        report=WhereaboutsReport.objects.get(id=missing.id),
        version=read.version,
        done_at=timezone.now(),
        what_was_done="Checked the hostel",
        outcome="Not there",
    )
    with pytest.raises(versions.StaleEdit):
        services.list_at_urgent_meeting(actor=demo["coordinator"], report=read, version=1)
    assert not Meeting.objects.exists()


def test_an_ended_report_is_not_listed(missing, demo):
    services.end_whereabouts_unknown(
        actor=demo["probation.om"],
        report=missing,
        version=missing.version,
        ending=Ending.FOUND,
        ended_at=timezone.now(),
        note="Came back to the premises",
    )
    with pytest.raises(ValidationError):
        list_it(demo["coordinator"], missing)
    assert not Meeting.objects.exists()
