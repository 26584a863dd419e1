"""The public site: no accessibility violations on any page, "Exit this page" (the button and
the Shift key pressed three times) leaves the site, and the forms work without JavaScript,
show GOV.UK error summaries and refuse too many applications from one address politely."""

import time

import django_ratelimit.core
import pytest
from django.core.cache import caches
from playwright.sync_api import expect

from mappa.disclosures.models import SchemeApplication
from mappa.public.urls import PAGES

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

EXIT_URL = "https://www.bbc.co.uk/weather"
FORMS = [
    "/public/apply/child-sex-offender-disclosure/",
    "/public/apply/domestic-violence-disclosure/",
]


@pytest.fixture
def off_site(page, settings):
    """Answer the exit page's address locally: the test machine has no internet."""
    settings.MAPPA_EXIT_PAGE_URL = EXIT_URL
    page.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(
            content_type="text/html", body="<html><title>Weather</title><h1>Weather</h1></html>"
        ),
    )
    return page


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    caches["ratelimit"].clear()


def fill_in_csods(page):
    page.get_by_label("Which area does this concern?").select_option(label="Demoshire MAPPA area")
    page.get_by_label("Your full name").fill("Sam Taylor")
    page.get_by_label("Your relationship to the child or children").fill("Neighbour")
    page.get_by_label("Your email address").fill("sam@example.org")
    page.get_by_label("The child or children you are worried about").fill("Two children, 4 and 7")
    page.get_by_label("Name of the person you are worried about").fill("Darren Hughes")
    page.get_by_label("How does the person have contact with the child or children?").fill(
        "Lodger at the children's home"
    )
    page.get_by_label("Why are you worried?").fill("He was seen taking photos at the school gate")


@pytest.mark.parametrize("url", [f"/public/{route}" for route, _, _ in PAGES] + FORMS)
def test_every_public_page_has_no_accessibility_violations(page, demo_personas, url):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Emergency Exit this page")).to_be_visible()
    assert_no_violations(page)


def test_the_confirmation_error_and_refusal_pages_have_no_accessibility_violations(
    page, demo_personas, settings, monkeypatch
):
    settings.MAPPA_PUBLIC_APPLICATIONS_PER_MINUTE = 2  # every submission counts, bad ones too
    # One rate-limit window for the whole test: a slow run must not straddle two minutes.
    window = int(time.time()) + 60
    monkeypatch.setattr(django_ratelimit.core, "_get_window", lambda value, period: window)
    page.goto(FORMS[0])
    page.get_by_role("button", name="Send the application").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose the area the application is about")
    expect(summary).to_contain_text("Enter your full name")
    assert_no_violations(page)
    assert not SchemeApplication.objects.exists()
    page.goto(FORMS[0])
    fill_in_csods(page)
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_test_id("application-reference")).to_be_visible()
    assert_no_violations(page)
    page.goto(FORMS[0])
    fill_in_csods(page)
    page.get_by_role("button", name="Send the application").click()
    expect(page.get_by_test_id("rate-limited")).to_be_visible()
    assert_no_violations(page)
    assert SchemeApplication.objects.count() == 1


def test_the_exit_this_page_button_leaves_the_site(off_site, demo_personas):
    page = off_site
    page.goto(FORMS[1])
    page.get_by_role("button", name="Emergency Exit this page").click()
    expect(page).to_have_url(EXIT_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text("Weather")


def test_pressing_shift_three_times_leaves_the_site(off_site, demo_personas):
    page = off_site
    page.goto("/public/victims/")
    expect(page.locator("body.govuk-frontend-supported")).to_have_count(1)
    page.wait_for_load_state("load")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(EXIT_URL)


def test_an_application_can_be_made_without_javascript(browser, live_server, demo_personas):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(FORMS[0])
        expect(page.locator("body.js-enabled")).to_have_count(0)
        fill_in_csods(page)
        page.get_by_role("button", name="Send the application").click()
        expect(page.get_by_test_id("application-reference")).to_contain_text("CS-")
        assert SchemeApplication.objects.get().subject_name == "Darren Hughes"
    finally:
        context.close()
