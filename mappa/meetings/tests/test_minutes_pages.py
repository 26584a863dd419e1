"""Minutes pages and API: who may read them, what each reader sees, and the chair's forms."""

from datetime import timedelta

import pytest
from django.core import mail

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.meetings.constants import MeetingStatus
from mappa.meetings.services import approval, circulation, minutes

from .minutes_setup import hold_meeting, ready_to_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(world):
    return hold_meeting(world)


@pytest.fixture
def circulated(world, meeting, django_capture_on_commit_callbacks):
    ready_to_approve(world, meeting)
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        circulation.circulate(actor=world.users["coordinator"], meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def url(meeting, rest=""):
    return f"/meetings/{meeting.id}/minutes/{rest}"


def test_the_chair_starts_the_minutes_from_the_meeting_page(world, meeting, signed_in):
    client = signed_in("chair.police")
    page = client.get(f"/meetings/{meeting.id}/").content.decode()
    assert "Write the minutes" in page
    assert "Start the minutes" in client.get(url(meeting)).content.decode()
    client.post(url(meeting, "start/"))
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.MINUTES_DRAFT
    page = client.get(url(meeting)).content.decode()
    assert "Kieran Walsh" in page and "John Paul Smith" in page
    assert "Approve the minutes" in page


@pytest.mark.parametrize("username", ["housing.officer", "probation.om", "police.ppu"])
def test_draft_minutes_are_only_for_chairs_and_coordinators(world, meeting, signed_in, username):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    assert signed_in(username).get(url(meeting)).status_code == 404


def test_a_next_review_too_late_is_refused_on_the_form_with_the_limit(world, meeting, signed_in):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    item = meeting.agenda.get(case__nominal__crn="X123456")
    late = world.today + timedelta(weeks=17)
    response = signed_in("chair.police").post(
        url(meeting, f"{item.id}/decision/"),
        {
            "level_decision": "stays",
            "rationale": "No change",
            "next_review_on": late.strftime("%d/%m/%Y"),
            "version": item.minutes.version,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "must be no more than 16 weeks after the meeting" in page
    assert "govuk-error-summary" in page


def test_approval_without_disclosure_shows_what_is_missing(world, meeting, signed_in):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    page = signed_in("chair.police").post(url(meeting, "approve/")).content.decode()
    assert "The minutes cannot be approved yet" in page
    assert "Record whether to disclose information about Kieran Walsh" in page


def test_the_chair_edits_a_cases_sections(world, meeting, signed_in):
    minutes.start_minutes(actor=world.users["chair.police"], meeting=meeting)
    item = meeting.agenda.get(case__nominal__crn="X456789")
    client = signed_in("chair.police")
    assert client.get(url(meeting, f"{item.id}/edit/")).status_code == 200
    response = client.post(
        url(meeting, f"{item.id}/edit/"),
        {
            "discussed": "yes",
            "victim_issues": "VLO in contact with his former partner",
            "version": item.minutes.version,
        },
    )
    assert response.status_code == 302
    assert "VLO in contact" in client.get(url(meeting)).content.decode()


def test_circulation_emails_a_link_only_and_records_each_recipient(world, circulated):
    sent = circulated.minutes.circulation.values_list("recipient__username", flat=True)
    assert set(sent) == {"chair.police", "housing.officer", "probation.om", "police.ppu"}
    bodies = [message.body for message in mail.outbox if message.subject == "MAPPA meeting minutes"]
    assert len(bodies) == 4
    for body in bodies:
        assert f"/meetings/{circulated.id}/minutes/" in body
        assert "Kieran Walsh" not in body and "X456789" not in body


def test_an_invitee_sees_only_their_case_in_circulated_minutes(world, circulated, signed_in):
    client = signed_in("housing.officer")
    page = client.get(url(circulated)).content.decode()
    assert "Kieran Walsh" in page and "John Paul Smith" not in page
    assert page.count('data-testid="restricted"') == 1
    tracked = circulated.minutes.circulation.get(recipient=world.users["housing.officer"])
    assert tracked.first_read_at is not None


def test_approved_but_uncirculated_minutes_are_not_yet_for_invitees(world, meeting, signed_in):
    ready_to_approve(world, meeting)
    approval.approve_minutes(actor=world.users["chair.police"], meeting=meeting)
    assert signed_in("housing.officer").get(url(meeting)).status_code == 404
    assert signed_in("probation.om").get(url(meeting)).status_code == 200


def test_minutes_of_another_area_are_not_found(world, circulated, signed_in):
    assert signed_in("outsider.police").get(url(circulated)).status_code == 404


def test_the_tracking_page_shows_who_received_and_opened_them(world, circulated, signed_in):
    signed_in("probation.om").get(url(circulated))
    page = signed_in("coordinator").get(url(circulated, "circulation/")).content.decode()
    assert "Tom Adeyemi" in page and "Not yet" in page


def test_onward_sharing_needs_the_chairs_recorded_approval(world, circulated, signed_in):
    item = circulated.agenda.get(case__nominal__crn="X456789")
    housing = signed_in("housing.officer")
    housing.post(
        url(circulated, f"{item.id}/share/"),
        {
            "recipient_name": "Sam Green",
            "recipient_organisation": "Supported housing provider",
            "purpose": "Managing his tenancy safely",
        },
    )
    share = circulated.minutes.shares.get()
    housing.post(url(circulated, f"shares/{share.id}/shared/"))
    share.refresh_from_db()
    assert share.shared_at is None  # not before the chair agrees

    signed_in("chair.police").post(
        url(circulated, f"shares/{share.id}/decide/"),
        {"decision": "yes", "reason": "Need to know to manage the tenancy"},
    )
    housing.post(url(circulated, f"shares/{share.id}/shared/"))
    share.refresh_from_db()
    assert share.decided_by == world.users["chair.police"] and share.decided_at is not None
    assert share.shared_by == world.users["housing.officer"] and share.shared_at is not None
    events = AuditEvent.objects.filter(event_type__startswith="minutes.share").count()
    assert events == 3  # requested, decided, shared
    assert AuditEvent.objects.filter(event_type=EventType.MINUTES_SHARED).count() == 1


def test_the_api_returns_minutes_scoped_like_the_agenda(world, circulated, signed_in):
    body = signed_in("housing.officer").get(f"/api/v1/meetings/{circulated.id}/minutes/").json()
    assert body["status"] == "circulated"
    shown = [item for item in body["items"] if not item["restricted"]]
    hidden = [item for item in body["items"] if item["restricted"]]
    assert len(shown) == 1 and len(hidden) == 1
    assert shown[0]["case"] == str(world.case("X456789").id)
    assert shown[0]["disclosure"]["decision"] == "do_not_disclose"
    assert hidden[0]["case"] is None and hidden[0]["sections"] is None
    assert (
        signed_in("outsider.police").get(f"/api/v1/meetings/{circulated.id}/minutes/").status_code
        == 404
    )


def test_the_case_page_links_its_minutes(world, circulated, signed_in):
    case = world.case("X456789")
    page = signed_in("probation.om").get(f"/cases/{case.id}/").content.decode()
    assert f"/meetings/{circulated.id}/minutes/" in page
