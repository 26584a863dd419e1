"""A potentially dangerous person in the browser (issue 18, PDP): police.ppu proposes managing a
person as a PDP from the person page, records the decision with their rank, the co-ordinator
puts the PDP on a meeting's agenda and agrees an action; a conviction makes the person eligible
and the co-ordinator moves the case into MAPPA. axe on every page."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.agencies.models import Agency, Area, User
from mappa.cases.models import MappaCase
from mappa.cases.services import pdp
from mappa.cases.tests.factories import convict
from mappa.meetings.models import Meeting
from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


@pytest.fixture
def pat(demo_personas):
    """A person with no case and no conviction, and a planned level 2 meeting next week."""
    area = Area.objects.get(code="DEMO")
    Meeting.objects.create(
        area=area, level=2, date=timezone.localdate() + timedelta(days=7), start_time=time(10),
        end_time=time(13), status="planned", created_by=User.objects.get(username="coordinator"),
        created_at=timezone.now(),
    )  # fmt: skip
    return Nominal.objects.create(
        area=area, forenames="Pat", surname="Doe", crn="P123456", date_of_birth=date(1990, 1, 1)
    )


def test_a_pdp_is_proposed_decided_listed_given_an_action_and_moved_into_mappa(sign_in, pat):
    today = f"{timezone.localdate():%d/%m/%Y}"
    page = sign_in("police.ppu")
    page.goto(f"/people/{pat.id}/")
    page.get_by_role("link", name="Propose managing as a potentially dangerous person").click()
    expect(
        page.get_by_role("heading", name="Propose managing as a potentially dangerous person")
    ).to_be_visible()
    assert_no_violations(page)
    page.get_by_role("button", name="Propose").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("reasonable grounds")
    assert_no_violations(page)
    page.get_by_label("What behaviour gives the grounds?").fill(
        "Repeated threats to kill a former partner; a knife found at her address"
    )
    page.get_by_role("button", name="Propose").click()
    expect(page.get_by_test_id("case-title")).to_have_text(
        "Potentially dangerous person (not MAPPA): Pat Doe"
    )
    expect(page.get_by_test_id("pdp-status")).to_contain_text("awaiting the police decision")
    assert_no_violations(page)

    page.get_by_role("link", name="Record the decision").click()
    page.get_by_label("Yes").check()
    page.get_by_label("Rationale").fill("Present likelihood of serious harm to the former partner")
    page.get_by_label("Date of the decision").fill(today)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select your rank")
    assert_no_violations(page)
    page.get_by_label("Your rank").select_option(label="Inspector")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("The first review is due by")
    steps = page.get_by_test_id("pdp-steps")
    expect(steps).to_contain_text("Decided: manage as a potentially dangerous person")
    expect(steps).to_contain_text("Dana Whitfield, Inspector, Police")
    assert_no_violations(page)
    sign_out(page)

    page = sign_in("coordinator")
    meeting = Meeting.objects.get(area__code="DEMO", status="planned", agenda__isnull=True)
    page.goto(f"/meetings/{meeting.id}/")
    page.get_by_role("link", name="Add an urgent case").click()
    page.get_by_label("Case").select_option(
        label="Pat Doe (Potentially dangerous person (not MAPPA))"
    )
    page.get_by_label("Why it cannot wait for its next review").fill("Threats this week")
    assert_no_violations(page)
    page.get_by_role("button", name="Add to the agenda").click()
    agenda = page.get_by_test_id("agenda")
    expect(agenda).to_contain_text("Pat Doe")
    expect(agenda.get_by_test_id("pdp-tag")).to_have_text(
        "Potentially dangerous person (not MAPPA)"
    )
    assert_no_violations(page)

    case = MappaCase.objects.get(nominal=pat)
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Agree an action").click()
    page.get_by_label("What is to be done").fill("Visit the former partner with a safety plan")
    page.get_by_label("Owning agency").select_option(label="Police")
    page.get_by_label("Due by").fill(f"{timezone.localdate() + timedelta(days=14):%d/%m/%Y}")
    assert_no_violations(page)
    page.get_by_role("button", name="Agree the action").click()
    page.goto(f"/cases/{case.id}/")
    expect(page.locator("body")).to_contain_text("Visit the former partner with a safety plan")
    expect(page.get_by_test_id("mappa-route")).to_have_count(0)

    convict(pat)  # convicted and sentenced: category 1
    page.reload()
    route = page.get_by_test_id("mappa-route")
    expect(route).to_contain_text("eligible for MAPPA: category 1")
    assert_no_violations(page)
    page.get_by_role("link", name="Manage under MAPPA").click()
    expect(page.get_by_role("heading", name="Manage under MAPPA")).to_be_visible()
    assert_no_violations(page)
    page.get_by_label("Level 2").check()
    page.get_by_label("Referral screening").check()
    page.get_by_label("Date of the decision").fill(today)
    page.get_by_label("Why was this level decided?").fill(
        "Convicted of a category 1 offence: multi-agency management needed"
    )
    page.get_by_role("button", name="Manage under MAPPA").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Now managed under MAPPA: category 1, level 2"
    )
    expect(page.get_by_test_id("case-title")).to_have_text("MAPPA case: Pat Doe")
    expect(page.get_by_test_id("case-summary")).to_contain_text("Category 1")
    expect(page.get_by_test_id("pdp-steps")).to_contain_text("Moved into MAPPA")
    expect(page.get_by_test_id("level-history")).to_contain_text("Level 2")
    assert_no_violations(page)
    police = Agency.objects.get(area__code="DEMO", name="Police")
    assert case.actions.get().owner_agency == police


def test_a_pdp_review_and_an_eligible_person_refused(sign_in, pat):
    ppu = User.objects.get(username="police.ppu")
    case = pdp.propose(
        actor=ppu, nominal=pat, version=pat.version,
        eligibility=for_nominal(pat, timezone.localdate()), grounds="Threats to kill",
    )  # fmt: skip
    pat.refresh_from_db()
    pdp.decide(
        actor=ppu, case=case, version=pat.version,
        eligibility=for_nominal(pat, timezone.localdate()), manage=True, rank="inspector",
        rationale="Present likelihood", decided_on=timezone.localdate(),
    )  # fmt: skip
    page = sign_in("police.ppu")
    expect(page.get_by_test_id("pdp-tag").first).to_be_visible()
    assert_no_violations(page)
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="Record a PDP review").click()
    page.get_by_role("button", name="Record the review").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select your rank")
    assert_no_violations(page)
    page.get_by_label("Yes").check()
    page.get_by_label("Your rank").select_option(label="Chief Inspector")
    page.get_by_label("Rationale").fill("Threats continue")
    page.get_by_label("Date of the review").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_role("alert")).to_contain_text("The next review is due by")
    expect(page.get_by_test_id("pdp-steps")).to_contain_text("Reviewed: continue")

    other = Nominal.objects.create(area=pat.area, forenames="Sam", surname="Roe", crn="P654321")
    convict(other)
    page.goto(f"/people/{other.id}/")
    expect(page.get_by_test_id("pdp-refused")).to_contain_text("eligible for MAPPA (category 1)")
    assert_no_violations(page)
    page.goto(f"/people/{other.id}/pdp/propose/")
    expect(page.get_by_test_id("pdp-refused")).to_contain_text("cannot be managed")
    expect(page.get_by_role("link", name="Refer them to MAPPA")).to_be_visible()
    assert_no_violations(page)
