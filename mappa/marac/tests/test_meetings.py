"""MARAC meetings on the area's cycle, listing referrals, research requests with their RAG, and
hearing a case."""

from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa.agencies.models import Agency
from mappa.marac import queries
from mappa.marac.constants import CaseStatus, MeetingStatus
from mappa.marac.models import MaracMeeting, Participant
from mappa.marac.services import meetings
from mappa.marac.tests.dashes import referred

pytestmark = pytest.mark.django_db


def schedule(coordinator, first_on=None, **changes):
    first_on = first_on or timezone.localdate() + timedelta(days=7)
    fields = {"start_time": time(10), "end_time": time(13), "venue": "Police HQ"} | changes
    return meetings.schedule_meetings(actor=coordinator, first_on=first_on, **fields)


def test_meetings_are_scheduled_fortnightly_by_default(demo):
    made = schedule(demo["marac.coordinator"], first_on=date(2026, 12, 3), count=3)
    assert [m.date for m in made] == [date(2026, 12, 3), date(2026, 12, 17), date(2026, 12, 31)]


def test_the_cycle_is_a_setting(demo, settings):
    settings.MAPPA_MARAC_MEETING_FREQUENCY = "monthly"
    made = schedule(demo["marac.coordinator"], first_on=date(2026, 12, 3), count=2)
    assert [m.date for m in made] == [date(2026, 12, 3), date(2027, 1, 7)]


def test_scheduling_again_keeps_the_meetings_already_made(demo):
    coordinator = demo["marac.coordinator"]
    schedule(coordinator, first_on=date(2026, 12, 3), count=2)
    again = schedule(coordinator, first_on=date(2026, 12, 3), count=3)
    assert [m.date for m in again] == [date(2026, 12, 31)]
    assert MaracMeeting.objects.count() == 3


def test_a_meeting_must_end_after_it_starts(demo):
    with pytest.raises(ValidationError):
        schedule(demo["marac.coordinator"], start_time=time(13), end_time=time(10))


def test_a_referral_is_listed_on_the_next_meeting(demo):
    coordinator = demo["marac.coordinator"]
    case = referred(demo["police.ppu"])
    assert list(queries.queue(coordinator)) == [case]
    meeting = schedule(coordinator)[0]
    assert queries.next_meeting(coordinator.area_id, timezone.localdate()) == meeting
    item = meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    case.refresh_from_db()
    assert case.status == CaseStatus.LISTED and item.position == 1
    assert not queries.queue(coordinator).exists()
    with pytest.raises(ValidationError):
        meetings.list_case(actor=coordinator, case=case, meeting=meeting)


def test_research_requests_go_to_each_agency_with_a_deadline_before_the_meeting(
    demo, django_capture_on_commit_callbacks
):
    coordinator, housing = demo["marac.coordinator"], demo["housing.officer"]
    case = referred(demo["police.ppu"])
    meeting = schedule(coordinator)[0]
    item = meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    agency = Agency.objects.get(area=coordinator.area, name="Housing authority")
    with django_capture_on_commit_callbacks(execute=True):
        (request,) = meetings.request_research(actor=coordinator, item=item, agencies=[agency])
    assert request.deadline == meeting.date - timedelta(days=2)
    assert Participant.objects.filter(case=case, agency=agency, reason="research").exists()
    (sent,) = [m for m in mail.outbox if housing.email in m.to]
    assert f"/marac/research/{request.id}/" in sent.body and "Nadia" not in sent.body
    assert case in queries.cases_visible_to(housing)


def test_an_answer_before_the_deadline_turns_the_rag_green(demo):
    coordinator, housing = demo["marac.coordinator"], demo["housing.officer"]
    case = referred(demo["police.ppu"])
    item = meetings.list_case(actor=coordinator, case=case, meeting=schedule(coordinator)[0])
    agency = housing.agency
    (request,) = meetings.request_research(actor=coordinator, item=item, agencies=[agency])
    today = timezone.localdate()
    assert rag_of(request, today) == "amber"
    with pytest.raises(ValidationError):
        meetings.answer_research(actor=demo["probation.om"], request=request, response="x")
    meetings.answer_research(
        actor=housing, request=request, response="Tenant since 2019; two noise complaints"
    )
    assert rag_of(request, today) == "green"


def rag_of(request, today):
    from mappa.marac import rules

    return rules.research_rag(
        answered_on=request.responded_on, deadline=request.deadline, today=today
    )


def test_a_case_is_heard_only_on_or_after_the_meeting_day(demo):
    coordinator = demo["marac.coordinator"]
    case = referred(demo["police.ppu"])
    meeting = schedule(coordinator)[0]
    item = meetings.list_case(actor=coordinator, case=case, meeting=meeting)
    with pytest.raises(ValidationError):
        meetings.hear(actor=coordinator, item=item)
    MaracMeeting.objects.filter(id=meeting.id).update(date=timezone.localdate())
    item.refresh_from_db()
    meetings.hear(actor=coordinator, item=item)
    case.refresh_from_db()
    assert case.status == CaseStatus.HEARD and case.heard_on == timezone.localdate()
    assert item.meeting.status == MeetingStatus.HELD


def test_information_shared_is_recorded_by_agency(demo):
    coordinator = demo["marac.coordinator"]
    case = referred(demo["police.ppu"])
    item = meetings.list_case(actor=coordinator, case=case, meeting=schedule(coordinator)[0])
    health = Agency.objects.get(area=coordinator.area, name="Mental health trust")
    meetings.record_information(
        actor=coordinator, item=item, agency=health, text="Victim attends the GP weekly"
    )
    assert item.information.get().agency == health
    assert Participant.objects.filter(case=case, agency=health).exists()
