"""axe-core finds no WCAG 2.2 A or AA violations on the pages every user sees."""

import pytest
from playwright.sync_api import expect

from .axe import assert_no_violations, violations

pytestmark = pytest.mark.browser

PERSONAS = [
    "coordinator",
    "chair.police",
    "police.ppu",
    "probation.om",
    "prison.pom",
    "mash.manager",
    "housing.officer",
    "disclosure.officer",
    "marac.coordinator",
    "smb.member",
    "lay.adviser",
    "outsider.police",
    "sysadmin",
]


def test_the_sign_in_page_has_no_accessibility_violations(page, demo_personas, demo_mode):
    page.goto("/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    assert_no_violations(page)


def test_the_sign_in_page_with_an_error_has_no_accessibility_violations(
    submit_password, demo_personas, demo_mode
):
    page = submit_password("probation.om", "not-the-password")
    expect(page.get_by_text("Enter a correct username and password")).to_be_visible()

    assert_no_violations(page)


def test_the_authenticator_set_up_page_has_no_accessibility_violations(
    submit_password, demo_personas, demo_off
):
    page = submit_password("probation.om")
    expect(page.locator("[data-testid=qr-code]")).to_be_visible()

    assert_no_violations(page)


@pytest.mark.parametrize("username", PERSONAS)
def test_each_persona_dashboard_has_no_accessibility_violations(sign_in, username):
    page = sign_in(username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")

    assert_no_violations(page)


def test_the_signed_out_page_has_no_accessibility_violations(sign_in, live_server):
    page = sign_in("coordinator")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/signed-out/")

    assert_no_violations(page)


def test_the_axe_check_reports_violations_when_there_are_some(page):
    page.set_content('<html><body><img src="photo.png"><input type="text"></body></html>')

    found = {violation["id"] for violation in violations(page)}

    assert {"html-has-lang", "image-alt", "label"} <= found, found
    with pytest.raises(AssertionError, match=r"image-alt \(critical\).*\n.*at img"):
        assert_no_violations(page)
