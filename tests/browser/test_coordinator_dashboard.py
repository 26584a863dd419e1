"""The co-ordinator's dashboard in the browser (issue 16 item 11): the next meetings soonest
first, the reviews panel's default named for what it shows, and the page of all open cases
with its filters, counts and pages; axe on each page. And the public site's "Exit this page"
clear of the demo banner (item 15)."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.agencies.models import Area
from mappa.cases.tests.factories import create_case, create_nominal
from mappa.meetings.models import Meeting

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def world(demo_personas):
    today = timezone.localdate()
    area = Area.objects.get(code="DEMO")
    for offset in (21, 3, 10):
        Meeting.objects.create(
            area=area,
            level=2,
            date=today + timedelta(days=offset),
            start_time=time(10),
            end_time=time(12),
            status="planned",
            created_by=demo_personas["coordinator"],
            created_at=timezone.now(),
        )
    for surname, days, lead in [("Ahmed", 90, "police"), ("Brown", 120, "police")]:
        nominal = create_nominal(forenames="Browser", surname=surname)
        create_case(review_in_days=days, level=2, lead_agency=lead, nominal=nominal)
    return today


def test_the_coordinator_finds_every_open_case_from_the_dashboard(page, sign_in, world, settings):
    settings.MAPPA_DASHBOARD_ROWS = 1
    # The live server's first response imports every app's pages: on a loaded machine it can
    # take longer than a page is given, so it is opened once before timing starts to matter.
    page.goto("/sign-in/", timeout=60_000)
    page = sign_in("coordinator")
    meetings = page.locator("section", has=page.get_by_role("heading", name="Next meetings"))
    dates = meetings.get_by_role("link").all_inner_texts()
    expected = [f"{world + timedelta(days=d):%A %-d %B %Y}" for d in (3, 10, 21)]
    assert [d for d in dates if d in expected] == expected
    reviews = page.get_by_test_id("reviews-due")
    expect(reviews.get_by_label("Review status")).to_have_value("")
    expect(reviews.locator("#filter-review_status option").first).to_have_text(
        "Overdue or due soon"
    )
    expect(reviews).not_to_contain_text("Browser Ahmed")  # on track: not a review due
    assert_no_violations(page)

    page.get_by_test_id("all-open-cases-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("All open cases")
    assert_no_violations(page)
    option = page.locator("#filter-lead_agency option[value='police']")
    police = int(re.search(r"\((\d+)\)", option.inner_text())[1])
    assert police >= 2
    page.get_by_label("Lead agency").select_option("police")
    page.get_by_label("Review status").select_option("on_track")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/cases/open/\?.*lead_agency=police"))
    expect(page.locator(".moj-filter__tag", has_text="Police")).to_be_visible()
    table = page.get_by_test_id("open-case-table")
    expect(table.get_by_role("row")).to_have_count(2)  # the header and one case a page
    first = table.locator("tbody tr td:first-child").inner_text()
    assert_no_violations(page)

    pagination = page.get_by_role("navigation", name="Pages of open cases")
    pagination.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"lead_agency=police.*page=2"))
    second = page.get_by_test_id("open-case-table").locator("tbody tr td:first-child")
    expect(second).not_to_have_text(first)
    expect(page.get_by_test_id("page-of")).to_contain_text("Page 2 of")
    assert_no_violations(page)


def test_exit_this_page_does_not_cover_the_demo_banner(page, demo_personas, demo_mode):
    page.goto("/public/")
    banner = page.get_by_test_id("demo-banner").bounding_box()
    button = page.get_by_role("button", name="Emergency Exit this page").bounding_box()
    assert banner and button
    overlap_x = min(banner["x"] + banner["width"], button["x"] + button["width"]) - max(
        banner["x"], button["x"]
    )
    overlap_y = min(banner["y"] + banner["height"], button["y"] + button["height"]) - max(
        banner["y"], button["y"]
    )
    assert overlap_x <= 0 or overlap_y <= 0, (banner, button)
    assert_no_violations(page)
