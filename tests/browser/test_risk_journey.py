"""Recording risk in the browser: a RoSH assessment, a plan and an exclusion zone (issue 5).

probation.om records a RoSH assessment and the first risk management plan for John Paul Smith,
adds an exclusion zone around High Street, Bedford (a bad polygon first), then records an
address on that street and sees it flagged on his page. axe-core checks every page on the way.
"""

import json

import pytest
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.risk.tests.records import HIGH_STREET_BEDFORD, ON_HIGH_STREET

from .axe import assert_no_violations

pytestmark = pytest.mark.browser

RATINGS = {
    "Risk to children in the community": "High",
    "Risk to the public in the community": "Medium",
    "Risk to a known adult in the community": "High",
    "Risk to staff in the community": "Low",
}

PLAN = {
    "Supervision": "Weekly office reporting to probation\nPolice home visits every month",
    "Monitoring and control": "Licence conditions\nViSOR record kept up to date",
    "Interventions and treatment": "Horizon programme",
    "Victim safety planning": "Target hardening at the victim's home",
    "Victim Liaison Officer's input": "The victim has asked to be kept informed",
    "The victim's wishes on licence conditions": "No contact; exclusion from High Street",
    "Contingency": "Recall if he enters the exclusion zone",
}

BOW_TIE = {
    "type": "Polygon",
    "coordinates": [
        [[-0.4672, 52.1352], [-0.4658, 52.1391], [-0.4658, 52.1352], [-0.4672, 52.1391]]
        + [[-0.4672, 52.1352]]
    ],
}


def record_assessment(page):
    page.get_by_role("link", name="Record a RoSH assessment").click()
    assert_no_violations(page)
    for group, level in RATINGS.items():
        page.get_by_role("group", name=group).get_by_label(level, exact=True).check()
    page.get_by_role("group", name="Is the person in custody?").get_by_label("No").check()
    page.get_by_label("Who is at risk").fill("Girls aged 12 to 16 in the neighbourhood")
    page.get_by_label("Nature of the harm").fill("Sexual assault")
    page.get_by_label("Not imminent").check()
    page.get_by_label("Factors likely to increase the risk").fill("Alcohol; losing his home")
    page.get_by_label("Factors likely to reduce the risk").fill("Stable home; supervision")
    page.get_by_label("OASys (Offender Assessment System)").check()
    page.get_by_label("RM2000 (Risk Matrix 2000)").check()
    page.get_by_role("button", name="Record the assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("RoSH assessment recorded")
    expect(page.get_by_test_id("rosh-overall")).to_have_text("High")
    expect(page.get_by_test_id("rosh-history")).to_contain_text("OASys")
    assert_no_violations(page)


def write_plan(page):
    page.get_by_role("link", name="Risk management plan", exact=True).click()
    page.get_by_role("link", name="Write the plan").click()
    assert_no_violations(page)
    for label, text in PLAN.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_role("alert")).to_contain_text("Version 1 of the plan saved")
    expect(page.get_by_test_id("plan-supervision")).to_contain_text("Police home visits")
    expect(page.get_by_test_id("plan-victim_safety_planning")).to_contain_text(
        "exclusion from High Street"
    )


def add_exclusion_zone(page):
    page.get_by_role("link", name="Licence conditions", exact=True).click()
    page.get_by_role("link", name="Add a licence condition").click()
    page.get_by_label("Exclusion zone").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Starts on").fill("1/6/2025")
    page.get_by_label("Describe the zone in words").fill("High Street, Bedford")
    page.get_by_label("Boundary of the zone (GeoJSON)").fill(json.dumps(BOW_TIE))
    page.get_by_role("button", name="Record the condition").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("the boundary crosses itself")
    assert_no_violations(page)
    page.get_by_label("Boundary of the zone (GeoJSON)").fill(json.dumps(HIGH_STREET_BEDFORD))
    page.get_by_role("button", name="Record the condition").click()
    expect(page.get_by_test_id("current-conditions")).to_contain_text(
        "Not to enter: High Street, Bedford"
    )


def test_a_practitioner_records_risk_and_an_address_in_the_zone_is_flagged(sign_in):
    page = sign_in("probation.om")
    case = MappaCase.objects.get(nominal__crn="X123456")
    page.goto(f"/cases/{case.id}/")
    page.get_by_role("link", name="View risk of serious harm assessments").click()
    expect(page.get_by_test_id("no-assessment")).to_be_visible()
    record_assessment(page)

    write_plan(page)
    assert_no_violations(page)  # the plan page

    add_exclusion_zone(page)
    assert_no_violations(page)  # the conditions page

    page.goto(f"/people/{case.nominal_id}/address/")
    page.get_by_label("Home", exact=True).check()
    page.get_by_label("Address line 1").fill("41 High Street")
    page.get_by_label("Town or city").fill("Bedford")
    page.get_by_label("Latitude").fill(str(ON_HIGH_STREET["latitude"]))
    page.get_by_label("Longitude").fill(str(ON_HIGH_STREET["longitude"]))
    page.get_by_role("button", name="Save").click()
    warning = page.get_by_test_id("zone-warning")
    expect(warning).to_contain_text("41 High Street, Bedford")
    expect(warning).to_contain_text("inside the exclusion zone “High Street, Bedford”")
    expect(page.get_by_test_id("person-rosh")).to_contain_text("High")
    assert_no_violations(page)
