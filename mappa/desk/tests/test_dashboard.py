"""The co-ordinator's and the practitioner's dashboards: what needs doing, scoped to the area."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from mappa.agencies.constants import Role
from mappa.agencies.models import Area, User
from mappa.cases.tests.factories import create_case
from mappa.desk import queries as dashboard_queries
from mappa.desk.services import load_demo
from mappa.referrals.constants import Status
from mappa.referrals.models import Referral
from tests.factories import create_agency, create_user

pytestmark = pytest.mark.django_db


def page(client, query: str = "") -> BeautifulSoup:
    response = client.get(f"/dashboard/{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def rows_of(soup: BeautifulSoup, testid: str) -> dict[str, str]:
    """Each case row of a table: the person's name and the text of its review status tag."""
    table = soup.find(attrs={"data-testid": testid})
    if table is None:
        return {}
    return {
        row.find("a").get_text(strip=True): row.find(class_="govuk-tag").get_text(strip=True)
        for row in table.find_all(attrs={"data-testid": "case-row"})
    }


def tag_for(soup: BeautifulSoup, testid: str, name: str):
    table = soup.find(attrs={"data-testid": testid})
    row = next(r for r in table.find_all("tr") if r.find("a", string=name))
    return row.find(class_="govuk-tag")


def test_the_coordinator_sees_an_overdue_review_in_red(signed_in):
    case = create_case(review_in_days=-3)
    soup = page(signed_in("coordinator"))
    tag = tag_for(soup, "review-table", case.nominal.full_name)
    assert tag.get_text(strip=True) == "Overdue"
    assert "govuk-tag--red" in tag["class"]


def test_the_seeded_demo_case_x456789_shows_as_overdue_in_red(signed_in):
    load_demo()  # with the demo cases: X456789's next review was due on 18 November 2026
    with time_machine.travel(datetime(2026, 11, 21, 10, tzinfo=timezone.get_current_timezone())):
        soup = page(signed_in("coordinator"))
    tag = tag_for(soup, "review-table", "Kieran Walsh")
    assert (tag.get_text(strip=True), tag["class"][-1]) == ("Overdue", "govuk-tag--red")


def test_a_review_due_within_4_weeks_is_amber_and_later_ones_are_left_out(signed_in):
    soon = create_case(review_in_days=10)
    later = create_case(review_in_days=60)
    soup = page(signed_in("coordinator"))
    assert tag_for(soup, "review-table", soon.nominal.full_name)["class"][-1] == "govuk-tag--yellow"
    assert later.nominal.full_name not in rows_of(soup, "review-table")


def test_filtering_by_review_status_shows_cases_on_track_in_green(signed_in):
    later = create_case(review_in_days=60)
    create_case(review_in_days=-1)
    soup = page(signed_in("coordinator"), "?review_status=on_track")
    assert rows_of(soup, "review-table") == {later.nominal.full_name: "On track"}
    assert "govuk-tag--green" in tag_for(soup, "review-table", later.nominal.full_name)["class"]


def test_filtering_by_level_and_category_is_done_on_the_server(signed_in):
    level_3 = create_case(review_in_days=-5, level=3)
    create_case(review_in_days=-5, level=2)
    create_case(review_in_days=-5, level=3, category=1)
    soup = page(signed_in("coordinator"), "?level=3&category=2")
    assert list(rows_of(soup, "review-table")) == [level_3.nominal.full_name]
    selected = [tag.get_text(" ", strip=True) for tag in soup.select(".moj-filter__tag")]
    assert selected == [
        "Remove this filter: Level Level 3: active multi-agency management",
        "Remove this filter: Category Category 2: violent or other sexual offender",
    ]
    assert soup.select_one(".moj-filter__tag")["href"] == "/dashboard/?category=2"


def test_a_filter_value_that_is_not_a_choice_is_ignored(signed_in):
    case = create_case(review_in_days=-5)
    soup = page(signed_in("coordinator"), "?level=7&review_status=whenever")
    assert case.nominal.full_name in rows_of(soup, "review-table")
    assert not soup.select(".moj-filter__tag")


def test_the_case_tables_are_moj_sortable_tables_sorted_by_review_date(signed_in):
    create_case(review_in_days=-5)
    soup = page(signed_in("coordinator"))
    table = soup.find(attrs={"data-testid": "review-table"})
    assert table["data-module"] == "moj-sortable-table"
    sorts = {th.get_text(strip=True): th["aria-sort"] for th in table.thead.find_all("th")}
    assert sorts["Next review due"] == "ascending" and sorts["Name"] == "none"
    script = soup.find("script", attrs={"type": "module", "nonce": True})
    assert "sortable-table.bundle.mjs" in script.string


