"""A whole level 2 meeting in the browser (issue 5, done-when).

The co-ordinator arranges a level 2 meeting for today, builds its agenda from the reviews due,
names chair.police as its chair and invites housing.officer to Kieran Walsh's review;
housing.officer sees only that case and "Restricted" for the other. On the day chair.police
records attendance and the statement, records the meeting as held, starts the minutes, records
a RoSH assessment and a plan with an exclusion zone (risk pages), agrees two actions, records a
disclosure decision and the next review date (a date past 16 weeks refused first), and
approves the minutes (refused first while a case lacks its disclosure decision). The
co-ordinator circulates them; housing.officer reads them and downloads the PDF, which carries
the marking and their name on every page. axe-core checks the agenda, minutes and plan pages.
"""

import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase

from .axe import assert_no_violations
from .test_risk_journey import add_exclusion_zone, record_assessment, write_plan

pytestmark = pytest.mark.browser


def day(when) -> str:
    return when.strftime("%d/%m/%Y")


@pytest.fixture
def reviews_due(demo_personas):
    """Two level 2 reviews due (Kieran Walsh overdue); every other case a year away."""
    today = timezone.localdate()
    MappaCase.objects.update(next_review_due=today + timedelta(weeks=52))
    MappaCase.objects.filter(nominal__crn="X456789").update(
        next_review_due=today - timedelta(days=3)
    )
    MappaCase.objects.filter(nominal__crn="X123456").update(next_review_due=today)


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def arrange_and_invite(page) -> str:
    page.get_by_role("link", name="Meetings", exact=True).click()
    page.get_by_role("link", name="Arrange a single meeting").click()
    page.get_by_label("Level 2").check()
    page.get_by_label("Date").fill(day(timezone.localdate()))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Venue").fill("Probation head office")
    page.get_by_role("button", name="Arrange the meeting").click()
    page.get_by_role("button", name="Build the agenda from what is due").click()
    expect(page.get_by_test_id("agenda").get_by_test_id("agenda-item")).to_have_count(2)
    assert_no_violations(page)  # the agenda
    meeting_url = page.url
    page.get_by_role("link", name="Change details and chairs").click()
    page.get_by_label("Chair's account", exact=True).select_option(
        label="Gareth Evans, Detective Inspector"
    )
    page.get_by_role("button", name="Save the details").click()
    page.get_by_role("link", name="Invite people to discuss Kieran Walsh").click()
    page.get_by_label("A named person").select_option(label="Imran Malik, Housing authority")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("Imran Malik")
    return meeting_url


def record_the_day(page, meeting_url):
    page.goto(meeting_url)
    page.get_by_role("link", name="Record attendance").click()
    page.get_by_test_id("invitees").get_by_role("button", name="Attended").click()
    expect(page.get_by_test_id("attendance")).to_contain_text("Housing authority")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Record the meeting as held").click()
    page.get_by_test_id("minutes-link").click()
    page.get_by_role("button", name="Start the minutes").click()
    expect(page.get_by_test_id("minutes-case")).to_have_count(2)


def record_risk(page):
    page.get_by_role("link", name="Risk of serious harm of Kieran Walsh").click()
    record_assessment(page)
    write_plan(page)
    assert_no_violations(page)  # the plan page
    add_exclusion_zone(page)


def agree_action(page, description, agency, owner, due):
    page.get_by_role("link", name="Agree an action for Kieran Walsh").click()
    page.get_by_label("What is to be done").fill(description)
    page.get_by_label("Owning agency").select_option(label=agency)
    page.get_by_label("Named owner").select_option(label=owner)
    page.get_by_label("Due by").fill(day(due))
    page.get_by_role("button", name="Agree the action").click()
    expect(page.get_by_role("alert")).to_contain_text("Action agreed")


def disclose(page, today):
    page.get_by_role("link", name="Record the disclosure decision for Kieran Walsh").click()
    page.get_by_label("Disclose", exact=True).check()
    page.get_by_label("Reasons for the decision").fill("His new landlord houses families")
    page.get_by_label("To whom").fill("Mr Patel, landlord of 41 Mill Lane")
    page.get_by_label("Their relationship to the risk").select_option(
        label="Landlord or housing provider"
    )
    page.get_by_label("What is to be disclosed").fill("His conviction and licence conditions")
    page.get_by_label("The risk the disclosure protects against").fill("Violence to tenants")
    page.get_by_label("Who will disclose").fill("DC Whitfield")
    page.get_by_label("In person").check()
    page.get_by_label("Disclose by").fill(day(today + timedelta(days=7)))
    page.get_by_role("button", name="Record the disclosure decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Disclosure decision recorded")


