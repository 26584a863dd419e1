"""Building an agenda from what is due; urgent additions; slots; taking a case off."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import ItemKind
from mappa.meetings.services import scheduling

from .factories import create_meeting

pytestmark = pytest.mark.django_db


def listed(meeting):
    return [
        (item.case.nominal.crn, item.kind)
        for item in meeting.agenda.select_related("case__nominal")
    ]


def test_a_review_due_before_the_following_meeting_is_listed(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X123456", meeting.date + timedelta(days=7))  # the following Tuesday
    world.due("X456789", meeting.date - timedelta(days=5))  # overdue
    added = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    assert [(i.case.nominal.crn, i.kind) for i in added] == [
        ("X456789", ItemKind.REVIEW),
        ("X123456", ItemKind.REVIEW),
    ]
    # Each keeps the review date its case carried when listed (the board's review indicator).
    assert [i.due_on for i in added] == [
        meeting.date - timedelta(days=5),
        meeting.date + timedelta(days=7),
    ]


def test_reviews_due_after_the_following_meeting_or_at_another_level_are_not_listed(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X123456", meeting.date + timedelta(days=8))
    world.due("X234567", meeting.date)  # level 3
    world.due("X345678", meeting.date)  # level 1
    assert scheduling.build_agenda(actor=coordinator, meeting=meeting) == []


def test_an_accepted_referral_gets_an_initial_meeting_first(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    world.due("X123456", meeting.date + timedelta(weeks=16), first_meeting=True)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    assert listed(meeting) == [("X123456", ItemKind.INITIAL), ("X456789", ItemKind.REVIEW)]
    assert meeting.agenda.get(kind=ItemKind.INITIAL).review_number is None


def test_slots_are_given_in_order_by_the_kind_of_item(world, settings):
    settings.MAPPA_MEETING_SLOT_MINUTES = {"initial": 40, "review": 20, "urgent": 15}
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    world.due("X123456", meeting.date + timedelta(weeks=16), first_meeting=True)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    slots = [(i.position, i.starts_at, i.ends_at) for i in meeting.agenda.all()]
    assert slots == [(1, time(10), time(10, 40)), (2, time(10, 40), time(11))]


def test_building_again_adds_only_what_is_newly_due(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    assert scheduling.build_agenda(actor=coordinator, meeting=meeting) == []
    world.due("X123456", meeting.date)
    assert len(scheduling.build_agenda(actor=coordinator, meeting=meeting)) == 1


def test_a_case_listed_at_an_earlier_meeting_since_its_last_review_is_not_listed_again(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    following = meeting.series.meetings.exclude(id=meeting.id).get()
    world.due("X456789", meeting.date)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    assert scheduling.build_agenda(actor=coordinator, meeting=following) == []


def test_the_review_number_counts_the_meetings_that_discussed_the_case_before(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    following = meeting.series.meetings.exclude(id=meeting.id).get()
    world.due("X456789", meeting.date)
    scheduling.build_agenda(actor=coordinator, meeting=meeting)
    later = scheduling.add_urgent_item(
        actor=coordinator, meeting=following, case=world.case("X456789"), reason="New partner"
    )
    assert meeting.agenda.get().review_number == 1
    assert later.review_number == 1 and later.kind == ItemKind.URGENT


def test_the_coordinator_adds_an_urgent_case_with_a_reason(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    item = scheduling.add_urgent_item(
        actor=coordinator,
        meeting=meeting,
        case=world.case("X345678"),
        reason="Released early; new address near a school",
    )
    assert item.kind == ItemKind.URGENT and item.reason.startswith("Released early")
    event = AuditEvent.objects.get(event_type=EventType.AGENDA_ITEM_ADDED)
    assert event.subject == item.case_id and event.payload["kind"] == "urgent"


def test_an_urgent_addition_needs_a_reason_and_a_case_not_already_listed(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    case = world.case("X345678")
    with pytest.raises(ValidationError, match="Say why"):
        scheduling.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason=" ")
    scheduling.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="Urgent")
    with pytest.raises(ValidationError, match="not already listed"):
        scheduling.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="Again")


def test_a_case_from_another_area_cannot_be_added(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    with pytest.raises(ValidationError):
        scheduling.add_urgent_item(
            actor=coordinator, meeting=meeting, case=world.case("X678901"), reason="Urgent"
        )


def test_taking_a_case_off_closes_the_gap_in_the_slots(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    world.due("X456789", meeting.date)
    world.due("X123456", meeting.date)
    first, second = scheduling.build_agenda(actor=coordinator, meeting=meeting)
    scheduling.remove_item(actor=coordinator, item=first)
    second.refresh_from_db()
    assert (second.position, second.starts_at) == (1, time(10))
    assert AuditEvent.objects.filter(event_type=EventType.AGENDA_ITEM_REMOVED).count() == 1


def test_the_agenda_of_a_held_meeting_cannot_change(world):
    coordinator = world.users["coordinator"]
    meeting = create_meeting(coordinator)
    meeting.status = "held"
    with pytest.raises(ValidationError, match="only while the meeting is planned"):
        scheduling.build_agenda(actor=coordinator, meeting=meeting)
