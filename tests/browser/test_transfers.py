"""A case transferred from DEMO to OTHER in the browser (issue 18, section 2): outsider.police
gets a 404 for the case before the request; the co-ordinator requests the transfer; Otherford's
co-ordinator queries it, Demoshire answers, Otherford accepts at its own level; outsider.police
then sees the case, and Demoshire's co-ordinator still reads it (the risk pages without add
buttons) but cannot change it. A temporary stay is seen by the host area's co-ordinator, then
changed and ended early by the home area. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def test_a_case_is_transferred_demo_to_other_with_a_query_round_trip(page, sign_in):
    case = MappaCase.objects.get(nominal__crn="X123456")
    moving = timezone.localdate() + timedelta(days=14)

    page = sign_in("outsider.police")
    assert page.goto(f"/cases/{case.id}/").status == 404

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Request a transfer to another area").click()
    expect(page.get_by_role("heading", name="Request a transfer to another area")).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Otherford MAPPA area").check()
    page.get_by_label("Why is the case transferring?").fill("Moving to live with his sister")
    page.get_by_label("The person's new address").fill("7 Quay Street, Otherford OT2 9ZZ")
    page.get_by_label("Date of the move").fill(f"{moving:%d/%m/%Y}")
    page.get_by_role("button", name="Request the transfer").click()
    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("A level 2 or 3 case needs a proposed meeting")
    assert_no_violations(page)
    page.get_by_label("Proposed meeting in the new area").fill("Level 2 meeting in Otherford")
    page.get_by_role("button", name="Request the transfer").click()
    expect(page.get_by_role("alert")).to_contain_text("Transfer to Otherford MAPPA area requested")
    expect(page.get_by_test_id("transfer-status")).to_have_text("Waiting for the receiving area")
    transfer_url = page.url
    assert_no_violations(page)

    page = sign_in("coordinator.other")
    panel = page.get_by_test_id("transfers-panel")
    expect(panel).to_contain_text("Transfer of John Paul Smith from Demoshire MAPPA area")
    assert_no_violations(page)
    panel.get_by_role("link", name="Transfer of John Paul Smith").click()
    page.get_by_role("link", name="Query the transfer").click()
    assert_no_violations(page)
    page.get_by_label("What do you need from the sending area?").fill("Who else lives there?")
    page.get_by_role("button", name="Send the query").click()
    expect(page.get_by_test_id("transfer-messages")).to_contain_text("Who else lives there?")

    page = sign_in("coordinator")
    page.goto(transfer_url)
    page.get_by_role("link", name="Answer the query").click()
    assert_no_violations(page)
    page.get_by_label("Your answer").fill("His sister, 40; no children")
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_role("alert")).to_contain_text("back with the receiving area")

    page = sign_in("coordinator.other")
    page.goto("/cases/transfers/")
    expect(page.get_by_test_id("incoming-transfers")).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    page.goto(transfer_url)
    page.get_by_role("link", name="Accept the transfer").click()
    assert_no_violations(page)
    page.get_by_label("Level 2: multi-agency management").check()
    page.get_by_role("button", name="Accept the transfer").click()
    expect(errors).to_contain_text("Give the reason for the level decision")
    assert_no_violations(page)
    page.get_by_label("Why this level?").fill("Level 2: the victim's family live nearby")
    page.get_by_role("button", name="Accept the transfer").click()
    expect(page.get_by_role("alert")).to_contain_text("now managed in your area")
    expect(page.get_by_test_id("transfer-decision")).to_contain_text("at level 2")
    assert_no_violations(page)

    page = sign_in("outsider.police")
    page.goto(f"/cases/{case.id}/")
    expect(page.get_by_test_id("case-title")).to_contain_text("John Paul Smith")
    expect(page.get_by_text("Otherford MAPPA area").first).to_be_visible()
    assert_no_violations(page)

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    expect(page.get_by_test_id("read-only")).to_contain_text("transferred to Otherford")
    expect(page.get_by_role("link", name="Change level")).to_have_count(0)
    expect(page.get_by_role("link", name="Close the case")).to_have_count(0)
    assert_no_violations(page)
    assert page.goto(f"/cases/{case.id}/decision/").status == 404
    page.goto(f"/cases/{case.id}/risk/assessments/")  # read, with no button to add
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Record a RoSH assessment")).to_have_count(0)
    assert_no_violations(page)


def test_a_temporary_stay_is_seen_by_the_host_coordinator(page, sign_in):
    case = MappaCase.objects.get(nominal__crn="X123456")
    today = timezone.localdate()

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Tell another area of a temporary stay").click()
    assert_no_violations(page)
    page.get_by_label("Otherford MAPPA area").check()
    page.get_by_label("Approved premises in another area").check()
    page.get_by_label("Address during the stay").fill("Quay House approved premises, Otherford")
    page.get_by_label("First day of the stay").fill(f"{today:%d/%m/%Y}")
    page.get_by_label("Last day of the stay").fill(f"{today - timedelta(days=1):%d/%m/%Y}")
    page.get_by_role("button", name="Tell the other area").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The last day of the stay must be on or after its first day"
    )
    assert_no_violations(page)
    page.get_by_label("Last day of the stay").fill(f"{today + timedelta(days=28):%d/%m/%Y}")
    page.get_by_role("button", name="Tell the other area").click()
    expect(page.get_by_role("alert")).to_contain_text("Otherford MAPPA area has been told")
    expect(page.get_by_test_id("case-transfers")).to_contain_text("Stay in Otherford MAPPA area")

    page = sign_in("coordinator.other")
    panel = page.get_by_test_id("transfers-panel")
    panel.get_by_role("link", name="John Paul Smith is staying in your area").click()
    expect(page.get_by_test_id("stay")).to_contain_text("Quay House approved premises")
    expect(page.get_by_test_id("stay-identity")).to_contain_text("John Paul Smith")
    expect(page.get_by_role("link", name="Change the stay")).to_have_count(0)  # the host reads
    assert_no_violations(page)
    stay_url = page.url
    assert page.goto(f"/cases/{case.id}/").status == 404  # the stay, not the case

    page = sign_in("coordinator")
    page.goto(stay_url)
    page.get_by_role("link", name="Change the stay").click()
    assert_no_violations(page)
    page.get_by_label("Address during the stay").fill("2 Harbour Road, Otherford")
    page.get_by_role("button", name="Save the changes").click()
    expect(page.get_by_role("alert")).to_contain_text("The stay has been changed")
    expect(page.get_by_test_id("stay")).to_contain_text("2 Harbour Road")
    page.get_by_role("link", name="End the stay early").click()
    page.get_by_label("The day the stay ends").fill(f"{today - timedelta(days=1):%d/%m/%Y}")
    page.get_by_role("button", name="End the stay").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The stay cannot end before its first day"
    )
    assert_no_violations(page)
    page.get_by_label("The day the stay ends").fill(f"{today + timedelta(days=3):%d/%m/%Y}")
    page.get_by_role("button", name="End the stay").click()
    expect(page.get_by_test_id("stay-ended-early")).to_contain_text("Ended early")
    expect(page.get_by_role("link", name="End the stay early")).to_have_count(0)
    assert_no_violations(page)
