"""MARAC from DASH to meeting: the journey issue 8 sets as its acceptance test.

police.ppu completes a DASH with 15 "yes" answers about a perpetrator who is a MAPPA nominal;
the MARAC referral exists without re-entering anything; marac.coordinator lists it on the next
meeting's agenda and asks housing for research; housing.officer answers before the deadline and
the RAG turns green; the MAPPA link is raised and both co-ordinators see it; outsider.police gets
404 for the victim's record. axe checks each kind of page.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.marac.checklist import PAGES, questions_between
from mappa.marac.services import meetings
from mappa.marac.tests.dashes import CHILD, referred

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

YES = 15


def save(page):
    page.get_by_role("button", name="Save and return to the task list").click()


def task(page, title):
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def complete_the_dash(page):
    page.get_by_role("link", name="MARAC", exact=True).click()
    assert_no_violations(page)
    page.get_by_role("button", name="Complete a DASH risk checklist").click()
    expect(page.get_by_test_id("task-list")).to_be_visible()
    assert_no_violations(page)

    task(page, "The victim")
    page.get_by_label("Forenames").fill("Nadia")
    page.get_by_label("Surname").fill("Brooks")
    page.get_by_label("Date of birth").fill("9/4/1991")
    page.get_by_label("Safe contact details").fill("Mobile 07700 900123, weekdays 9 to 3")
    save(page)

    task(page, "The perpetrator")
    page.get_by_label("Forenames").fill("John Paul")
    page.get_by_label("Surname").fill("Smith")
    page.get_by_label("Partner", exact=True).check()
    page.get_by_label("nDelius CRN").fill("X123456")
    save(page)

    task(page, "Children in the household")
    assert_no_violations(page)
    page.get_by_label("Child's full name").fill("Amy Brooks")
    page.get_by_label("Child of the victim and the perpetrator").check()
    page.get_by_role("button", name="Add the child").click()
    expect(page.get_by_test_id("children")).to_contain_text("Amy Brooks")
    save(page)

    for first, last in PAGES:
        task(page, f"Questions {first} to {last}")
        if first == 1:
            assert_no_violations(page)
        for question in questions_between(first, last):
            group = page.get_by_role("group", name=f"{question.number}. {question.text}")
            group.get_by_label("Yes" if question.number <= YES else "No", exact=True).check()
        save(page)

    task(page, "Incident, call-outs and judgement")
    incident = timezone.localdate() - timedelta(days=1)
    page.get_by_label("Date of the current incident").fill(f"{incident:%d/%m/%Y}")
    page.get_by_role("group", name="Are you referring on professional judgement?").get_by_label(
        "No", exact=True
    ).check()
    save(page)

    page.get_by_role("link", name="Check and complete").click()
    expect(page.get_by_test_id("dash-score")).to_contain_text('15 "yes" answers of 24')
    expect(page.get_by_test_id("criteria-met")).to_contain_text("Visible high risk")
    assert_no_violations(page)
    page.get_by_role("button", name="Complete and refer to MARAC").click()


def test_a_dash_becomes_a_marac_case_heard_with_research_and_linked_to_mappa(sign_in, live_server):
    page = sign_in("police.ppu")
    complete_the_dash(page)
    # The referral exists, made from the DASH: nothing was typed again.
    expect(page.get_by_test_id("victim-name")).to_have_text("Nadia Brooks")
    expect(page.get_by_test_id("case-criteria")).to_have_text("Visible high risk")
    expect(page.get_by_test_id("case-status")).to_have_text("Referred: waiting to be listed")
    expect(page.get_by_test_id("mappa-link")).to_contain_text("nDelius CRN X123456")
    assert_no_violations(page)
    page.get_by_test_id("victim-record").click()
    victim_url = page.url
    expect(page.get_by_test_id("victim-name")).to_have_text("Nadia Brooks")
    assert_no_violations(page)
    sign_out(page)

    page = sign_in("marac.coordinator")
    expect(page.get_by_test_id("marac-queue-panel")).to_contain_text("1 referral waiting")
    page.get_by_role("link", name="MARAC", exact=True).click()
    page.get_by_role("link", name="MARAC meetings").click()
    first = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Date of the first meeting").fill(f"{first:%d/%m/%Y}")
    page.get_by_label("Every 2 weeks").check()
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Venue").fill("Police headquarters")
    page.get_by_label("How many meetings to add").fill("3")
    assert_no_violations(page)
    page.get_by_role("button", name="Schedule meetings").click()
    expect(page.get_by_test_id("marac-meetings")).to_contain_text(f"{first:%A %-d %B %Y}")

    page.get_by_role("link", name="MARAC", exact=True).click()
    page.get_by_role("link", name="MARAC referrals waiting to be listed").click()
    queue = page.get_by_test_id("marac-queue")
    expect(queue).to_contain_text("Nadia Brooks")
    expect(queue).to_contain_text("MAPPA nominal")
    assert_no_violations(page)
    page.get_by_role("button", name="List at the next meeting for Nadia Brooks").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{first:%A %-d %B %Y}")
    expect(page.get_by_test_id("marac-agenda")).to_contain_text("Nadia Brooks")
    assert_no_violations(page)

    page.get_by_role("link", name="Ask agencies for research about Nadia Brooks").click()
    page.get_by_label("Housing authority").check()
    assert_no_violations(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("rag-housing-authority")).to_have_text("Awaiting response")
    meeting_url = page.url
    sign_out(page)

    page = sign_in("housing.officer")
    page.get_by_role("link", name="MARAC", exact=True).click()
    research = page.get_by_test_id("research-for-agency")
    deadline = first - timedelta(days=2)
    expect(research).to_contain_text(f"{deadline:%-d %B %Y}")
    research.get_by_role("link", name="Nadia Brooks").click()
    assert_no_violations(page)
    page.get_by_label("What your agency knows").fill(
        "Joint tenants since 2019; two reports of shouting in 2026; no other involvement"
    )
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_test_id("rag-housing-authority")).to_have_text("Answered")
    sign_out(page)

    page = sign_in("marac.coordinator")
    page.goto(meeting_url)
    expect(page.get_by_test_id("rag-housing-authority")).to_have_text("Answered")
    page.get_by_role("link", name="Nadia Brooks", exact=True).click()
    expect(page.get_by_test_id("mappa-link")).to_contain_text("The MAPPA co-ordinator was alerted")
    expect(page.get_by_test_id("research")).to_contain_text("Joint tenants since 2019")
    sign_out(page)

    # The MAPPA co-ordinator sees the link on the perpetrator's MAPPA case, not the victim.
    page = sign_in("coordinator")
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_label("Name or alias").fill("John Paul Smith")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="John Paul Smith").click()
    expect(page.get_by_test_id("marac-link").first).to_contain_text("perpetrator in a MARAC case")
    page.get_by_test_id("case-link").click()
    link = page.get_by_test_id("marac-link")
    expect(link).to_contain_text("perpetrator in a MARAC case")
    expect(page.locator("main")).not_to_contain_text("Nadia")
    assert_no_violations(page)
    response = page.goto(victim_url)
    assert response.status == 403
    sign_out(page)

    page = sign_in("outsider.police")
    response = page.goto(victim_url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_the_coordinators_case_work_pages_are_accessible(sign_in, demo_personas):
    users = demo_personas
    case = referred(users["police.ppu"], perpetrator={"crn": "X123456"}, children=[CHILD])
    coordinator = users["marac.coordinator"]
    meeting = meetings.schedule_meetings(
        actor=coordinator,
        first_on=timezone.localdate(),
        start_time=time(10),
        end_time=time(13),
        count=1,
    )[0]
    meetings.list_case(actor=coordinator, case=case, meeting=meeting)

    page = sign_in("marac.coordinator")
    page.goto(f"/marac/cases/{case.id}/")
    page.get_by_role("link", name="Change the IDVA").click()
    assert_no_violations(page)
    page.get_by_label("IDVA's name").fill("Sam Okafor")
    page.get_by_label("Organisation").fill("Demoshire Women's Aid")
    page.get_by_label("Date allocated").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("idva")).to_contain_text("Sam Okafor, Demoshire Women's Aid")

    page.get_by_role("link", name="Record information shared").click()
    assert_no_violations(page)
    page.get_by_label("Agency").select_option(label="Mental health trust")
    page.get_by_label("Information shared").fill("Victim sees her GP weekly")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("information-shared")).to_contain_text("Victim sees her GP weekly")

    page.get_by_role("link", name="Agree an action").click()
    assert_no_violations(page)
    page.get_by_label("What is to be done").fill("Fit a panic alarm")
    page.get_by_label("Agency that owns the action").select_option(label="Police")
    due = timezone.localdate() + timedelta(days=7)
    page.get_by_label("Due date").fill(f"{due:%d/%m/%Y}")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("marac-actions")).to_contain_text("Fit a panic alarm")

    page.get_by_role("link", name="Write the safety plan").click()
    assert_no_violations(page)
    page.get_by_label("Safety measures agreed").fill("Locks changed; panic alarm; safe word")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("safety-plan")).to_contain_text("panic alarm")

    page.get_by_role("link", name="Share a fact with MAPPA").click()
    assert_no_violations(page)
    page.get_by_label("Fact to share with the MAPPA case").fill("Non-molestation order in force")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("shared-facts")).to_contain_text("Non-molestation order")

    page.get_by_role("button", name="Record as heard").click()
    expect(page.get_by_test_id("case-status")).to_have_text("Heard at MARAC")
    assert_no_violations(page)
    page.get_by_test_id("victim-record").click()
    assert_no_violations(page)

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="MARAC").click()
    page.get_by_role("link", name="Statistics").click()
    expect(page.get_by_test_id("marac-statistics")).to_contain_text("Cases heard")
    assert_no_violations(page)
    page.get_by_role("link", name="Dashboard", exact=True).click()
    assert_no_violations(page)
    sign_out(page)

    # police.ppu is in both: the MARAC and MAPPA actions side by side on the MAPPA case.
    page = sign_in("police.ppu")
    page.goto(f"/cases/{case.mappa_links.get().mappa_case_id}/")
    expect(page.get_by_test_id("actions-side-by-side")).to_contain_text("Fit a panic alarm")
    expect(page.get_by_test_id("facts-from-marac")).to_contain_text("Non-molestation order")
    assert_no_violations(page)
