"""Information requests in the browser: the co-ordinator asks the housing authority from the
case page, housing.officer answers from their dashboard seeing only what it needs, the
co-ordinator reads the answer on the case, and the board's figure counts it; a request raised at
screening, to a named person, and the form offered before the review. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.agencies.models import User
from mappa.cases.models import MappaCase
from mappa.referrals.tests.drafts import submitted

from .axe import assert_no_violations

pytestmark = pytest.mark.browser
QUESTION = "Who holds the tenancy at 12 Mill Lane, and who else lives there?"
ANSWER = "The tenancy is in his partner's name since 2022; no other adults are registered."


def test_a_request_is_raised_answered_read_and_counted(page, sign_in):
    page.goto("/sign-in/", timeout=60_000)
    case = MappaCase.objects.get(nominal__crn="X123456")
    due = timezone.localdate() + timedelta(days=10)

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    expect(page.get_by_role("heading", name="Information requests")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("link", name="Request information from an agency").click()
    expect(page.get_by_role("heading", name="Request information from an agency")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name="Send the request").click()
    errors = page.locator(".govuk-error-summary")
    expect(errors).to_contain_text("Select the agency asked")
    expect(errors).to_contain_text("Select basis for sharing")
    assert_no_violations(page)
    page.get_by_label("Agency asked").select_option(label="Housing authority")
    page.get_by_label("Co-operation under MAPPA", exact=False).check()
    page.get_by_label("Why the information is needed").fill("His partner's children visit")
    page.get_by_label("What the agency is asked").fill(QUESTION)
    page.get_by_label("Answer needed by").fill(f"{due:%d/%m/%Y}")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("alert")).to_contain_text("Information requested of Housing authority")
    requests = page.get_by_test_id("case-information-requests")
    expect(requests).to_contain_text("Housing authority")
    expect(requests).to_contain_text("On track")
    assert_no_violations(page)

    page = sign_in("housing.officer")
    panel = page.locator("section", has=page.get_by_role("heading", name="Information requests"))
    expect(panel).to_contain_text("On track: 1")
    assert_no_violations(page)
    panel.get_by_role("link", name="John Paul Smith").click()
    expect(page.get_by_role("heading", name="Information request")).to_be_visible()
    expect(page.get_by_test_id("request-question")).to_contain_text(QUESTION)
    expect(page.get_by_test_id("request-summary")).to_contain_text("2 March 1984")
    expect(page.get_by_role("link", name="Open the case")).to_have_count(0)
    assert_no_violations(page)
    page.get_by_role("link", name="Decline the request").click()
    expect(page.get_by_role("heading", name="Decline the information request")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("link", name="Back to the request").click()
    page.get_by_label("Your agency's answer").fill(ANSWER)
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_role("alert")).to_contain_text("Answer sent")
    expect(page.get_by_test_id("request-answer")).to_contain_text(ANSWER)
    expect(page.get_by_test_id("request-status")).to_have_text("Answered")
    assert_no_violations(page)
    page.goto("/information-requests/")
    expect(page.get_by_role("heading", name="Information requests", exact=True)).to_be_visible()
    assert_no_violations(page)
    page.goto(f"/cases/{case.id}/")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()

    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    requests = page.get_by_test_id("case-information-requests")
    expect(requests).to_contain_text("The tenancy is in his partner's name")
    expect(requests).to_contain_text("Answered")

    page = sign_in("smb.member")
    page.goto("/oversight/indicators/information-requests/")
    expect(page.get_by_test_id("summary")).to_contain_text("1 request: 1 of 1 answered on time")
    expect(page.get_by_test_id("figure")).to_contain_text("Housing authority")
    assert_no_violations(page)


def test_information_is_requested_at_screening_and_before_the_review(page, sign_in):
    case = MappaCase.objects.get(nominal__crn="X123456")
    referral = submitted(User.objects.get(username="police.ppu"), nominal=case.nominal)
    page = sign_in("coordinator")
    page.goto(f"/referrals/{referral.id}/screen/")
    page.get_by_test_id("request-information-at-screening").click()
    expect(page.get_by_role("heading", name="Request information at screening")).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Agency asked").select_option(label="Police")
    page.get_by_label("Named person at the agency").select_option(label="Lena Novak, Police")
    page.get_by_label("The public interest", exact=False).check()
    page.get_by_label("Why the information is needed").fill("To decide the level")
    page.get_by_label("What the agency is asked").fill("Domestic abuse call-outs to his address")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("heading", name="Screen a referral")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Information requested of Police")

    page.goto(f"/cases/{case.id}/")
    page.get_by_test_id("request-before-review").click()
    expect(
        page.get_by_role("heading", name="Request information before the review")
    ).to_be_visible()
    expect(page.get_by_test_id("review-date")).to_be_visible()
    assert_no_violations(page)


def test_the_coordinator_withdraws_a_request_and_it_leaves_the_agencys_list(page, sign_in):
    case = MappaCase.objects.get(nominal__crn="X123456")
    due = timezone.localdate() + timedelta(days=10)
    page = sign_in("coordinator")
    page.goto(f"/information-requests/new/for-case/{case.id}/")
    page.get_by_label("Agency asked").select_option(label="Housing authority")
    page.get_by_label("Co-operation under MAPPA", exact=False).check()
    page.get_by_label("Why the information is needed").fill("His partner's children visit")
    page.get_by_label("What the agency is asked").fill(QUESTION)
    page.get_by_label("Answer needed by").fill(f"{due:%d/%m/%Y}")
    page.get_by_role("button", name="Send the request").click()
    page.get_by_test_id("case-information-requests").get_by_role("link", name=QUESTION).click()
    page.get_by_test_id("withdraw-request").click()
    expect(page.get_by_role("heading", name="Withdraw the information request")).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name="Withdraw the request").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter why the request is withdrawn"
    )
    assert_no_violations(page)
    page.get_by_label("Why the request is withdrawn").fill("The file came with the referral")
    page.get_by_role("button", name="Withdraw the request").click()
    expect(page.get_by_role("alert")).to_contain_text("Request withdrawn")
    expect(page.get_by_test_id("request-status")).to_have_text("Withdrawn")
    expect(page.get_by_test_id("request-withdrawn")).to_contain_text("The file came with")
    assert_no_violations(page)

    page = sign_in("housing.officer")
    page.goto("/information-requests/")
    expect(page.get_by_role("link", name="John Paul Smith")).to_have_count(0)


def test_information_is_requested_at_screening_before_there_is_a_case(page, sign_in):
    """Issue 18: a person not on the register, a category 3 referral; the request belongs to the
    referral, is listed on the co-ordinator's list, and the agency sees what it needs."""
    referral = submitted(User.objects.get(username="probation.om"))
    due = timezone.localdate() + timedelta(days=10)
    page = sign_in("coordinator")
    page.goto(f"/referrals/{referral.id}/screen/")
    page.get_by_test_id("request-information-at-screening").click()
    expect(page.get_by_role("heading", name="Request information at screening")).to_be_visible()
    expect(page.get_by_test_id("at-screening-no-case")).to_contain_text("belongs to the referral")
    assert_no_violations(page)
    page.get_by_label("Agency asked").select_option(label="Housing authority")
    page.get_by_label("Co-operation under MAPPA", exact=False).check()
    page.get_by_label("Why the information is needed").fill("To decide whether to accept it")
    page.get_by_label("What the agency is asked").fill(QUESTION)
    page.get_by_label("Answer needed by").fill(f"{due:%d/%m/%Y}")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("alert")).to_contain_text("Information requested of Housing authority")

    page.goto("/information-requests/")
    page.get_by_test_id("requests-asked").get_by_role("link", name="Fenwick").click()
    expect(page.get_by_test_id("request-referral")).to_contain_text("Raised at screening")
    assert_no_violations(page)