def decide(page, name, review_on):
    page.get_by_role("link", name=f"Record the decision for {name}").click()
    page.get_by_label("The level stays the same").check()
    page.get_by_label("Rationale for the decision").fill("Risk managed by the plan")
    page.get_by_label("Date of the next review").fill(day(review_on))
    page.get_by_role("button", name="Record the decision").click()


def test_a_whole_level_2_meeting(sign_in, reviews_due, tmp_path):
    today = timezone.localdate()
    page = sign_in("coordinator")
    meeting_url = arrange_and_invite(page)
    sign_out(page)

    page = sign_in("housing.officer")
    page.goto(meeting_url)
    agenda = page.get_by_test_id("agenda")
    expect(agenda).to_contain_text("Kieran Walsh")
    expect(agenda).not_to_contain_text("John Paul Smith")
    expect(agenda.get_by_test_id("restricted")).to_have_text("Restricted")
    assert_no_violations(page)  # the agenda as an invitee sees it
    sign_out(page)

    page = sign_in("chair.police")
    record_the_day(page, meeting_url)
    minutes_url = page.url
    assert_no_violations(page)  # the draft minutes
    record_risk(page)
    page.goto(minutes_url)
    expect(page.get_by_test_id("minutes-risk").first).to_contain_text("High")
    expect(page.get_by_test_id("minutes-plan").first).to_contain_text("Plan version 1")
    agree_action(
        page,
        "Find move-on accommodation outside the exclusion zone",
        "Housing authority",
        "Imran Malik, Housing authority",
        today + timedelta(days=28),
    )
    agree_action(
        page,
        "Home visit to check the licence conditions",
        "Probation",
        "Tom Adeyemi, Probation",
        today + timedelta(days=14),
    )
    expect(page.get_by_test_id("new-actions").first).to_contain_text("Home visit")
    disclose(page, today)

    decide(page, "Kieran Walsh", today + timedelta(weeks=17))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "must be no more than 16 weeks after the meeting"
    )
    assert_no_violations(page)  # the decision form with its error
    page.get_by_label("Date of the next review").fill(day(today + timedelta(weeks=12)))
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("Decision recorded")

    decide(page, "John Paul Smith", today + timedelta(weeks=16))
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.get_by_test_id("approval-problems")).to_contain_text(
        "Record whether to disclose information about John Paul Smith"
    )
    page.get_by_role("link", name="Record the disclosure decision for John Paul Smith").click()
    page.get_by_label("Do not disclose").check()
    page.get_by_label("Reasons for the decision").fill("No third party at risk identified")
    page.get_by_role("button", name="Record the disclosure decision").click()
    page.get_by_role("button", name="Approve the minutes").click()
    expect(page.get_by_role("alert")).to_contain_text("Minutes approved")
    expect(page.get_by_test_id("approved")).to_contain_text("Gareth Evans")
    assert_no_violations(page)  # the approved minutes
    sign_out(page)

    page = sign_in("coordinator")
    page.goto(minutes_url)
    page.get_by_role("button", name="Circulate the minutes").click()
    expect(page.get_by_test_id("circulation")).to_contain_text("Imran Malik")
    assert_no_violations(page)  # the circulation page
    sign_out(page)

    page = sign_in("housing.officer")
    page.goto(minutes_url)
    expect(page.get_by_test_id("minutes-case").first).to_contain_text("Kieran Walsh")
    expect(page.locator("body")).not_to_contain_text("John Paul Smith")
    expect(page.get_by_test_id("restricted")).to_have_count(1)
    expect(page.get_by_test_id("minutes-disclosure")).to_contain_text("Mr Patel")
    assert_no_violations(page)  # the minutes as an invitee reads them
    response = page.request.get(minutes_url + "minutes.pdf")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    check_pdf(response.body(), tmp_path)


def check_pdf(document: bytes, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(document)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert pages
    for number, page_text in enumerate(pages, 1):
        assert "OFFICIAL-SENSITIVE" in page_text, f"page {number} lacks the marking"
        assert "Issued to Imran Malik, Housing authority" in page_text, f"page {number}"
    assert "Kieran Walsh" in text and "John Paul Smith" not in text
