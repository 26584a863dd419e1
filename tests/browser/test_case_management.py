"""Managing a case between meetings in the browser: the offender manager records a level
decision with its rationale, names a colleague as responsible officer, and the co-ordinator
closes the case. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.agencies.models import Agency
from mappa.cases.models import MappaCase
from tests.factories import create_user

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def test_a_level_is_changed_the_officer_named_and_the_case_closed(page, sign_in):
    # The first page a live server sends (its static files found) can take longer than the
    # tests' ten seconds on a loaded machine: fetch it once with more time.
    page.goto("/sign-in/", timeout=60_000)
    page = sign_in("probation.om")
    case = MappaCase.objects.get(nominal__crn="X123456")
    probation = Agency.objects.get(area__code="DEMO", name="Probation")
    create_user(username="probation.om2", agency=probation, first_name="Sam", last_name="Okoro")
    yesterday = timezone.localdate() - timedelta(days=1)

    page.goto(f"/cases/{case.id}/")
    summary = page.get_by_test_id("case-summary")
    expect(summary).to_contain_text("Tom Adeyemi, Probation")
    assert_no_violations(page)

    page.get_by_role("link", name="Change level").click()
    expect(page.get_by_role("heading", name="Change the category or level")).to_be_visible()
    page.get_by_role("group", name="Category").get_by_label("Category 3").check()
    page.get_by_role("group", name="Level").get_by_label("Level 1").check()
    page.get_by_label("MAPPA meeting").check()
    page.get_by_label("Date of the decision").fill(f"{yesterday:%d/%m/%Y}")
    page.get_by_role("button", name="Record the decision").click()
    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("Give the reason for the decision")
    assert_no_violations(page)
    page.get_by_label("Why was this decided?").fill("Risk reduced")
    page.get_by_role("button", name="Record the decision").click()
    expect(errors).to_contain_text("A category 3 case cannot be managed at level 1")
    assert_no_violations(page)

    page.get_by_role("group", name="Category").get_by_label("Category 1").check()
    page.get_by_role("group", name="Level").get_by_label("Level 3").check()
    page.get_by_label("Why was this decided?").fill("New partner with a child under 10")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded: category 1, level 3")
    history = page.get_by_test_id("level-history")
    expect(history.locator("tr").last).to_contain_text("Level 3")
    expect(history.locator("tr").last).to_contain_text("Tom Adeyemi, Probation")
    expect(history.locator("tr").last).to_contain_text("New partner with a child under 10")
    assert_no_violations(page)

    page.get_by_role("link", name="Change responsible officer").click()
    expect(page.get_by_label("Tom Adeyemi, Probation")).to_be_checked()
    assert_no_violations(page)
    page.get_by_label("Sam Okoro, Probation").check()
    page.get_by_role("button", name="Name the officer").click()
    expect(page.get_by_role("alert")).to_contain_text("Sam Okoro is the responsible officer")
    expect(summary).to_contain_text("Sam Okoro, Probation")

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Close the case").click()
    expect(page.get_by_role("heading", name="Close the case")).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Other reason").check()
    page.get_by_label("Date the case closed").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_role("button", name="Close the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Explain why the case is closing")
    assert_no_violations(page)
    page.get_by_label("Explanation").fill("Notification requirement discharged on appeal")
    page.get_by_role("button", name="Close the case").click()
    closure = page.get_by_test_id("closure")
    expect(closure).to_contain_text("Closed on")
    expect(closure).to_contain_text("Notification requirement discharged on appeal")
    expect(page.get_by_role("link", name="Close the case")).to_have_count(0)
    assert_no_violations(page)
