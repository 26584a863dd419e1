"""Meetings follow-through in the browser (issue 16, items 9 and 13): a case recorded as not
discussed is on the next meeting's agenda; after screening accepts a referral, "Open the case"
leads to the case; a standing member the co-ordinator adds to a series is invited to the
series' next meeting."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.meetings.services import minutes, scheduling
from mappa.meetings.tests.conftest import World
from mappa.meetings.tests.factories import create_meeting
from mappa.meetings.tests.minutes_setup import hold_meeting
from mappa.referrals.tests.drafts import submitted

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def world_of(personas) -> World:
    today = timezone.localdate()
    MappaCase.objects.update(next_review_due=today + timedelta(weeks=52))
    cases = {case.nominal.crn: case for case in MappaCase.objects.select_related("nominal")}
    return World(users=personas, cases=cases, today=today)


def test_a_case_recorded_as_not_discussed_is_on_the_next_meetings_agenda(sign_in, demo_personas):
    world = world_of(demo_personas)
    coordinator = demo_personas["coordinator"]
    held = hold_meeting(world)
    minutes.start_minutes(actor=coordinator, meeting=held)
    following = scheduling.schedule_meeting(
        actor=coordinator,
        level=2,
        on=world.today + timedelta(days=7),
        start_time=time(10),
        end_time=time(13),
        venue="Probation head office",
    )

    page = sign_in("coordinator")
    page.goto(f"/meetings/{held.id}/minutes/")
    page.get_by_role("link", name="Edit the minutes for John Paul Smith").click()
    page.get_by_role("group", name="Was the case discussed at the meeting?").get_by_label(
        "No"
    ).check()
    page.get_by_label("If not, why not").fill("Out of time: listed next week")
    assert_no_violations(page)
    page.get_by_role("button", name="Save the minutes").click()
    expect(page.get_by_test_id("not-discussed")).to_contain_text("Out of time: listed next week")

    page.goto(f"/meetings/{following.id}/")
    page.get_by_role("button", name="Build the agenda from what is due").click()
    agenda = page.get_by_test_id("agenda")
    expect(agenda).to_contain_text("John Paul Smith")
    assert_no_violations(page)


def test_after_screening_accepts_a_referral_open_the_case_leads_to_the_case(sign_in, demo_personas):
    referral = submitted(demo_personas["housing.officer"], category={"category": "2"})
    page = sign_in("coordinator")
    page.goto(f"/referrals/{referral.id}/screen/")
    page.get_by_label("Not on the register: add them from the referral").check()
    page.get_by_label("Accept at level 2").check()
    page.get_by_label("Rationale").fill("Needs multi-agency management")
    page.get_by_role("group", name="Lead agency").get_by_label("Probation").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded")
    assert_no_violations(page)
    page.get_by_role("link", name="Open the case").click()
    referral.refresh_from_db()
    expect(page).to_have_url(re.compile(f"/cases/{referral.case_id}/$"))
    expect(page.get_by_test_id("case-title")).to_have_text("MAPPA case: Dale Fenwick")
    assert_no_violations(page)


def test_a_standing_member_added_to_a_series_is_invited_to_its_next_meeting(sign_in, demo_personas):
    world = world_of(demo_personas)
    meeting = create_meeting(demo_personas["coordinator"])
    series = meeting.series
    world.due("X123456", meeting.date)

    page = sign_in("coordinator")
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_role("link", name=series.name).click()
    expect(page.get_by_test_id("standing-members")).to_have_text("No standing members yet.")
    assert_no_violations(page)
    page.get_by_role("link", name="Change the standing members").click()
    page.get_by_label("Rachel Moss, Prison").check()
    assert_no_violations(page)
    page.get_by_role("button", name="Save the standing members").click()
    expect(page.get_by_role("alert")).to_contain_text(f"Standing members of {series.name} saved.")
    expect(page.get_by_test_id("standing-members")).to_contain_text("Rachel Moss")
    page.get_by_role("link", name=f"{meeting.date:%A %-d %B %Y}").click()
    page.get_by_role("button", name="Build the agenda from what is due").click()
    expect(page.get_by_test_id("agenda")).to_contain_text("John Paul Smith")

    page = sign_in("prison.pom")
    page.goto("/meetings/")
    invitations = page.get_by_test_id("my-invitations")
    expect(invitations).to_contain_text(f"{meeting.date:%A %-d %B %Y}")
    expect(invitations).to_contain_text("Rachel Moss")
    assert_no_violations(page)
