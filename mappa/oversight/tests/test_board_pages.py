"""The board's pages: statistics and indicators for everyone who sees aggregates, each chart
with its data table, downloads marked and audited, and no names anywhere."""

import csv
import io
import re

import pytest

from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.oversight.indicators.definitions import INDICATORS

AGGREGATE_READERS = ["lay.adviser", "smb.member", "coordinator", "chair.police"]
DEMO_NAMES = ["Smith", "Hughes", "Rahman", "Walsh", "Cole"]


@pytest.fixture
def demo_cases(db):
    from mappa.desk.services import load_demo

    return {user.username: user for user in load_demo()}


def charts_and_tables(html: str) -> tuple[list[str], list[str]]:
    charts = re.findall(r'<svg[^>]*class="mappa-chart"[^>]*id="([^"]+)"', html)
    charts += re.findall(r'<svg[^>]*id="([^"]+)"[^>]*class="mappa-chart"', html)
    tables = re.findall(r'<table[^>]*data-chart="([^"]+)"', html)
    return charts, tables


@pytest.mark.parametrize("username", AGGREGATE_READERS)
def test_everyone_who_sees_aggregates_opens_the_statistics_and_every_indicator(
    signed_in, demo_cases, demo_mode, username
):
    client = signed_in(username)
    pages = ["/oversight/", "/oversight/statistics/", "/oversight/indicators/"]
    pages += [f"/oversight/indicators/{i.slug}/" for i in INDICATORS]
    pages += ["/oversight/audits/summary/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for name in DEMO_NAMES:
            assert name not in html, f"{name} appears on {url}"


def test_every_chart_has_its_data_table_beside_it(signed_in, demo_cases, demo_mode):
    client = signed_in("lay.adviser")
    pages = ["/oversight/statistics/", "/oversight/audits/summary/"]
    pages += [f"/oversight/indicators/{i.slug}/" for i in INDICATORS]
    for url in pages:
        html = client.get(url).content.decode()
        charts, tables = charts_and_tables(html)
        assert charts, f"no chart on {url}"
        assert sorted(charts) == sorted(tables), url


def test_charts_are_named_images_without_scripts_or_inline_styles(signed_in, demo_cases, demo_mode):
    html = signed_in("lay.adviser").get("/oversight/statistics/").content.decode()
    svgs = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(svgs) == 5
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby" in svg
        assert "<title" in svg and "<desc" in svg
        assert "<script" not in svg and "<style" not in svg and " style=" not in svg


def test_the_statistics_page_shows_the_contract_figures_for_the_chosen_year(
    signed_in, demo_cases, demo_mode
):
    response = signed_in("smb.member").get("/oversight/statistics/?year_ending=2026-03-31")
    html = response.content.decode()
    assert "The year 2025-04-01 to 2026-03-31" in html
    assert "Data for the chart: MAPPA-eligible people in the community on 2026-03-31" in html
    assert 'data-testid="rso-rate"' in html


def test_a_bad_year_is_refused_on_its_field(signed_in, demo_cases, demo_mode):
    response = signed_in("lay.adviser").get("/oversight/statistics/?year_ending=31/02/2026")
    assert response.status_code == 200
    assert b"Year ending must be a real date" in response.content


def test_the_statistics_download_as_csv_with_the_marking_and_recipient_and_are_audited(
    signed_in, demo_cases, demo_mode
):
    response = signed_in("lay.adviser").get(
        "/oversight/statistics/annual.csv?year_ending=2026-03-31"
    )
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("OFFICIAL-SENSITIVE. Issued to Joan Ellis on ")
    assert lines[1] == "area,year_start,year_end,table,row,column,value"
    event = AuditEvent.objects.get(event_type=EventType.STATISTICS_EXPORTED)
    assert event.actor.username == "lay.adviser"
    assert event.payload == {"area": "DEMO", "year_ending": "2026-03-31", "format": "csv"}


def test_the_statistics_download_as_pdf(signed_in, demo_cases, demo_mode):
    response = signed_in("smb.member").get(
        "/oversight/statistics/annual.pdf?year_ending=2026-03-31"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_an_indicator_downloads_as_csv_for_the_period_asked(signed_in, demo_cases, demo_mode):
    url = "/oversight/indicators/levels/csv/?start=2025-04-01&end=2025-06-30"
    response = signed_in("lay.adviser").get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0].startswith("OFFICIAL-SENSITIVE. Issued to Joan Ellis")
    assert rows[1] == ["Month end", "Level 2", "Level 3", "Total"]
    assert [row[0] for row in rows[2:]] == ["30 Apr 2025", "31 May 2025", "30 Jun 2025"]
    event = AuditEvent.objects.get(event_type=EventType.INDICATOR_EXPORTED)
    assert event.payload == {
        "area": "DEMO",
        "indicator": "levels",
        "from": "2025-04-01",
        "to": "2025-06-30",
    }


def test_each_indicator_shows_its_definition(signed_in, demo_cases, demo_mode):
    client = signed_in("smb.member")
    for indicator in INDICATORS:
        html = client.get(f"/oversight/indicators/{indicator.slug}/").content.decode()
        assert 'data-testid="definition"' in html
        assert indicator.title in html


def test_a_period_ending_before_it_starts_is_refused(signed_in, demo_cases, demo_mode):
    response = signed_in("smb.member").get(
        "/oversight/indicators/screening/?start=2026-01-01&end=2025-01-01"
    )
    assert b"The end of the period must be on or after its start" in response.content


def test_an_unknown_indicator_is_a_404(signed_in, demo_cases, demo_mode):
    assert signed_in("smb.member").get("/oversight/indicators/nonsense/").status_code == 404


@pytest.mark.parametrize("username", ["probation.om", "housing.officer", "sysadmin"])
def test_roles_without_the_aggregates_permission_are_refused(
    signed_in, demo_cases, demo_mode, username
):
    assert signed_in(username).get("/oversight/statistics/").status_code == 403


def test_the_navigation_offers_oversight_to_those_who_see_aggregates(
    signed_in, demo_cases, demo_mode
):
    assert b'href="/oversight/"' in signed_in("lay.adviser").get("/dashboard/").content
    assert b'href="/oversight/"' not in signed_in("probation.om").get("/dashboard/").content
