"""Candidates near the threshold (issue 20, item 4): after matching, the results page says how
many candidates fall near the threshold, above and below it; the named person opens the
review page, sees them most likely first, and decides one that fell below the threshold.
axe runs on each page."""

from datetime import time

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mappa.cases.models import MappaCase
from mappa.meetings.services import scheduling as meetings
from mappa.safeguarding.services import case_lists

from .axe import assert_no_violations

pytestmark = pytest.mark.browser
MATCHING_MS = 90_000

# John Paul Smith (born 1984-03-02, 12 Mill Lane, MK42 8PP) against records that are him
# more or less surely: an initial and a date with day and month swapped elsewhere (about
# 60%), a misspelt surname and a year out elsewhere (about 30%); and his child (address).
EXTRACT = (
    "record_id,forenames,surname,date_of_birth,address_line_1,postcode,case_status,"
    "allocated_worker\n"
    'SC-1,Amy,Price,2015-06-01,"12, MILL LN.",mk428pp,open,Sam Okafor\n'
    "SC-3,J,Smith,1984-02-03,9 Elm Road,LU2 2BB,closed,\n"
    "SC-5,John,Smyth,1985-03-02,9 Elm Road,LU2 2BB,none,\n"
)


@pytest.fixture
def published(demo_personas, settings, tmp_path):
    settings.MAPPA_MASH_UPLOAD_DIR = tmp_path
    settings.MAPPA_MASH_NEAR_THRESHOLD = 0.45  # from 5% to 95%
    coordinator = demo_personas["coordinator"]
    meeting = meetings.schedule_meeting(
        actor=coordinator,
        level=2,
        on=timezone.localdate(),
        start_time=time(10, 0),
        end_time=time(13, 0),
        venue="Probation head office",
    )
    case = MappaCase.objects.get(nominal__crn="X123456")
    meetings.add_urgent_item(actor=coordinator, meeting=meeting, case=case, reason="Weekly list")
    case_lists.designate_named_person(
        actor=coordinator, user=demo_personas["mash.manager"], position="mash_manager"
    )
    return case_lists.publish_case_list(actor=coordinator)


def test_the_named_person_reviews_the_candidates_near_the_threshold(sign_in, published, tmp_path):
    page = sign_in("mash.manager")
    page.get_by_role("link", name="Case list for the week of").click()
    page.get_by_role("link", name="Check against a social-care extract").click()
    extract = tmp_path / "socialcare.csv"
    extract.write_text(EXTRACT, encoding="utf-8")
    page.get_by_label("Social-care extract (CSV)").set_input_files(str(extract))
    # Matching runs at once in tests, inside the request: slow on a shared machine.
    page.get_by_role("button", name="Upload and start matching").click(timeout=MATCHING_MS)
    expect(page.get_by_test_id("run-status")).to_contain_text("Finished", timeout=MATCHING_MS)

    near = page.get_by_test_id("near-threshold")
    expect(near).to_contain_text("2 candidates between 5% and 95%")
    expect(near).to_contain_text("1 at or above the threshold of 50%, 1 below it")
    expect(page.get_by_test_id("candidates")).not_to_contain_text("Smyth")
    assert_no_violations(page)

    near.get_by_role("link", name="Review the candidates near the threshold").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Candidates near the threshold")
    near_url = page.url
    rows = page.get_by_test_id("near-candidate")
    expect(rows).to_have_count(2)
    shown = [float(rows.nth(i).locator("td").first.inner_text().split("%")[0]) for i in range(2)]
    assert shown == sorted(shown, reverse=True)  # most likely first
    expect(rows.nth(1)).to_contain_text("John Smyth")
    expect(rows.nth(1)).to_contain_text("below")
    assert_no_violations(page)

    rows.nth(1).get_by_role("link", name="John Smyth").click()
    page.get_by_label("No, reject it").check()
    assert_no_violations(page)
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_test_id("decision")).to_contain_text("Not a match")
    page.goto(near_url)
    expect(page.get_by_test_id("near-candidate").nth(1)).to_contain_text("Not a match")