def test_other_areas_and_closed_cases_are_not_shown_or_counted(signed_in):
    elsewhere = create_case(review_in_days=-5, area_code="OTHER")
    closed = create_case(review_in_days=-5, closed_on=timezone.localdate())
    create_case(review_in_days=30, category=1, level=1)
    soup = page(signed_in("coordinator"))
    names = rows_of(soup, "review-table")
    assert elsewhere.nominal.full_name not in names and closed.nominal.full_name not in names
    assert soup.find(attrs={"data-testid": "open-case-total"}).get_text(strip=True) == "1"


def test_open_cases_are_counted_by_category_and_level(demo):
    for category, level in [(1, 1), (1, 1), (1, 2), (3, 3), (None, 2)]:
        create_case(review_in_days=30, category=category, level=level)
    counts = dashboard_queries.counts_by_category_and_level(demo["coordinator"])
    by_label = {label: (cells, total) for label, cells, total in counts.rows}
    # Columns: level 1, level 2, level 3, level not set.
    assert by_label["Category 1"] == ([2, 1, 0, 0], 3)
    assert by_label["Category 3"] == ([0, 0, 1, 0], 1)
    assert by_label["Category to be determined"] == ([0, 1, 0, 0], 1)
    assert (counts.column_totals, counts.total) == ([2, 2, 1, 0], 5)


def submit_referral(demo, *, days_ago: int, name: str, area_code: str = "DEMO") -> Referral:
    referrer = demo["police.ppu" if area_code == "DEMO" else "outsider.police"]
    return Referral.objects.create(
        area=Area.objects.get(code=area_code),
        referred_by=referrer,
        referring_agency=referrer.agency,
        status=Status.SUBMITTED,
        subject_name=name,
        submitted_at=timezone.now() - timedelta(days=days_ago),
    )


def test_referrals_awaiting_screening_are_counted_oldest_first_with_their_age(demo, signed_in):
    submit_referral(demo, days_ago=2, name="Newer Person")
    submit_referral(demo, days_ago=9, name="Older Person")
    submit_referral(demo, days_ago=30, name="Elsewhere Person", area_code="OTHER")
    soup = page(signed_in("coordinator"))
    panel = soup.find(attrs={"data-testid": "referrals-to-screen"})
    assert "2 referrals waiting to be screened" in panel.get_text(" ", strip=True)
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all("td")]
        for row in panel.tbody.find_all("tr")
    ]
    assert [(row[0], row[-1]) for row in rows] == [
        ("Older Person", "9 days"),
        ("Newer Person", "2 days"),
    ]


def test_referrals_link_to_themselves_and_to_the_screening_queue(demo, signed_in):
    referral = submit_referral(demo, days_ago=1, name="Linked Person")
    panel = page(signed_in("coordinator")).find(attrs={"data-testid": "referrals-to-screen"})
    assert panel.find("a", string="Linked Person")["href"] == f"/referrals/{referral.id}/"
    assert panel.find("a", string="Go to the screening queue")["href"] == "/referrals/screening/"


def test_a_case_links_to_its_case_page(signed_in):
    case = create_case(review_in_days=-3)
    soup = page(signed_in("coordinator"))
    assert soup.find("a", string=case.nominal.full_name)["href"] == f"/cases/{case.id}/"


def test_no_referrals_waiting_says_so(signed_in):
    panel = page(signed_in("coordinator")).find(attrs={"data-testid": "referrals-to-screen"})
    assert "There are no referrals waiting to be screened." in panel.get_text()


@pytest.fixture
def demo_cases(db):
    return {user.username: user for user in load_demo()}


def test_a_case_whose_eligibility_ends_within_the_warning_window_is_flagged(demo_cases):
    # X234567 (category 2, Demoshire): the licence, and with it eligibility, ends on 25 Dec 2028.
    found, total = dashboard_queries.eligibility_ending(
        demo_cases["coordinator"], date(2028, 11, 30)
    )
    assert [(item.case.nominal.crn, item.ends_on, item.warning) for item in found] == [
        ("X234567", date(2028, 12, 25), "ending_soon")
    ]
    assert total == 1


