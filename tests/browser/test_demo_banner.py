"""The demo banner shows exactly when the site runs in demo mode."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BANNER = "[data-testid=demo-banner]"


def test_the_demo_banner_shows_on_the_sign_in_page_in_demo_mode(page, demo_personas, demo_mode):
    page.goto("/sign-in/")

    expect(page.locator(BANNER)).to_be_visible()
    expect(page.locator(BANNER)).to_contain_text("made-up demo data only")


def test_the_demo_banner_shows_on_the_dashboard_in_demo_mode(sign_in):
    page = sign_in("coordinator")

    expect(page.locator(BANNER)).to_be_visible()


def test_the_demo_banner_is_absent_when_demo_mode_is_off(page, demo_personas, demo_off):
    page.goto("/sign-in/")

    expect(page.locator("[data-testid=protective-marking]")).to_have_text("OFFICIAL-SENSITIVE")
    expect(page.locator(BANNER)).to_have_count(0)


def test_with_demo_mode_off_a_demo_persona_must_set_up_an_authenticator(
    submit_password, live_server, demo_personas, demo_off
):
    page = submit_password("probation.om")

    expect(page).to_have_url(f"{live_server.url}/sign-in/set-up-authenticator/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    expect(page.locator("[data-testid=qr-code]")).to_be_visible()
    expect(page.locator(BANNER)).to_have_count(0)


def test_with_demo_mode_off_the_dashboard_is_out_of_reach_until_the_second_factor(
    submit_password, live_server, demo_personas, demo_off
):
    page = submit_password("coordinator")
    expect(page).to_have_url(f"{live_server.url}/sign-in/set-up-authenticator/")

    page.goto("/dashboard/")

    expect(page).not_to_have_url(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Dashboard")
