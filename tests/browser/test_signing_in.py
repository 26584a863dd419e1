"""Demo personas sign in through the real form and land on their own dashboard."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MARKING = "OFFICIAL-SENSITIVE"

# The role each contract persona holds, as the dashboard caption names it.
ROLE_CAPTIONS = {
    "coordinator": "MAPPA co-ordinator",
    "chair.police": "Meeting chair",
    "police.ppu": "Responsible authority practitioner",
    "probation.om": "Responsible authority practitioner",
    "prison.pom": "Responsible authority practitioner",
    "mash.manager": "MASH named person",
    "housing.officer": "Duty-to-co-operate practitioner",
    "disclosure.officer": "Disclosure officer",
    "marac.coordinator": "MARAC co-ordinator",
    "smb.member": "Strategic Management Board member",
    "lay.adviser": "Lay adviser",
    "outsider.police": "Responsible authority practitioner",
    "sysadmin": "System administrator",
}


@pytest.mark.parametrize("username", sorted(ROLE_CAPTIONS))
def test_each_persona_signs_in_to_a_dashboard_showing_their_role_and_the_marking(sign_in, username):
    page = sign_in(username)

    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.locator(".govuk-caption-l")).to_contain_text(ROLE_CAPTIONS[username])
    expect(page.locator("[data-testid=protective-marking]")).to_have_text(MARKING)
    expect(page).to_have_title(f"Dashboard – Manage MAPPA cases – {MARKING}")


def test_the_dashboard_names_the_persona_their_agency_and_area(sign_in):
    page = sign_in("probation.om")

    expect(page.locator(".govuk-caption-l")).to_have_text(
        "Responsible authority practitioner, Probation, Demoshire MAPPA area"
    )
    expect(page.get_by_text("Signed in as")).to_contain_text("Tom Adeyemi")


def test_the_sign_in_page_shows_the_protective_marking(page, demo_personas):
    page.goto("/sign-in/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Manage MAPPA cases")
    expect(page.locator("[data-testid=protective-marking]")).to_have_text(MARKING)


def test_a_wrong_password_keeps_the_user_on_the_sign_in_page_with_an_error(
    submit_password, live_server, demo_personas, demo_mode
):
    page = submit_password("probation.om", "not-the-password")

    expect(page).to_have_url(f"{live_server.url}/sign-in/")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link")).to_have_text("Enter a correct username and password")
    expect(page).to_have_title("Error: Sign in – Manage MAPPA cases – OFFICIAL-SENSITIVE")
