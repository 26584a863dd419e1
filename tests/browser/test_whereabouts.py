"""Whereabouts unknown in the browser: the offender manager reports John Paul Smith missing, the
co-ordinator's dashboard shows it, the co-ordinator takes the offered urgent meeting, a police
officer logs a search action, the offender manager records that he was found and the panel
clears. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.meetings.models import Meeting

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def fill_moment(page, what: str, when) -> None:
    local = timezone.localtime(when)
    page.get_by_label(f"Date {what}").fill(f"{local:%d/%m/%Y}")
    page.get_by_label(f"Time {what}").fill(f"{local:%H:%M}")


def test_a_missing_person_is_reported_searched_for_and_found(page, sign_in):
    page.goto("/sign-in/", timeout=60_000)
    case = MappaCase.objects.get(nominal__crn="X123456")
    now = timezone.now()

    page = sign_in("probation.om")
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Report whereabouts unknown").click()
    expect(page.get_by_role("heading", name="Report whereabouts unknown")).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Missing").check()
    fill_moment(page, "their whereabouts became unknown", now + timedelta(hours=2))
    page.get_by_role("button", name="Report whereabouts unknown").click()
    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("must not be in the future")
    expect(errors).to_contain_text("Enter what is known")
    assert_no_violations(page)
    fill_moment(page, "their whereabouts became unknown", now - timedelta(hours=3))
    page.get_by_label("What is known").fill("Did not return to the approved premises by 23:00")
    page.get_by_label("Police reference").fill("MISPER/2026/0412")
    page.get_by_role("button", name="Report whereabouts unknown").click()
    expect(page.get_by_role("alert")).to_contain_text("The chair and co-ordinator have been told")
    expect(page.get_by_test_id("whereabouts-summary")).to_contain_text("MISPER/2026/0412")
    expect(page.get_by_text("The MAPPA co-ordinator has been told")).to_be_visible()
    assert_no_violations(page)
    page.goto(f"/cases/{case.id}/")
    expect(page.get_by_test_id("whereabouts-banner")).to_contain_text("Missing since")
    assert_no_violations(page)

    page = sign_in("coordinator")
    panel = page.get_by_test_id("whereabouts-unknown")
    expect(panel).to_contain_text("John Paul Smith")
    expect(panel.get_by_test_id("missing-for")).to_contain_text("3 hours")
    assert_no_violations(page)
    panel.get_by_role("link", name="John Paul Smith").click()
    page.get_by_role("button", name="List at an urgent meeting").click()
    expect(page.get_by_role("alert")).to_contain_text("Urgent meeting called for")
    meeting = Meeting.objects.get()
    assert meeting.level == 3 and meeting.agenda.filter(case=case).exists()
    expect(page.get_by_role("main")).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    page.goto(f"/cases/{case.id}/")
    page.get_by_test_id("whereabouts-banner").get_by_role("link").click()
    expect(page.get_by_test_id("urgent-meeting")).to_contain_text("level 3 meeting")
    assert_no_violations(page)

    page = sign_in("police.ppu")
    page.goto(f"/cases/{case.id}/")
    page.get_by_test_id("whereabouts-banner").get_by_role("link").click()
    page.get_by_role("link", name="Log a search action").click()
    expect(page.get_by_role("heading", name="Log a search action")).to_be_visible()
    assert_no_violations(page)
    fill_moment(page, "it was done", now - timedelta(hours=1))
    page.get_by_label("What was done").fill("Visited his sister's address in Leeds")
    page.get_by_label("Outcome").fill("Not there; seen at the station this morning")
    page.get_by_role("button", name="Log the search action").click()
    expect(page.get_by_test_id("search-log")).to_contain_text("Visited his sister's address")
    assert_no_violations(page)

    page = sign_in("probation.om")
    page.goto(f"/cases/{case.id}/")
    page.get_by_test_id("whereabouts-banner").get_by_role("link").click()
    page.get_by_role("link", name="Record the end").click()
    expect(
        page.get_by_role("heading", name="Record the end of whereabouts unknown")
    ).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Found").check()
    fill_moment(page, "it ended", now - timedelta(hours=4))
    page.get_by_label("Note").fill("Found at the railway station; back at the premises")
    page.get_by_role("button", name="Record the end").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must not be before")
    assert_no_violations(page)
    fill_moment(page, "it ended", timezone.now() - timedelta(minutes=5))
    page.get_by_role("button", name="Record the end").click()
    expect(page.get_by_test_id("whereabouts-ending")).to_contain_text("Found on")
    assert_no_violations(page)
    page.goto(f"/people/{case.nominal_id}/")
    expect(page.get_by_test_id("whereabouts-banner")).to_have_count(0)
    expect(page.get_by_test_id("case-timeline")).to_contain_text("Whereabouts known: found")
    assert_no_violations(page)

    page = sign_in("coordinator")
    panel = page.get_by_test_id("whereabouts-unknown")
    expect(panel.get_by_test_id("no-whereabouts-unknown")).to_be_visible()
    expect(panel).not_to_contain_text("John Paul Smith")
