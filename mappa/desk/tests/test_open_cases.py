"""Issue 16 item 11: the co-ordinator's dashboard misled. "Next meetings" was out of order and
skipped one; "Any status" on the reviews panel hid on-track cases; there was no list of all
open cases. Now: the next meetings soonest first; the panel's default says "Overdue or due
soon"; and "All open cases" lists every open case in scope, filtered by level, category,
review status and lead agency, with counts per choice, a page at a time, each page audited."""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from mappa.agencies.models import Area
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases.tests.factories import create_case
from mappa.meetings.models import Meeting

pytestmark = pytest.mark.django_db
URL = "/cases/open/"


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def names(soup) -> list[str]:
    table = soup.find(attrs={"data-testid": "open-case-table"})
    if table is None:
        return []
    return [row.find("a").get_text(strip=True) for row in table.find_all(attrs={"data-testid": "case-row"})]  # fmt: skip


def option(soup, field: str, value: str) -> str:
    return soup.find("select", id=f"filter-{field}").find("option", value=value).get_text()


def test_next_meetings_are_the_five_soonest_in_date_order(demo, signed_in):
    today = timezone.localdate()
    area = Area.objects.get(code="DEMO")
    # Created out of order; the sixth-soonest is left off.
    for offset in (30, 2, 14, 60, 7, 21):
        Meeting.objects.create(
            area=area,
            level=2,
            date=today + timedelta(days=offset),
            start_time=time(10),
            end_time=time(12),
            status="planned",
            created_by=demo["coordinator"],
            created_at=timezone.now(),
        )
    soup = soup_of(signed_in("coordinator"), "/dashboard/")
    panel = soup.find("h2", string="Next meetings").find_next("p")
    shown = [link.get_text() for link in panel.find_all("a")]
    expected = [f"{today + timedelta(days=d):%A %-d %B %Y}" for d in (2, 7, 14, 21, 30)]
    assert shown == expected


def test_the_reviews_panel_says_what_its_default_shows(signed_in):
    on_track = create_case(review_in_days=90)
    soup = soup_of(signed_in("coordinator"), "/dashboard/")
    select = soup.find("select", id="filter-review_status")
    assert select.find("option", value="").get_text() == "Overdue or due soon"
    assert "Any status" not in select.get_text()
    assert (
        on_track.nominal.full_name not in soup.find(attrs={"data-testid": "reviews-due"}).get_text()
    )
    link = soup.find(attrs={"data-testid": "all-open-cases-link"})
    assert link["href"] == URL
    # Choosing "On track" shows it, as before.
    soup = soup_of(signed_in("coordinator"), "/dashboard/?review_status=on_track")
    assert on_track.nominal.full_name in soup.find(attrs={"data-testid": "reviews-due"}).get_text()


@pytest.fixture
def cases(demo):
    return {
        "late": create_case(review_in_days=-5, level=2, lead_agency="police"),
        "soon": create_case(review_in_days=10, level=3, lead_agency="probation"),
        "fine": create_case(review_in_days=90, level=2, lead_agency="probation"),
        "unset": create_case(review_in_days=None, level=1, category=1, lead_agency="prison"),
        "closed": create_case(review_in_days=90, closed_on=timezone.localdate()),
        "elsewhere": create_case(review_in_days=90, area_code="OTHER"),
    }


def test_all_open_cases_lists_every_status_and_nothing_out_of_scope(signed_in, cases):
    soup = soup_of(signed_in("coordinator"), URL)
    shown = names(soup)
    for key in ("late", "soon", "fine", "unset"):
        assert cases[key].nominal.full_name in shown, key
    for key in ("closed", "elsewhere"):
        assert cases[key].nominal.full_name not in shown, key
    # Soonest review first, no review date last.
    mine = [name for name in shown if name in {c.nominal.full_name for c in cases.values()}]
    assert mine[:3] == [cases[k].nominal.full_name for k in ("late", "soon", "fine")]
    assert mine[-1] == cases["unset"].nominal.full_name


