"""Exclusion zones over time, the zone map and the offence picker in the browser (issue 16,
items 4, 15 and 16).

probation.om records a proposed release address inside a zone that starts on the release date
and is warned on the person page; draws a zone on the map (no tile server: a plain
background, no network); and finds an offence by typing its name. axe-core checks each page,
and no page breaks the Content-Security-Policy.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.risk.tests.records import HIGH_STREET_BEDFORD, ON_HIGH_STREET

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def watch_console(page) -> list[str]:
    """Console errors (a Content-Security-Policy refusal among them) and script errors."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def add_zone(page, case, *, starts_on, boundary=None):
    page.goto(f"/cases/{case.id}/risk/conditions/")
    page.get_by_role("link", name="Add a licence condition").click()
    page.get_by_label("Exclusion zone").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Starts on").fill(f"{starts_on:%d/%m/%Y}")
    page.get_by_label("Describe the zone in words").fill("High Street, Bedford")
    if boundary is not None:
        page.get_by_label("Boundary of the zone (GeoJSON)").fill(json.dumps(boundary))
        page.get_by_role("button", name="Record the condition").click()


def test_a_proposed_address_inside_a_zone_that_starts_on_release_is_warned_of(sign_in):
    page = sign_in("probation.om")
    problems = watch_console(page)
    case = MappaCase.objects.get(nominal__crn="X123456")
    release = timezone.localdate() + timedelta(days=90)
    day = f"{release.day} {release:%B %Y}"
    add_zone(page, case, starts_on=release, boundary=HIGH_STREET_BEDFORD)
    expect(page.get_by_test_id("other-conditions")).to_contain_text("High Street, Bedford")

    page.goto(f"/people/{case.nominal_id}/address/")
    page.get_by_label("Proposed release address").check()
    page.get_by_label("Address line 1").fill("41 High Street")
    page.get_by_label("Town or city").fill("Bedford")
    page.get_by_label("Lived there from").fill(f"{release:%d/%m/%Y}")
    page.get_by_label("Latitude").fill(str(ON_HIGH_STREET["latitude"]))
    page.get_by_label("Longitude").fill(str(ON_HIGH_STREET["longitude"]))
    page.get_by_role("button", name="Save").click()

    warning = page.get_by_test_id("zone-warning")
    expect(warning).to_contain_text(
        f"41 High Street, Bedford (proposed release address, from {day})"
    )
    expect(warning).to_contain_text(f"it will be inside the zone from {day}")
    proposed = page.get_by_test_id("address-timeline").locator(".moj-timeline__item").first
    expect(proposed).to_contain_text(f"Proposed release address Proposed From {day}")
    expect(proposed).not_to_contain_text("Current")
    expect(proposed).not_to_contain_text("to now")
    assert_no_violations(page)
    assert problems == []


def test_a_zone_is_drawn_on_the_map_and_seen_with_the_addresses(sign_in):
    page = sign_in("probation.om")
    problems = watch_console(page)
    case = MappaCase.objects.get(nominal__crn="X123456")
    add_zone(page, case, starts_on=timezone.localdate())
    zone_map = page.get_by_test_id("zone-map")
    expect(zone_map).to_have_attribute("data-ready", "true")
    expect(zone_map.locator(".leaflet-tile")).to_have_count(0)  # a plain background
    assert_no_violations(page)

    page.get_by_role("link", name="Draw a rectangle").click()
    box = zone_map.bounding_box()
    middle_x, middle_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(middle_x - 60, middle_y - 40)
    page.mouse.down()
    page.mouse.move(middle_x + 60, middle_y + 40, steps=5)
    page.mouse.up()
    boundary = page.get_by_label("Boundary of the zone (GeoJSON)")
    expect(boundary).not_to_have_value("")
    drawn = json.loads(boundary.input_value())
    assert drawn["type"] == "Polygon" and len(drawn["coordinates"][0]) == 5
    page.get_by_role("button", name="Record the condition").click()
    expect(page.get_by_test_id("current-conditions")).to_contain_text("High Street, Bedford")

    seen = page.get_by_test_id("zone-map")
    expect(seen).to_have_attribute("data-ready", "true")
    expect(seen.locator("path.leaflet-interactive")).not_to_have_count(0)
    assert_no_violations(page)
    assert problems == []


def test_an_offence_is_found_by_typing_its_name(sign_in):
    page = sign_in("probation.om")
    problems = watch_console(page)
    case = MappaCase.objects.get(nominal__crn="X123456")
    page.goto(f"/people/{case.nominal_id}/conviction/")
    picker = page.get_by_role("combobox", name="Offence")
    picker.fill("rape of a child")
    option = page.get_by_role("option", name="Rape of a child under 13 (SOA2003/s5)")
    expect(option).to_be_visible()
    assert_no_violations(page)
    option.click()
    expect(page.locator("select[name=offence]")).to_have_value("SOA2003/s5")
    assert problems == []
