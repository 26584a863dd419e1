"""The case page in the browser: the co-ordinator shares a case with the housing authority."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def test_the_coordinator_grants_the_housing_authority_access_until_a_date(sign_in):
    page = sign_in("coordinator")
    case = MappaCase.objects.get(nominal__crn="X123456")
    page.goto(f"/people/{case.nominal_id}/")
    page.get_by_role("link", name="View the MAPPA case").click()
    expect(page.get_by_test_id("case-title")).to_have_text("MAPPA case: John Paul Smith")
    expect(page.get_by_test_id("next-review")).to_contain_text("8 December 2026")
    assert_no_violations(page)

    page.get_by_role("link", name="Grant access").click()
    page.get_by_role("button", name="Grant access").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an agency or a person")
    assert_no_violations(page)

    last_day = timezone.localdate() + timedelta(days=28)
    page.get_by_label("Who needs to see this case?").select_option(label="Housing authority")
    page.get_by_label("Why do they need to see it?").fill("Rehousing away from the victim")
    page.get_by_label("Access ends on").fill(f"{last_day:%d/%m/%Y}")
    page.get_by_role("button", name="Grant access").click()

    expect(page.get_by_test_id("case-title")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Housing authority can see this case")
    grants = page.get_by_test_id("access-grants")
    expect(grants).to_contain_text("Housing authority")
    expect(grants).to_contain_text("Rehousing away from the victim")
    expect(grants).to_contain_text(f"{last_day:%d %b %Y}".lstrip("0"))
    expect(grants.get_by_role("button", name="Revoke access for Housing authority")).to_be_visible()
    assert_no_violations(page)
