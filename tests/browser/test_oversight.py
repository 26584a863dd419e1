"""The Strategic Management Board's pages in the browser (issue 9).

lay.adviser reads the statistics and every indicator (each chart inline SVG with its data
table, drawn under the site's Content Security Policy) and is told a person's page does not
exist; smb.member schedules a meeting audit and notifies the board of a serious further offence;
chair.police completes the audit. axe-core checks every page on the way.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.agencies.models import User
from mappa.cases.models import MappaCase
from mappa.oversight.indicators.definitions import INDICATORS
from mappa.oversight.services import audits as services
from mappa.oversight.tests import records as r
from mappa.people.models import RecordedEvent

from .axe import assert_no_violations

pytestmark = pytest.mark.browser


def watch_csp(page) -> list[str]:
    """Console messages about the Content Security Policy refusing something."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def check_charts_have_tables(page):
    charts = page.locator("svg.mappa-chart")
    count = charts.count()
    assert count > 0
    for index in range(count):
        chart = charts.nth(index)
        chart_id = chart.get_attribute("id")
        expect(chart).to_have_attribute("role", "img")
        expect(page.locator(f'table[data-chart="{chart_id}"]')).to_have_count(1)
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100, chart_id


def test_the_lay_adviser_reads_statistics_and_indicators_but_no_case(sign_in, live_server):
    page = sign_in("lay.adviser")
    refused = watch_csp(page)
    page.get_by_role("link", name="Oversight").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic oversight")
    assert_no_violations(page)

    page.get_by_role("link", name="Annual statistics").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("MAPPA annual statistics")
    page.get_by_label("Year ending").fill("31/3/2026")
    page.get_by_role("button", name="Show the year").click()
    expect(page.get_by_text("The year 2025-04-01 to 2026-03-31")).to_be_visible()
    check_charts_have_tables(page)
    assert_no_violations(page)

    page.get_by_role("link", name="Indicators").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance indicators")
    assert_no_violations(page)
    for indicator in INDICATORS:
        page.goto(f"/oversight/indicators/{indicator.slug}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(indicator.title)
        expect(page.get_by_test_id("definition")).not_to_be_empty()
        check_charts_have_tables(page)
        assert_no_violations(page)

    page.goto("/oversight/audits/summary/")
    check_charts_have_tables(page)
    assert_no_violations(page)
    assert not refused, refused

    smith = MappaCase.objects.get(nominal__crn="X123456")
    response = page.goto(f"/people/{smith.nominal_id}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


@pytest.fixture
def board_work(demo_personas):
    meeting = r.create_meeting(date(2025, 5, 6), cases=[r.create_case()])
    case = r.create_case(level=3, history=[(date(2024, 1, 1), 3)])
    charged_on = timezone.localdate() - timedelta(days=2)
    RecordedEvent.objects.create(nominal=case.nominal, kind="sfo_charged", occurred_on=charged_on)
    return meeting, case


def test_the_board_schedules_an_audit_and_notifies_a_serious_further_offence(
    sign_in, board_work, live_server
):
    page = sign_in("smb.member")
    assert_no_violations(page)  # the dashboard's oversight panels
    page.goto("/oversight/audits/")
    assert_no_violations(page)
    page.get_by_role("link", name="Schedule an audit").click()
    page.get_by_label("Meeting audit (MAPPA L)").check()
    page.get_by_label("Meeting to audit (a meeting audit)").select_option(
        label="Level 2 meeting on 6 May 2025"
    )
    page.get_by_label("Auditor").select_option(label="Gareth Evans, Meeting chair")
    due = timezone.localdate() + timedelta(days=14)
    page.get_by_label("Due by").fill(due.strftime("%d/%m/%Y"))
    assert_no_violations(page)
    page.get_by_role("button", name="Schedule the audit").click()
    expect(page.get_by_role("alert")).to_contain_text("Audit scheduled")
    expect(page.get_by_test_id("audits")).to_contain_text("Level 2 meeting on 6 May 2025")
    assert_no_violations(page)

    page.goto("/oversight/reviews/")
    assert_no_violations(page)
    page.get_by_role("link", name="Notify the board").click()
    assert_no_violations(page)
    page.get_by_label("Offence charged").fill("Wounding with intent")
    page.get_by_label("Circumstances and how MAPPA managed the case").fill(
        "Level 3 since January 2024."
    )
    page.get_by_role("button", name="Notify the board").click()
    expect(page.get_by_role("alert")).to_contain_text("The board has been notified")
    expect(page.get_by_test_id("status")).to_have_text("Notified: awaiting the board's decision")
    assert_no_violations(page)
    page.get_by_role("link", name="Record the board's decision").click()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_violations(page)


def test_the_auditor_completes_a_meeting_audit(sign_in, board_work, live_server):
    meeting, _ = board_work
    audit = services.schedule_audit(
        actor=User.objects.get(username="smb.member"),
        kind="meeting",
        meeting=meeting,
        auditor=User.objects.get(username="chair.police"),
        due_on=timezone.localdate() + timedelta(days=7),
    )
    page = sign_in("chair.police")
    page.goto(f"/oversight/audits/{audit.id}/")
    assert_no_violations(page)
    page.get_by_role("button", name="Complete the audit").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_no_violations(page)
    for group in page.get_by_role("group").all():
        option = group.get_by_label("3: Satisfactory")
        if option.count():
            option.check()
    page.get_by_label("Overall comments").fill("A well-run meeting.")
    page.get_by_role("button", name="Complete the audit").click()
    expect(page.get_by_role("alert")).to_contain_text("Audit completed")
    expect(page.get_by_test_id("scores")).to_be_visible()
    assert_no_violations(page)
