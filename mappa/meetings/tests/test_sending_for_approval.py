"""Issue 16 item 10: the chair is told when minutes await approval. The minute-taker sends the
finished draft to the chair and co-chair (a link-only e-mail, recorded and audited); the chair's
dashboard says which drafts were sent and which are still being written."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.models import Meeting
from mappa.meetings.services import approval, minutes

from .minutes_setup import hold_meeting, ready_to_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return hold_meeting(world)


def sent_events(meeting):
    return AuditEvent.objects.filter(
        event_type=EventType.MINUTES_SENT_FOR_APPROVAL, payload__meeting=str(meeting.id)
    )


def test_finished_minutes_are_sent_to_the_chair_as_a_link_only(
    world, meeting, django_capture_on_commit_callbacks
):
    ready_to_approve(world, meeting)
    coordinator = world.users["coordinator"]
    with django_capture_on_commit_callbacks(execute=True):
        approval.send_for_approval(actor=coordinator, meeting=meeting)
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.sent_for_approval_by == coordinator
    assert meeting.minutes.sent_for_approval_at is not None
    sent = [m for m in mail.outbox if m.subject == approval.SUBJECT]
    assert [m.to for m in sent] == [[world.users["chair.police"].email]]
    assert f"/meetings/{meeting.id}/minutes/" in sent[0].body
    for detail in ("Kieran Walsh", "X456789", "John Paul Smith", "level"):
        assert detail not in sent[0].body
    (event,) = sent_events(meeting)
    assert event.payload["chairs"] == [str(world.users["chair.police"].pk)]


def test_the_co_chair_is_told_too(world, meeting, django_capture_on_commit_callbacks):
    ready_to_approve(world, meeting)
    # Linked before the meeting was held (a held meeting's details no longer change).
    Meeting.objects.filter(id=meeting.id).update(co_chair=world.users["police.ppu"])
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        approval.send_for_approval(actor=world.users["coordinator"], meeting=meeting)
    told = sorted(address for m in mail.outbox if m.subject == approval.SUBJECT for address in m.to)
    assert told == sorted([world.users["chair.police"].email, world.users["police.ppu"].email])


def test_unfinished_minutes_are_not_sent_and_the_refusal_names_what_is_missing(world, meeting):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        approval.send_for_approval(actor=world.users["coordinator"], meeting=meeting)
    assert "Record the level decision and next review for Kieran Walsh" in refused.value.messages
    assert not any("chair or co-chair can approve" in m for m in refused.value.messages)
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.sent_for_approval_at is None
    assert not sent_events(meeting).exists()
    assert not [m for m in mail.outbox if m.subject == approval.SUBJECT]


def test_only_those_who_write_minutes_send_them(world, meeting):
    ready_to_approve(world, meeting)
    with pytest.raises(ValidationError, match="chairs and co-ordinators write minutes"):
        approval.send_for_approval(actor=world.users["probation.om"], meeting=meeting)
    assert not sent_events(meeting).exists()


def test_minutes_whose_chair_has_no_account_cannot_be_sent(world, meeting):
    ready_to_approve(world, meeting)
    Meeting.objects.filter(id=meeting.id).update(chair=None)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="Neither the chair nor the co-chair"):
        approval.send_for_approval(actor=world.users["coordinator"], meeting=meeting)
    assert not sent_events(meeting).exists()


def test_the_minutes_page_sends_them_and_the_chairs_dashboard_says_so(world, meeting, signed_in):
    ready_to_approve(world, meeting)
    coordinator = signed_in("coordinator")
    url = f"/meetings/{meeting.id}/minutes/"
    page = coordinator.get(url).content.decode()
    assert "Send to the chair</button>" in page
    chair = signed_in("chair.police")
    assert "still being written" in chair.get("/dashboard/").content.decode()

    coordinator = signed_in("coordinator")
    response = coordinator.post(url + "send/")
    assert response.status_code == 302 and response.url == url
    page = coordinator.get(url).content.decode()
    assert 'data-testid="sent-for-approval"' in page and "Send to the chair again" in page
    chair = signed_in("chair.police")
    assert "sent to the chair on" in chair.get("/dashboard/").content.decode()


def test_the_page_shows_why_unfinished_minutes_cannot_be_sent(world, meeting, signed_in):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    client = signed_in("coordinator")
    page = client.post(f"/meetings/{meeting.id}/minutes/send/").content.decode()
    assert "The minutes cannot be sent to the chair yet" in page
    assert "Record whether to disclose information about John Paul Smith" in page
