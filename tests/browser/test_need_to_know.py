"""Need to know in the browser (issue 16, items 1 and 2).

Another area adding a DEMO person's PNC is told only that the record was passed to the MAPPA
co-ordinators; the DEMO co-ordinator opens the e-mailed link and decides. An action's named
owner sees the case while the action is open, and not once it is completed.
"""

import urllib.request
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from mappa.actions import services as actions
from mappa.cases.models import MappaCase
from mappa.people.models import Nominal

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

SMITH_PNC = "2019/0012345X"  # John Paul Smith, on the DEMO register


@pytest.fixture(autouse=True)
def warm(live_server):
    """Load the site once before the browser does: on a busy machine the first request (which
    imports the whole URL table) can take longer than a browser step is given."""
    urllib.request.urlopen(f"{live_server.url}/sign-in/", timeout=120).read()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def test_another_area_adding_a_demo_pnc_is_passed_to_the_demo_coordinators(
    sign_in, live_server, settings
):
    settings.MAPPA_SITE_URL = live_server.url
    page = sign_in("outsider.police")
    page.goto("/people/add/")
    page.get_by_label("Forenames").fill("Aaron")
    page.get_by_label("Surname").fill("Okafor")
    page.get_by_label("PNC ID").fill(SMITH_PNC)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Passed to the MAPPA co-ordinators")
    main = page.locator("main")
    expect(main).not_to_contain_text("already on the register")
    expect(main).not_to_contain_text(SMITH_PNC)
    expect(main).not_to_contain_text("Smith")
    assert_no_violations(page)
    assert not Nominal.objects.filter(surname="Okafor").exists()
    sign_out(page)

    notice = next(m for m in mail.outbox if "same identifier" in m.subject)
    assert SMITH_PNC not in notice.body and "Okafor" not in notice.body
    link = next(word for word in notice.body.split() if word.startswith(live_server.url))
    page = sign_in("coordinator")
    page.goto(link.removeprefix(live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Held addition")
    expect(page.get_by_test_id("submitted")).to_contain_text("Aaron Okafor")
    expect(page.get_by_test_id("matches")).to_contain_text("John Paul Smith")
    assert_no_violations(page)

    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select is this the same person")
    assert_no_violations(page)
    page.get_by_label("No, not the same person").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_test_id("decision")).to_contain_text("Not the same person")
    assert_no_violations(page)
    page.get_by_role("link", name="Back to held additions").click()
    expect(page.get_by_test_id("held-additions")).to_contain_text("Not the same person")
    assert_no_violations(page)
    sign_out(page)

    added = Nominal.objects.get(surname="Okafor")
    assert (added.area.code, added.pnc) == ("OTHER", None)
    page = sign_in("outsider.police")
    page.goto(f"/people/{added.id}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aaron Okafor")


def test_the_named_owner_sees_the_case_while_the_action_is_open_and_not_after(
    sign_in, demo_personas
):
    case = MappaCase.objects.get(nominal__crn="X123456")
    officer = demo_personas["housing.officer"]
    action = actions.create_action(
        actor=demo_personas["coordinator"],
        case=case,
        description="Check the tenancy for children visiting",
        owner_agency=officer.agency,
        owner_user=officer,
        due_on=timezone.localdate() + timedelta(days=14),
    )
    page = sign_in("coordinator")
    page.goto(f"/cases/{case.id}/")
    grants = page.get_by_test_id("access-grants")
    expect(grants).to_contain_text(officer.display_name)
    expect(grants).not_to_contain_text("No end date")
    sign_out(page)

    page = sign_in("housing.officer")
    assert page.goto(f"/cases/{case.id}/").status == 200
    expect(page.get_by_test_id("case-title")).to_have_text("MAPPA case: John Paul Smith")
    assert_no_violations(page)
    page.goto(f"/actions/{action.id}/")
    page.get_by_label("Update").fill("Tenancy checked: no children visit")
    page.get_by_label("Yes, it is completed").check()
    page.get_by_role("button", name="Save the update").click()
    assert_no_violations(page)

    response = page.goto(f"/cases/{case.id}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_another_area_changing_its_own_persons_pnc_to_a_demo_one_is_passed_to_the_coordinators(
    sign_in, live_server, settings
):
    settings.MAPPA_SITE_URL = live_server.url
    turner = Nominal.objects.get(crn="X678901")  # Lee Turner, on the OTHER register
    page = sign_in("outsider.police")
    page.goto(f"/people/{turner.id}/identity/")
    page.get_by_label("Surname").fill("Turner-Jones")
    page.get_by_label("PNC ID").fill(SMITH_PNC)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Passed to the MAPPA co-ordinators")
    main = page.locator("main")
    expect(main).to_contain_text("Your change has not been made yet")
    expect(main).not_to_contain_text("already on the register")
    expect(main).not_to_contain_text(SMITH_PNC)
    expect(main).not_to_contain_text("Smith")
    assert_no_violations(page)
    turner.refresh_from_db()
    assert (turner.surname, turner.pnc) == ("Turner", "2012/0999999B")
    sign_out(page)

    notice = next(m for m in mail.outbox if "same identifier" in m.subject)
    assert SMITH_PNC not in notice.body and "Turner" not in notice.body
    link = next(word for word in notice.body.split() if word.startswith(live_server.url))
    page = sign_in("coordinator")
    page.goto(link.removeprefix(live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Held change")
    expect(page.get_by_test_id("matches")).to_contain_text("John Paul Smith")
    assert_no_violations(page)
    page.get_by_label("No, not the same person").check()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_test_id("decision")).to_contain_text("Not the same person")
    assert_no_violations(page)
    sign_out(page)

    turner.refresh_from_db()
    assert (turner.surname, turner.pnc) == ("Turner-Jones", "2012/0999999B")
