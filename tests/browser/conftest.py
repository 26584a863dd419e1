"""Fixtures for the browser tests: one Chromium per session, one context per test.

Playwright's sync API keeps an asyncio event loop running in the test
thread, which makes Django refuse ORM calls there (SynchronousOnlyOperation)
once the browser has started. The tests make their ORM calls synchronously
and never from async code, so the check is switched off before anything
imports Django's database layer.
"""

from __future__ import annotations

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import pytest  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("MAPPA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000
WARM_UP_TIMEOUT_MS = 90_000

expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


def _new_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture(scope="session")
def warm_server(browser, live_server):
    """Open the sign-in page once, with time to spare: the server's first answer compiles the
    templates and indexes the static files, which on a busy machine outlasts a step's timeout."""
    context, first = _new_page(browser, live_server)
    first.goto("/sign-in/", timeout=WARM_UP_TIMEOUT_MS)
    context.close()


@pytest.fixture
def page(browser, live_server, warm_server):
    """A page in a fresh browser context (no cookies) for each test."""
    context, new_page = _new_page(browser, live_server)
    yield new_page
    context.close()


@pytest.fixture
def demo_personas(transactional_db):
    """The demo areas, agencies and the 13 contract personas."""
    from mappa.desk.services import load_demo

    return {user.username: user for user in load_demo()}


@pytest.fixture
def demo_mode(settings):
    settings.MAPPA_DEMO = True
    return settings


@pytest.fixture
def demo_off(settings):
    settings.MAPPA_DEMO = False
    return settings


@pytest.fixture
def submit_password(page):
    """Fill in and submit the real sign-in form; the password defaults to the demo one."""

    def submit(username: str, password: str | None = None):
        page.goto("/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password or f"demo-{username}")
        page.get_by_role("button", name="Continue").click()
        return page

    return submit


@pytest.fixture
def sign_in(submit_password, live_server, demo_personas, demo_mode):
    """Sign in through the form as a demo persona in demo mode; returns the dashboard page.

    It waits for the page's load event so that the stylesheet's requests have
    settled before the test acts.
    """

    def sign_in_as(username: str):
        page = submit_password(username)
        expect(page).to_have_url(f"{live_server.url}/dashboard/")
        page.wait_for_load_state("load")
        return page

    return sign_in_as
