"""Pages load every asset and run their scripts under the Content Security Policy.

Every page shares base.html and its stylesheets, so the sign-in page and a
signed-in dashboard stand for them all here.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The classes the nonce'd inline script adds: proof the CSP let it run.
SCRIPTS_RAN = "govuk-template__body js-enabled govuk-frontend-supported"


def watch(page):
    """Collect failed responses, console errors (CSP violations among them) and script errors."""
    problems = []

    def on_response(response):
        if response.status >= 400:
            problems.append(f"{response.status} {response.url}")

    def on_console(message):
        if message.type == "error":
            problems.append(f"console: {message.text}")

    page.on("response", on_response)
    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    return problems


def test_the_sign_in_page_loads_every_asset_and_runs_its_scripts(page, demo_personas, demo_mode):
    problems = watch(page)

    page.goto("/sign-in/")
    page.wait_for_load_state("networkidle")

    expect(page.locator("body")).to_have_class(SCRIPTS_RAN)
    assert not problems, "the sign-in page had loading problems:\n" + "\n".join(problems)


def test_a_signed_in_page_loads_every_asset(page, demo_personas, demo_mode):
    problems = watch(page)
    page.goto("/sign-in/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill("demo-coordinator")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/dashboard/")
    page.wait_for_load_state("networkidle")
    assert not problems, "the dashboard had loading problems:\n" + "\n".join(problems)
