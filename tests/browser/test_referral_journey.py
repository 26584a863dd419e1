"""A referral from start to case: the journey issue 4 sets as its acceptance test.

housing.officer refers a person; the co-ordinator returns it for information, then accepts it
at level 2; probation.om sees the case with its next review due; outsider.police gets 404 for
the case and the referral.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

TEXT = {
    "Reason for referral": "Threats to neighbours since moving into the flat",
    "Index offence or offences": "Sexual assault",
    "Brief details of the offence": "Assault on a stranger",
    "Who is at risk": "Neighbours' children",
    "Nature of the harm": "Sexual harm",
    "Victim issues": "Previous victim lives nearby",
    "Diversity and needs": "None known",
    "Current risk management plan": "Police visits; ViSOR record",
    "What multi-agency input is needed": "Housing, police and children's services together",
}


def section(page, title):
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def save(page):
    page.get_by_role("button", name="Save and return to the task list").click()


def fill_in_referral(page):
    section(page, "Category and level")
    assert_no_violations(page)
    page.get_by_label("Level 2").check()
    page.get_by_label("Category 1: registered sexual offender").check()
    save(page)
    section(page, "Offender information")
    page.get_by_label("Forenames").fill("Mohammed")
    page.get_by_label("Surname").fill("Rahman")
    page.get_by_label("Ethnicity").fill("British Bangladeshi")
    save(page)
    section(page, "Conviction or caution")
    page.get_by_label("Sentence or disposal").fill("Community order")
    for label in ("Index offence or offences", "Brief details of the offence"):
        page.get_by_label(label).fill(TEXT[label])
    save(page)
    section(page, "Relevant dates")
    page.get_by_label("No", exact=True).check()
    save(page)
    section(page, "Detention in hospital")
    page.get_by_label("No", exact=True).check()
    save(page)
    section(page, "Reason for referral")
    page.get_by_label("Reason for referral").fill(TEXT["Reason for referral"])
    save(page)
    section(page, "Risk of serious harm")
    page.get_by_label("Who is at risk").fill(TEXT["Who is at risk"])
    page.get_by_label("Nature of the harm").fill(TEXT["Nature of the harm"])
    page.get_by_label("Imminent: could happen at any time").check()
    save(page)
    for title, label in [
        ("Victim issues", "Victim issues"),
        ("Diversity and needs", "Diversity and needs"),
        ("Current risk management plan", "Current risk management plan"),
        ("Multi-agency input needed", "What multi-agency input is needed"),
    ]:
        section(page, title)
        page.get_by_label(label).fill(TEXT[label])
        save(page)


def submit(page):
    page.get_by_role("link", name="Check and submit").click()
    assert_no_violations(page)
    page.get_by_role("button", name="Submit referral").click()
    expect(page.get_by_test_id("referral-status")).to_have_text("Submitted: awaiting screening")


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_a_referral_is_returned_then_accepted_and_the_case_is_seen_only_in_scope(sign_in):
    page = sign_in("housing.officer")
    page.get_by_role("link", name="Referrals", exact=True).click()
    page.get_by_role("button", name="Start a new referral").click()
    expect(page.get_by_test_id("task-list")).to_be_visible()
    assert_no_violations(page)
    fill_in_referral(page)
    submit(page)
    referral_url = page.url
    sign_out(page)

    page = sign_in("coordinator")
    page.get_by_role("link", name="Screening", exact=True).click()
    assert_no_violations(page)
    page.get_by_role("link", name="Mohammed Rahman").click()
    assert_no_violations(page)
    page.get_by_label("Return to the referrer for more information").check()
    page.get_by_label("What information is missing").fill("The date of birth and CRN")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_test_id("queue-empty")).to_be_visible()
    sign_out(page)

    page = sign_in("housing.officer")
    page.goto(referral_url)
    expect(page.get_by_test_id("returned-for")).to_contain_text("The date of birth and CRN")
    section(page, "Offender information")
    page.get_by_label("Date of birth").fill("14/2/1996")
    page.get_by_label("nDelius CRN").fill("X345678")
    save(page)
    submit(page)
    sign_out(page)

    page = sign_in("coordinator")
    page.get_by_role("link", name="Screening", exact=True).click()
    page.get_by_role("link", name="Mohammed Rahman").click()
    page.get_by_label("Mohammed Rahman, born 14 February 1996").check()
    page.get_by_label("Accept at level 2").check()
    page.get_by_label("Rationale").fill("Housing and children's services input is needed")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_test_id("queue-empty")).to_be_visible()
    sign_out(page)

    page = sign_in("probation.om")
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_label("Name or alias").fill("Mohammed Rahman")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Mohammed Rahman").click()
    timeline = page.get_by_test_id("case-timeline")
    expect(timeline).to_contain_text("Referred to level 2")
    expect(timeline).to_contain_text("Screening: accept at level 2")
    page.get_by_test_id("case-link").click()
    case_url = page.url
    due = timezone.localdate() + timedelta(weeks=settings.MAPPA_REVIEW_INTERVAL_WEEKS[2])
    expect(page.locator("main")).to_contain_text(f"{due:%-d %B %Y}")
    expect(page.locator("main")).to_contain_text("Level 2")
    assert_no_violations(page)
    sign_out(page)

    page = sign_in("outsider.police")
    for url in (case_url, referral_url):
        response = page.goto(url)
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
