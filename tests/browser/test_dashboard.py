"""The co-ordinator's dashboard in the browser: red overdue tags, the filter, the sortable table."""

import re

import pytest
from playwright.sync_api import expect

from mappa.cases.tests.factories import create_case, create_nominal

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def level_3_overdue(demo_personas):
    """Two overdue level 3 cases: Zimmer's review is the more overdue, Aaron's name sorts first."""
    for surname, days in [("Zimmer", -10), ("Aaron", -3)]:
        nominal = create_nominal(forenames="Browser", surname=surname)
        create_case(review_in_days=days, level=3, nominal=nominal)


def names_in(table) -> list[str]:
    """The test's own cases in the table's order (the demo cases may be listed too)."""
    names = [name.strip() for name in table.locator("tbody tr td:first-child").all_inner_texts()]
    return [name for name in names if name.startswith("Browser")]


def test_the_coordinator_filters_and_sorts_the_reviews_and_sees_overdue_in_red(
    sign_in, level_3_overdue
):
    page = sign_in("coordinator")
    table = page.get_by_test_id("review-table")
    tag = table.get_by_role("row", name="Browser Zimmer").locator(".govuk-tag")
    expect(tag).to_have_text("Overdue")
    expect(tag).to_have_class("govuk-tag govuk-tag--red")
    assert_no_violations(page)

    page.get_by_label("Level", exact=True).select_option(
        label="Level 3: active multi-agency management"
    )
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/dashboard/\?level=3&"))
    expect(page.locator(".moj-filter__tag")).to_contain_text("Level 3")
    table = page.get_by_test_id("review-table")
    levels = table.locator("tbody tr td:nth-child(4)")
    expect(levels.first).to_have_text("3")
    assert set(levels.all_inner_texts()) == {"3"}
    assert names_in(table) == ["Browser Zimmer", "Browser Aaron"]  # soonest review first

    table.get_by_role("button", name="Name").click()
    expect(table.locator("th", has_text="Name")).to_have_attribute("aria-sort", "ascending")
    assert names_in(table) == ["Browser Aaron", "Browser Zimmer"]
    table.get_by_role("button", name="Name").click()
    expect(table.locator("th", has_text="Name")).to_have_attribute("aria-sort", "descending")
    assert names_in(table) == ["Browser Zimmer", "Browser Aaron"]
    assert_no_violations(page)
