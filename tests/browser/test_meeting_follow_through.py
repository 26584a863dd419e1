"""After the meeting, in the browser: the chair records an attendee from their account, is told
on the dashboard that minutes wait for approval, and a form's address opened by GET gives the
design system's "page not available" page."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.meetings.services import approval, minutes
from mappa.meetings.tests.conftest import World
from mappa.meetings.tests.factories import create_meeting
from mappa.meetings.tests.minutes_setup import hold_meeting, ready_to_approve

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def world_of(personas) -> World:
    today = timezone.localdate()
    MappaCase.objects.update(next_review_due=today + timedelta(weeks=52))
    cases = {case.nominal.crn: case for case in MappaCase.objects.select_related("nominal")}
    return World(users=personas, cases=cases, today=today)


def test_the_chair_records_an_attendee_by_choosing_their_account(sign_in, demo_personas):
    meeting = create_meeting(demo_personas["coordinator"])
    pom = demo_personas["prison.pom"]
    page = sign_in("chair.police")
    page.goto(f"/meetings/{meeting.id}/attendance/")
    page.get_by_text("Record someone else").click()
    page.get_by_label("Someone with an account").select_option(value=str(pom.uuid))
    page.get_by_label("Attended").check()
    page.get_by_role("button", name="Record", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(f"{pom.display_name} recorded.")
    expect(page.get_by_test_id("attendance")).to_contain_text(pom.display_name)
    assert_no_violations(page)


def test_the_chair_is_told_minutes_wait_and_opens_them_from_the_dashboard(sign_in, demo_personas):
    world = world_of(demo_personas)
    meeting = hold_meeting(world)
    minutes.start_minutes(actor=demo_personas["coordinator"], meeting=meeting)
    page = sign_in("chair.police")
    link = page.get_by_role("link", name=f"Minutes of {meeting.date:%A %-d %B %Y}")
    expect(link).to_be_visible()
    assert_no_violations(page)
    link.click()
    expect(page.get_by_role("heading", name="Minutes", exact=True)).to_be_visible()
    assert_no_violations(page)


def test_the_co_ordinator_sends_finished_minutes_to_the_chair_who_approves_them(
    sign_in, demo_personas
):
    """Issue 16 item 10: the chair is told, by e-mail and on the dashboard, that minutes wait."""
    world = world_of(demo_personas)
    meeting = hold_meeting(world)
    ready_to_approve(world, meeting)
    page = sign_in("coordinator")
    page.goto(f"/meetings/{meeting.id}/minutes/")
    page.get_by_role("button", name="Send to the chair").click()
    expect(page.get_by_role("alert")).to_contain_text("The chair has been sent a link")
    expect(page.get_by_test_id("sent-for-approval")).to_contain_text(
        demo_personas["coordinator"].display_name
    )
    assert_no_violations(page)
    assert [m.to for m in mail.outbox if m.subject == approval.SUBJECT] == [
        [demo_personas["chair.police"].email]
    ]
    page.get_by_role("button", name="Sign out").click()

    page = sign_in("chair.police")
    panel = page.locator("section", has=page.get_by_role("heading", name="Minutes to approve"))
    expect(panel).to_contain_text(f"sent to the chair on {timezone.localdate():%-d %B %Y}")
    panel.get_by_role("link", name=f"Minutes of {meeting.date:%A %-d %B %Y}").click()
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.get_by_role("alert")).to_contain_text("Minutes approved")


def test_opening_the_approve_address_gives_the_page_not_available_page(sign_in, demo_personas):
    meeting = create_meeting(demo_personas["coordinator"])
    page = sign_in("chair.police")
    response = page.goto(f"/meetings/{meeting.id}/minutes/approve/")
    assert response.status == 405
    expect(page.get_by_role("heading", name="Page not available")).to_be_visible()
    assert_no_violations(page)
