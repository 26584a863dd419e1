"""A level 2 agenda (issue 5): the co-ordinator sets up the series, builds the agenda from
what is due, and invites housing.officer to one review; housing.officer then sees that case
and "Restricted" for the other; outsider.police is told the meeting does not exist. axe runs
on the agenda page as each of them sees it, and on the forms on the way.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def reviews_due(demo_personas):
    """Two level 2 reviews due this week (X456789 overdue); every other case a year away."""
    today = timezone.localdate()
    MappaCase.objects.update(next_review_due=today + timedelta(weeks=52))
    MappaCase.objects.filter(nominal__crn="X456789").update(
        next_review_due=today - timedelta(days=3)
    )
    MappaCase.objects.filter(nominal__crn="X123456").update(next_review_due=today)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def set_up_series(page):
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_role("link", name="Set up a meeting series").click()
    assert_no_violations(page)
    page.get_by_label("Name").fill("Demoshire level 2 meeting")
    page.get_by_label("Level 2").check()
    page.get_by_label("Every week").check()
    page.get_by_label("Day of the week").select_option(label="Tuesday")
    page.get_by_label("First meeting on or after").fill(timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Venue").fill("Probation head office")
    page.get_by_role("button", name="Set up the series").click()
    expect(page.get_by_test_id("upcoming-meetings")).to_be_visible()


def test_an_invitee_sees_only_their_case_on_the_agenda_and_restricted_for_the_others(
    sign_in, reviews_due
):
    page = sign_in("coordinator")
    set_up_series(page)
    assert_no_violations(page)
    page.get_by_test_id("upcoming-meetings").get_by_role("link").first.click()
    page.get_by_role("button", name="Build the agenda from what is due").click()
    agenda = page.get_by_test_id("agenda")
    expect(agenda.get_by_test_id("agenda-item")).to_have_count(2)
    expect(agenda).to_contain_text("Kieran Walsh")
    expect(agenda).to_contain_text("John Paul Smith")
    expect(agenda.get_by_test_id("agenda-item").first).to_contain_text("10:00 to 10:30")
    assert_no_violations(page)
    meeting_url = page.url

    page.get_by_role("link", name="Invite people to discuss Kieran Walsh").click()
    assert_no_violations(page)
    page.get_by_label("A named person").select_option(label="Imran Malik, Housing authority")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("Imran Malik")
    sign_out(page)

    page = sign_in("housing.officer")
    page.goto(meeting_url)
    agenda = page.get_by_test_id("agenda")
    expect(agenda.get_by_test_id("agenda-item")).to_have_count(2)
    expect(agenda).to_contain_text("Kieran Walsh")
    expect(agenda).not_to_contain_text("John Paul Smith")
    expect(agenda.get_by_test_id("restricted")).to_have_count(1)
    expect(agenda.get_by_test_id("restricted")).to_have_text("Restricted")
    assert_no_violations(page)
    page.get_by_role("link", name="Respond to the invitation for 10:00").click()
    assert_no_violations(page)
    page.get_by_label("Attending", exact=True).check()
    page.get_by_role("button", name="Send your response").click()
    expect(page.get_by_test_id("my-invitation")).to_contain_text("Your response: attending")
    sign_out(page)

    page = sign_in("outsider.police")
    response = page.goto(meeting_url)
    assert response.status == 404

    page = sign_in("chair.police")
    page.goto(meeting_url)
    page.get_by_role("link", name="Record attendance").click()
    assert_no_violations(page)
    page.get_by_test_id("invitees").get_by_role("button", name="Attended").click()
    expect(page.get_by_test_id("attendance")).to_contain_text("Housing authority")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("Yes", exact=True)).to_be_checked()
    assert_no_violations(page)