def test_a_case_whose_eligibility_has_ended_is_flagged_as_ended(demo_cases):
    found, _ = dashboard_queries.eligibility_ending(demo_cases["coordinator"], date(2029, 1, 10))
    assert ("X234567", date(2028, 12, 25), "ended") in [
        (item.case.nominal.crn, item.ends_on, item.warning) for item in found
    ]


def test_eligibility_is_computed_in_a_fixed_number_of_queries(
    demo_cases, django_assert_max_num_queries
):
    coordinator = demo_cases["coordinator"]
    for _ in range(5):
        create_case(review_in_days=10, category=1)
    with django_assert_max_num_queries(4):
        dashboard_queries.eligibility_ending(coordinator, date(2028, 11, 30))


def test_far_off_eligibility_ends_are_not_flagged(demo_cases):
    found = dashboard_queries.eligibility_ending(demo_cases["coordinator"], date(2026, 11, 21))
    assert found == ([], 0)


def test_only_the_soonest_ends_are_shown_with_the_total(demo_cases):
    # By 2040 every demo case with a finite end has ended; the limit keeps the soonest
    everything, total = dashboard_queries.eligibility_ending(
        demo_cases["coordinator"], date(2040, 1, 1)
    )
    first, same_total = dashboard_queries.eligibility_ending(
        demo_cases["coordinator"], date(2040, 1, 1), limit=1
    )
    assert total == same_total == len(everything) >= 2
    assert first == everything[:1]


def test_a_practitioner_sees_cases_they_are_responsible_for_and_those_their_agency_leads(
    demo, signed_in
):
    officer = demo["probation.om"]
    theirs = create_case(review_in_days=-2, lead_agency="police", responsible_officer=officer)
    agency_led = create_case(review_in_days=10, lead_agency="probation")
    create_case(review_in_days=-2, lead_agency="police")
    create_case(review_in_days=-2, lead_agency="probation", area_code="OTHER")
    soup = page(signed_in("probation.om"))
    assert rows_of(soup, "your-case-table") == {
        theirs.nominal.full_name: "Overdue",
        agency_led.nominal.full_name: "Due soon",
    }
    summary = soup.find(attrs={"data-testid": "your-case-summary"}).get_text(" ", strip=True)
    assert (
        "2 open cases" in summary
        and "1 with a review overdue, 1 due in the next 4 weeks" in summary
    )


def test_a_practitioners_filter_narrows_their_cases(demo, signed_in):
    overdue = create_case(review_in_days=-2, lead_agency="police")
    create_case(review_in_days=90, lead_agency="police")
    soup = page(signed_in("police.ppu"), "?review_status=overdue")
    assert list(rows_of(soup, "your-case-table")) == [overdue.nominal.full_name]


def test_a_practitioner_with_no_cases_is_told_so(signed_in):
    soup = page(signed_in("prison.pom"))
    assert "You are not the responsible officer on any open MAPPA case" in soup.get_text()


@pytest.mark.parametrize(
    "username, panel",
    [("chair.police", "Meetings you chair"), ("housing.officer", "Information requests")],
)
def test_other_roles_keep_their_panels_and_see_no_case_tables(signed_in, username, panel):
    create_case(review_in_days=-2)
    soup = page(signed_in(username))
    assert soup.find("h2", string=panel)
    assert not soup.find(attrs={"data-module": "moj-sortable-table"})


def test_a_coordinator_of_another_area_sees_only_their_own(demo):
    create_case(review_in_days=-2)
    elsewhere = create_case(review_in_days=-2, area_code="OTHER")
    other = Area.objects.get(code="OTHER")
    coordinator = create_user(role=Role.COORDINATOR, agency=create_agency(area=other))
    rows = dashboard_queries.reviews_due(
        coordinator, timezone.localdate(), dashboard_queries.CaseFilter()
    )
    assert [row.case for row in rows] == [elsewhere]


def test_long_case_tables_show_the_first_rows_and_the_total(db, signed_in, settings):
    load_demo()
    settings.MAPPA_DASHBOARD_ROWS = 1
    client = signed_in("probation.om")
    page = client.get("/dashboard/").content.decode()
    practitioner = User.objects.get(username="probation.om")
    total = dashboard_queries.your_open_cases(practitioner).count()
    assert total > 1
    assert f"Showing the first 1 of {total}" in page
    assert page.count('data-testid="case-row"') == 1
