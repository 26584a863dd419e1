"""After the meeting, in the browser: the chair records an attendee from their account, is told
on the dashboard that minutes wait for approval, and a form's address opened by GET gives the
design system's "page not available" page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.meetings.services import minutes
from mappa.meetings.tests.conftest import World
from mappa.meetings.tests.factories import create_meeting
from mappa.meetings.tests.minutes_setup import hold_meeting

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


def test_opening_the_approve_address_gives_the_page_not_available_page(sign_in, demo_personas):
    meeting = create_meeting(demo_personas["coordinator"])
    page = sign_in("chair.police")
    response = page.goto(f"/meetings/{meeting.id}/minutes/approve/")
    assert response.status == 405
    expect(page.get_by_role("heading", name="Page not available")).to_be_visible()
    assert_no_violations(page)
