"""The register in the browser: find a person, read their page, change their record."""

import pytest
from playwright.sync_api import expect

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def find(page, name: str):
    page.get_by_role("link", name="People").click()
    page.get_by_label("Name or alias").fill(name)
    page.get_by_role("button", name="Search").click()
    return page


def test_a_practitioner_finds_a_person_despite_a_misspelling_and_reads_their_eligibility(sign_in):
    page = find(sign_in("probation.om"), "Jon Smyth")
    expect(page.get_by_test_id("result-count")).to_contain_text("found")
    assert_no_violations(page)
    page.get_by_role("link", name="John Paul Smith").click()
    expect(page.get_by_test_id("person-name")).to_have_text("John Paul Smith")
    eligibility = page.get_by_test_id("eligibility")
    expect(eligibility).to_contain_text("Category 1")
    expect(eligibility).to_contain_text("13 September 2031")
    expect(page.get_by_test_id("address-timeline")).to_contain_text("12 Mill Lane")
    assert_no_violations(page)


def test_a_practitioner_adds_an_alias_through_the_form(sign_in):
    page = find(sign_in("police.ppu"), "Darren Hughes")
    page.get_by_role("link", name="Darren Hughes").click()
    page.get_by_role("link", name="Add aliases and nicknames").click()
    assert_no_violations(page)
    page.get_by_label("Nickname").check()
    page.get_by_label("Forenames").fill("Daz")
    page.get_by_label("Surname").fill("Hughes")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("person-name")).to_have_text("Darren Hughes")
    expect(page.get_by_text("Daz Hughes")).to_be_visible()


def test_a_form_error_is_summarised_and_linked_to_its_field(sign_in):
    page = sign_in("police.ppu")
    page.goto("/people/add/")
    page.get_by_label("Surname").fill("Okafor")
    page.get_by_label("Date of birth").fill("30/2/1990")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Date of birth must be a real date")
    assert_no_violations(page)


def test_a_housing_officer_without_a_grant_is_told_the_person_does_not_exist(sign_in):
    page = sign_in("coordinator")
    page = find(page, "John Smith")
    page.get_by_role("link", name="John Paul Smith").click()
    person_url = page.url
    page.get_by_role("button", name="Sign out").click()
    page = sign_in("housing.officer")
    response = page.goto(person_url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_a_practitioner_removes_an_alias_after_confirming(sign_in):
    page = find(sign_in("probation.om"), "John Smith")
    page.get_by_role("link", name="John Paul Smith").click()
    page.get_by_role("link", name="Remove Johnny Smith").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove this alias or nickname?")
    expect(page.get_by_test_id("entry")).to_have_text("Johnny Smith")
    assert_no_violations(page)
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_test_id("person-name")).to_have_text("John Paul Smith")
    expect(page.get_by_text("Johnny Smith")).to_have_count(0)
    assert_no_violations(page)


def test_two_people_change_a_record_at_once_and_the_second_is_told_whose_change_stands(
    sign_in, browser, live_server
):
    from .conftest import _new_page

    first = find(sign_in("probation.om"), "Darren Hughes")
    first.get_by_role("link", name="Darren Hughes").click()
    first.get_by_role("link", name="Add aliases and nicknames").click()
    context, second = _new_page(browser, live_server)
    try:
        second.goto("/sign-in/")
        second.get_by_label("Username").fill("police.ppu")
        second.get_by_label("Password").fill("demo-police.ppu")
        second.get_by_role("button", name="Continue").click()
        expect(second).to_have_url(f"{live_server.url}/dashboard/")
        second.goto(first.url)
        second.get_by_label("Nickname").check()
        second.get_by_label("Forenames").fill("Daz")
        second.get_by_label("Surname").fill("Hughes")
        second.get_by_role("button", name="Save").click()
        expect(second.get_by_text("Daz Hughes")).to_be_visible()
    finally:
        context.close()
    first.get_by_label("Nickname").check()
    first.get_by_label("Forenames").fill("Dazza")
    first.get_by_label("Surname").fill("Hughes")
    first.get_by_role("button", name="Save").click()
    summary = first.locator(".govuk-error-summary")
    expect(summary).to_contain_text("was changed by")
    expect(summary).to_contain_text("(Police)")
    expect(first.get_by_label("Forenames")).to_have_value("Dazza")
    assert_no_violations(first)
