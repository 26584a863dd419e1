"""Signing out ends the session."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_sign_out_leads_to_the_signed_out_page_and_the_dashboard_then_needs_sign_in(
    sign_in, live_server
):
    page = sign_in("probation.om")

    page.get_by_role("navigation").get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(f"{live_server.url}/signed-out/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)

    page.goto("/dashboard/")

    expect(page).to_have_url(f"{live_server.url}/sign-in/?next=/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Manage MAPPA cases")


def test_after_signing_out_the_back_button_does_not_restore_the_session(sign_in, live_server):
    page = sign_in("coordinator")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/signed-out/")

    page.go_back()
    page.reload()

    expect(page).to_have_url(f"{live_server.url}/sign-in/?next=/dashboard/")