@pytest.mark.parametrize(
    ("query", "included", "excluded"),
    [
        ("?level=2", {"late", "fine"}, {"soon", "unset"}),
        ("?category=1", {"unset"}, {"late", "soon", "fine"}),
        ("?review_status=on_track", {"fine"}, {"late", "soon", "unset"}),
        ("?review_status=overdue", {"late"}, {"soon", "fine", "unset"}),
        ("?lead_agency=probation", {"soon", "fine"}, {"late", "unset"}),
        ("?lead_agency=probation&level=3", {"soon"}, {"late", "fine", "unset"}),
    ],
)
def test_each_filter_narrows_the_list(signed_in, cases, query, included, excluded):
    shown = names(soup_of(signed_in("coordinator"), URL + query))
    assert {k for k in included | excluded if cases[k].nominal.full_name in shown} == included


def test_each_choice_shows_how_many_cases_it_would_list(signed_in, cases):
    client = signed_in("coordinator")
    before = soup_of(client, URL)
    count = lambda soup, field, value: int(re.search(r"\((\d+)\)$", option(soup, field, value))[1])  # noqa: E731
    baseline = {f: {v: count(before, f, v) for v in ("1", "2", "3")} for f in ("level",)}
    # Counting agrees with the list: filtering by a value lists as many cases as it says.
    for field, value in [
        ("level", "2"),
        ("lead_agency", "probation"),
        ("review_status", "overdue"),
    ]:
        expected = count(before, field, value)
        listed = soup_of(client, f"{URL}?{field}={value}")
        total = int(listed.find(attrs={"data-testid": "open-case-count"}).get_text().split()[0])
        assert total == expected, (field, value)
    # The counts of one field follow the other fields' choices (police-led: only "late").
    narrowed = soup_of(client, URL + "?lead_agency=police")
    assert count(narrowed, "level", "2") <= baseline["level"]["2"]
    assert count(narrowed, "level", "3") < baseline["level"]["3"] or baseline["level"]["3"] == 0


def test_the_list_is_paginated(signed_in, cases, settings):
    settings.MAPPA_DASHBOARD_ROWS = 2
    client = signed_in("coordinator")
    first = soup_of(client, URL)
    total = int(first.find(attrs={"data-testid": "open-case-count"}).get_text().split()[0])
    pages = -(-total // 2)
    assert len(names(first)) == 2
    assert first.find(attrs={"data-testid": "pagination"}) is not None
    seen = []
    for number in range(1, pages + 1):
        seen += names(soup_of(client, f"{URL}?page={number}"))
    assert len(seen) == total == len(set(seen))
    # A page past the end shows the last page, not an error.
    assert names(soup_of(client, f"{URL}?page=999")) == names(
        soup_of(client, f"{URL}?page={pages}")
    )
    # The pages keep the filters.
    filtered = soup_of(client, URL + "?category=2")  # late, soon and fine: two pages
    links = filtered.select(".govuk-pagination a")
    assert links and all(a["href"].startswith("?category=2&page=") for a in links)


def test_each_page_read_is_audited_with_its_filters(signed_in, cases, demo):
    signed_in("coordinator").get(URL + "?lead_agency=probation&page=1")
    event = AuditEvent.objects.filter(event_type=EventType.REGISTER_SEARCHED).latest("sequence")
    assert event.actor == demo["coordinator"]
    assert event.payload["query"] == {"list": "open cases", "page": 1, "lead_agency": "probation"}
    assert event.payload["results"] >= 2


def test_a_practitioner_sees_only_cases_in_their_scope_and_others_may_not_open_it(signed_in, cases):
    shown = names(soup_of(signed_in("outsider.police"), URL))
    assert cases["elsewhere"].nominal.full_name in shown
    assert cases["late"].nominal.full_name not in shown
    # Lay advisers see aggregates only (CJA 2003 s.326): no list of cases.
    assert signed_in("lay.adviser").get(URL).status_code in (403, 404)
