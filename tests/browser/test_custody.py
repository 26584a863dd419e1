"""Custody in the browser: a prisoner screened by the prison offender manager, the level set by
the co-ordinator, the release recorded; the queue, the dashboard and the board's indicator show
it, and an outsider finds nothing. axe on every page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.people.models import Nominal

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def test_a_prisoner_is_screened_the_level_set_and_the_release_recorded(page, sign_in):
    page.goto("/sign-in/", timeout=60_000)
    cole = Nominal.objects.get(crn="X567890")  # in custody, a parole hearing in 120 days
    today = f"{timezone.localdate():%d/%m/%Y}"

    page = sign_in("prison.pom")
    panel = page.get_by_test_id("custody-panel")
    expect(panel).to_contain_text("1 person released or heard by the Parole Board")
    assert_no_violations(page)
    panel.get_by_role("link", name="Go to the releases queue").click()
    queue = page.get_by_test_id("releases-queue")
    expect(queue).to_contain_text("Gary Cole")
    expect(queue.get_by_test_id("level-status")).to_have_text("Level decision overdue")
    assert_no_violations(page)

    queue.get_by_role("link", name="Gary Cole").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Custody and release")
    expect(page.get_by_test_id("level-deadline")).to_contain_text("parole hearing")
    assert_no_violations(page)
    page.get_by_role("link", name="Record the pre-release screening").click()
    page.get_by_role("button", name="Record the screening").click()
    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("Select the category confirmed")
    assert_no_violations(page)
    page.get_by_role("group", name="Category confirmed").get_by_label("Category 1").check()
    page.get_by_role("group", name="Proposed level").get_by_label("Level 2").check()
    page.get_by_label("Rationale for the proposed level").fill("Victim's family near release area")
    page.get_by_label("Information to share").fill("Letters to the victim's family intercepted")
    page.get_by_role("group", name="Is the prison's report to the meeting requested?").get_by_label(
        "Yes"
    ).check()
    page.get_by_label("Report due by").fill("31/2/2027")
    page.get_by_label("Community offender manager").select_option(label="Tom Adeyemi, Probation")
    page.get_by_role("button", name="Record the screening").click()
    expect(errors).to_contain_text("Report due by")
    assert_no_violations(page)
    page.get_by_label("Report due by").fill(today)
    page.get_by_role("button", name="Record the screening").click()
    expect(page.get_by_role("alert")).to_contain_text("Screening recorded")
    expect(page.get_by_test_id("screening-status")).to_have_text(
        "Waiting for the co-ordinator's level decision"
    )
    assert_no_violations(page)

    page = sign_in("coordinator")
    expect(page.get_by_test_id("custody-panel")).to_contain_text(
        "1 with the level decision overdue"
    )
    page.goto("/custody/releases/")
    page.get_by_test_id("releases-queue").get_by_role(
        "link", name="Waiting for the co-ordinator's level decision"
    ).click()
    page.get_by_role("link", name="Decide the level").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Decide the level")
    assert_no_violations(page)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter reason for the decision")
    assert_no_violations(page)
    page.get_by_label("Reason for the decision").fill("Agreed: police and housing needed")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Level 2 confirmed")
    expect(page.get_by_test_id("screening-decision")).to_contain_text("Level 2, by")
    page.goto("/custody/releases/")
    expect(page.get_by_test_id("level-status")).to_have_text("Level decided")
    assert_no_violations(page)

    page = sign_in("prison.pom")
    page.goto(f"/custody/people/{cole.id}/")
    page.get_by_role("link", name="Record the release").click()
    page.get_by_label("Date of release").fill("1/1/2010")
    page.get_by_role("button", name="Record the release").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("when custody began")
    assert_no_violations(page)
    page.get_by_label("Date of release").fill(today)
    page.get_by_role("button", name="Record the release").click()
    expect(page.get_by_role("alert")).to_contain_text("no risk management plan was in place")
    expect(page.get_by_test_id("movements")).to_contain_text("No level set in custody or no plan")
    assert_no_violations(page)

    page = sign_in("coordinator")
    expect(page.get_by_test_id("custody-panel")).to_contain_text(
        "1 released without a level or plan"
    )
    page.goto("/custody/releases/")
    expect(page.get_by_test_id("queue-empty")).to_be_visible()
    expect(page.get_by_test_id("releases-unprepared")).to_contain_text("Gary Cole")
    assert_no_violations(page)
    page.goto(f"/people/{cole.id}/")
    expect(page.get_by_test_id("case-timeline")).to_contain_text("Released from custody")
    assert_no_violations(page)
    page.goto("/oversight/indicators/level-set-before-release/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Level set before release")
    expect(
        page.get_by_text("0.0% of 1 releases had a level and a plan set before release")
    ).to_be_visible()
    assert_no_violations(page)

    page = sign_in("outsider.police")
    page.goto("/custody/releases/")
    expect(page.get_by_test_id("queue-empty")).to_be_visible()
    response = page.goto(f"/custody/people/{cole.id}/")
    assert response.status == 404
